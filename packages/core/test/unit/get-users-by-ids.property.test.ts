// Property: whatever IDs are asked (present or not, repeated, in any case, any count), the answer
// lists each found user once in the order first asked, and exactly the missing IDs in notFound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUsersClient } from '../../src/index.js';
import { BASE_URL, CLIENT_ID, CLIENT_SECRET, CUSTOMER, TENANT, TOKEN_URL, createFakeApi, userId } from '../support/fake-api.js';

describe('getUsersByIds (property)', () => {
  it('keeps order, de-duplicates case-insensitively and reports exactly the missing IDs', async () => {
    const api = createFakeApi({ users: 300 });
    const client = createUsersClient({
      baseUrl: BASE_URL,
      tokenUrl: TOKEN_URL,
      credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      fetch: api.fetch,
    });
    const asked = fc.array(
      fc.record({ index: fc.integer({ min: 0, max: 420 }), upper: fc.boolean() }).map(({ index, upper }) => {
        // Indexes >= 300 are IDs the tenant does not have.
        const id = userId(index);
        return upper ? id.toUpperCase() : id;
      }),
      { maxLength: 260 },
    );
    await fc.assert(
      fc.asyncProperty(asked, async (ids) => {
        const result = await client.getUsersByIds({ customerId: CUSTOMER, tenantId: TENANT, userIds: ids });
        const firstSeen: string[] = [];
        for (const id of ids) if (!firstSeen.some((s) => s.toLowerCase() === id.toLowerCase())) firstSeen.push(id);
        const present = firstSeen.filter((id) => Number.parseInt(id.slice(-12), 16) < 300);
        expect(result.users.map((u) => u.id)).toEqual(present.map((id) => id.toLowerCase()));
        expect(result.notFound).toEqual(firstSeen.filter((id) => !present.includes(id)));
      }),
      { numRuns: 40 },
    );
  });
});
