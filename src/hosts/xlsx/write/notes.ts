/**
 * Notes (legacy comments) for marked cells: added to the sheet's comments part and its VML drawing when they exist,
 * both created when not. The user's notes keep their text and author; ours are appended under the separator and
 * written by 均衡评估助手. Cells with a threaded comment are left alone: their note is Excel's placeholder.
 */
import { TRANSITIONAL } from '../package/conformance';
import { TextSink, spliceInto, type TextEdit } from '../package/sink';
import { attribute, columnName, escapeText, nextTag, parseRef, rootPrefix } from '../package/xml';

export const NOTE_AUTHOR = '均衡评估助手';
/** Separates the user's own note from ours when a marked cell already had one. */
export const NOTE_SEPARATOR = '\n——\n';

export interface NoteTarget {
  row: number;
  column: number;
  text: string;
}

const encoder = new TextEncoder();
const utf8 = (text: string): Uint8Array => encoder.encode(text);

const run = (p: string, text: string) =>
  `<${p}r><${p}rPr><${p}sz val="9"/><${p}rFont val="宋体"/></${p}rPr><${p}t xml:space="preserve">${escapeText(text)}</${p}t></${p}r>`;

/**
 * The comments part with the notes added, as UTF-8 bytes, and the cells that got a new comment (they need a VML
 * shape); cells whose existing comment was extended already have one.
 */
export function addComments(
  xml: string | undefined,
  notes: readonly NoteTarget[],
  skip: ReadonlySet<string>,
  /** The package's SpreadsheetML namespace, for a comments part made here (transitional or strict). */
  mainNs: string = TRANSITIONAL.main,
): { bytes: Uint8Array; created: NoteTarget[] } {
  const comments = commentsWith(xml, notes, skip, mainNs);
  const sink = new TextSink(comments.expectedBytes);
  comments.write(sink);
  return { bytes: sink.bytes(), created: comments.created };
}

/**
 * addComments as a plan: the cells that get a new comment, and how to write the part into a sink (written only
 * when asked: a streaming sink compresses it as it comes).
 */
export function commentsWith(
  xml: string | undefined,
  notes: readonly NoteTarget[],
  skip: ReadonlySet<string>,
  mainNs: string = TRANSITIONAL.main,
): { created: NoteTarget[]; expectedBytes: number; write: (sink: TextSink) => void } {
  const source =
    xml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${mainNs}"><authors></authors><commentList></commentList></comments>`;
  const p = rootPrefix(source);
  const edits: TextEdit[] = [];
  const existing = new Map<string, number>(); // ref → index of </text>
  let authors = 0;
  let ourAuthor = -1;
  let authorsClose = -1;
  let authorsSelfClosing: { start: number; end: number } | null = null;
  let listClose = -1;
  let listSelfClosing: { start: number; end: number } | null = null;
  let currentRef: string | null = null;
  for (let tag = nextTag(source, 0); tag; tag = nextTag(source, tag.end)) {
    if (tag.name === 'author' && !tag.close) {
      if (!tag.selfClosing) {
        const close = source.indexOf('<', tag.end);
        if (source.slice(tag.end, close) === NOTE_AUTHOR) ourAuthor = authors;
      }
      authors++;
    } else if (tag.name === 'authors') {
      if (tag.close) authorsClose = tag.start;
      else if (tag.selfClosing) authorsSelfClosing = tag;
    } else if (tag.name === 'commentList') {
      if (tag.close) listClose = tag.start;
      else if (tag.selfClosing) listSelfClosing = tag;
    } else if (tag.name === 'comment' && !tag.close) {
      const ref = parseRef(attribute(source, tag, 'ref') ?? '');
      currentRef = ref ? `${ref.row}:${ref.column}` : null;
    } else if (tag.name === 'text' && tag.close && currentRef) {
      existing.set(currentRef, tag.start);
      currentRef = null;
    }
  }
  if (ourAuthor < 0) {
    ourAuthor = authors;
    const text = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
    if (authorsClose >= 0) edits.push({ start: authorsClose, end: authorsClose, text });
    else if (authorsSelfClosing)
      edits.push({
        start: authorsSelfClosing.start,
        end: authorsSelfClosing.end,
        text: `<${p}authors>${text}</${p}authors>`,
      });
  }
  const created: NoteTarget[] = [];
  let expected = source.length;
  for (const n of notes) {
    const key = `${n.row}:${n.column}`;
    if (skip.has(key)) continue;
    const extended = existing.get(key);
    if (extended !== undefined) {
      edits.push({ start: extended, end: extended, text: run(p, NOTE_SEPARATOR + n.text) });
      continue;
    }
    created.push(n);
    expected += 200 + n.text.length * 3;
  }
  // The new comments are written straight into the part's bytes, one at a time, when the splice reaches the list's end:
  // the markup around each note's text is the same for all of them, encoded once (the text escaped as it is encoded).
  const open = `<${p}comment ref="`;
  const [head, tail] = run(p, '\u0000').split('\u0000');
  const middle = utf8(`" authorId="${ourAuthor}"><${p}text>${head}`);
  const end = utf8(`${tail}</${p}text></${p}comment>`);
  const writeComments = (sink: TextSink) => {
    for (const n of created) {
      sink.write(open);
      sink.write(columnName(n.column));
      sink.write(String(n.row));
      sink.writeBytes(middle);
      sink.writeEscaped(n.text);
      sink.writeBytes(end);
    }
  };
  if (created.length > 0) {
    if (listClose >= 0) edits.push({ start: listClose, end: listClose, text: writeComments });
    else if (listSelfClosing)
      edits.push(
        { start: listSelfClosing.start, end: listSelfClosing.end, text: `<${p}commentList>` },
        { start: listSelfClosing.end, end: listSelfClosing.end, text: writeComments },
        { start: listSelfClosing.end, end: listSelfClosing.end, text: `</${p}commentList>` },
      );
  }
  return { created, expectedBytes: expected, write: (sink) => spliceInto(sink, source, edits) };
}

const vmlHead = (idBase: number) =>
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idBase}"/></o:shapelayout>`;
const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** The VML drawing with a hidden note shape for each new comment (Excel shows a note through its shape), as UTF-8. */
export function addNoteShapes(
  vml: string | undefined,
  cells: readonly NoteTarget[],
  idBase: number,
): Uint8Array {
  const sink = new TextSink((vml?.length ?? 1024) + cells.length * 700);
  writeNoteShapes(sink, vml, cells, idBase);
  return sink.bytes();
}

/** addNoteShapes into a sink. */
export function writeNoteShapes(
  sink: TextSink,
  vml: string | undefined,
  cells: readonly NoteTarget[],
  idBase: number,
): void {
  let text = vml ?? `${vmlHead(idBase)}${SHAPE_TYPE}</xml>`;
  if (cells.length === 0) {
    sink.write(text);
    return;
  }
  if (!text.includes('_x0000_t202')) text = insertBeforeEnd(text, SHAPE_TYPE);
  let max = idBase * 1024;
  for (const m of text.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  const end = text.lastIndexOf('</xml>');
  sink.write(end < 0 ? text : text.slice(0, end));
  // Each shape is the same markup around eight numbers: the markup encoded once, the numbers written as digits.
  cells.forEach((c, i) => {
    sink.writeBytes(SHAPE[0]);
    sink.writeCount(max + 1 + i);
    sink.writeBytes(SHAPE[1]);
    sink.writeCount(i + 1);
    sink.writeBytes(SHAPE[2]);
    // The anchor: from column, offset, row, offset; to column, offset, row, offset.
    sink.writeCount(c.column + 1);
    sink.writeBytes(SHAPE[3]);
    sink.writeCount(Math.max(0, c.row - 2));
    sink.writeBytes(SHAPE[4]);
    sink.writeCount(c.column + 3);
    sink.writeBytes(SHAPE[5]);
    sink.writeCount(c.row + 3);
    sink.writeBytes(SHAPE[6]);
    sink.writeCount(c.row - 1);
    sink.writeBytes(SHAPE[7]);
    sink.writeCount(c.column);
    sink.writeBytes(SHAPE[8]);
  });
  if (end >= 0) sink.write(text.slice(end));
}

/** A note's shape around its numbers (shape id, z-index, the anchor's four cells, row, column), as UTF-8. */
const SHAPE = [
  '<v:shape id="_x0000_s',
  '" type="#_x0000_t202" style="position:absolute;margin-left:0;margin-top:0;width:180pt;height:80pt;z-index:',
  ';visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">' +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>',
  ', 15, ',
  ', 10, ',
  ', 15, ',
  ', 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>',
  '</x:Row><x:Column>',
  '</x:Column></x:ClientData></v:shape>',
].map(utf8);

function insertBeforeEnd(vml: string, text: string): string {
  const end = vml.lastIndexOf('</xml>');
  return end < 0 ? vml + text : vml.slice(0, end) + text + vml.slice(end);
}

/** `A1`-style key of a cell for the threaded-comment look-up. */
export function cellKey(row: number, column: number): string {
  return `${row}:${column}`;
}

/** Cells that carry a threaded comment, from the threadedComments part. */
export function threadedCells(xml: string | undefined): Set<string> {
  const out = new Set<string>();
  if (!xml) return out;
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.name !== 'threadedComment' || tag.close) continue;
    const ref = parseRef(attribute(xml, tag, 'ref') ?? '');
    if (ref) out.add(cellKey(ref.row, ref.column));
  }
  return out;
}
