/**
 * The CLI's garbage-collection pace. Writing a marked copy makes a lot of short-lived text (the XML of report sheets,
 * notes and their shapes: ≈ 140 MB for 20,000 schools) while only 20–70 MB is live at any time; V8 by default lets
 * the heap grow up to four times what survived the last full collection before collecting again, so the peak RSS of
 * `check --out` was mostly garbage (330–460 MB on the bench's county, 210–260 MB when collected after each part).
 * Growing it by at most 2× keeps the peak near 280 MB at the same CPU time (figures: docs/TESTING.md, issue 13).
 */
import * as v8 from 'node:v8';

/** Read by V8 whenever it sets the next collection's limit, so setting it at start-up is enough. */
const HEAP_GROWING_PERCENT = 100;

export function growHeapGently(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
