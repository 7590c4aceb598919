/** Shared strings and inline strings as plain text: rich-text runs joined, phonetic guides (rPh) left out. */
import { decodeEntities, decodeOoxmlEscapes, TagCursor, textBetween } from '../package/xml';

/** The plain text of the string item between `from` and `to` (an <si> or <is> body). */
export function stringItemText(xml: string, from: number, to: number): string {
  return itemText(new TagCursor(xml), from, to);
}

/**
 * The text of the string item whose body starts at `from`, up to `to` or, when `to` is -1, up to the first closing
 * </si> (the cursor is left on it).
 */
function itemText(tag: TagCursor, from: number, to: number): string {
  const xml = tag.xml;
  let out = '';
  let skip = 0;
  for (let p = from; tag.next(p); p = tag.end) {
    if (to >= 0 ? tag.start >= to : tag.close && tag.is('si')) break;
    if (tag.is('rPh')) {
      if (tag.close) skip--;
      else if (!tag.selfClosing) skip++;
    } else if (!tag.close && !tag.selfClosing && skip === 0 && tag.is('t')) {
      const close = xml.indexOf('</', tag.end);
      out += textBetween(xml, tag.end, close < 0 ? (to >= 0 ? to : xml.length) : close);
    }
  }
  return decodeOoxmlEscapes(out);
}

export function readSharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (!xml) return out;
  const tag = new TagCursor(xml);
  for (let p = 0; ;) {
    // Runs of plain items, then one tag by the general rules.
    p = plainItems(xml, p, out);
    if (!tag.next(p)) break;
    p = tag.end;
    if (tag.close || !tag.is('si')) continue;
    if (tag.selfClosing) {
      out.push('');
      continue;
    }
    const body = tag.end;
    out.push(itemText(tag, body, -1));
    // On the closing </si>, or past the text's end when it is missing.
    if (tag.start < body) break;
    p = tag.end;
  }
  return out;
}

/**
 * The usual item, `<si><t>text</t></si>` (or with xml:space="preserve"), with no markup in its text: read as itemText
 * reads it, its text decoded. White space before it is text between items, which the general rules skip too.
 */
const PLAIN_ITEM = /[ \t\r\n]*<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>/y;

/** Reads the plain items from `p` on into `out`; returns the index after the last. */
function plainItems(xml: string, p: number, out: string[]): number {
  PLAIN_ITEM.lastIndex = p;
  for (let m = PLAIN_ITEM.exec(xml); m !== null; m = PLAIN_ITEM.exec(xml)) {
    const raw = m[1];
    out.push(decodeOoxmlEscapes(raw.indexOf('&') < 0 ? raw : decodeEntities(raw)));
    p = PLAIN_ITEM.lastIndex;
  }
  return p;
}
