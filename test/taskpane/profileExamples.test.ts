// Every example of a custom standard the pane or the docs show is one the engine accepts: a user copying one gets a
// working standard, not "schoolRule.k 不能大于…".
import fs from 'fs';
import path from 'path';
import { parseProfile } from '../../src/engine';
import { en } from '../../src/taskpane/strings.en';
import { zhCN } from '../../src/taskpane/strings.zh-CN';

const ROOT = path.join(__dirname, '../..');

/** Inline `{…"extends"…}` code spans and ```json blocks of the README and docs/*.md. */
function docExamples(): { file: string; json: string }[] {
  const files = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).map((f) => `docs/${f}`)].filter(
    (f) => f.endsWith('.md'),
  );
  return files.flatMap((file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const inline = [...text.matchAll(/`(\{[^`]*"extends"[^`]*\})`/g)].map((m) => m[1]);
    const blocks = [...text.matchAll(/```json\n([\s\S]*?)```/g)]
      .map((m) => m[1])
      .filter((b) => /"(extends|indicators|schoolRule|cv)"/.test(b));
    return [...inline, ...blocks].map((json) => ({ file, json }));
  });
}

test('the docs show examples of custom standards (so the test below checks something)', () => {
  expect(docExamples().length).toBeGreaterThanOrEqual(2);
});

test.each([
  ['zh-CN placeholder', zhCN.customPlaceholder],
  ['en placeholder', en.customPlaceholder],
  ...docExamples().map(({ file, json }) => [file, json]),
])('%s: %s passes validation', (_, json) => {
  const parsed = parseProfile(json);
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
});
