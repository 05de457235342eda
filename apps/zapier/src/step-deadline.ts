// Zapier ends a step after 30 seconds without a useful message. Each operation stops itself a
// little earlier, cancelling core's calls, and says what to change.
import type { ZObject } from 'zapier-platform-core';

/** Leaves Zapier's 30 s room for start-up and for handing the results on. */
export const STEP_BUDGET_MS = 25_000;

export async function withinStepBudget<T>(
  z: ZObject,
  budgetMs: number,
  advice: string,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const deadline = new AbortController();
  const reason = new z.errors.Error(
    `AvePoint did not answer within ${Math.round(budgetMs / 1000)} seconds, before Zapier's 30-second limit. ${advice}`,
    'TIMEOUT',
    504,
  );
  const timer = setTimeout(() => deadline.abort(reason), budgetMs);
  try {
    return await call(deadline.signal);
  } finally {
    clearTimeout(timer);
  }
}
