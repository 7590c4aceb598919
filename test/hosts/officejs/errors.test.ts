// ExcelOperationError: what the add-in was doing + why Excel refused, in Chinese; the original error kept.
import { parseAreas, rectAddress } from '../../../src/hosts/officejs/address';
import { excelOperation, ExcelOperationError } from '../../../src/hosts/officejs/errors';
import { HostProblemError } from '../../../src/hosts/port';

describe('ExcelOperationError', () => {
  test('known Office codes get a Chinese explanation and keep the code', () => {
    const cause = Object.assign(new Error('The requested resource does not exist.'), {
      code: 'ItemNotFound',
    });
    const error = new ExcelOperationError('readSheet', cause);
    expect(error.message).toBe('读取工作表失败：找不到指定的工作表、表格或单元格（ItemNotFound）');
    expect(error.code).toBe('ItemNotFound');
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('ExcelOperationError');
    expect(error).toBeInstanceOf(HostProblemError);
    expect(error.problem).toEqual({ operation: 'readSheet', code: 'ItemNotFound', hostCode: 'ItemNotFound' });
  });

  test('a fault the host code finds keeps its code and gains the operation', () => {
    const error = new ExcelOperationError('saveSettings', new HostProblemError({ code: 'noWorkbook' }));
    expect(error.message).toBe('保存加载项设置失败：当前环境没有打开的工作簿');
    expect(error.problem).toEqual({ operation: 'saveSettings', code: 'noWorkbook' });
    expect(error.code).toBeUndefined();
  });

  test('unknown codes and plain errors keep the original text', () => {
    expect(new ExcelOperationError('highlight', { code: 'Weird', message: 'boom' }).message).toBe(
      '标注失败：boom（Weird）',
    );
    expect(new ExcelOperationError('highlight', new Error('网络中断')).message).toBe('标注失败：网络中断');
    expect(new ExcelOperationError('highlight', undefined).message).toBe('标注失败：未知错误');
  });

  test('excelOperation wraps once and passes results through', async () => {
    await expect(excelOperation('highlight', async () => 42)).resolves.toBe(42);
    const inner = new ExcelOperationError('readSheet', new Error('x'));
    await expect(
      excelOperation('highlight', async () => {
        throw inner;
      }),
    ).rejects.toBe(inner);
    await expect(
      excelOperation('highlight', async () => {
        throw { code: 'AccessDenied', message: 'denied' };
      }),
    ).rejects.toThrow('标注失败：没有修改权限，工作表或工作簿可能受保护（AccessDenied）');
  });
});

describe('RangeAreas addresses', () => {
  test('parses what Excel reports, quoted sheet names with commas included', () => {
    expect(parseAreas("Sheet1!A1:B2, 'My, Sheet'!$C$3, 学校数据!AA10:AB12")).toEqual([
      { top: 1, left: 0, bottom: 2, right: 1 },
      { top: 3, left: 2, bottom: 3, right: 2 },
      { top: 10, left: 26, bottom: 12, right: 27 },
    ]);
    expect(rectAddress({ top: 3, left: 2, bottom: 3, right: 2 })).toBe('C3');
    expect(rectAddress({ top: 10, left: 26, bottom: 12, right: 27 })).toBe('AA10:AB12');
  });
});
