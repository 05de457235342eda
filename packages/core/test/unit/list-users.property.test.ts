// Property: for any tenant size, page size, concurrency and limit, listUsers yields exactly the
// first min(limit, total) users in order, and asks for exactly the pages that needs.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { closeSandboxes, startInProcessSandbox } from '../support/in-process-sandbox.js';

afterEach(closeSandboxes);

describe('listUsers (property)', () => {
  it('yields the first min(limit, total) users in order from exactly the pages needed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 16 }),
        fc.option(fc.integer({ min: 1, max: 800 }), { nil: undefined }),
        async (total, pageSize, concurrency, limit) => {
          // A sandbox per run (about a millisecond in process): a tenant of exactly `total` users.
          const s = await startInProcessSandbox({ users: total });
          const client = s.client();
          const ids: string[] = [];
          for await (const user of client.listUsers({ ...s.tenant, pageSize, concurrency, limit })) ids.push(user.id);
          const wanted = Math.min(limit ?? total, total);
          expect(ids).toEqual(Array.from({ length: wanted }, (_, i) => s.sb.userAt(0, 0, i).id));
          expect(s.apiRequests()).toHaveLength(Math.max(1, Math.ceil(wanted / pageSize)));
          expect(s.maxInFlight).toBeLessThanOrEqual(concurrency);
          await closeSandboxes();
        },
      ),
      { numRuns: 60 },
    );
  });
});
