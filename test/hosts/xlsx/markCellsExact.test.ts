// The marked-cell writer walks the sheet with the tag and attribute cursors; it must give exactly the edits of the
// writer it replaced (test/hosts/xlsx/reference/sheetMarks.ts, kept verbatim): random sheets in every form the reader's
// exactness test draws (prefixes, quotes, entities, cells without a reference, odd references, inline strings that
// look like markup), rows with their own style, self-closing rows, damaged (cut-off) sheets, and every worksheet of the
// committed corpus.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { markCells } from '../../../src/hosts/xlsx/write/sheetMarks';
import { markCells as referenceMarkCells } from './reference/sheetMarks';
import { pick, row, sheetXml } from './sheetArbitraries';

interface Target {
  row: number;
  column: number;
}

/** A style that depends on the target and the cell's current style, so that a wrong `current` shows. */
const styleFor = (t: Target, current: number) => current * 7 + t.column + 1;

const targets = fc.array(
  fc.record({ row: fc.integer({ min: 1, max: 45 }), column: fc.integer({ min: 0, max: 12 }) }),
  { maxLength: 30 },
);

/** Text in CDATA that looks like closing tags of a cell: the skip over a cell's content must stop where the old one did. */
const tricky = pick(
  '</:c>',
  '</a:b:c>',
  '</q-1.x:c>',
  '</c >',
  '</x:c>',
  '<c r="Z9" s="3"/>',
  '</_:c>',
  '</é:c>',
);

/** The reader's random rows, some given their own style, some emptied to a self-closing tag, some with tricky text. */
const styledRow = fc
  .tuple(row, pick('plain', 'plain', 'styled', 'styledTrue', 'self', 'spaced', 'tricky'), tricky, tricky)
  .map(([r, how, a, b]) => {
    switch (how) {
      case 'tricky':
        return r.replace(
          /<\/row>$/,
          `<c r="D7" s="1" t="inlineStr"><is><t><![CDATA[${a} ${b}]]></t></is></c><c s="2"><is><t><![CDATA[${b}]]></t></is></c></row>`,
        );
      case 'styled':
        return r.replace(/^<row/, '<row customFormat="1" s="4"');
      case 'styledTrue':
        return r.replace(/^<row/, "<row s='2' customFormat='true'");
      case 'self':
        return r.replace(/>.*<\/row>$/s, '/>');
      case 'spaced':
        return r.replace(/ spans="1:5"/, '\n  spans = "2:3"');
      default:
        return r;
    }
  });

function same(xml: string, marks: Target[]): void {
  expect(markCells(xml, marks, styleFor)).toEqual(referenceMarkCells(xml, marks, styleFor));
}

test('random sheets get the same edits as from the reference writer', () => {
  fc.assert(
    fc.property(fc.array(styledRow, { maxLength: 12 }), pick('', '', 'x'), targets, (rows, prefix, marks) => {
      same(sheetXml(rows, prefix), marks);
    }),
    { numRuns: 400 },
  );
});

test('CDATA text that looks like a cell’s closing tag, or like a cell, ends the skip where it did before', () => {
  const TRICKY = [
    '</:c>',
    '</a:b:c>',
    '</q-1.x:c>',
    '</c >',
    '</x:c>',
    '<c r="Z3" s="3"/>',
    '</_:c>',
    '</é:c>',
    '</c>',
  ];
  const marks: Target[] = [{ row: 4, column: 1 }];
  for (let column = 0; column <= 30; column++) marks.push({ row: 3, column });
  for (const a of TRICKY)
    for (const b of TRICKY)
      for (const prefix of ['', 'x']) {
        const cells =
          `<c r="A3"><v>1</v></c><c r="D3" t="inlineStr"><is><t><![CDATA[${a}${b}<c r="Y3"/>]]></t></is></c>` +
          `<c r="F3" s="5"><v>2</v></c>`;
        same(sheetXml([`<row r="3" spans="1:6">${cells}</row>`], prefix), marks);
      }
});

test('a sheet without rows, or with an empty self-closing sheetData, gets the same new rows', () => {
  fc.assert(
    fc.property(pick('<sheetData/>', '<sheetData></sheetData>', '<x:sheetData/>'), targets, (data, marks) => {
      const p = data.startsWith('<x:') ? 'x:' : '';
      same(
        `<?xml version="1.0"?><${p}worksheet xmlns${p ? ':x' : ''}="urn:x">${data}</${p}worksheet>`,
        marks,
      );
    }),
    { numRuns: 100 },
  );
});

test('cut-off sheets (a damaged part ends anywhere) get the same edits', () => {
  fc.assert(
    fc.property(
      fc.array(styledRow, { minLength: 1, maxLength: 6 }),
      fc.double({ min: 0, max: 1 }),
      targets,
      (rows, at, marks) => {
        const xml = sheetXml(rows, '');
        same(xml.slice(0, Math.floor(xml.length * at)), marks);
      },
    ),
    { numRuns: 300 },
  );
});

test('every worksheet of the committed corpus gets the same edits', () => {
  const dir = path.join(__dirname, '../../fixtures/xlsx');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
  expect(files.length).toBeGreaterThan(3);
  let sheets = 0;
  for (const file of files) {
    const parts = unzipSync(new Uint8Array(fs.readFileSync(path.join(dir, file))));
    for (const [name, bytes] of Object.entries(parts)) {
      if (!/worksheets\/[^/]+\.xml$/i.test(name)) continue;
      const xml = strFromU8(bytes);
      sheets++;
      for (let seed = 1; seed <= 5; seed++) {
        const marks: Target[] = [];
        for (let i = 0; i < 40; i++)
          marks.push({ row: 1 + ((i * 7 + seed * 13) % 60), column: (i * 5 + seed) % 15 });
        same(xml, marks);
      }
    }
  }
  expect(sheets).toBeGreaterThan(5);
});
