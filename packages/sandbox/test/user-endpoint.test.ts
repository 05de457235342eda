// The one-user endpoint over real HTTP: the same user as the batch endpoint serves, plus the
// one-user fields; 404 for a user the tenant does not have (now); churned tenants; faults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import { callUser, callUsers, expectInvalidParameter, secretToken } from './helpers.js';

let sb: Sandbox;
let token: string;

beforeAll(async () => {
  sb = await startSandbox({ users: 200, seed: 7 });
  token = await secretToken(sb);
});
afterAll(() => sb.close());

const SHARED_FIELDS = [
  'id',
  'displayName',
  'firstName',
  'lastName',
  'mail',
  'department',
  'jobTitle',
  'employeeId',
  'company',
  'mobile',
  'location',
  'isTestUser',
  'status',
] as const;

describe('a user in full', () => {
  it('serves userDetailAt(), consistent with the batch view of the same user', async () => {
    const batch = (await callUsers(sb, { token, query: { pageSize: 60 } })).body.data;
    for (const [i, fromBatch] of batch.entries()) {
      const res = await callUser(sb, { token, url: sb.userUrl(0, 0, fromBatch.id) });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(sb.userDetailAt(0, 0, i));
      for (const field of SHARED_FIELDS) expect(res.body[field], `${field} of user ${i}`).toEqual(fromBatch[field]);
      expect(res.body.countryRegion).toBe(fromBatch.countryOrRegion);
      expect(res.body.loginName).toBe(fromBatch.userPrincipalName);
    }
  });

  it('is deterministic: the same seed gives the same users', async () => {
    const again = await startSandbox({ users: 200, seed: 7 });
    try {
      expect(again.userDetailAt(0, 0, 17)).toEqual(sb.userDetailAt(0, 0, 17));
      expect(again.userDetailAt(2, 0, 3)).toEqual(sb.userDetailAt(2, 0, 3));
    } finally {
      await again.close();
    }
  });

  it('serves alternateEmailAddress as an array, and dates that mean "not set" as 1970-01-01T00:00:00Z', () => {
    const users = Array.from({ length: 200 }, (_, i) => sb.userDetailAt(0, 0, i));
    expect(users.every((u) => Array.isArray(u.alternateEmailAddress))).toBe(true);
    expect(users.some((u) => u.alternateEmailAddress.length > 1)).toBe(true);
    expect(users.some((u) => !u.enforceEnd && u.enforceEndDateTime === '1970-01-01T00:00:00Z')).toBe(true);
    expect(users.some((u) => u.enforceStart)).toBe(true);
    expect(users.some((u) => u.isExternal && u.sponsor !== null)).toBe(true);
  });

  it('reads users of any tenant of any in-scope customer, and a user ID in any case', async () => {
    const res = await callUser(sb, { token, url: sb.userUrl(2, 1, sb.userAt(2, 1, 4).id.toUpperCase()) });
    expect(res.body).toEqual(sb.userDetailAt(2, 1, 4));
  });
});

describe('errors', () => {
  it('404 for a user the tenant does not have, and for a user of another tenant', async () => {
    const unknown = await callUser(sb, { token, url: sb.userUrl(0, 0, '11111111-2222-4333-8444-555555555555') });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'not_found' });
    expect((await callUser(sb, { token, url: sb.userUrl(0, 0, sb.userAt(0, 1, 0).id) })).status).toBe(404);
  });

  it('404 for an unknown customer or tenant, 403 for a customer outside the scope, 400 for a malformed ID', async () => {
    const good = sb.userAt(0, 0, 0).id;
    const base = `${sb.baseUrl}/partner/external/v3/um/customers`;
    const c0 = sb.customers[0]!;
    expect(
      (await callUser(sb, { token, url: `${base}/11111111-2222-4333-8444-555555555555/tenants/${c0.tenants[0]!.tenantId}/users/${good}` }))
        .status,
    ).toBe(404);
    expect(
      (await callUser(sb, { token, url: `${base}/${c0.customerId}/tenants/11111111-2222-4333-8444-555555555555/users/${good}` })).status,
    ).toBe(404);
    expect((await callUser(sb, { token, url: sb.userUrl(1, 0, 0) })).status).toBe(403);
    expectInvalidParameter(await callUser(sb, { token, url: sb.userUrl(0, 0, 'not-a-guid') }), 'userId');
    expectInvalidParameter(
      await callUser(sb, { token, url: `${base}/nope/tenants/${c0.tenants[0]!.tenantId}/users/${good}` }),
      'customerId',
    );
  });

  it('401 without a token, 403 insufficient_scope for an app without elements.um.user.read.all, 405 for POST', async () => {
    expect((await callUser(sb, { url: sb.userUrl(0, 0, 0) })).status).toBe(401);
    const unscoped = await secretToken(sb, sb.unscopedClient, '');
    const refused = await callUser(sb, { token: unscoped, url: sb.userUrl(0, 0, 0) });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'insufficient_scope' });
    // The users-only app reads users: its permission is the one this endpoint needs.
    const usersOnly = await secretToken(sb, sb.usersOnlyClient);
    expect((await callUser(sb, { token: usersOnly, url: sb.userUrl(0, 0, 0) })).status).toBe(200);
    const post = await callUser(sb, { token, url: sb.userUrl(0, 0, 0), method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });
});

describe('churn and faults', () => {
  it('serves the users of a churned tenant as it is now: inserted users are gettable, deleted ones are 404', async () => {
    const before = sb.tenantSnapshot(0, 1);
    const after = sb.applyChurn(0, 1, { inserts: 3, deletes: 2 });
    const { inserted, deleted } = after.changesSince(before);
    try {
      for (const id of inserted.filter((i) => after.has(i))) {
        const res = await callUser(sb, { token, url: sb.userUrl(0, 1, id) });
        expect(res.status).toBe(200);
        expect(res.body).toEqual(sb.userDetailOf(0, 1, id));
        expect(res.body.displayName).toBe(after.userAt(after.positionOf(id)!).displayName);
      }
      for (const id of deleted) {
        expect((await callUser(sb, { token, url: sb.userUrl(0, 1, id) })).status).toBe(404);
        expect(sb.userDetailOf(0, 1, id)).toBeUndefined();
      }
    } finally {
      sb.resetChurn(0, 1);
    }
  });

  it("fault rules match it as path 'user': status as a bare integer, a text 503", async () => {
    try {
      sb.setFaults([{ match: { path: 'user' }, statusAsInteger: true }]);
      const user = sb.userDetailAt(0, 0, 3);
      const res = await callUser(sb, { token, url: sb.userUrl(0, 0, 3) });
      expect(res.body.status).toBe(user.status[0]);
      // The batch endpoint is another path.
      expect((await callUsers(sb, { token, query: { pageSize: 5 } })).body.data[3]!.status).toEqual(sb.userAt(0, 0, 3).status);
      sb.setFaults([{ match: { path: 'user', first: 1 }, status: 503, retryAfter: '2', body: 'maintenance' }]);
      const down = await callUser(sb, { token, url: sb.userUrl(0, 0, 0) });
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('2');
      expect(down.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(down.text).toBe('maintenance');
      expect((await callUser(sb, { token, url: sb.userUrl(0, 0, 0) })).status).toBe(200);
    } finally {
      sb.setFaults([]);
    }
  });
});
