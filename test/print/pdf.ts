/** A small reader of the PDFs LibreOffice prints: per page, the texts shown and the height each prints at. */
import { inflateSync, unzlibSync } from 'fflate';

export interface PdfText {
  text: string;
  /** Printed height of the font in points (font size × the text and page matrices' vertical scale). */
  size: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

interface PdfObject {
  dict: string;
  stream?: Uint8Array;
}

/** zlib data, tolerating a trailing end-of-line before endstream. */
function inflate(data: Uint8Array): Uint8Array {
  try {
    return unzlibSync(data);
  } catch {
    try {
      return inflateSync(data.subarray(2));
    } catch {
      return new Uint8Array();
    }
  }
}

function objects(bytes: Uint8Array): Map<number, PdfObject> {
  const text = Buffer.from(bytes).toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+)\s+0\s+obj\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const s = body.indexOf('stream');
    if (s < 0) out.set(Number(m[1]), { dict: body });
    else {
      let from = start + s + 'stream'.length;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      // /Length may be an indirect reference: the stream then ends at its endstream keyword.
      const length = /\/Length\s+(\d+)\s*(\/|>>)/.exec(body.slice(0, s))?.[1];
      const to = length ? from + Number(length) : start + body.lastIndexOf('endstream');
      let data: Uint8Array = bytes.slice(from, to);
      if (/\/FlateDecode/.test(body.slice(0, s))) data = inflate(data);
      out.set(Number(m[1]), { dict: body.slice(0, s), stream: data });
    }
    re.lastIndex = end;
  }
  return out;
}

/** A ToUnicode CMap: glyph code (hex) → text. */
function cmapOf(stream: Uint8Array): Map<string, string> {
  const text = Buffer.from(stream).toString('latin1');
  const map = new Map<string, string>();
  const utf16 = (hex: string) => {
    const buf = Buffer.from(hex, 'hex');
    let s = '';
    for (let i = 0; i + 1 < buf.length; i += 2) s += String.fromCharCode(buf.readUInt16BE(i));
    return s;
  };
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(m[1].toUpperCase(), utf16(m[2]));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      const base = parseInt(m[3], 16);
      for (let c = lo; c <= hi; c++)
        map.set(c.toString(16).toUpperCase().padStart(m[1].length, '0'), String.fromCharCode(base + c - lo));
    }
  return map;
}

/** Tokens of a content stream: numbers, names, strings (hex or literal) and operators; arrays are flattened. */
function* tokens(content: string): Generator<string> {
  const re = /\/[^\s/<>[\]()]+|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|-?\d*\.?\d+|[A-Za-z'"*]+|[[\]]|<<|>>/g;
  for (let m = re.exec(content); m; m = re.exec(content)) yield m[0];
}

/** Each page's texts in order, with the printed height of each. */
export function pdfPages(bytes: Uint8Array): PdfText[][] {
  const objs = objects(bytes);
  const fonts = new Map<string, Map<string, string>>();
  for (const o of objs.values()) {
    // The resources' font dictionary, inline or an object of its own (LibreOffice: /Font 92 0 R).
    const ref = /\/Font\s+(\d+)\s+0\s+R/.exec(o.dict)?.[1];
    const dict = ref ? objs.get(Number(ref))?.dict : /\/Font\s*<<([^>]*)>>/.exec(o.dict)?.[1];
    if (!dict) continue;
    for (const m of dict.matchAll(/\/([^\s/]+)\s+(\d+)\s+0\s+R/g)) {
      const font = objs.get(Number(m[2]));
      const cmapRef = font && /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(font.dict)?.[1];
      const cmap = cmapRef ? objs.get(Number(cmapRef))?.stream : undefined;
      fonts.set(m[1], cmap ? cmapOf(cmap) : new Map());
    }
  }
  // Pages in order: the page tree's Kids, depth first.
  const root = [...objs.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent/.test(o.dict));
  const pages: PdfObject[] = [];
  const walk = (o: PdfObject) => {
    if (/\/Type\s*\/Page\b/.test(o.dict)) return void pages.push(o);
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict)?.[1] ?? '';
    for (const k of kids.matchAll(/(\d+)\s+0\s+R/g)) {
      const kid = objs.get(Number(k[1]));
      if (kid) walk(kid);
    }
  };
  if (root) walk(root);
  return pages.map((page) => {
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(page.dict)?.[1] ?? '';
    const streams = [...contents.matchAll(/(\d+)\s+0\s+R/g)].map((m) => objs.get(Number(m[1]))?.stream);
    const content = streams.map((s) => (s ? Buffer.from(s).toString('latin1') : '')).join('\n');
    return texts(content, fonts);
  });
}

function texts(content: string, fonts: Map<string, Map<string, string>>): PdfText[] {
  const out: PdfText[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let tm: Matrix = IDENTITY;
  let lm: Matrix = IDENTITY;
  let font = new Map<string, string>();
  let size = 0;
  let leading = 0;
  const operands: string[] = [];
  const show = (strings: string[]) => {
    const m = multiply(tm, ctm);
    const height = size * Math.hypot(m[2], m[3]);
    const text = strings.map((s) => decode(s, font)).join('');
    if (text.trim()) out.push({ text, size: height });
  };
  for (const t of tokens(content)) {
    if (/^[A-Za-z'"*]+$/.test(t) && t !== 'true' && t !== 'false') {
      const num = (i: number) => Number(operands[operands.length - i]);
      switch (t) {
        case 'q':
          stack.push(ctm);
          break;
        case 'Q':
          ctm = stack.pop() ?? IDENTITY;
          break;
        case 'cm':
          ctm = multiply([num(6), num(5), num(4), num(3), num(2), num(1)], ctm);
          break;
        case 'BT':
          tm = lm = IDENTITY;
          break;
        case 'Tf':
          font = fonts.get(operands[operands.length - 2]?.slice(1) ?? '') ?? new Map();
          size = num(1);
          break;
        case 'TL':
          leading = num(1);
          break;
        case 'Tm':
          tm = lm = [num(6), num(5), num(4), num(3), num(2), num(1)];
          break;
        case 'Td':
        case 'TD':
          if (t === 'TD') leading = -num(1);
          tm = lm = multiply([1, 0, 0, 1, num(2), num(1)], lm);
          break;
        case 'T':
          break;
        case 'Tj':
        case 'TJ':
        case "'":
        case '"':
          if (t === "'" || t === '"') tm = lm = multiply([1, 0, 0, 1, 0, -leading], lm);
          show(operands.filter((o) => o.startsWith('<') || o.startsWith('(')));
          break;
      }
      if (t === 'T*') tm = lm = multiply([1, 0, 0, 1, 0, -leading], lm);
      operands.length = 0;
    } else if (t !== '[' && t !== ']') operands.push(t);
  }
  return out;
}

function decode(s: string, cmap: Map<string, string>): string {
  let hex: string;
  if (s.startsWith('<')) hex = s.slice(1, -1).replace(/\s/g, '').toUpperCase();
  else {
    const raw = s
      .slice(1, -1)
      .replace(/\\([0-7]{1,3}|.)/g, (_, e: string) =>
        /^[0-7]+$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t' }[e] ?? e),
      );
    hex = Buffer.from(raw, 'latin1').toString('hex').toUpperCase();
  }
  if (cmap.size === 0) return Buffer.from(hex, 'hex').toString('latin1');
  const width = [...cmap.keys()][0]?.length ?? 2;
  let out = '';
  for (let i = 0; i < hex.length; i += width) out += cmap.get(hex.slice(i, i + width)) ?? '';
  return out;
}
