// The sheet and shared-string readers' fast paths give exactly what the general rules give: random sheets in every
// form SpreadsheetML allows (plain cells, odd numerals, entities, formulas, inline and rich text, prefixes, quotes,
// rows out of order, cells without a reference) read the same through the reader and through the reference copy of
// the general reader (test/hosts/xlsx/reference/), value for value (0 and -0 told apart, dates by their time).
import fc from 'fast-check';
import { cell, pick, row, sheetXml, stringBody, text } from './sheetArbitraries';
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
