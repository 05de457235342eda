// The closing line of `pnpm verify` adds up every vitest run that turbo prints.
import { describe, expect, it } from 'vitest';
import { closingLine, emptyTotals, tallyLine } from '../../scripts/lib/test-summary.mjs';

describe('test summary', () => {
  it('adds up turbo-prefixed, coloured vitest summaries and ignores everything else', () => {
    const totals = emptyTotals();
    for (const line of [
      '@avepoint-graph-kit/core:test: \x1b[2m      Tests \x1b[22m \x1b[1m\x1b[32m209 passed\x1b[39m\x1b[22m\x1b[90m (209)\x1b[39m',
      '@avepoint-graph-kit/zapier:test:       Tests  1 failed | 74 passed | 2 skipped (77)',
      '      Tests  11 passed (11)',
      '@avepoint-graph-kit/core:test:  Test Files  20 passed (20)',
      '  it("Tests 5 passed (5) inside a test name") is not a summary',
    ])
      tallyLine(totals, line);
    expect(totals).toEqual({ passed: 294, failed: 1, skipped: 2 });
    expect(closingLine(totals)).toBe('tests: 294 passed, 1 failed, 2 skipped');
  });
});
