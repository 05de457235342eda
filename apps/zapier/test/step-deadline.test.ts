// The step deadline stops a slow call before Zapier's 30 s with an actionable message, and the
// fetch over z.request honours the abort (z.request itself takes no signal).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { withinStepBudget } from '../src/step-deadline.js';
import { callApi, usersClientFor } from '../src/users-client.js';
import { appTester, connect, detailsOf, failure, type Connected } from './helpers/sandbox.js';

let c: Connected;
beforeAll(async () => {
  c = await connect({ users: 30 });
});
afterAll(() => c.sandbox.close());

const readFirstPage = (budgetMs: number) => (z: ZObject, bundle: Bundle) =>
  callApi(z, () =>
    withinStepBudget(z, budgetMs, 'Give fewer User IDs per step.', (signal) =>
      usersClientFor(z, bundle).getUsersPage({ customerId: c.customerId, tenantId: c.tenantId, pageSize: 5 }, { signal }),
    ),
  );

describe('withinStepBudget', () => {
  it('ends a stalled call with a TIMEOUT error that says what to change', async () => {
    c.sandbox.setFaults([{ match: { path: 'users' }, latencyMs: 3_000 }]);
    try {
      const error = await failure(appTester(readFirstPage(200), { authData: c.authData }));
      expect(error.name).toBe('AppError');
      const details = detailsOf(error);
      expect(details).toMatchObject({ code: 'TIMEOUT', status: 504 });
      expect(details.message).toMatch(/within 0 seconds.*30-second.*fewer User IDs/);
    } finally {
      c.sandbox.setFaults([]);
    }
  });

  it('lets a call that answers in time through', async () => {
    const page = (await appTester(readFirstPage(10_000), { authData: c.authData })) as { users: unknown[]; totalCount: number };
    expect(page.users).toHaveLength(5);
    expect(page.totalCount).toBe(30);
  });
});
