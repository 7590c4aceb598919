// The garbage-collection pace for writing workbooks (cli/memory.ts) is set only by runs that write one: a check alone
// keeps V8's own pace, which spares it a full collection.
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { growHeapGently } from '../../src/cli/memory';
import { tmpDir } from './fixtures';

jest.mock('../../src/cli/memory', () => ({ growHeapGently: jest.fn() }));

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'samples', '示例县-优质均衡.xlsx');
const quiet = { stdout: () => {}, stderr: () => {} };
const paced = growHeapGently as jest.Mock;

beforeEach(() => paced.mockClear());

test.each([
  { name: 'check', args: ['check', SAMPLE], times: 0 },
  { name: 'check --json', args: ['check', SAMPLE, '--json'], times: 0 },
  { name: 'plan', args: ['plan', SAMPLE], times: 0 },
  { name: 'check --out', args: ['check', SAMPLE, '--out', 'copy.xlsx'], times: 1 },
  { name: 'check --out-dir', args: ['check', SAMPLE, '--out-dir', '.'], times: 1 },
  { name: 'plan --out', args: ['plan', SAMPLE, '--out', 'copy.xlsx'], times: 1 },
  { name: 'forms', args: ['forms', SAMPLE, '--out-dir', '.'], times: 1 },
])('$name: paced for writing $times time(s)', async ({ args, times }) => {
  const dir = tmpDir();
  const argv = args.map((a) => (a === 'copy.xlsx' || a === '.' ? path.join(dir, a) : a));
  expect(await run(argv, quiet)).toBe(0);
  expect(paced).toHaveBeenCalledTimes(times);
});
