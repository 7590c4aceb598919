/**
 * The web page's county list in English is English: a county's verdict reason, its standard, and why a workbook
 * cannot be evaluated (not a workbook, no school table, a table without the columns it needs) are worded in English,
 * the engine's issues rendered with the English issue texts. Only quoted names (files, sheets, header texts) may be
 * Chinese —
 * a Chinese message reaching the English list fails. The Chinese list keeps the readers' Chinese messages.
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import '../support/textCodecs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { useState } from 'react';
import { CountyList } from '../../src/web/CountyList';
import type { CountyResult } from '../../src/web/batch';
import type { GivenFile } from '../../src/web/files';
import { WebStringsContext, webStringsFor } from '../../src/web/strings';
import { StringsContext, stringsFor } from '../../src/taskpane/strings';

const SAMPLE = path.join(__dirname, '../../assets/samples/示例县-优质均衡.xlsx');
const BASIC = path.join(__dirname, '../../assets/samples/示例县-基本均衡.xlsx');
const HAN = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
jest.setTimeout(60_000);

async function workbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  rows.forEach((r) => ws.addRow(r));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const given = (name: string, bytes: Uint8Array): GivenFile => ({ name, size: bytes.length, bytes });

async function files(): Promise<GivenFile[]> {
  return [
    given('quality.xlsx', new Uint8Array(fs.readFileSync(SAMPLE))),
    given('basic.xlsx', new Uint8Array(fs.readFileSync(BASIC))),
    given('notes.xlsx', new TextEncoder().encode('not a workbook at all')),
    given('empty-table.xlsx', await workbook([['Some title'], ['a', 'b', 'c'], [1, 2, 3]])),
    // A school table without its student counts (在校生数) and the indicators' columns.
    given(
      'no-students.xlsx',
      await workbook([
        ['学校名称', '学段', '班级数'],
        ['城关小学', '小学', 12],
        ['东关小学', '小学', 10],
      ]),
    ),
  ];
}

function List({ given: list, language }: { given: GivenFile[]; language: string }) {
  const [results, setResults] = useState<CountyResult[]>([]);
  return (
    <StringsContext.Provider value={stringsFor(language)}>
      <WebStringsContext.Provider value={webStringsFor(language)}>
        <CountyList
          files={list}
          results={results}
          onResult={(i, r) =>
            setResults((old) => {
              const next = [...old];
              next[i] = r;
              return next;
            })
          }
          onOpen={() => undefined}
        />
      </WebStringsContext.Provider>
    </StringsContext.Provider>
  );
}

async function rowsShown(language: string): Promise<HTMLElement[]> {
  const list = await files();
  render(<List given={list} language={language} />);
  await waitFor(() => expect(screen.getAllByTestId('county-row')).toHaveLength(list.length), {
    timeout: 50_000,
  });
  return screen.getAllByTestId('county-row');
}

test('English: every line of the county list is English — verdict reasons, standards, unusable workbooks', async () => {
  const rows = await rowsShown('en-US');
  const texts = rows.map((r) => r.textContent ?? '');
  // Quoted names are the user's or a workbook's own words (file, sheet, the header texts that work): left out.
  const unquoted = (t: string) => t.replace(/“[^”]*”/g, '“”');
  for (const text of texts) expect([text, HAN.test(unquoted(text))]).toEqual([text, false]);
  const line = (file: string) => texts.find((t) => t.startsWith(file)) ?? '';
  expect(line('quality.xlsx')).toContain('High-quality balance');
  expect(line('quality.xlsx')).toMatch(/coefficients above the limit/);
  expect(line('basic.xlsx')).toContain('Basic balance');
  expect(line('notes.xlsx')).toContain('is not an Excel workbook (.xlsx)');
  expect(line('empty-table.xlsx')).toContain(
    'No school table was found in “empty-table.xlsx” (sheets “Sheet1”)',
  );
  // The engine's own issue, rendered with its English texts.
  expect(line('no-students.xlsx')).toMatch(/“no-students\.xlsx” cannot be evaluated: .*\S/);
  expect(within(rows[0]).getByRole('button', { name: /Open/ })).toBeTruthy();
});

test('Chinese: the county list keeps the readers’ Chinese messages', async () => {
  const rows = await rowsShown('zh-CN');
  const texts = rows.map((r) => r.textContent ?? '');
  const line = (file: string) => texts.find((t) => t.startsWith(file)) ?? '';
  expect(line('quality.xlsx')).toContain('优质均衡');
  expect(line('notes.xlsx')).toContain('“notes.xlsx”不是 Excel 工作簿（.xlsx）');
  expect(line('no-students.xlsx')).toContain('“no-students.xlsx”无法评估：');
});
