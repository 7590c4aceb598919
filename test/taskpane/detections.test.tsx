/**
 * One click on 检查并标注 detects the table's header once: the re-read's detection feeds the preview and the check.
 * detectHeader is counted where the engine defines it, so any caller (locateTable, readTable, checkSheet) counts.
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import path from 'path';
import { fireEvent, screen } from '@testing-library/react';
import { readXlsx } from '../support/fakeHostXlsx';
import { loadWorkbook, type WorkbookData } from '../support/fakeHostData';
import { installHost, renderPane, SettingsStore, uninstallHost } from './harness';

const mockDetections = { count: 0 };
jest.mock('../../src/engine/sheet/headers', () => {
  const actual = jest.requireActual('../../src/engine/sheet/headers');
  return {
    ...actual,
    detectHeader: (...args: unknown[]) => {
      mockDetections.count++;
      return actual.detectHeader(...args);
    },
  };
});

const SAMPLE = path.join(__dirname, '../../assets/samples/示例县-优质均衡.xlsx');
jest.setTimeout(60_000);

let sample: WorkbookData;

beforeAll(async () => {
  sample = await readXlsx(SAMPLE);
});

afterEach(() => uninstallHost());

test('opening the pane detects the header once, and so does a check', async () => {
  installHost(loadWorkbook(sample), new SettingsStore());
  renderPane();
  await screen.findByText('工作表“学校基本情况”');
  expect(mockDetections.count).toBe(1);

  mockDetections.count = 0;
  fireEvent.click(screen.getByRole('button', { name: '检查并标注' }));
  await screen.findByRole('region', { name: '检查结果' });
  await screen.findByText(/检查完成/);
  expect(mockDetections.count).toBe(1);
});
