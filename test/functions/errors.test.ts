// The error factory: CustomFunctions.Error when Excel's runtime is there, an Error with the same code outside it.
import { functionError, isFunctionError } from '../../src/functions/errors';
import { installCustomFunctionsDouble, isDoubleError } from './customFunctionsDouble';

describe('functionError', () => {
  test('inside Excel (the CustomFunctions global is present) it is new CustomFunctions.Error(code, message)', () => {
    const uninstall = installCustomFunctionsDouble();
    try {
      const error = functionError('invalidValue', '第 3 个值（第 3 行）：“缺” 不是数字');
      expect(isDoubleError(error)).toBe(true);
      expect(error).toMatchObject({ code: '#VALUE!', message: '第 3 个值（第 3 行）：“缺” 不是数字' });
      expect(functionError('divisionByZero', '县均值为 0').code).toBe('#DIV/0!');
      expect(functionError('notAvailable', '没有标准').code).toBe('#N/A');
    } finally {
      uninstall();
    }
  });

  test('outside Excel (jest, bench, Node) it is an Error carrying the same code and message', () => {
    expect((globalThis as { CustomFunctions?: unknown }).CustomFunctions).toBeUndefined();
    const error = functionError('divisionByZero', '县均值为 0，差异系数无定义（不是 0）');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '#DIV/0!', message: '县均值为 0，差异系数无定义（不是 0）' });
  });

  test('isFunctionError recognises error values Excel puts in ranges, not text that merely looks like one', () => {
    expect(isFunctionError({ code: '#N/A' })).toBe(true);
    expect(isFunctionError(functionError('invalidValue', 'x'))).toBe(true);
    expect(isFunctionError('#N/A')).toBe(false);
    expect(isFunctionError({ code: 'E1' })).toBe(false);
    expect(isFunctionError(null)).toBe(false);
  });
});
