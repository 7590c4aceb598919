// The committed samples and template are exactly what scripts/make-samples.ts generates, run after run.
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import { OUTPUTS, fixZipTimestamps } from '../../scripts/make-samples';

test.each(OUTPUTS.map((o) => [o.file.split(/[\\/]/).pop(), o] as const))(
  '%s is up to date: regenerating gives the committed bytes',
  async (_name, output) => {
    const generated = await output.build();
    expect(generated.equals(fs.readFileSync(output.file))).toBe(true);
  },
);

test('two generations a few seconds apart are identical (zip entry times and document dates are fixed)', async () => {
  jest.useFakeTimers({
    now: new Date('2031-07-15T08:30:00Z'),
    doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'],
  });
  const later = await OUTPUTS[0].build();
  jest.useRealTimers();
  expect(later.equals(await OUTPUTS[0].build())).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(later as unknown as ExcelJS.Buffer);
  expect(wb.created.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  expect(wb.modified.toISOString()).toBe('2026-01-01T00:00:00.000Z');
});

test('fixZipTimestamps refuses what is not a zip (a programmer error)', () => {
  expect(() => fixZipTimestamps(Buffer.from('not a zip'), new Date())).toThrow('not a zip');
});
