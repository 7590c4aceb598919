/** The reference for the shared-string reader's exactness tests: the general reader, one Tag object per tag. */
import { decodeOoxmlEscapes, textBetween } from '../../../../src/hosts/xlsx/package/xml';
import { nextTag } from './xml';

/** The plain text of the string item between `from` and `to` (an <si> or <is> body). */
export function stringItemText(xml: string, from: number, to: number): string {
  let out = '';
  let skip = 0;
  for (let tag = nextTag(xml, from); tag && tag.start < to; tag = nextTag(xml, tag.end)) {
    if (tag.name === 'rPh') {
      if (tag.close) skip--;
      else if (!tag.selfClosing) skip++;
    } else if (tag.name === 't' && !tag.close && !tag.selfClosing && skip === 0) {
      const close = xml.indexOf('</', tag.end);
      out += textBetween(xml, tag.end, close < 0 ? to : close);
    }
  }
  return decodeOoxmlEscapes(out);
}

export function readSharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (!xml) return out;
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.name !== 'si' || tag.close) continue;
    if (tag.selfClosing) {
      out.push('');
      continue;
    }
    const end = closingTag(xml, tag.end, 'si');
    out.push(stringItemText(xml, tag.end, end));
    tag.end = end;
  }
  return out;
}

/** Index of the closing tag of `name` at or after `from` (prefixes allowed); the text's end when missing. */
export function closingTag(xml: string, from: number, name: string): number {
  for (let tag = nextTag(xml, from); tag; tag = nextTag(xml, tag.end)) {
    if (tag.close && tag.name === name) return tag.start;
  }
  return xml.length;
}
