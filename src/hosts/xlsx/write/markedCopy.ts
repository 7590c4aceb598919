/**
 * The marked copy: the input package with the smallest change that carries Balance's output. Marked cells get a
 * cloned format with a fill (only their `s` changes), notes go into the comments part, the report sheets become
 * new parts, and workbook.xml, its relationships, [Content_Types].xml and docProps/app.xml change only to register
 * them. Every other part is copied with its compressed bytes untouched.
 */
import type { HighlightPlan, ReportPlan } from '../../../engine';
import { decodePart, relativeTarget, relsPathOf } from '../package/parts';
import { spliceInto, TextSink } from '../package/sink';
import { attribute, escapeAttribute, escapeText, nextTag, rootPrefix } from '../package/xml';
import { deflateEntry, inflateEntry, type ZipEntry, writeZip } from '../package/zip';
import type { Workbook } from '../workbook';
import { addComments, addNoteShapes, threadedCells } from './notes';
import { reportSheetXml } from './reportSheet';
import { markCells } from './sheetMarks';
import { MINIMAL_STYLES, splice, StylesPatch } from './styles';

const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_REL_BASE = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
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

  constructor(readonly workbook: Workbook) {}

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

  set(name: string, content: string | Uint8Array): void {
    const entry = this.pkg.entry(name);
    const stored = typeof content === 'string' ? content : deflateEntry(entry?.name ?? name, content, entry);
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
    const base = existing?.includes(STRICT_REL_BASE) ? STRICT_REL_BASE : REL_BASE;
    pending.push(
      `<Relationship Id="${id}" Type="${base}/${type}" Target="${escapeAttribute(relativeTarget(source, target))}"/>`,
    );
    this.newRels.set(relsName, pending);
    return id;
  }

  /** The relationships namespace URI the package uses (strict packages use purl.oclc.org). */
  relNamespace(source: string): string {
    return (this.text(relsPathOf(source)) ?? '').includes(STRICT_REL_BASE) ? STRICT_REL_BASE : REL_BASE;
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
  const patch = new PackagePatch(workbook);
  const info = workbook.info;

  let stylesPath = info.stylesPath;
  if (!stylesPath || !patch.exists(stylesPath)) {
    stylesPath = patch
      .freshName(`${folderOf(info.path)}styles`, 'xml')
      .replace(/styles1\.xml$/, 'styles.xml');
    patch.set(stylesPath, MINIMAL_STYLES);
    patch.relate(info.path, 'styles', stylesPath);
    patch.override(stylesPath, CT.styles);
  }
  const styles = new StylesPatch(patch.text(stylesPath) ?? MINIMAL_STYLES);

  markPlan(patch, typeof highlights === 'function' ? highlights() : highlights, styles);

  // Each report sheet is written (and compressed) as it comes: a caller that makes the plans lazily holds one at a time.
  for (const plan of reports) addReport(patch, workbook, plan, styles);
  patch.set(stylesPath, styles.toString());
  return patch.finish();
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
  const fills = new Map(plan.marks.map((m) => [`${m.row}:${m.column}`, m.fill]));
  const edits: Edit[] = markCells(xml, plan.marks, (t, current) =>
    styles.marked(current, fills.get(`${t.row}:${t.column}`) ?? '#FFFFFF'),
  );

  const notes = plan.marks.filter((m) => m.note).map((m) => ({ row: m.row, column: m.column, text: m.note }));
  if (notes.length > 0) {
    const rels = patch.pkg.relationships(path);
    const byId = new Map(rels.map((r) => [r.id, r]));
    const threaded = rels.find((r) => r.type === 'threadedComment' && !r.external);
    const skip = threadedCells(threaded ? patch.text(threaded.target) : undefined);
    const commentsRel = rels.find((r) => r.type === 'comments' && !r.external);
    const { bytes: comments, created } = addComments(
      commentsRel ? patch.text(commentsRel.target) : undefined,
      notes,
      skip,
    );
    let commentsPath = commentsRel?.target;
    if (!commentsPath) {
      commentsPath = patch.freshName(`${folderOf(path).replace(/worksheets\/$/, '')}comments`, 'xml');
      patch.relate(path, 'comments', commentsPath);
      patch.override(commentsPath, CT.comments);
    }
    patch.set(commentsPath, comments);

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
      patch.set(vmlRel.target, addNoteShapes(patch.text(vmlRel.target), created, 1));
    } else if (created.length > 0) {
      const vmlPath = patch.freshName(
        `${folderOf(path).replace(/worksheets\/$/, '')}drawings/vmlDrawing`,
        'vml',
      );
      const idBase = Number(/(\d+)\.vml$/.exec(vmlPath)?.[1] ?? 1);
      patch.set(vmlPath, addNoteShapes(undefined, created, idBase));
      patch.defaultType('vml', CT.vml);
      const id = patch.relate(path, 'vmlDrawing', vmlPath);
      const p = rootPrefix(xml);
      const element = `<${p}legacyDrawing xmlns:r="${patch.relNamespace(path)}" r:id="${id}"/>`;
      const at = legacyDrawingPosition(xml);
      edits.push({ start: at, end: at, text: element });
    }
  }
  const sink = new TextSink(Math.ceil(xml.length * 1.1) + 64 * edits.length);
  spliceInto(sink, xml, edits);
  patch.set(path, sink.bytes());
  // The sheet's text was read for this only.
  patch.pkg.forget(path);
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

function addReport(patch: PackagePatch, workbook: Workbook, plan: ReportPlan, styles: StylesPatch): void {
  const info = workbook.info;
  const sheetXml = reportSheetXml(plan, styles);
  const existing = info.sheets.find((s) => s.name === plan.sheetName);
  if (existing?.path) {
    // Our own sheet from an earlier run: replaced as a whole.
    patch.set(existing.path, sheetXml);
    return;
  }
  const folder = workbook.worksheets[0]?.path
    ? folderOf(workbook.worksheets[0].path)
    : `${folderOf(info.path)}worksheets/`;
  const path = patch.freshName(`${folder}sheet`, 'xml');
  patch.set(path, sheetXml);
  patch.override(path, CT.worksheet);
  const id = patch.relate(info.path, 'worksheet', path);

  const wb = patch.text(info.path) ?? '';
  const p = rootPrefix(wb);
  const ids = [...wb.matchAll(/sheetId\s*=\s*"(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...ids) + 1;
  const relNs = patch.relNamespace(info.path);
  const declared = new RegExp(`xmlns:(\\w+)\\s*=\\s*"${relNs.replace(/[./]/g, '\\$&')}"`).exec(
    wb.slice(0, wb.indexOf('>', wb.indexOf('workbook')) + 1),
  );
  const idAttr = declared ? `${declared[1]}:id="${id}"` : `xmlns:r="${relNs}" r:id="${id}"`;
  const element = `<${p}sheet name="${escapeAttribute(plan.sheetName)}" sheetId="${sheetId}" ${idAttr}/>`;
  const close = wb.search(/<\/(?:[\w.-]+:)?sheets>/);
  if (close < 0) return;
  patch.set(info.path, wb.slice(0, close) + element + wb.slice(close));
  registerInAppXml(patch, plan.sheetName);
}

/** docProps/app.xml lists the sheet names (TitlesOfParts) and counts them (HeadingPairs): one more worksheet. */
function registerInAppXml(patch: PackagePatch, name: string): void {
  const appPath =
    patch.pkg.relationships('').find((r) => r.type === 'extended-properties')?.target ?? 'docProps/app.xml';
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
