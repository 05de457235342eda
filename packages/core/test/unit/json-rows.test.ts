// The NDJSON/JSON row is built from the user's own JSON for speed; it must be exactly the text of
// the plain object form, for any user (extra fields from a service included) and any tenant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowJson } from '../../src/cli/formats/json.js';
import { withStatusLabels, type User } from '../../src/protocol/index.js';

const plain = (user: User, tenant?: Record<string, unknown>) =>
  JSON.stringify(tenant ? { ...tenant, ...withStatusLabels(user) } : withStatusLabels(user));

const userArb = fc
  .record({
    id: fc.uuid(),
    displayName: fc.option(fc.string(), { nil: null }),
    mail: fc.string(),
    status: fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 4 }),
    isTestUser: fc.boolean(),
  })
  // What a service may add: anything, the keys the row adds included.
  .chain((base) =>
    fc
      .dictionary(fc.constantFrom('statusLabels', 'customerId', 'tenantName', 'extra', '__proto__x', 'é"\\'), fc.jsonValue(), {
        maxKeys: 2,
      })
      .map((extra) => ({ ...base, ...extra }) as unknown as User),
  );
const tenantArb = fc.option(
  fc.record({
    customerId: fc.uuid(),
    customerName: fc.option(fc.string(), { nil: null }),
    tenantId: fc.uuid(),
    tenantName: fc.option(fc.string(), { nil: null }),
  }),
  { nil: undefined },
);

describe('rowJson', () => {
  it('is the JSON of { ...tenant, ...user, statusLabels } for any user and tenant', () => {
    fc.assert(
      fc.property(userArb, tenantArb, (user, tenant) => {
        expect(rowJson({ user, tenant })).toBe(plain(user, tenant));
      }),
      { numRuns: 500 },
    );
  });

  it('labels the status codes, and a user the service sent with labels of its own gets ours', () => {
    const user = { id: 'a', status: [0, 6], statusLabels: ['theirs'] } as unknown as User;
    expect(JSON.parse(rowJson({ user }))).toEqual({ id: 'a', status: [0, 6], statusLabels: withStatusLabels({ ...user }).statusLabels });
    expect(JSON.parse(rowJson({ user: { id: 'b', status: [] } as unknown as User }))).toEqual({ id: 'b', status: [], statusLabels: [] });
  });
});
