/**
 * The package as parts: names resolved through relationships (never assumed: other writers use other part names),
 * the workbook's sheets with their states, and the text of any part on demand.
 */
import { inflateEntry, type ZipEntry } from './zip';
import { attribute, attributes, decodeEntities, nextTag } from './xml';

export interface Relationship {
  id: string;
  /** The last segment of the type URI ('worksheet', 'comments', …): transitional and strict URIs agree on it. */
  type: string;
  /** Absolute part name without the leading slash, e.g. 'xl/worksheets/sheet1.xml'; the raw target if external. */
  target: string;
  external: boolean;
}

export interface SheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  sheetId: string;
  relId: string;
  /** Part name of the worksheet (a chart sheet or dialog sheet has none). */
  path: string | undefined;
}

/** An opened package. Entries keep their compressed bytes; parts are inflated when asked for. */
export class XlsxPackage {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();

  constructor(entries: ZipEntry[]) {
    this.entries = entries;
    // Part names compare case-insensitively (OPC); a leading slash or backslashes from odd zip tools are tolerated.
    for (const e of entries) this.byName.set(normalise(e.name), e);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(normalise(name));
  }

  has(name: string): boolean {
    return this.byName.has(normalise(name));
  }

  bytes(name: string): Uint8Array | undefined {
    const e = this.entry(name);
    return e ? inflateEntry(e) : undefined;
  }

  /** The part as text (UTF-8, or UTF-16 with its byte order mark); cached. */
  text(name: string): string | undefined {
    const key = normalise(name);
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    const bytes = this.bytes(name);
    if (!bytes) return undefined;
    const text = decodePart(bytes);
    this.texts.set(key, text);
    return text;
  }

  /** Drops a cached text (big sheets are read once). */
  forget(name: string): void {
    this.texts.delete(normalise(name));
  }

  /** The relationships of a part ('' for the package's own). */
  relationships(source: string): Relationship[] {
    const relsName = relsPathOf(source);
    const xml = this.text(relsName);
    if (xml === undefined) return [];
    const base = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
    const out: Relationship[] = [];
    for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
      if (tag.close || tag.name !== 'Relationship') continue;
      const a = attributes(xml, tag);
      const external = a.TargetMode === 'External';
      const target = a.Target ?? '';
      out.push({
        id: a.Id ?? '',
        type: (a.Type ?? '').slice((a.Type ?? '').lastIndexOf('/') + 1),
        target: external ? target : resolve(base, target),
        external,
      });
    }
    return out;
  }
}

export function normalise(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();
}

/** 'xl/workbook.xml' → 'xl/_rels/workbook.xml.rels'. */
export function relsPathOf(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the source part's folder. */
export function resolve(base: string, target: string): string {
  const decoded = safeDecodeUri(target.replace(/\\/g, '/'));
  const parts = (decoded.startsWith('/') ? decoded.slice(1) : base + decoded).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function safeDecodeUri(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** Relative target from one part to another, as Excel writes them ('worksheets/sheet2.xml', '../comments1.xml'). */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

const utf8 = new TextDecoder('utf-8');

/** A part's bytes as text (UTF-8, or UTF-16 with its byte order mark). */
export function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const text = utf8.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** What the workbook part says: where it is, its sheets, the date epoch, and its related parts. */
export interface WorkbookInfo {
  path: string;
  sheets: SheetInfo[];
  date1904: boolean;
  stylesPath: string | undefined;
  sharedStringsPath: string | undefined;
  /** Sheet-scoped defined names by the sheet's 0-based position (localSheetId): name → formula text as stored. */
  localNames: Map<number, Map<string, string>>;
}

export type WorkbookProblem =
  { problem: 'noWorkbook'; detail: string } | { problem: 'missingPart'; detail: string };

/** Finds the workbook through the package relationships, as Excel does; falls back to the usual name. */
export function readWorkbookInfo(pkg: XlsxPackage): WorkbookInfo | WorkbookProblem {
  const office = pkg.relationships('').find((r) => r.type === 'officeDocument' && !r.external);
  const path =
    office && pkg.has(office.target) ? office.target : pkg.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
  if (path === null) {
    if (office) return { problem: 'missingPart', detail: office.target };
    return {
      problem: 'noWorkbook',
      detail: pkg.has('word/document.xml') ? 'word' : pkg.has('ppt/presentation.xml') ? 'ppt' : '',
    };
  }
  const xml = pkg.text(path) ?? '';
  // A workbook that lists sheets but lost the relationships naming their parts is incomplete, not empty.
  if (/<(?:[\w.-]+:)?sheet\b/.test(xml) && !pkg.has(relsPathOf(path)))
    return { problem: 'missingPart', detail: relsPathOf(path) };
  const rels = pkg.relationships(path);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  const localNames = new Map<number, Map<string, string>>();
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.close) continue;
    if (tag.name === 'definedName' && !tag.selfClosing) {
      const a = attributes(xml, tag);
      const close = xml.indexOf('<', tag.end);
      const local = Number(a.localSheetId);
      if (a.localSheetId !== undefined && Number.isInteger(local) && close > 0) {
        const names = localNames.get(local) ?? new Map<string, string>();
        names.set((a.name ?? '').toLowerCase(), decodeEntities(xml.slice(tag.end, close)));
        localNames.set(local, names);
      }
    } else if (tag.name === 'workbookPr') {
      const v = attribute(xml, tag, 'date1904');
      date1904 = v === '1' || v === 'true';
    } else if (tag.name === 'sheet') {
      const a = attributes(xml, tag);
      const rel = byId.get(a.id ?? '');
      const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
      const path = rel && rel.type === 'worksheet' && !rel.external ? rel.target : undefined;
      sheets.push({ name: a.name ?? '', state, sheetId: a.sheetId ?? '', relId: a.id ?? '', path });
    } else if (tag.name === 'sheets' && tag.selfClosing) break;
  }
  return {
    path,
    sheets,
    date1904,
    stylesPath: rels.find((r) => r.type === 'styles')?.target,
    sharedStringsPath: rels.find((r) => r.type === 'sharedStrings')?.target,
    localNames,
  };
}
