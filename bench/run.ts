/** `npm run bench [name…]`: runs the registered suites (all, or those whose name contains an argument). */
import { suites } from './harness';
import './suites';

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const chosen = suites().filter((s) => filters.length === 0 || filters.some((f) => s.name.includes(f)));
  if (chosen.length === 0) {
    console.error(
      `No suite matches ${filters.join(', ')}; available: ${suites()
        .map((s) => s.name)
        .join(', ')}`,
    );
    process.exitCode = 1;
    return;
  }
  for (const s of chosen) {
    console.log(`\n=== ${s.name} ===`);
    await s.run();
  }
}

void main();
