// Adds up vitest's per-run summaries ("Tests  1 failed | 127 passed | 2 skipped (130)", prefixed
// by turbo with the task's name and coloured) into one count for the whole `pnpm test`.
const SUMMARY = /^\S*:?\s*Tests\s+(.*\(\d+\))\s*$/;
// eslint-disable-next-line no-control-regex -- ANSI colour codes, which vitest prints
const ANSI = /\x1b\[[0-9;]*m/g;

export function emptyTotals() {
  return { passed: 0, failed: 0, skipped: 0 };
}

/** Adds the counts of `line` to `totals` when it is a vitest summary line. */
export function tallyLine(totals, line) {
  const summary = line.replace(ANSI, '').match(SUMMARY);
  if (!summary) return totals;
  for (const [, count, kind] of summary[1].matchAll(/(\d+)\s+(passed|failed|skipped)/g)) totals[kind] += Number(count);
  return totals;
}

export function closingLine(totals) {
  return `tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
}
