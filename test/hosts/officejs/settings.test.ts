// loadSettings / saveSettings: the pane's choices stored in Office.context.document.settings, failures surfaced.
import { ExcelOperationError } from '../../../src/hosts/officejs/errors';
import { loadSettings, saveSettings, type DocumentSettings } from '../../../src/hosts/officejs/settings';

/** Office.Settings in memory; `fail` makes saveAsync report an Office-style failure. */
function fakeSettings(fail?: { code: string; message: string }): DocumentSettings & { saved: unknown } {
  const values = new Map<string, unknown>();
  const store = {
    saved: undefined as unknown,
    get: (name: string) => values.get(name),
    set: (name: string, value: unknown) => void values.set(name, value),
    saveAsync(callback?: (result: { status: unknown; error?: unknown }) => void) {
      if (fail) callback?.({ status: 'failed', error: fail });
      else {
        store.saved = Object.fromEntries(values);
        callback?.({ status: 'succeeded' });
      }
    },
  };
  return store;
}

test('a saved value is read back; an absent one is null', async () => {
  const settings = fakeSettings();
  await expect(loadSettings('balance.taskpane', settings)).resolves.toBeNull();
  await saveSettings('balance.taskpane', { version: 1 }, settings);
  expect(settings.saved).toEqual({ 'balance.taskpane': { version: 1 } });
  await expect(loadSettings('balance.taskpane', settings)).resolves.toEqual({ version: 1 });
});

test('a failed saveAsync rejects with a Chinese ExcelOperationError, never silently', async () => {
  const settings = fakeSettings({ code: 'AccessDenied', message: 'denied' });
  const saving = saveSettings('balance.taskpane', { version: 1 }, settings);
  await expect(saving).rejects.toBeInstanceOf(ExcelOperationError);
  await expect(saving).rejects.toThrow(
    '保存加载项设置失败：没有修改权限，工作表或工作簿可能受保护（AccessDenied）',
  );
});

test('outside a document (no Office.context.document) loading finds nothing and saving says why', async () => {
  await expect(loadSettings('balance.taskpane', null)).resolves.toBeNull();
  await expect(saveSettings('balance.taskpane', {}, null)).rejects.toThrow(
    '保存加载项设置失败：当前环境没有打开的工作簿',
  );
});

test('an exception from the settings object is wrapped too', async () => {
  const settings = fakeSettings();
  settings.set = () => {
    throw Object.assign(new Error('too big'), { code: 'RequestPayloadSizeLimitExceeded' });
  };
  await expect(saveSettings('x', {}, settings)).rejects.toThrow('一次读写的数据量过大');
});
