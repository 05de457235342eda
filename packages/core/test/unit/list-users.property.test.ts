// Property: for any tenant size, page size, concurrency and limit, listUsers yields exactly the
// first min(limit, total) users in order, and asks for exactly the pages that needs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUsersClient } from '../../src/index.js';
import { BASE_URL, CLIENT_ID, CLIENT_SECRET, CUSTOMER, TENANT, TOKEN_URL, createFakeApi } from '../support/fake-api.js';

describe('listUsers (property)', () => {
  it('yields the first min(limit, total) users in order from exactly the pages needed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 16 }),
        fc.option(fc.integer({ min: 1, max: 800 }), { nil: undefined }),
        async (total, pageSize, concurrency, limit) => {
          const api = createFakeApi({ users: total });
          const client = createUsersClient({ baseUrl: BASE_URL, tokenUrl: TOKEN_URL, credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, fetch: api.fetch });
          const ids: string[] = [];
          for await (const user of client.listUsers({ customerId: CUSTOMER, tenantId: TENANT, pageSize, concurrency, limit })) ids.push(user.id);
          const wanted = Math.min(limit ?? total, total);
          expect(ids).toEqual(api.users.slice(0, wanted).map((u) => u.id));
          expect(api.apiRequests()).toHaveLength(Math.max(1, Math.ceil(wanted / pageSize)));
          expect(api.maxInFlight).toBeLessThanOrEqual(concurrency);
        },
      ),
      { numRuns: 60 },
    );
  });
});
