/** ExcelOperationError: every failure of an Excel call, surfaced (never swallowed) with a Chinese message for the user. */

/** Plain-language explanations of the Office.js error codes users actually meet. */
const CODE_TEXT: Readonly<Record<string, string>> = {
  AccessDenied: '没有修改权限，工作表或工作簿可能受保护',
  ActivityLimitReached: 'Excel 正忙，请稍后重试',
  ApiNotFound: '当前 Excel 版本不支持此功能，请升级 Office',
  GeneralException: 'Excel 内部错误',
  InsertDeleteConflict: '插入或删除操作与现有内容冲突',
  InvalidArgument: '参数无效',
  InvalidOperation: '当前状态下不能执行此操作',
  InvalidOperationInCellEditMode: '单元格正处于编辑状态，请先按 Enter 或 Esc 退出编辑',
  ItemAlreadyExists: '对象已存在',
  ItemNotFound: '找不到指定的工作表、表格或单元格',
  NotImplemented: '当前 Excel 版本未实现此功能',
  RequestPayloadSizeLimitExceeded: '一次读写的数据量过大',
  UnsupportedOperation: '不支持此操作',
};

/** An Excel call failed; `operation` says what the add-in was doing, `cause` keeps the original error. */
export class ExcelOperationError extends Error {
  override readonly name = 'ExcelOperationError';
  /** Office.js error code when there is one, e.g. 'AccessDenied'. */
  readonly code?: string;

  constructor(
    readonly operation: string,
    readonly cause: unknown,
  ) {
    const code = errorCode(cause);
    const detail = (code && CODE_TEXT[code]) || errorMessage(cause) || '未知错误';
    super(`${operation}失败：${detail}${code ? `（${code}）` : ''}`);
    this.code = code;
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
  }
  return undefined;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error)
    return String((error as { message: unknown }).message);
  return typeof error === 'string' ? error : '';
}

/** Runs an Excel operation; any failure comes out as ExcelOperationError naming the operation in Chinese. */
export async function excelOperation<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ExcelOperationError) throw error;
    throw new ExcelOperationError(operation, error);
  }
}
