// The seeded data, without HTTP: deterministic, realistic, constant memory.
import { describe, expect, it } from 'vitest';
import { guidFor, indexOfGuid, GUID_PATTERN } from '../src/data/guid.js';
import { buildCustomers, defaultLayout } from '../src/data/tenancy.js';
import { userAt, userIndexOf } from '../src/data/users.js';
import { NOT_SET_DATE } from '../src/data/vocabulary.js';

const tenantOf = (seed: number, users: number) => {
  const tenant = buildCustomers(seed, defaultLayout(users))[0]?.tenants[0];
  if (!tenant) throw new Error('no default tenant');
  return tenant;
};

describe('seeded users', () => {
  it('are the same for the same seed and differ for another seed', () => {
    const a = tenantOf(1, 300);
    const b = tenantOf(1, 300);
    const c = tenantOf(2, 300);
    expect(userAt(a, 123)).toEqual(userAt(b, 123));
    expect(a.tenantId).toBe(b.tenantId);
    expect(c.tenantId).not.toBe(a.tenantId);
    expect(userAt(c, 123).id).not.toBe(userAt(a, 123).id);
  });

  it('have unique GUID ids and unique UPNs on the tenant domain', () => {
    const tenant = tenantOf(7, 20_000);
    const ids = new Set<string>();
    const upns = new Set<string>();
    for (let i = 0; i < tenant.users; i++) {
      const user = userAt(tenant, i);
      expect(user.id).toMatch(GUID_PATTERN);
      ids.add(user.id);
      upns.add(user.userPrincipalName);
    }
    expect(ids.size).toBe(tenant.users);
    expect(upns.size).toBe(tenant.users);
    expect(userAt(tenant, 0).userPrincipalName.endsWith('@contoso.onmicrosoft.com')).toBe(true);
    expect([...upns].every((upn) => /^[a-z0-9.-]+@contoso\.onmicrosoft\.com$/.test(upn))).toBe(true);
  });

  it('cover every status code, test users, "not set" dates and null or missing fields', () => {
    const tenant = tenantOf(1, 250);
    const users = Array.from({ length: tenant.users }, (_, i) => userAt(tenant, i));
    const codes = new Set(users.flatMap((u) => u.status));
    expect([...codes].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const testUsers = users.filter((u) => u.isTestUser);
    expect(testUsers.length).toBeGreaterThan(0);
    for (const u of users) expect(u.status.includes(8)).toBe(u.isTestUser);
    expect(users.some((u) => u.startDate === NOT_SET_DATE)).toBe(true);
    expect(users.some((u) => u.startDate !== NOT_SET_DATE && u.startDate !== null)).toBe(true);
    expect(users.some((u) => u.endDate === null)).toBe(true);
    expect(users.some((u) => u.mobile === null)).toBe(true);
    expect(users.some((u) => u.mail === null)).toBe(true);
    expect(users.some((u) => !('location' in u))).toBe(true);
    expect(new Set(users.map((u) => u.department)).size).toBeGreaterThan(5);
    expect(new Set(users.map((u) => u.countryOrRegion)).size).toBeGreaterThan(5);
    for (const u of users) {
      for (const date of [u.startDate, u.endDate]) if (date !== null) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    }
  });

  it('recover their index from their ID, and refuse IDs the tenant did not issue', () => {
    const tenant = tenantOf(3, 1_000_000);
    for (const index of [0, 1, 999, 524_287, 999_999]) {
      expect(userIndexOf(tenant, userAt(tenant, index).id)).toBe(index);
      expect(userIndexOf(tenant, userAt(tenant, index).id.toUpperCase())).toBe(index);
    }
    const other = tenantOf(4, 1_000_000);
    expect(userIndexOf(tenant, userAt(other, 5).id)).toBeUndefined();
    expect(userIndexOf(tenant, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    // An ID beyond the tenant's size is unknown even though it decodes.
    expect(indexOfGuid(tenant.key, guidFor(tenant.key, 2_000_000), tenant.users)).toBeUndefined();
    // A flipped digit in the hash part no longer matches.
    const id = userAt(tenant, 42).id;
    const forged = `${id[0] === 'a' ? 'b' : 'a'}${id.slice(1)}`;
    expect(userIndexOf(tenant, forged)).toBeUndefined();
  });

  it('refuse an index outside the tenant', () => {
    const tenant = tenantOf(1, 10);
    expect(() => userAt(tenant, 10)).toThrow(RangeError);
    expect(() => userAt(tenant, -1)).toThrow(RangeError);
  });
});

describe('user IDs', () => {
  it('round-trip through the index scramble for indices across the 32-bit range', () => {
    for (const key of [0, 1, 0xdeadbeef]) {
      for (const index of [0, 1, 2, 65_535, 65_536, 1_000_000, 2 ** 31 - 2, 2 ** 32 - 1]) {
        expect(indexOfGuid(key, guidFor(key, index), 2 ** 32)).toBe(index);
      }
    }
  });

  it('do not look sequential for neighbouring users', () => {
    const tenant = tenantOf(1, 10);
    const tails = [0, 1, 2, 3].map((i) => userAt(tenant, i).id.slice(-8));
    expect(new Set(tails.map((t) => t.slice(0, 6))).size).toBe(4);
  });
});
