/**
 * Appends the cell formats Balance needs to styles.xml and leaves every existing byte where it was: marked cells get
 * a clone of their own format with only the fill changed, report cells formats of their own.
 */
import type { ReportStyle } from '../../../engine';
import { TRANSITIONAL } from '../package/conformance';
import { attributeSpan, escapeAttribute, nextTag, rootPrefix, type Tag } from '../package/xml';

/**
 * A stylesheet with nothing but the defaults, for the rare package that has none, in the package's SpreadsheetML
 * namespace (transitional or strict).
 */
export const minimalStyles = (mainNs: string = TRANSITIONAL.main): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${mainNs}">` +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

interface Collection {
  /** The <fills>, <fonts>, … element (null when absent). */
  open: Tag | null;
  close: Tag | null;
  /** Existing items' texts (only kept for cellXfs and fonts, which are cloned). */
  items: string[];
  added: string[];
}

const COLLECTIONS = ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs'] as const;
type CollectionName = (typeof COLLECTIONS)[number];
const ITEM: Record<CollectionName, string> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellXfs: 'xf',
};

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

export class StylesPatch {
  private readonly p: string;
  private readonly lists = new Map<CollectionName, Collection>();
  private readonly cache = new Map<string, number>();
  private nextNumFmt = 164;

  constructor(private readonly xml: string) {
    this.p = rootPrefix(xml);
    let current: Collection | null = null;
    let currentName: CollectionName | null = null;
    let depth = 0;
    for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
      const name = tag.name as CollectionName;
      if (currentName === null) {
        if ((COLLECTIONS as readonly string[]).includes(name) && !tag.close) {
          current = { open: tag, close: null, items: [], added: [] };
          this.lists.set(name, current);
          if (tag.selfClosing) continue;
          currentName = name;
          depth = 0;
        }
        continue;
      }
      if (tag.close && tag.name === currentName && depth === 0) {
        current!.close = tag;
        currentName = null;
        continue;
      }
      if (tag.name === ITEM[currentName] && depth === 0 && !tag.close) {
        if (tag.selfClosing) {
          current!.items.push(xml.slice(tag.start, tag.end));
        } else {
          let end = tag.end;
          for (let t = nextTag(xml, tag.end); t; t = nextTag(xml, t.end)) {
            if (t.close && t.name === tag.name) {
              end = t.end;
              break;
            }
          }
          current!.items.push(xml.slice(tag.start, end));
          tag.end = end;
        }
        if (currentName === 'numFmts') {
          const id = Number(/numFmtId\s*=\s*["'](\d+)/.exec(current!.items[current!.items.length - 1])?.[1]);
          if (id >= this.nextNumFmt) this.nextNumFmt = id + 1;
        }
      }
    }
  }

  private count(name: CollectionName): number {
    const list = this.lists.get(name);
    return (list?.items.length ?? 0) + (list?.added.length ?? 0);
  }

  private add(name: CollectionName, item: string): number {
    let list = this.lists.get(name);
    if (!list) {
      list = { open: null, close: null, items: [], added: [] };
      this.lists.set(name, list);
    }
    const key = `${name}:${item}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const index = this.count(name);
    list.added.push(item);
    this.cache.set(key, index);
    return index;
  }

  private xfOf(s: number): string {
    const xfs = this.lists.get('cellXfs')?.items ?? [];
    return xfs[s] ?? xfs[0] ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
  }

  private solidFill(hex: string): number {
    const p = this.p;
    return this.add(
      'fills',
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(hex)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
  }

  /** The cell format that is format `s` with a solid `fill` ('#RRGGBB'). */
  marked(s: number, fill: string): number {
    const key = `marked:${s}:${fill}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const fillId = this.solidFill(fill);
    const id = this.add('cellXfs', withAttributes(this.xfOf(s), { fillId: String(fillId), applyFill: '1' }));
    this.cache.set(key, id);
    return id;
  }

  /** A cell format for a report cell: its font, fill, border, alignment and number format. */
  report(style: ReportStyle, numFmt: string | undefined): number {
    const p = this.p;
    const attrs: Record<string, string> = {
      numFmtId: '0',
      fontId: '0',
      fillId: '0',
      borderId: '0',
      xfId: '0',
    };
    if (numFmt && numFmt !== 'General') {
      const existing = this.numFmtId(numFmt);
      attrs.numFmtId = String(existing);
      attrs.applyNumberFormat = '1';
    }
    if (style.bold !== undefined || style.fontSize !== undefined || style.fontColor !== undefined) {
      const base = this.lists.get('fonts')?.items[0] ?? '';
      const size = style.fontSize ?? Number(/<(?:\w+:)?sz\s+val="([\d.]+)"/.exec(base)?.[1] ?? 11);
      const name = /<(?:\w+:)?name\s+val="([^"]*)"/.exec(base)?.[1] ?? '宋体';
      attrs.fontId = String(
        this.add(
          'fonts',
          `<${p}font>${style.bold ? `<${p}b/>` : ''}<${p}sz val="${size}"/>${style.fontColor ? `<${p}color rgb="${argb(style.fontColor)}"/>` : ''}<${p}name val="${name}"/></${p}font>`,
        ),
      );
      attrs.applyFont = '1';
    }
    if (style.fill) {
      attrs.fillId = String(this.solidFill(style.fill));
      attrs.applyFill = '1';
    }
    if (style.border) {
      const side = (n: string) => `<${p}${n} style="thin"><${p}color indexed="64"/></${p}${n}>`;
      attrs.borderId = String(
        this.add(
          'borders',
          `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`,
        ),
      );
      attrs.applyBorder = '1';
    }
    let alignment = '';
    if (style.wrap !== undefined || style.align !== undefined) {
      attrs.applyAlignment = '1';
      alignment = `<${p}alignment${style.align ? ` horizontal="${style.align}"` : ''} vertical="top"${style.wrap ? ' wrapText="1"' : ''}/>`;
    }
    const text = Object.entries(attrs)
      .map(([k, v]) => ` ${k}="${v}"`)
      .join('');
    return this.add('cellXfs', alignment ? `<${p}xf${text}>${alignment}</${p}xf>` : `<${p}xf${text}/>`);
  }

  private numFmtId(code: string): number {
    const builtIn: Record<string, number> = {
      '0': 1,
      '0.00': 2,
      '#,##0': 3,
      '#,##0.00': 4,
      '0%': 9,
      '0.00%': 10,
    };
    if (builtIn[code] !== undefined) return builtIn[code];
    const escaped = escapeAttribute(code);
    const list = this.lists.get('numFmts');
    for (const item of [...(list?.items ?? []), ...(list?.added ?? [])]) {
      if (item.includes(`formatCode="${escaped}"`)) return Number(/numFmtId="(\d+)"/.exec(item)?.[1]);
    }
    const id = this.nextNumFmt++;
    this.add('numFmts', `<${this.p}numFmt numFmtId="${id}" formatCode="${escaped}"/>`);
    return id;
  }

  /** The patched stylesheet: each touched collection gets its new items before its end tag and its count updated. */
  toString(): string {
    const edits: { start: number; end: number; text: string }[] = [];
    const p = this.p;
    for (const name of COLLECTIONS) {
      const list = this.lists.get(name);
      if (!list || list.added.length === 0) continue;
      const total = String(list.items.length + list.added.length);
      const added = list.added.join('');
      if (list.open && list.close) {
        const count = attributeSpan(this.xml, list.open, 'count');
        if (count) edits.push({ start: count.start, end: count.end, text: total });
        edits.push({ start: list.close.start, end: list.close.start, text: added });
      } else if (list.open) {
        // <numFmts/> and the like: written out in full.
        edits.push({
          start: list.open.start,
          end: list.open.end,
          text: `<${p}${name} count="${total}">${added}</${p}${name}>`,
        });
      } else {
        // Only numFmts may be missing in a valid stylesheet; it goes first.
        const first = nextTag(this.xml, nextTag(this.xml, 0)?.end ?? 0);
        const at = first?.start ?? this.xml.length;
        edits.push({ start: at, end: at, text: `<${p}${name} count="${total}">${added}</${p}${name}>` });
      }
    }
    return splice(this.xml, edits);
  }
}

/** A start tag (or empty element) with attributes set: replaced in place when present, added before the end otherwise. */
export function withAttributes(element: string, values: Record<string, string>): string {
  const tag = nextTag(element, 0);
  if (!tag) return element;
  const edits: { start: number; end: number; text: string }[] = [];
  const missing: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const span = attributeSpan(element, tag, name);
    if (span) edits.push({ start: span.start, end: span.end, text: value });
    else missing.push(` ${name}="${value}"`);
  }
  const at = tag.selfClosing ? tag.end - 2 : tag.end - 1;
  const back = element.slice(0, at).length - element.slice(0, at).trimEnd().length;
  if (missing.length) edits.push({ start: at - back, end: at - back, text: missing.join('') });
  return splice(element, edits);
}

/** Applies non-overlapping edits to a text. */
export function splice(text: string, edits: { start: number; end: number; text: string }[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
