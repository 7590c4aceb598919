/**
 * A small forward scanner over XML text, enough for SpreadsheetML: tags with their positions (so a writer can splice
 * the original text), local names whatever the prefix, attributes on demand, and entity decoding. No DOM is built.
 */

export interface Tag {
  /** Local name, without any namespace prefix. */
  name: string;
  /** Index of '<' and of the character after '>'. */
  start: number;
  end: number;
  close: boolean;
  selfClosing: boolean;
}

/**
 * The tag starting at or after `from`, skipping comments, processing instructions, doctype and CDATA (whose text
 * the caller gets through `textBetween`); null at the end.
 */
export function nextTag(xml: string, from: number): Tag | null {
  const cursor = new TagCursor(xml);
  return cursor.next(from) ? cursor.tag() : null;
}

/**
 * The tag scanner: nextTag's tags in order, with the tag's fields overwritten at each step instead of a new object
 * and name string per tag. The hot loops (a sheet's cells, the shared strings) use it directly; nextTag wraps it.
 */
export class TagCursor {
  /** Index of '<' and of the character after '>'. */
  start = 0;
  end = 0;
  /** The local name (prefix left out) is xml.slice(nameStart, nameEnd). */
  nameStart = 0;
  nameEnd = 0;
  close = false;
  selfClosing = false;

  constructor(readonly xml: string) {}

  /** Moves to the tag starting at or after `from` (as nextTag finds it); false at the end. */
  next(from: number): boolean {
    const xml = this.xml;
    let i = xml.indexOf('<', from);
    while (i >= 0) {
      const c = xml.charCodeAt(i + 1);
      if (c === 0x21 /* ! */) {
        if (xml.startsWith('<!--', i)) i = after(xml, '-->', i);
        else if (xml.startsWith('<![CDATA[', i)) i = after(xml, ']]>', i);
        else i = after(xml, '>', i);
        i = xml.indexOf('<', i);
        continue;
      }
      if (c === 0x3f /* ? */) {
        i = xml.indexOf('<', after(xml, '?>', i));
        continue;
      }
      const close = c === 0x2f; /* / */
      let j = close ? i + 2 : i + 1;
      let nameStart = j;
      const length = xml.length;
      for (; j < length; j++) {
        const d = xml.charCodeAt(j);
        if (d === 0x3a) nameStart = j + 1;
        else if (d === 0x20 || d === 0x3e || d === 0x2f || d === 0x09 || d === 0x0a || d === 0x0d) break;
      }
      const end = tagEnd(xml, j);
      this.start = i;
      this.end = end;
      this.nameStart = nameStart;
      this.nameEnd = j;
      this.close = close;
      this.selfClosing = !close && xml.charCodeAt(end - 2) === 0x2f;
      return true;
    }
    return false;
  }

  /** Whether the tag's local name is `name`. */
  is(name: string): boolean {
    return this.nameEnd - this.nameStart === name.length && this.xml.startsWith(name, this.nameStart);
  }

  /** The current tag as nextTag returns it. */
  tag(): Tag {
    return {
      name: this.xml.slice(this.nameStart, this.nameEnd),
      start: this.start,
      end: this.end,
      close: this.close,
      selfClosing: this.selfClosing,
    };
  }
}

/**
 * Walks the attributes of a start tag in place: after each `next()`, the local name (prefix left out) is
 * xml.slice(nameStart, nameEnd) and the raw value (entities not decoded) xml.slice(valueStart, valueEnd).
 * Namespace declarations (xmlns, xmlns:x) are skipped, as `attributes` skips them.
 */
export class AttributeCursor {
  nameStart = 0;
  nameEnd = 0;
  valueStart = 0;
  valueEnd = 0;
  private at = 0;
  private to = 0;

  constructor(readonly xml: string) {}

  /** Starts on the text of a tag from just after its name up to its end. */
  reset(from: number, to: number): void {
    this.at = from;
    this.to = to;
  }

  next(): boolean {
    const xml = this.xml;
    const to = this.to;
    let i = this.at;
    while (i < to) {
      let c = xml.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e || c === 0x3c) {
        i++;
        continue;
      }
      // An attribute's name runs up to white space, '=', or the tag's end.
      const start = i;
      let local = i;
      for (; i < to; i++) {
        c = xml.charCodeAt(i);
        if (c === 0x3a) local = i + 1;
        else if (
          c === 0x3d ||
          c === 0x20 ||
          c === 0x09 ||
          c === 0x0a ||
          c === 0x0d ||
          c === 0x2f ||
          c === 0x3e ||
          c === 0x3c ||
          c === 0x22 ||
          c === 0x27
        )
          break;
      }
      const nameEnd = i;
      while (i < to && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== 0x3d /* = */ || i >= to) continue;
      i++;
      while (i < to && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== 0x22 && quote !== 0x27) continue;
      const valueStart = i + 1;
      const close = xml.indexOf(quote === 0x22 ? '"' : "'", valueStart);
      if (close < 0 || close >= to) break;
      i = close + 1;
      if (nameEnd === start) continue;
      // xmlns="…" and xmlns:x="…" declare namespaces; they are not attributes.
      if (xml.startsWith('xmlns', start) && (nameEnd === start + 5 || local === start + 6)) continue;
      this.nameStart = local;
      this.nameEnd = nameEnd;
      this.valueStart = valueStart;
      this.valueEnd = close;
      this.at = i;
      return true;
    }
    this.at = to;
    return false;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function after(xml: string, marker: string, from: number): number {
  const k = xml.indexOf(marker, from);
  return k < 0 ? xml.length : k + marker.length;
}

/** The index after the '>' that ends a tag, stepping over quoted attribute values (which may hold '>'). */
function tagEnd(xml: string, from: number): number {
  for (let j = from; j < xml.length; j++) {
    const d = xml.charCodeAt(j);
    if (d === 0x3e) return j + 1;
    if (d === 0x22 || d === 0x27) {
      const k = xml.indexOf(d === 0x22 ? '"' : "'", j + 1);
      if (k < 0) return xml.length;
      j = k;
    }
  }
  return xml.length;
}

const ATTRIBUTE = /([^\s=/<>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag by local name (a prefixed r:id is 'id'; xmlns declarations are left out). */
export function attributes(xml: string, tag: Tag): Record<string, string> {
  const out: Record<string, string> = {};
  const text = xml.slice(tag.start, tag.end);
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m; m = ATTRIBUTE.exec(text)) {
    const full = m[1];
    if (full === 'xmlns' || full.startsWith('xmlns:')) continue;
    const colon = full.indexOf(':');
    out[colon >= 0 ? full.slice(colon + 1) : full] = decodeEntities(m[2] ?? m[3]);
  }
  return out;
}

/** One attribute of a start tag by local name, or undefined (faster than `attributes` for one look-up). */
export function attribute(xml: string, tag: Tag, local: string): string | undefined {
  return attributeSpan(xml, tag, local)?.value;
}

/** Where an attribute's value sits in the text (quotes excluded), to replace it in place. */
export function attributeSpan(
  xml: string,
  tag: Tag,
  local: string,
): { value: string; start: number; end: number } | undefined {
  // Searched within the tag's own text: a search of the whole document for an absent attribute would cost O(n).
  const text = xml.slice(tag.start, tag.end);
  let i = 0;
  for (;;) {
    i = text.indexOf(local, i + 1);
    if (i < 0) return undefined;
    const before = text.charCodeAt(i - 1);
    if (before !== 0x20 && before !== 0x3a && before !== 0x09 && before !== 0x0a && before !== 0x0d) continue;
    let j = i + local.length;
    while (text.charCodeAt(j) === 0x20) j++;
    if (text.charCodeAt(j) !== 0x3d /* = */) continue;
    j++;
    while (text.charCodeAt(j) === 0x20) j++;
    const quote = text[j];
    if (quote !== '"' && quote !== "'") continue;
    const k = text.indexOf(quote, j + 1);
    if (k < 0) return undefined;
    // A prefixed name like r:id counts; xmlns:x does not (it is a declaration, not an attribute).
    if (before === 0x3a && text.startsWith('xmlns', i - 6) && /\s/.test(text[i - 7])) continue;
    return { value: decodeEntities(text.slice(j + 1, k)), start: tag.start + j + 1, end: tag.start + k };
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, e: string) => {
    if (e[0] !== '#') return NAMED[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The text of an element's content, CDATA sections included, entities decoded (markup inside is dropped). */
export function textBetween(xml: string, start: number, end: number): string {
  const raw = xml.slice(start, end);
  if (raw.indexOf('<') < 0) return decodeEntities(raw);
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const lt = raw.indexOf('<', i);
    if (lt < 0) {
      out += decodeEntities(raw.slice(i));
      break;
    }
    out += decodeEntities(raw.slice(i, lt));
    if (raw.startsWith('<![CDATA[', lt)) {
      const k = raw.indexOf(']]>', lt);
      out += raw.slice(lt + 9, k < 0 ? raw.length : k);
      i = k < 0 ? raw.length : k + 3;
    } else {
      const k = raw.indexOf('>', lt);
      i = k < 0 ? raw.length : k + 1;
    }
  }
  return out;
}

/** OOXML's escape for characters XML cannot hold (_x000D_ is a carriage return); _x005F_ escapes the underscore. */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const NEEDS_ESCAPE = /[&<>]/;

export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  // One native replacement per character present (& first, so the entities made after it stay as they are): a
  // reason line's "<" costs no callback per match.
  let out = text;
  if (out.indexOf('&') >= 0) out = out.replace(/&/g, '&amp;');
  if (out.indexOf('<') >= 0) out = out.replace(/</g, '&lt;');
  if (out.indexOf('>') >= 0) out = out.replace(/>/g, '&gt;');
  return out;
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}

/** The prefix (with its colon) the document's root element uses, '' for a default namespace: new elements match it. */
export function rootPrefix(xml: string): string {
  const root = nextTag(xml, 0);
  if (!root) return '';
  const raw = xml.slice(root.start + 1, root.start + 1 + xml.slice(root.start + 1).search(/[\s/>]/));
  const colon = raw.indexOf(':');
  return colon >= 0 ? raw.slice(0, colon + 1) : '';
}

/** A1-style reference → 1-based row and 0-based column; null when malformed. */
export function parseRef(ref: string): { row: number; column: number } | null {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) column = column * 26 + (c - 64);
    else if (c >= 97 && c <= 122) column = column * 26 + (c - 96);
    else if (c === 0x24 /* $ */) continue;
    else break;
  }
  if (column === 0) return null;
  if (ref.charCodeAt(i) === 0x24) i++;
  const row = Number(ref.slice(i));
  return Number.isInteger(row) && row > 0 ? { row, column: column - 1 } : null;
}

/** 0-based column → letters (0 → A). */
export function columnName(column: number): string {
  let s = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
