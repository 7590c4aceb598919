// The sheet and shared-string readers' fast paths give exactly what the general rules give: random sheets in every
// form SpreadsheetML allows (plain cells, odd numerals, entities, formulas, inline and rich text, prefixes, quotes,
// rows out of order, cells without a reference) read the same through the reader and through the reference copy of
// the general reader (test/hosts/xlsx/reference/), value for value (0 and -0 told apart, dates by their time).
import fc from 'fast-check';
import { AttributeCursor, attributes, nextTag, TagCursor } from '../../../src/hosts/xlsx/package/xml';
import { nextTag as referenceNextTag } from './reference/xml';
import { readSheet, type SheetContext } from '../../../src/hosts/xlsx/read/sheet';
import { readSharedStrings } from '../../../src/hosts/xlsx/read/strings';
import { readCellFormats } from '../../../src/hosts/xlsx/read/styles';
import { readSheet as referenceSheet } from './reference/sheet';
import { readSharedStrings as referenceStrings } from './reference/strings';

const RUNS = 300;

/** Cell formats 0 General, 1 a date, 2 a custom Chinese date, 3 a percentage. */
const FORMATS = readCellFormats(
  `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>`,
);

const pick = <T>(...items: T[]) => fc.constantFrom(...items);

/** Numerals as writers write them, and the awkward ones: half-way, 16–17 digits, exponents, signs, spaces. */
const numeral = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc
    .tuple(fc.stringMatching(/^-?[0-9]{0,17}$/), fc.stringMatching(/^[0-9]{0,23}$/))
    .map(([a, b]) => `${a}.${b}`),
  fc.stringMatching(/^-?[0-9]{1,18}$/),
  pick(
    '0.1',
    '0.3',
    '-0',
    '-0.0',
    '0.30000000000000004',
    '9007199254740993',
    '9007199254740992.5',
    '123456789012345.6',
    '999999999999999',
    '0.000000000000000000001',
    '1e3',
    '1E-3',
    '+5',
    ' 12',
    '12 ',
    '.5',
    '5.',
    '.',
    '-',
    '',
    '1.2.3',
    '0x10',
    'Infinity',
    '&#49;2',
    '46266',
    '46266.5',
    '#N/A',
    'TRUE',
    '1',
    '2026-09-01T00:00:00',
  ),
);

/** Text with entities, surrogate pairs, CRLF, OOXML escapes and markup-looking characters (escaped). */
const text = fc
  .array(
    pick(
      'a',
      '学校',
      ' ',
      '&amp;',
      '&lt;',
      '&gt;',
      '&quot;',
      '&#x1F600;',
      '&#22823;',
      '😀',
      '\r\n',
      '\n',
      '_x000D_',
      '_x005F_x000D_',
      '1',
      '',
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

const reference = fc.oneof(
  fc
    .tuple(fc.stringMatching(/^[A-Z]{1,4}$/), fc.integer({ min: 0, max: 1_100_000 }))
    .map(([c, r]) => `${c}${r}`),
  pick(
    '$B$2',
    'b3',
    'A01',
    'A0',
    'C000',
    'A',
    '12',
    '',
    'A1x',
    'XFD1048576',
    'AAAA5',
    'A&#49;',
    'A1234567890',
  ),
);

const style = fc.oneof(fc.integer({ min: 0, max: 5 }).map(String), pick('', '1.5', '07', 'x', '1234567890'));
const type = fc.option(pick('n', 's', 'str', 'b', 'e', 'd', 'inlineStr', 'constructor', 'S', 'n '), {
  nil: undefined,
});

/** A run of rich text or a phonetic guide. */
const stringBody = fc.oneof(
  text.map((t) => `<t>${t}</t>`),
  text.map((t) => `<t xml:space="preserve"> ${t} </t>`),
  fc
    .array(text, { minLength: 1, maxLength: 3 })
    .map((ts) => ts.map((t) => `<r><rPr><b/></rPr><t>${t}</t></r>`).join('')),
  fc.tuple(text, text).map(([a, b]) => `<t>${a}</t><rPh sb="0" eb="1"><t>${b}</t></rPh>`),
  pick('<t/>', '', '<t></t>', '<t><![CDATA[a<b]]></t>'),
);

/** One cell in one of the many forms writers produce. */
const cell = fc
  .record({
    r: fc.option(reference, { nil: undefined }),
    s: fc.option(style, { nil: undefined }),
    t: type,
    v: fc.option(fc.oneof(numeral, fc.integer({ min: 0, max: 12 }).map(String)), { nil: undefined }),
    form: pick(
      'plain',
      'plain',
      'plain',
      'self',
      'empty',
      'formula',
      'sharedFormula',
      'inline',
      'spaced',
      'odd',
    ),
    body: stringBody,
    order: fc.boolean(),
    extra: fc.boolean(),
  })
  .map(({ r, s, t, v, form, body, order, extra }) => {
    const attrs = [
      r === undefined ? '' : ` r="${r}"`,
      s === undefined ? '' : ` s="${s}"`,
      t === undefined ? '' : ` t="${t}"`,
    ];
    if (order) attrs.reverse();
    let open = `<c${attrs.join('')}${extra ? ' cm="1"' : ''}`;
    if (form === 'spaced') open = open.replace(/ /g, '\n  ').replace(/"/g, "'");
    const value = v === undefined ? '' : `<v>${v}</v>`;
    switch (form) {
      case 'self':
        return `${open}/>`;
      case 'empty':
        return `${open}></c>`;
      case 'formula':
        return `${open}><f>SUM(A1:B1)&amp;"x"</f>${value}</c>`;
      case 'sharedFormula':
        return `${open}><f t="shared" si="0"/>${value}</c>`;
      case 'inline':
        return `${open}><is>${body}</is>${value}</c>`;
      case 'odd':
        return `${open}><!-- note --><v>${v ?? ''}</v><v/></c>`;
      default:
        return `${open}>${value}</c>`;
    }
  });

const row = fc
  .record({
    r: fc.option(fc.oneof(fc.integer({ min: 1, max: 40 }).map(String), pick('0', '', 'x', '3.0')), {
      nil: undefined,
    }),
    hidden: fc.option(pick('1', 'true', '0'), { nil: undefined }),
    cells: fc.array(cell, { maxLength: 6 }),
  })
  .map(
    ({ r, hidden, cells }) =>
      `<row${r === undefined ? '' : ` r="${r}"`}${hidden === undefined ? '' : ` hidden="${hidden}"`} spans="1:5">${cells.join('')}</row>`,
  );

const sharedItems = fc.array(
  fc.oneof(
    stringBody.map((b) => `<si>${b}</si>`),
    pick(
      '<si/>',
      '<si></si>',
      '<si><t>a</t><si><t>b</t></si>',
      '<si><t>x</t> </si>',
      '<si><t>a</t></si >',
      '<si><t>a&amp;b_x000D_</t></si>',
      '<si><t xml:space="preserve"> a </t></si>',
      '<si ><t>s</t></si>',
    ),
  ),
  { maxLength: 14 },
);

/**
 * The read with every Date as its time and -0 marked, for toEqual: an invalid Date (a serial too big for a date
 * format) equals another only by its NaN time, and 0 and -0 must be told apart.
 */
function exact(value: unknown): unknown {
  if (value instanceof Date) return { date: String(value.getTime()) };
  if (Object.is(value, -0)) return '-0';
  if (Array.isArray(value)) return value.map(exact);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, exact(v)]));
  return value;
}

function context(strings: string[]): SheetContext {
  return { name: 'S', formats: FORMATS, date1904: false, sharedStrings: () => strings };
}

function sheetXml(rows: string[], prefix: string): string {
  const body = rows.join('');
  const xml = `<?xml version="1.0"?><worksheet xmlns="urn:x"><cols><col min="2" max="3" hidden="1"/></cols><sheetData>${body}</sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>`;
  // A prefixed document: every element of the sheet gets the prefix (the readers look at local names only).
  return prefix ? xml.replace(/<(\/?)(?![?!])/g, `<$1${prefix}:`) : xml;
}

test('random sheets read the same through the fast paths and the general rules', () => {
  fc.assert(
    fc.property(
      fc.array(row, { maxLength: 12 }),
      sharedItems,
      pick('', '', 'x'),
      pick('', '\n  ', '<!-- c -->'),
      (rows, items, prefix, between) => {
        const sst = `<?xml version="1.0"?><sst count="9">${items.join(between)}</sst>`;
        const strings = referenceStrings(sst);
        expect(readSharedStrings(sst)).toEqual(strings);
        const xml = sheetXml(rows, prefix);
        expect(exact(readSheet(xml, context(strings)))).toEqual(exact(referenceSheet(xml, context(strings))));
      },
    ),
    { numRuns: RUNS },
  );
});

test('cut-off sheets and string tables (a damaged part ends anywhere) read the same', () => {
  fc.assert(
    fc.property(
      fc.array(row, { minLength: 1, maxLength: 6 }),
      sharedItems,
      fc.double({ min: 0, max: 1 }),
      (rows, items, at) => {
        const sst = `<sst>${items.join('')}</sst>`;
        const cutSst = sst.slice(0, Math.floor(sst.length * at));
        expect(readSharedStrings(cutSst)).toEqual(referenceStrings(cutSst));
        const strings = referenceStrings(sst);
        const xml = sheetXml(rows, '');
        const cut = xml.slice(0, Math.floor(xml.length * at));
        expect(exact(readSheet(cut, context(strings)))).toEqual(exact(referenceSheet(cut, context(strings))));
      },
    ),
    { numRuns: RUNS },
  );
});

test('the tag cursor and nextTag find the tags the reference scanner finds, and the attribute cursor the attributes `attributes` finds', () => {
  const markup = fc
    .array(
      fc.oneof(
        row,
        cell,
        text,
        pick(
          '<!-- <c r="A1"> -->',
          '<![CDATA[<v>1</v>]]>',
          '<?pi x?>',
          '<!DOCTYPE x>',
          '<x:c r="A1" x:s=\'2\' xmlns:x="urn:x"/>',
          '<a b="1>2" c = "3"\n d=\'4\'/>',
          '<a xmlns="urn:d" xmlns:r="urn:r" r:id="rId1">',
          '</a>',
          '<',
        ),
      ),
      { maxLength: 10 },
    )
    .map((parts) => parts.join(''));
  fc.assert(
    fc.property(markup, (xml) => {
      const cursor = new TagCursor(xml);
      const attrs = new AttributeCursor(xml);
      let p = 0;
      for (let tag = referenceNextTag(xml, 0); tag; tag = referenceNextTag(xml, tag.end)) {
        expect(cursor.next(p)).toBe(true);
        expect(cursor.tag()).toEqual(tag);
        // nextTag, now built on the cursor, finds the same tag.
        expect(nextTag(xml, p)).toEqual(tag);
        p = cursor.end;
        if (tag.close) continue;
        const found: Record<string, string> = {};
        attrs.reset(cursor.nameEnd, cursor.end);
        while (attrs.next()) {
          const name = xml.slice(attrs.nameStart, attrs.nameEnd);
          if (!(name in found)) found[name] = xml.slice(attrs.valueStart, attrs.valueEnd);
        }
        const expected = attributes(xml, tag);
        // `attributes` decodes values and keeps the last of a repeated name; the cursor gives raw text, first wins.
        for (const [name, value] of Object.entries(found))
          if (!/&/.test(value)) expect(expected[name] !== undefined).toBe(true);
        for (const name of Object.keys(expected)) expect(name in found).toBe(true);
      }
      expect(cursor.next(p)).toBe(false);
    }),
    { numRuns: RUNS },
  );
});
