/**
 * The marked copy: the input package with the smallest change that carries Balance's output. Marked cells get a
 * cloned format with a fill (only their `s` changes), notes go into the comments part, the report sheets become
 * new parts, and workbook.xml, its relationships, [Content_Types].xml and docProps/app.xml change only to register
 * them. Every other part is copied with its compressed bytes untouched.
 */
import {
  blockCells,
  type CellMark,
  type ExistingSheet,
  type HighlightPlan,
  placeReports,
  planFingerprint,
  readReportMark,
  REPORT_MARK_NAME,
  reportFingerprint,
  reportMarkText,
  type ReportOutcome,
  type ReportPlacement,
  type ReportPlan,
} from '../../../engine';
import { type Conformance, conformanceOf } from '../package/conformance';
import { decodePart, relativeTarget, relsPathOf } from '../package/parts';
import { spliceInto, TextSink } from '../package/sink';
import { attribute, escapeAttribute, escapeText, nextTag, rootPrefix } from '../package/xml';
import { deflateEntry, EntryWriter, inflateEntry, type ZipEntry, writeZip } from '../package/zip';
import type { Workbook } from '../workbook';
import { commentsWith, threadedCells, writeNoteShapes } from './notes';
import { printTitlesOf, writeReportSheet } from './reportSheet';
import { markCells } from './sheetMarks';
import { minimalStyles, splice, StylesPatch } from './styles';

const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};

type Edit = { start: number; end: number; text: string };

/**
 * Collects the changes to the package, then writes it. Small parts that later steps edit again (relationships,
 * workbook.xml, styles) are kept as text; big ones (the marked sheet, notes, report sheets) are compressed as soon
 * as they are made, so that at most one of them is held uncompressed at a time.
 */
class PackagePatch {
  private readonly changed = new Map<string, string | ZipEntry>();
  private readonly added: { name: string; content: string | ZipEntry }[] = [];
  private readonly overrides: { part: string; type: string }[] = [];
  private readonly defaults: { extension: string; type: string }[] = [];
  private readonly newRels = new Map<string, string[]>();

  /** Transitional or Strict, as the input is: every new or changed element follows it. */
  readonly conformance: Conformance;

  constructor(readonly workbook: Workbook) {
    this.conformance = conformanceOf(workbook.pkg.text(workbook.info.path));
  }

  get pkg() {
    return this.workbook.pkg;
  }

  /** The current text of a part (changed or new ones included). */
  text(name: string): string | undefined {
    const entry = this.pkg.entry(name);
    const content =
      entry && this.changed.has(entry.name)
        ? this.changed.get(entry.name)
        : this.added.find((a) => a.name.toLowerCase() === name.toLowerCase())?.content;
    if (content === undefined) return this.pkg.text(name);
    return typeof content === 'string' ? content : decodePart(inflateEntry(content));
  }

  /** Sets a part to what `write` writes, compressed as it is written (a big part is never held whole). */
  write(name: string, write: (sink: TextSink) => void): void {
    const entry = this.pkg.entry(name);
    const writer = new EntryWriter(entry?.name ?? name, entry);
    const sink = new TextSink(0, writer);
    write(sink);
    sink.end();
    this.set(name, writer.finish());
  }

  set(name: string, content: string | Uint8Array | ZipEntry): void {
    const entry = this.pkg.entry(name);
    const stored =
      typeof content === 'string' || !(content instanceof Uint8Array)
        ? content
        : deflateEntry(entry?.name ?? name, content, entry);
    if (entry) this.changed.set(entry.name, stored);
    else {
      const added = this.added.find((a) => a.name.toLowerCase() === name.toLowerCase());
      if (added) added.content = stored;
      else this.added.push({ name, content: stored });
    }
  }

  exists(name: string): boolean {
    return this.pkg.has(name) || this.added.some((a) => a.name.toLowerCase() === name.toLowerCase());
  }

  /** A new part name like xl/comments3.xml that no part uses yet. */
  freshName(prefix: string, extension: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}.${extension}`;
      if (!this.exists(name)) return name;
    }
  }

  override(part: string, type: string): void {
    this.overrides.push({ part, type });
  }

  defaultType(extension: string, type: string): void {
    this.defaults.push({ extension, type });
  }

  /** Adds a relationship from `source` and returns its id. */
  relate(source: string, type: string, target: string): string {
    const relsName = relsPathOf(source);
    const existing = this.text(relsName);
    const pending = this.newRels.get(relsName) ?? [];
    const ids = new Set([...(existing ?? '').matchAll(/Id\s*=\s*"([^"]*)"/g)].map((m) => m[1]));
    for (const p of pending) ids.add(/Id="([^"]*)"/.exec(p)![1]);
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    pending.push(
      `<Relationship Id="${id}" Type="${this.conformance.relationships}/${type}" Target="${escapeAttribute(relativeTarget(source, target))}"/>`,
    );
    this.newRels.set(relsName, pending);
    return id;
  }

  /** The relationships namespace URI of the package's conformance (strict packages use purl.oclc.org). */
  get relNamespace(): string {
    return this.conformance.relationships;
  }

  finish(): Uint8Array {
    for (const [relsName, rels] of this.newRels) {
      const existing = this.text(relsName);
      if (existing) {
        const end = existing.lastIndexOf('</');
        this.set(relsName, existing.slice(0, end) + rels.join('') + existing.slice(end));
      } else {
        this.set(
          relsName,
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}">${rels.join('')}</Relationships>`,
        );
      }
    }
    if (this.overrides.length || this.defaults.length) {
      const types = this.text('[Content_Types].xml') ?? '';
      const has = (ext: string) => new RegExp(`Extension\\s*=\\s*"${ext}"`, 'i').test(types);
      const text =
        this.defaults
          .filter((d, i, all) => !has(d.extension) && all.findIndex((x) => x.extension === d.extension) === i)
          .map((d) => `<Default Extension="${d.extension}" ContentType="${d.type}"/>`)
          .join('') +
        this.overrides
          .map((o) => `<Override PartName="/${escapeAttribute(o.part)}" ContentType="${o.type}"/>`)
          .join('');
      const end = types.lastIndexOf('</');
      this.set('[Content_Types].xml', types.slice(0, end) + text + types.slice(end));
    }
    const encoder = new TextEncoder();
    const entry = (name: string, content: string | ZipEntry, like?: ZipEntry): ZipEntry =>
      typeof content === 'string' ? deflateEntry(name, encoder.encode(content), like) : content;
    const entries: ZipEntry[] = this.pkg.entries.map((e) => {
      const content = this.changed.get(e.name);
      return content === undefined ? e : entry(e.name, content, e);
    });
    for (const a of this.added) entries.push(entry(a.name, a.content));
    return writeZip(entries);
  }
}

/** The marked copy of an opened workbook, as bytes. */
export function markedCopy(
  workbook: Workbook,
  /** The plan, or a function making it: then it is made when needed and let go once the sheet is marked. */
  highlights: HighlightPlan | (() => HighlightPlan),
  reports: Iterable<ReportPlan>,
): Uint8Array {
  return markedCopyOf(workbook, highlights, reports).bytes;
}

/**
 * The marked copy and what became of the report sheets: a sheet with a report's name that is not Balance's own
 * untouched report (a school-data sheet called 整改测算, a report the user annotated) keeps its part untouched and
 * the report goes to the next free name.
 */
export function markedCopyOf(
  workbook: Workbook,
  /** The plan, or a function making it: then it is made when needed and let go once the sheet is marked. */
  highlights: HighlightPlan | (() => HighlightPlan),
  reports: Iterable<ReportPlan>,
): { bytes: Uint8Array; reports: ReportOutcome } {
  const patch = new PackagePatch(workbook);
  const info = workbook.info;

  let stylesPath = info.stylesPath;
  if (!stylesPath || !patch.exists(stylesPath)) {
    stylesPath = patch
      .freshName(`${folderOf(info.path)}styles`, 'xml')
      .replace(/styles1\.xml$/, 'styles.xml');
    patch.set(stylesPath, minimalStyles(patch.conformance.main));
    patch.relate(info.path, 'styles', stylesPath);
    patch.override(stylesPath, CT.styles);
  }
  const styles = new StylesPatch(patch.text(stylesPath) ?? minimalStyles(patch.conformance.main));

  markPlan(patch, typeof highlights === 'function' ? highlights() : highlights, styles);

  // Each report sheet is placed, written and compressed as it comes: a caller that makes the plans lazily holds one
  // at a time. Placing one plan at a time sees the sheets placed before it as taken.
  const existing = existingSheets(workbook);
  const outcome: ReportOutcome = { written: [], keptUserSheets: [], keptEdited: [] };
  const marks: { index: number; text: string }[] = [];
  let added = 0;
  for (const plan of reports) {
    const { placements, outcome: one } = placeReports([plan], existing);
    for (const placement of placements) {
      const { index, fingerprint } = addReport(
        patch,
        workbook,
        placement,
        styles,
        info.sheets.length + added,
      );
      if (index >= info.sheets.length) added++;
      marks.push({ index, text: reportMarkText(fingerprint ?? planFingerprint(placement.plan)) });
      existing.push({ name: placement.name, mark: null });
    }
    outcome.written.push(...one.written);
    outcome.keptUserSheets.push(...one.keptUserSheets);
    outcome.keptEdited.push(...one.keptEdited);
  }
  if (marks.length > 0) setReportMarks(patch, info.path, marks);
  patch.set(stylesPath, styles.toString());
  return { bytes: patch.finish(), reports: outcome };
}

/** The workbook's sheets with their Balance marks and, for marked ones, the fingerprint of their values now. */
export function existingSheets(workbook: Workbook): ExistingSheet[] {
  return workbook.info.sheets.map((sheet, index) => {
    const mark = readReportMark(workbook.info.localNames.get(index)?.get(REPORT_MARK_NAME.toLowerCase()));
    if (mark === null || !sheet.path) return { name: sheet.name, mark: null };
    const read = workbook.read(sheet);
    const cells = [
      ...blockCells(read.grid.values, read.grid.firstRow, read.grid.firstColumn),
      ...read.outside,
    ];
    return { name: sheet.name, mark, current: reportFingerprint(cells) };
  });
}

/**
 * Writes each report's mark as a hidden sheet-scoped defined name: an existing one (a replaced report) gets its new
 * text, the others are added to <definedNames>, which is created after <sheets> (and the elements CT_Workbook puts
 * between them) when the workbook has none.
 */
function setReportMarks(patch: PackagePatch, path: string, marks: { index: number; text: string }[]): void {
  let wb = patch.text(path) ?? '';
  const p = rootPrefix(wb);
  const fresh: string[] = [];
  for (const mark of marks) {
    const body = escapeText(`"${mark.text}"`);
    let replaced = false;
    for (let tag = nextTag(wb, 0); tag; tag = nextTag(wb, tag.end)) {
      if (tag.close || tag.selfClosing || tag.name !== 'definedName') continue;
      const name = attribute(wb, tag, 'name') ?? '';
      if (name.toLowerCase() !== REPORT_MARK_NAME.toLowerCase()) continue;
      if (attribute(wb, tag, 'localSheetId') !== String(mark.index)) continue;
      const close = wb.indexOf('<', tag.end);
      wb = wb.slice(0, tag.end) + body + wb.slice(close);
      replaced = true;
      break;
    }
    if (!replaced)
      fresh.push(
        `<${p}definedName name="${REPORT_MARK_NAME}" localSheetId="${mark.index}" hidden="1">${body}</${p}definedName>`,
      );
  }
  if (fresh.length > 0) {
    const close = wb.search(/<\/(?:[\w.-]+:)?definedNames>/);
    const empty = /<(?:[\w.-]+:)?definedNames\s*\/>/.exec(wb);
    if (close >= 0) wb = wb.slice(0, close) + fresh.join('') + wb.slice(close);
    else if (empty)
      wb =
        wb.slice(0, empty.index) +
        `<${p}definedNames>${fresh.join('')}</${p}definedNames>` +
        wb.slice(empty.index + empty[0].length);
    else {
      let at = -1;
      for (const re of [
        /<\/(?:[\w.-]+:)?externalReferences>/,
        /<\/(?:[\w.-]+:)?functionGroups>|<(?:[\w.-]+:)?functionGroups\b[^>]*\/>/,
        /<\/(?:[\w.-]+:)?sheets>/,
      ]) {
        const m = re.exec(wb);
        if (m) {
          at = m.index + m[0].length;
          break;
        }
      }
      if (at < 0) return;
      wb = wb.slice(0, at) + `<${p}definedNames>${fresh.join('')}</${p}definedNames>` + wb.slice(at);
    }
  }
  patch.set(path, wb);
}

/** Marks the plan's sheet; a separate function so that a plan made here is garbage once it returns. */
function markPlan(patch: PackagePatch, highlights: HighlightPlan, styles: StylesPatch): void {
  const sheet = patch.workbook.worksheets.find((s) => s.name === highlights.sheet);
  if (sheet?.path && highlights.marks.length > 0) markSheet(patch, sheet.path, highlights, styles);
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function markSheet(patch: PackagePatch, path: string, plan: HighlightPlan, styles: StylesPatch): void {
  const xml = patch.text(path) ?? '';
  const edits: Edit[] = markCells(xml, plan.marks, fillOf(plan.marks, styles));

  const notes = plan.marks.filter((m) => m.note).map((m) => ({ row: m.row, column: m.column, text: m.note }));
  if (notes.length > 0) {
    const rels = patch.pkg.relationships(path);
    const byId = new Map(rels.map((r) => [r.id, r]));
    const threaded = rels.find((r) => r.type === 'threadedComment' && !r.external);
    const skip = threadedCells(threaded ? patch.text(threaded.target) : undefined);
    const commentsRel = rels.find((r) => r.type === 'comments' && !r.external);
    const comments = commentsWith(
      commentsRel ? patch.text(commentsRel.target) : undefined,
      notes,
      skip,
      patch.conformance.main,
    );
    const created = comments.created;
    let commentsPath = commentsRel?.target;
    if (!commentsPath) {
      commentsPath = patch.freshName(`${folderOf(path).replace(/worksheets\/$/, '')}comments`, 'xml');
      patch.relate(path, 'comments', commentsPath);
      patch.override(commentsPath, CT.comments);
    }
    patch.write(commentsPath, comments.write);

    // The note shapes live in the drawing that <legacyDrawing> names (not legacyDrawingHF's, which is for headers).
    let legacy: { id: string; end: number } | null = null;
    for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
      if (tag.name === 'legacyDrawing' && !tag.close) {
        legacy = { id: attribute(xml, tag, 'id') ?? '', end: tag.end };
        break;
      }
    }
    const vmlRel = legacy ? byId.get(legacy.id) : undefined;
    if (vmlRel && !vmlRel.external) {
      const vml = patch.text(vmlRel.target);
      patch.write(vmlRel.target, (sink) => writeNoteShapes(sink, vml, created, 1));
    } else if (created.length > 0) {
      const vmlPath = patch.freshName(
        `${folderOf(path).replace(/worksheets\/$/, '')}drawings/vmlDrawing`,
        'vml',
      );
      const idBase = Number(/(\d+)\.vml$/.exec(vmlPath)?.[1] ?? 1);
      patch.write(vmlPath, (sink) => writeNoteShapes(sink, undefined, created, idBase));
      patch.defaultType('vml', CT.vml);
      const id = patch.relate(path, 'vmlDrawing', vmlPath);
      const p = rootPrefix(xml);
      const element = `<${p}legacyDrawing xmlns:r="${patch.relNamespace}" r:id="${id}"/>`;
      const at = legacyDrawingPosition(xml);
      edits.push({ start: at, end: at, text: element });
    }
  }
  patch.write(path, (sink) => spliceInto(sink, xml, edits));
  // The sheet's text was read for this only.
  patch.pkg.forget(path);
}

/**
 * The style of a marked cell: its own mark's fill when each cell has one mark (a plan's marks are one per cell,
 * sorted); else, as a map from cell to fill would give it, the last mark's fill for the cell.
 */
function fillOf(
  marks: readonly CellMark[],
  styles: StylesPatch,
): (mark: CellMark, current: number) => number {
  let unique = true;
  for (let i = 1; i < marks.length && unique; i++) {
    const a = marks[i - 1];
    const b = marks[i];
    if (b.row < a.row || (b.row === a.row && b.column <= a.column)) unique = false;
  }
  if (unique) return (mark, current) => styles.marked(current, mark.fill ?? '#FFFFFF');
  const fills = new Map(marks.map((m) => [`${m.row}:${m.column}`, m.fill]));
  return (mark, current) => styles.marked(current, fills.get(`${mark.row}:${mark.column}`) ?? '#FFFFFF');
}

/** Where <legacyDrawing> goes in CT_Worksheet's sequence: before the first element that must follow it. */
function legacyDrawingPosition(xml: string): number {
  const after = new Set([
    'legacyDrawingHF',
    'drawingHF',
    'picture',
    'oleObjects',
    'controls',
    'webPublishItems',
    'tableParts',
    'extLst',
  ]);
  let depth = 0;
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.close) {
      depth--;
      if (depth === 0) return tag.start;
      continue;
    }
    if (depth === 1 && after.has(tag.name)) return tag.start;
    if (!tag.selfClosing) depth++;
    // Skip the cells quickly: nothing inside sheetData matters here.
    if (depth === 2 && tag.name === 'sheetData') {
      const close = xml.search(/<\/(?:[\w.-]+:)?sheetData>/);
      if (close > 0) {
        tag.end = close;
      }
    }
  }
  return xml.length;
}

/**
 * Writes one placed report; returns the sheet's 0-based position (`next` for a new sheet) and the plan's fingerprint
 * when the writer could take it on the way (else null).
 */
function addReport(
  patch: PackagePatch,
  workbook: Workbook,
  placement: ReportPlacement,
  styles: StylesPatch,
  next: number,
): { index: number; fingerprint: string | null } {
  const info = workbook.info;
  const plan = placement.plan;
  let fingerprint: string | null = null;
  const writeSheet = (sink: TextSink) => {
    fingerprint = writeReportSheet(sink, plan, styles, patch.conformance.main);
  };
  const index = placement.replace ? info.sheets.findIndex((s) => s.name === placement.name) : -1;
  const existing = index >= 0 ? info.sheets[index] : undefined;
  if (existing?.path) {
    // Balance's own untouched report from an earlier run: replaced as a whole.
    patch.write(existing.path, writeSheet);
    setPrintTitles(patch, info.path, plan, placement.name);
    return { index, fingerprint };
  }
  const folder = workbook.worksheets[0]?.path
    ? folderOf(workbook.worksheets[0].path)
    : `${folderOf(info.path)}worksheets/`;
  const path = patch.freshName(`${folder}sheet`, 'xml');
  patch.write(path, writeSheet);
  patch.override(path, CT.worksheet);
  const id = patch.relate(info.path, 'worksheet', path);

  const wb = patch.text(info.path) ?? '';
  const p = rootPrefix(wb);
  const ids = [...wb.matchAll(/sheetId\s*=\s*"(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...ids) + 1;
  const relNs = patch.relNamespace;
  const declared = new RegExp(`xmlns:(\\w+)\\s*=\\s*"${relNs.replace(/[./]/g, '\\$&')}"`).exec(
    wb.slice(0, wb.indexOf('>', wb.indexOf('workbook')) + 1),
  );
  const idAttr = declared ? `${declared[1]}:id="${id}"` : `xmlns:r="${relNs}" r:id="${id}"`;
  const element = `<${p}sheet name="${escapeAttribute(placement.name)}" sheetId="${sheetId}" ${idAttr}/>`;
  const close = wb.search(/<\/(?:[\w.-]+:)?sheets>/);
  if (close < 0) return { index: next, fingerprint };
  patch.set(info.path, wb.slice(0, close) + element + wb.slice(close));
  registerInAppXml(patch, placement.name);
  setPrintTitles(patch, info.path, plan, placement.name);
  return { index: next, fingerprint };
}

/**
 * The sheet's `_xlnm.Print_Titles` in workbook.xml (its rows to repeat at top, columns at left), replacing one left by
 * an earlier run; the name is local to the sheet (localSheetId: its 0-based position in <sheets>).
 */
function setPrintTitles(
  patch: PackagePatch,
  workbookPath: string,
  plan: ReportPlan,
  sheetName: string,
): void {
  let wb = patch.text(workbookPath) ?? '';
  const p = rootPrefix(wb);
  const sheets = [...wb.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)].map((m) => attributeOf(m[0], 'name'));
  const index = sheets.indexOf(escapeAttribute(sheetName));
  if (index < 0) return;
  wb = wb.replace(
    new RegExp(
      `<(?:[\\w.-]+:)?definedName\\b(?=[^>]*name="_xlnm\\.Print_Titles")(?=[^>]*localSheetId="${index}")[^>]*>[^<]*</(?:[\\w.-]+:)?definedName>`,
    ),
    '',
  );
  const value = printTitlesOf(plan);
  if (value) {
    const name = `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeText(value)}</${p}definedName>`;
    const close = wb.search(/<\/(?:[\w.-]+:)?definedNames>/);
    if (close >= 0) wb = wb.slice(0, close) + name + wb.slice(close);
    else {
      // CT_Workbook: definedNames follows sheets, functionGroups and externalReferences.
      let at = -1;
      for (const tag of ['sheets', 'functionGroups', 'externalReferences']) {
        const m = new RegExp(`</(?:[\\w.-]+:)?${tag}>|<(?:[\\w.-]+:)?${tag}\\s*/>`).exec(wb);
        if (m) at = Math.max(at, m.index + m[0].length);
      }
      if (at < 0) return;
      wb = wb.slice(0, at) + `<${p}definedNames>${name}</${p}definedNames>` + wb.slice(at);
    }
  }
  patch.set(workbookPath, wb);
}

/** An attribute's raw (escaped) value in one start tag's text. */
function attributeOf(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1] ?? null;
}

/** docProps/app.xml lists the sheet names (TitlesOfParts) and counts them (HeadingPairs): one more worksheet. */
function registerInAppXml(patch: PackagePatch, name: string): void {
  // Strict packages name the relationship extendedProperties; a package may use either.
  const appPath =
    patch.pkg
      .relationships('')
      .find((r) => r.type === 'extended-properties' || r.type === 'extendedProperties')?.target ??
    'docProps/app.xml';
  const app = patch.text(appPath);
  if (!app) return;
  const pairs =
    /<vt:lpstr>(?:Worksheets|工作表)<\/vt:lpstr>\s*<\/vt:variant>\s*<vt:variant>\s*<vt:i4>(\d+)<\/vt:i4>/.exec(
      app,
    );
  const titles = /<TitlesOfParts>\s*<vt:vector size="(\d+)" baseType="lpstr">/.exec(app);
  if (!pairs || !titles) return;
  const count = Number(pairs[1]);
  const edits: Edit[] = [];
  const countAt = pairs.index + pairs[0].length - `${count}</vt:i4>`.length;
  edits.push({ start: countAt, end: countAt + String(count).length, text: String(count + 1) });
  const sizeAt = titles.index + titles[0].indexOf(`"${titles[1]}"`) + 1;
  edits.push({ start: sizeAt, end: sizeAt + titles[1].length, text: String(Number(titles[1]) + 1) });
  // The new name goes after the existing worksheet names (they come first, as the heading pairs count them).
  let at = titles.index + titles[0].length;
  for (let i = 0; i < count; i++) {
    const next = app.indexOf('</vt:lpstr>', at);
    if (next < 0) return;
    at = next + '</vt:lpstr>'.length;
  }
  edits.push({ start: at, end: at, text: `<vt:lpstr>${escapeText(name)}</vt:lpstr>` });
  patch.set(appPath, splice(app, edits));
}
