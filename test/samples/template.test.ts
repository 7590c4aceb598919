// The blank template (assets/templates/学校数据模板.xlsx): every header is recognised, and every column is explained.
import * as path from 'node:path';
import { openWorkbook } from '../../src/cli/check';
import { FIELDS } from '../../src/engine/model/fields';
import { detectHeader } from '../../src/engine/sheet/headers';

const TEMPLATE = path.join(__dirname, '..', '..', 'assets', 'templates', '学校数据模板.xlsx');

async function template() {
  const opened = await openWorkbook(TEMPLATE);
  if (!opened.ok) throw new Error(opened.message);
  return opened.workbook;
}

test('the header row is found below the title, every column maps to its own field, no issue', async () => {
  const grid = (await template()).gridOf('学校数据')!;
  const header = detectHeader(grid);
  expect([header.found, header.headerTop]).toEqual([true, 2]);
  expect(header.unmapped).toEqual([]);
  expect(header.issues).toEqual([]);
  expect(Object.keys(header.mapping)).toHaveLength(grid.values[1].length);
});

test('every identity and count field the reader knows has a column (the combined 体育、艺术 column is the alternative to the three separate ones)', async () => {
  const header = detectHeader((await template()).gridOf('学校数据')!);
  const missing = FIELDS.filter((f) => f.group === 'identity' || f.group === 'count')
    .map((f) => f.key)
    .filter((key) => !header.mapping[key]);
  expect(missing).toEqual(['peArtTeachers']);
  expect(header.mapping.equipmentValue?.unitFactor).toBe(10000);
});

test('填写说明 explains each column of the template', async () => {
  const wb = await template();
  const headers = wb.gridOf('学校数据')!.values[1];
  const help = wb.gridOf('填写说明')!.values.map((r) => r[0]);
  for (const h of headers) expect(help).toContain(h);
  expect(help.join('')).toContain('1:1.1');
});
