// Every sync of the pane stays under 4 MB of request, by the fake's estimate of what each sync carries.
import { applyHighlights, clearHighlights } from '../../../src/hosts/officejs/highlights';
import { county } from './county';
import { fakeRequirements, type FakeExcel } from './fakeExcel';

const ALL_APIS = fakeRequirements('1.18');
const ctx = (fake: FakeExcel) => fake.newContext() as unknown as Excel.RequestContext;

async function measure(schools: number) {
  const { fake, plan } = county(schools);
  const steps: { syncs: number; largest: number; total: number }[] = [];
  let last = 0;
  const step = async (run: () => Promise<unknown>) => {
    await run();
    const payloads = fake.payloads.slice(last);
    steps.push({
      syncs: payloads.length,
      largest: Math.max(...payloads),
      total: payloads.reduce((a, b) => a + b, 0),
    });
    last = fake.payloads.length;
  };
  const shifted = { ...plan, marks: plan.marks.filter((m) => m.row % 3 !== 0) };
  await step(() => applyHighlights(ctx(fake), plan, { isSetSupported: ALL_APIS }));
  await step(() => applyHighlights(ctx(fake), shifted, { isSetSupported: ALL_APIS }));
  await step(() => clearHighlights(ctx(fake), { isSetSupported: ALL_APIS }));
  return { marks: plan.marks.length, steps };
}

const LIMIT = 4 * 1024 * 1024;

describe('request size per sync (fake estimate: JSON envelopes + UTF-8 arguments)', () => {
  test('2,000 failing schools: every sync under 4 MB, and apply, re-apply and clear ≤ 6 syncs each', async () => {
    const { marks, steps } = await measure(2000);
    expect(marks).toBeGreaterThan(5000);
    for (const step of steps) {
      expect(step.largest).toBeLessThan(LIMIT);
      expect(step.syncs).toBeLessThanOrEqual(6);
    }
  }, 120000);

  test('10,000 failing schools: every sync under 4 MB; syncs grow only with the request size', async () => {
    const { steps } = await measure(10000);
    for (const step of steps) {
      expect(step.largest).toBeLessThan(LIMIT);
      // A fixed ≤ 4 round trips plus one per 3 MB of request.
      expect(step.syncs).toBeLessThanOrEqual(4 + Math.ceil(step.total / 3_000_000));
    }
  }, 300000);
});
