// The fake must behave like Office.js where adapter code could go wrong, or the other tests would prove nothing.
import { createFakeExcel, NO_FILL } from './fakeExcel';

function setup() {
  const fake = createFakeExcel();
  const sheet = fake.workbook.addSheet('S', [
    ['a', 1],
    ['b', 2],
  ]);
  return { fake, sheet, context: fake.newContext() };
}

describe('fake Excel behaves like Office.js', () => {
  test('a property is readable only after load() and sync()', async () => {
    const { context } = setup();
    const range = context.workbook.worksheets.getItem('S').getRange('A1:B2');
    expect(() => range.values).toThrow(/not available/);
    range.load('values');
    expect(() => range.values).toThrow(/not available/);
    await context.sync();
    expect(range.values).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(() => range.address).toThrow(/not available/);
  });

  test('writes are queued and happen at sync, in order', async () => {
    const { context, sheet } = setup();
    const fill = context.workbook.worksheets.getItem('S').getRange('A1').format.fill;
    fill.color = '#ff0000';
    expect(sheet.cell('A1').fill).toEqual(NO_FILL);
    fill.clear();
    await context.sync();
    expect(sheet.cell('A1').fill).toEqual(NO_FILL);
  });

  test('a failing command rejects the sync; commands before it ran, commands after it did not', async () => {
    const { fake, context, sheet } = setup();
    const ws = context.workbook.worksheets.getItem('S');
    ws.getRange('A1').format.fill.color = '#00FF00';
    context.workbook.worksheets.getItem('nope').getRange('A1').format.fill.color = '#00FF00';
    ws.getRange('A2').format.fill.color = '#00FF00';
    await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(sheet.cell('A1').fill.color).toBe('#00FF00');
    expect(sheet.cell('A2').fill.color).toBe('#FFFFFF');
    expect(fake.syncCount).toBe(1);
  });

  test('*OrNullObject: isNullObject after sync; a plain getItem of a missing item fails', async () => {
    const { context } = setup();
    const missing = context.workbook.worksheets.getItemOrNullObject('nope').load('id');
    const present = context.workbook.worksheets.getItemOrNullObject('S').load('id');
    expect(() => missing.isNullObject).toThrow(/not available/);
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(present.isNullObject).toBe(false);
    context.workbook.worksheets.getItem('nope').load('id');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  test("'=…' written as a value becomes a formula unless the cell is formatted '@'", async () => {
    const { context, sheet } = setup();
    const ws = context.workbook.worksheets.getItem('S');
    ws.getRange('C1').values = [['=A1']];
    const text = ws.getRange('C2');
    text.numberFormat = [['@']];
    text.values = [['=A1']];
    await context.sync();
    expect(sheet.cell('C1').formula).toBe('=A1');
    expect(sheet.cell('C2').value).toBe('=A1');
    expect(sheet.cell('C2').formula).toBeUndefined();
  });

  test('getRanges refuses addresses of 8,192 characters or more', async () => {
    const { context } = setup();
    const long = Array.from({ length: 1700 }, (_, i) => `A${i + 1}`).join(',');
    expect(long.length).toBeGreaterThanOrEqual(8192);
    context.workbook.worksheets.getItem('S').getRanges(long).format.fill.color = '#FFFF00';
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('a note cannot be added over another note or over a threaded comment', async () => {
    const { context, sheet } = setup();
    sheet.setNote('A1', '已有');
    sheet.addComment('A2', '评论');
    context.workbook.worksheets.getItem('S').notes.add('A1', 'x');
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    context.workbook.worksheets.getItem('S').notes.add('A2', 'x');
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('every sync is counted and its commands are logged', async () => {
    const { fake, context } = setup();
    context.application.suspendScreenUpdatingUntilNextSync();
    await context.sync();
    await context.sync();
    expect(fake.syncCount).toBe(2);
    expect(fake.batches).toEqual([['application.suspendScreenUpdatingUntilNextSync'], []]);
  });
});
