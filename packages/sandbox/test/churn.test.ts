// Churn over real HTTP: a tenant that changes between requests, served by offset as the service
// does, with totalCount and userIds lookups following the tenant as it is at each request.
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomers } from '../src/data/tenancy.js';
import { ChurnedTenants } from '../src/data/churned-tenants.js';
import { MAX_CHURN_OPERATIONS, startSandbox, type Sandbox } from '../src/index.js';
import { callUsers, secretToken } from './helpers.js';

const USERS = 300;
let sb: Sandbox;
let token: string;

beforeAll(async () => {
  sb = await startSandbox({ users: USERS, seed: 5 });
  token = await secretToken(sb);
});
afterEach(() => {
  sb.setFaults([]);
  sb.resetChurn();
});
afterAll(() => sb.close());

const page = async (pageIndex: number, pageSize = 10, s = sb, t = token) =>
  (await callUsers(s, { token: t, query: { pageIndex, pageSize } })).body;
const ids = (p: { data: Array<{ id: string }> }) => p.data.map((u) => u.id);

describe('offset paging over a changing tenant', () => {
  it('an insert before the offset shifts later users right: the next page repeats one', async () => {
    const first = await page(1);
    sb.applyChurn(0, 0, { inserts: 1, at: 'start' });
    const second = await page(2);
    expect(second.metadata.totalCount).toBe(USERS + 1);
    expect(second.data[0]!.id).toBe(first.data[9]!.id);
  });

  it('a delete before the offset shifts later users left: the next page skips one', async () => {
    await page(1);
    sb.applyChurn(0, 0, { deletes: 1, at: 'start' });
    const second = await page(2);
    expect(second.metadata.totalCount).toBe(USERS - 1);
    expect(second.data[0]!.id).toBe(sb.userAt(0, 0, 11).id);
  });

  it('a move to the start shifts the users before its old place by one, and keeps the count', async () => {
    const snapshot = sb.applyChurn(0, 0, { moves: 1, at: 'start' });
    const moved = snapshot.changesSince(0).moved;
    expect(moved).toHaveLength(1);
    const first = await page(1);
    expect(first.data[0]!.id).toBe(moved[0]);
    expect(first.data[1]!.id).toBe(sb.userAt(0, 0, 0).id);
    expect(first.metadata.totalCount).toBe(USERS);
    expect(new Set(snapshot.ids())).toEqual(new Set(Array.from({ length: USERS }, (_, i) => sb.userAt(0, 0, i).id)));
  });
});

describe('churn rules', () => {
  it('change the tenant as each matching request arrives, for `first` requests, then stop', async () => {
    sb.setFaults([{ match: { first: 3 }, churn: { inserts: 2, deletes: 1 } }]);
    const counts: number[] = [];
    for (let p = 1; p <= 5; p++) {
      const served = await page(p);
      const now = sb.tenantSnapshot();
      // Each page is the tenant as it was when that request came: nothing has changed since.
      expect(ids(served)).toEqual(now.ids((p - 1) * 10, p * 10));
      counts.push(served.metadata.totalCount);
    }
    expect(counts).toEqual([USERS + 1, USERS + 2, USERS + 3, USERS + 3, USERS + 3]);
    expect(sb.tenantSnapshot().operations).toBe(9);
  });

  it('are deterministic: same seed and requests, same tenant; another seed, another one', async () => {
    const run = async (seed: number) => {
      const other = await startSandbox({ users: USERS, seed, faults: [{ churn: { inserts: 3, deletes: 3, moves: 3 } }] });
      try {
        const t = await secretToken(other);
        const pages: string[][] = [];
        for (let p = 1; p <= 4; p++) pages.push(ids(await page(p, 25, other, t)));
        // Where each original index ended up ('new' for inserted users): comparable across seeds.
        const indexOf = new Map(Array.from({ length: USERS }, (_, i) => [other.userAt(0, 0, i).id, i] as const));
        return {
          pages,
          layout: other
            .tenantSnapshot()
            .ids()
            .map((id) => indexOf.get(id) ?? 'new'),
        };
      } finally {
        await other.close();
      }
    };
    const a = await run(5);
    expect(await run(5)).toEqual(a);
    expect(a.layout).toHaveLength(USERS);
    expect(a.layout).toContain('new');
    expect((await run(6)).layout).not.toEqual(a.layout);
  });

  it('only for one tenant when match.tenantId says so', async () => {
    const other = sb.customers[0]!.tenants[1]!;
    sb.setFaults([{ match: { tenantId: other.tenantId }, churn: { deletes: 2 } }]);
    expect((await page(1)).metadata.totalCount).toBe(USERS);
    const res = await callUsers(sb, { token, url: sb.usersUrl(0, 1) });
    expect(res.body.metadata.totalCount).toBe(other.users - 2);
    expect(sb.tenantSnapshot(0, 0).operations).toBe(0);
    expect(sb.tenantSnapshot(0, 1).operations).toBe(2);
  });

  it('scale a fraction of the tenant', async () => {
    sb.setFaults([{ match: { first: 1 }, churn: { deletes: 0.1, scale: 'fractionOfTenant' } }]);
    expect((await page(1)).metadata.totalCount).toBe(USERS - 30);
  });

  it('apply to users requests only: token requests neither trigger nor count', async () => {
    sb.setFaults([{ match: { nth: 2 }, churn: { inserts: 1 } }]);
    await secretToken(sb);
    await secretToken(sb);
    expect(sb.tenantSnapshot().operations).toBe(0);
    await page(1);
    expect((await page(1)).metadata.totalCount).toBe(USERS + 1);
  });
});

describe('userIds lookups follow the tenant now', () => {
  it('a deleted ID is gone, an inserted one found, and results come in the current order', async () => {
    const before = sb.tenantSnapshot();
    const after = sb.applyChurn(0, 0, { inserts: 5, deletes: 5, moves: 5 });
    const changes = after.changesSince(before);
    expect(changes.inserted).toHaveLength(5);
    const asked = [...changes.deleted, ...changes.inserted, ...changes.moved, before.idAt(0), before.idAt(299)].slice(0, 100);
    const unique = [...new Set(asked.map((id) => id.toLowerCase()))];
    const res = await callUsers(sb, { token, query: { pageSize: 100 }, body: { userIds: unique } });
    const expected = unique.filter((id) => after.has(id)).sort((x, y) => after.positionOf(x)! - after.positionOf(y)!);
    expect(ids(res.body)).toEqual(expected);
    expect(res.body.metadata.totalCount).toBe(expected.length);
    for (const id of changes.deleted) if (!changes.inserted.includes(id)) expect(after.has(id)).toBe(false);
  });
});

describe('inserted users', () => {
  it('have fresh unique GUIDs, never an ID the tenant had, and full user objects', async () => {
    const originals = new Set(Array.from({ length: USERS }, (_, i) => sb.userAt(0, 0, i).id));
    const snapshot = sb.applyChurn(0, 0, { inserts: 200, deletes: 50 });
    const inserted = snapshot.changesSince(0).inserted;
    expect(new Set(inserted).size).toBe(200);
    for (const id of inserted) expect(originals.has(id)).toBe(false);
    // Served over HTTP, they pass the contract like every other user; UPNs stay unique.
    const all: Array<Record<string, unknown> & { id: string }> = [];
    for (let p = 1; p <= Math.ceil(snapshot.totalCount / 100); p++)
      all.push(...(await callUsers(sb, { token, query: { pageIndex: p, pageSize: 100 } })).body.data);
    expect(all.map((u) => u.id)).toEqual(snapshot.ids());
    expect(new Set(all.map((u) => u.userPrincipalName)).size).toBe(all.length);
    const kept = inserted.filter((id) => snapshot.has(id));
    expect(kept.length).toBeGreaterThan(100);
    const one = all.find((u) => u.id === kept[0])!;
    expect(Object.keys(one)).toEqual(
      expect.arrayContaining(['id', 'userPrincipalName', 'displayName', 'status', 'company', 'countryOrRegion']),
    );
    expect(snapshot.userAt(snapshot.positionOf(kept[0]!)!)).toEqual(one);
  });

  it('are not handed out again after resetChurn()', () => {
    const first = sb.applyChurn(0, 0, { inserts: 3 }).changesSince(0).inserted;
    sb.resetChurn(0, 0);
    expect(sb.tenantSnapshot().totalCount).toBe(USERS);
    const again = sb.applyChurn(0, 0, { inserts: 3 }).changesSince(0).inserted;
    expect(again.filter((id) => first.includes(id))).toEqual([]);
    expect(sb.tenantSnapshot().has(first[0]!)).toBe(false);
  });
});

describe('snapshots', () => {
  it('are frozen: later churn does not change them', () => {
    const before = sb.tenantSnapshot();
    const firstIds = before.ids(0, 5);
    sb.applyChurn(0, 0, { inserts: 3, deletes: 3, moves: 3, at: 'start' });
    expect(before.ids(0, 5)).toEqual(firstIds);
    expect(before.operations).toBe(0);
    expect(before.totalCount).toBe(USERS);
  });

  it('idsPresentThroughout is what was in both and never left; changesSince accounts for the rest', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ inserts: fc.nat(4), deletes: fc.nat(4), moves: fc.nat(4) }).filter((s) => s.inserts + s.deletes + s.moves > 0),
          { minLength: 1, maxLength: 6 },
        ),
        fc.nat(5),
        (steps, cut) => {
          const tenants = new ChurnedTenants();
          const tenant = buildCustomers(9, [{ name: 'P', inScope: true, tenants: [{ users: 12 }] }])[0]!.tenants[0]!;
          const all = steps.map((step) => {
            tenants.apply(tenant, step);
            return tenants.snapshot(tenant);
          });
          const since = all[Math.min(cut, all.length - 1)]!;
          const now = all[all.length - 1]!;
          const before = new Set(since.ids());
          const present = now.idsPresentThroughout(since);
          // Every snapshot in between holds every one of them.
          for (const s of all.slice(all.indexOf(since))) for (const id of present) expect(s.has(id)).toBe(true);
          expect(present).toEqual(now.ids().filter((id) => before.has(id)));
          const { inserted, deleted } = now.changesSince(since);
          const expected = new Set(before);
          for (const id of inserted) expected.add(id);
          for (const id of deleted) expected.delete(id);
          expect(new Set(now.ids())).toEqual(expected);
          expect(inserted.filter((id) => before.has(id))).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuse a `since` that is later, of another tenant, or from before resetChurn()', () => {
    const early = sb.tenantSnapshot();
    const late = sb.applyChurn(0, 0, { inserts: 1 });
    expect(() => early.changesSince(late)).toThrow(/later/);
    expect(() => late.changesSince(sb.tenantSnapshot(0, 1))).toThrow(/another tenant/);
    expect(() => late.idsPresentThroughout(5)).toThrow(/operation count/);
    sb.resetChurn();
    expect(() => sb.tenantSnapshot().changesSince(early)).toThrow(/resetChurn/);
  });
});

describe('big tenants', () => {
  it('3,000 operations on a 10,000,000-user tenant: pages anywhere match the snapshot', async () => {
    const big = await startSandbox({ users: 10_000_000, seed: 2 });
    try {
      const t = await secretToken(big);
      for (let i = 0; i < 30; i++) big.applyChurn(0, 0, { inserts: 40, deletes: 40, moves: 20 });
      const now = big.tenantSnapshot();
      expect(now.operations).toBe(3000);
      expect(now.totalCount).toBe(10_000_000);
      for (const pageIndex of [1, 50_000, 100_000]) {
        const res = await callUsers(big, { token: t, query: { pageIndex, pageSize: 100 } });
        expect(ids(res.body)).toEqual(now.ids((pageIndex - 1) * 100, pageIndex * 100));
      }
    } finally {
      await big.close();
    }
  });
});

describe('checks', () => {
  it('name the field of a malformed churn step', () => {
    expect(() => sb.setFaults([{ churn: { insert: 1 } as never }])).toThrow(/faults\[0\]\.churn\.insert is not a field/);
    expect(() => sb.setFaults([{ churn: { inserts: 1.5 } }])).toThrow(/churn\.inserts/);
    expect(() => sb.setFaults([{ churn: { deletes: 2, scale: 'fractionOfTenant' } }])).toThrow(/churn\.deletes/);
    expect(() => sb.setFaults([{ churn: { inserts: 1, at: 'middle' as never } }])).toThrow(/churn\.at/);
    expect(() => sb.setFaults([{ churn: {} }])).toThrow(/above 0/);
    expect(() => sb.setFaults([{ match: { path: 'token' }, churn: { inserts: 1 } }])).toThrow(/users requests only/);
    expect(() => sb.applyChurn(0, 0, { moves: -1 })).toThrow(/^churn\.moves/);
    expect(() => sb.applyChurn(0, 9, { moves: 1 })).toThrow(RangeError);
  });

  it('stop a tenant at MAX_CHURN_OPERATIONS', () => {
    expect(() => sb.applyChurn(0, 0, { inserts: MAX_CHURN_OPERATIONS, deletes: 1 })).toThrow(/past 1000000 operations/);
    expect(sb.tenantSnapshot().operations).toBe(0);
  });
});
