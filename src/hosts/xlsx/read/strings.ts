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
  for (let p = 0; tag.next(p);) {
    p = tag.end;
    if (tag.close || !tag.is('si')) continue;
    if (tag.selfClosing) {
      out.push('');
      continue;
    }
    const body = tag.end;
    const plain = plainItem(xml, body);
    if (plain >= 0) {
      out.push(plainText);
      p = plain;
      continue;
    }
    out.push(itemText(tag, body, -1));
    // On the closing </si>, or past the text's end when it is missing.
    if (tag.start < body) break;
    p = tag.end;
  }
  return out;
}

const PLAIN_T = '<t>';
const PRESERVED_T = '<t xml:space="preserve">';
const PLAIN_END = '</t></si>';
/** Set by plainItem: the item's text. */
let plainText = '';

/**
 * The usual item, `<si><t>text</t></si>` (or with xml:space="preserve"), whose text holds no markup: read straight
 * from the text, exactly as itemText reads it. Returns the index after its </si>, or -1 for any other form.
 */
function plainItem(xml: string, body: number): number {
  let start: number;
  if (xml.startsWith(PLAIN_T, body)) start = body + PLAIN_T.length;
  else if (xml.startsWith(PRESERVED_T, body)) start = body + PRESERVED_T.length;
  else return -1;
  const close = xml.indexOf('<', start);
  if (close < 0 || !xml.startsWith(PLAIN_END, close)) return -1;
  const raw = xml.slice(start, close);
  plainText = decodeOoxmlEscapes(raw.indexOf('&') < 0 ? raw : decodeEntities(raw));
  return close + PLAIN_END.length;
}
