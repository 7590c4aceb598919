/**
 * A custom standard made by form: it starts from a built-in one, each edit is checked by the engine with the message
 * by its field, a valid one is saved in the workbook and used by the check; JSON syntax errors are Chinese with a place.
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import path from 'path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readXlsx } from '../support/fakeHostXlsx';
import { loadWorkbook, type WorkbookData } from '../support/fakeHostData';
import type { FakeExcel } from '../hosts/officejs/fakeExcel';
import { installHost, renderPane, SettingsStore, uninstallHost } from './harness';

const SAMPLE = path.join(__dirname, '../../assets/samples/示例县-优质均衡.xlsx');
jest.setTimeout(90_000);

let sample: WorkbookData;
let fake: FakeExcel;
let settings: SettingsStore;

beforeAll(async () => {
  sample = await readXlsx(SAMPLE);
  // jsdom has no ResizeObserver, which Fluent's MessageBar (the results' stale notice) observes its size with.
  (globalThis as Record<string, unknown>).ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

beforeEach(() => {
  fake = loadWorkbook(sample);
  settings = new SettingsStore();
  installHost(fake, settings);
});

afterEach(() => uninstallHost());

async function opened() {
  renderPane();
  await screen.findByText('工作表“学校基本情况”');
  return within(screen.getByRole('region', { name: '评估标准' }));
}

function checkButton() {
  return screen.getByRole('button', { name: '检查并标注' }) as HTMLButtonElement;
}

/** The form of a custom standard started from 优质均衡. */
async function customForm() {
  const profile = await opened();
  fireEvent.click(profile.getByRole('radio', { name: '自定义标准' }));
  fireEvent.click(profile.getByRole('button', { name: '从优质均衡（2017）开始' }));
  return within(profile.getByRole('group', { name: '自定义标准' }));
}

/** The message Fluent's Field ties to an input (aria-describedby), or ''. */
function describedBy(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

function storedProfile(): unknown {
  return (settings.saved['balance.taskpane'] as { profile?: unknown } | undefined)?.profile;
}

async function failingCount(): Promise<number> {
  fireEvent.click(checkButton());
  const results = within(await screen.findByRole('region', { name: '检查结果' }));
  await waitFor(() => expect(checkButton().disabled).toBe(false));
  const title = results.queryByRole('button', { name: /^未达标学校（\d+）$/ });
  return title ? Number(/（(\d+)）/.exec(title.textContent ?? '')![1]) : 0;
}

test('the form starts from the built-in standard and shows its values', async () => {
  const form = await customForm();
  expect((form.getByRole('textbox', { name: /^至少达标的指标数 k/ }) as HTMLInputElement).value).toBe('6');
  expect((form.getByRole('textbox', { name: /^其余指标不低于标准的比例 r/ }) as HTMLInputElement).value).toBe(
    '0.85',
  );
  expect((form.getByRole('textbox', { name: /^小学每项差异系数上限/ }) as HTMLInputElement).value).toBe(
    '0.5',
  );
  expect((form.getByRole('textbox', { name: '体育场馆 初中标准' }) as HTMLInputElement).value).toBe('10.2');
  expect((form.getByRole('checkbox', { name: '体育场馆' }) as HTMLInputElement).checked).toBe(true);
  expect((form.getByRole('checkbox', { name: '图书' }) as HTMLInputElement).checked).toBe(false);
  expect(form.getByRole('switch', { name: '民办学校不参评' })).toBeTruthy();
  expect((form.getByRole('textbox', { name: /^教学点学生数下限/ }) as HTMLInputElement).value).toBe('50');
  expect((form.getByRole('textbox', { name: /^九年一贯制学校 初中/ }) as HTMLInputElement).value).toBe('1.1');
  // The JSON box says the same: only what differs from the built-in standard.
  const json = screen.getByRole('textbox', { name: /标准配置（JSON）/ }) as HTMLTextAreaElement;
  expect(JSON.parse(json.value)).toEqual({ extends: 'quality-2017' });
});

test('edit k and r in the form: saved in the workbook, and the check uses them', async () => {
  const profileRegion = await opened();
  const before = await failingCount();
  expect(before).toBeGreaterThan(0);

  fireEvent.click(profileRegion.getByRole('radio', { name: '自定义标准' }));
  fireEvent.click(profileRegion.getByRole('button', { name: '从优质均衡（2017）开始' }));
  const form = within(profileRegion.getByRole('group', { name: '自定义标准' }));
  fireEvent.change(form.getByRole('textbox', { name: /^至少达标的指标数 k/ }), { target: { value: '1' } });
  fireEvent.change(form.getByRole('textbox', { name: /^其余指标不低于标准的比例 r/ }), {
    target: { value: '0' },
  });
  expect(profileRegion.getByText('学校达标：7 项指标中至少 1 项达到标准，其余不低于标准的 0%')).toBeTruthy();
  await waitFor(() => {
    const stored = storedProfile() as { kind: string; text: string };
    expect(stored.kind).toBe('custom');
    expect(JSON.parse(stored.text)).toEqual({ extends: 'quality-2017', schoolRule: { k: 1, r: 0 } });
  });

  expect(await failingCount()).toBeLessThan(before);

  // Reopened, the workbook brings the form back with k = 1.
  uninstallHost();
  document.body.innerHTML = '';
  settings = settings.reopen();
  installHost(loadWorkbook(sample), settings);
  const again = await opened();
  const form2 = within(again.getByRole('group', { name: '自定义标准' }));
  expect((form2.getByRole('textbox', { name: /^至少达标的指标数 k/ }) as HTMLInputElement).value).toBe('1');
});

test('an invalid value: the engine’s Chinese message next to the field, nothing saved, the check waits', async () => {
  const form = await customForm();
  await waitFor(() => expect(storedProfile()).toEqual({ kind: 'custom', text: expect.any(String) }));
  const saved = JSON.stringify(storedProfile());
  const k = form.getByRole('textbox', { name: /^至少达标的指标数 k/ });
  fireEvent.change(k, { target: { value: '9' } });
  expect(describedBy(k)).toContain('不能大于有办学标准的指标数（小学 7 项、初中 7 项）');
  expect(k.getAttribute('aria-invalid')).toBe('true');
  expect(checkButton().disabled).toBe(true);
  expect(screen.getByText('有 1 处需要修改，见各项下方的提示。')).toBeTruthy();

  fireEvent.change(k, { target: { value: '两项' } });
  expect(describedBy(k)).toContain('必须是不小于 1 的整数');
  const r = form.getByRole('textbox', { name: /^其余指标不低于标准的比例 r/ });
  fireEvent.change(r, { target: { value: '1.5' } });
  expect(describedBy(r)).toContain('必须在 0 到 1 之间');
  // The k message stays by k, not by r.
  expect(describedBy(r)).not.toContain('整数');

  const sports = form.getByRole('textbox', { name: '体育场馆 小学标准' });
  fireEvent.change(sports, { target: { value: '-3' } });
  expect(sports.getAttribute('aria-invalid')).toBe('true');
  expect(form.getByText(/必须是大于 0 的数/)).toBeTruthy();

  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(JSON.stringify(storedProfile())).toBe(saved);

  fireEvent.change(k, { target: { value: '5' } });
  fireEvent.change(r, { target: { value: '0.6' } });
  fireEvent.change(sports, { target: { value: '8' } });
  expect(checkButton().disabled).toBe(false);
});

test('the indicator list and scope switches edit the JSON', async () => {
  const form = await customForm();
  fireEvent.click(form.getByRole('checkbox', { name: '图书' }));
  fireEvent.click(form.getByRole('switch', { name: '民办学校不参评' }));
  const json = screen.getByRole('textbox', { name: /标准配置（JSON）/ }) as HTMLTextAreaElement;
  const draft = JSON.parse(json.value) as { indicators: string[]; scope: object };
  expect(draft.indicators).toContain('booksPerStudent');
  expect(draft.indicators).toHaveLength(8);
  expect(draft.scope).toEqual({ excludePrivate: true });
  expect(screen.getByRole('region', { name: '评估标准' }).textContent).toContain('图书');
});

test('a JSON syntax error is named in Chinese with its line and column, never JSON.parse’s English', async () => {
  const profile = await opened();
  fireEvent.click(profile.getByRole('radio', { name: '自定义标准' }));
  const box = profile.getByRole('textbox', { name: /标准配置（JSON）/ });
  fireEvent.change(box, {
    target: { value: '{\n  "extends": "quality-2017",\n  "schoolRule": { "k": 5 "r": 0.6 }\n}' },
  });
  expect(
    profile.getByText('JSON 格式错误（第 3 行第 26 列）：“"”前面缺少英文逗号 ,（两项之间要用逗号分隔）'),
  ).toBeTruthy();
  fireEvent.change(box, { target: { value: '{ "extends": "quality-2017"， "dashes": "none" }' } });
  expect(
    profile.getByText('JSON 格式错误（第 1 行第 28 列）：使用了中文标点“，”，请改为英文标点“,”'),
  ).toBeTruthy();
  const region = screen.getByRole('region', { name: '评估标准' }).textContent ?? '';
  expect(region).not.toMatch(/Expected|Unexpected|position|JSON at/);
  // The broken text is the user's: no form replaces it, and the start buttons are off.
  expect(
    (profile.getByRole('button', { name: '从优质均衡（2017）开始' }) as HTMLButtonElement).disabled,
  ).toBe(true);
});
