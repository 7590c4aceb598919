/** The title above a table (“示例县义务教育学校基本情况统计表（2026年）”) and the county and data year it names. */
import { cellText, type CellGrid } from './grid';

export interface TableCaption {
  /** The title row's text as shown. */
  text: string;
  /** The county (区、县、市、旗) the title names, e.g. “示例县”; null when it names none. */
  county: string | null;
  /** The data year, e.g. 2026 (“2026年”, “2025—2026学年” → 2026); null when the title has none. */
  year: number | null;
}

/** Where the county name ends: what follows the place in a title (the subject of the table, or a year). */
const SUBJECT = /义务教育|中小学|学校|基本情况|办学条件|统计|数据|均衡|教育|[（(\d０-９]/;
const PLACE = /[^省市县区旗州盟\s]+?(?:自治县|自治旗|县|区|旗|市)/g;

const halfWidth = (t: string): string =>
  t.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** The county and year a title text names. */
export function captionOf(text: string): TableCaption {
  const t = halfWidth(text).replace(/\s+/g, ' ').trim();
  const cut = t.search(SUBJECT);
  const prefix = cut < 0 ? t : t.slice(0, cut);
  const places = [...prefix.matchAll(PLACE)].map((m) => m[0]);
  const county = places.length > 0 ? places[places.length - 1] : null;
  const years = [...t.matchAll(/((?:19|20)\d{2})\s*(?:年|学年|年度)/g)].map((m) => Number(m[1]));
  const range = /((?:19|20)\d{2})\s*[-—–~至到]\s*((?:19|20)\d{2})/.exec(t);
  const year = years.length > 0 ? years[0] : range ? Number(range[2]) : null;
  return { text: t, county, year };
}

/**
 * The caption of the table whose header starts at `headerTop` (1-based): the first non-blank text in the rows above
 * it that names a county or a year, else the first non-blank text; null when nothing stands above the header.
 */
export function readCaption(grid: CellGrid, headerTop: number): TableCaption | null {
  const texts: string[] = [];
  for (let r = grid.firstRow; r < headerTop; r++) {
    const row = grid.values[r - grid.firstRow] ?? [];
    for (const v of row) {
      const s = cellText(v).trim();
      if (s) {
        texts.push(s);
        break;
      }
    }
  }
  if (texts.length === 0) return null;
  const captions = texts.map(captionOf);
  return captions.find((c) => c.county !== null || c.year !== null) ?? captions[0];
}
