// The default seeded world: what clients that pick customers and tenants by name must cope with,
// and what existing tests and demos rely on (Contoso's first tenant, Fabrikam out of scope).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';

let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ users: 33, seed: 1 });
});
afterAll(() => sb.close());

describe('the default world', () => {
  it('keeps Contoso first, its first tenant sized by `users`, and Fabrikam second and out of scope', () => {
    expect(sb.customers[0]).toMatchObject({ name: 'Contoso', inScope: true });
    expect(sb.customers[0]!.tenants[0]).toMatchObject({ users: 33, domain: 'contoso.onmicrosoft.com', name: 'Contoso Production' });
    expect(sb.customers[0]!.tenants[1]).toMatchObject({ users: 40, domain: 'contosolab.onmicrosoft.com' });
    expect(sb.customers[1]).toMatchObject({ name: 'Fabrikam', inScope: false });
  });

  it('has several customers with several tenants each, and one without tenants', () => {
    expect(sb.customers.length).toBeGreaterThanOrEqual(5);
    expect(sb.customers.filter((c) => c.tenants.length >= 2).length).toBeGreaterThanOrEqual(3);
    const tailspin = sb.customers.find((c) => c.name === 'Tailspin Toys')!;
    expect(tailspin.tenants).toEqual([]);
    expect(sb.customerAt(sb.customers.indexOf(tailspin))).toMatchObject({ tenants: [], managementMode: 2, jobStatus: 3 });
  });

  it('repeats tenant names across customers, and has two customers whose names differ only in case', () => {
    const owners = (name: string) => sb.customers.filter((c) => c.tenants.some((t) => t.name === name)).map((c) => c.name);
    expect(owners('Contoso Production')).toEqual(['Contoso', 'Contoso Pharmaceuticals']);
    expect(owners('Woodgrove Bank')).toEqual(['Woodgrove Bank', 'WOODGROVE BANK']);
    const byFolded = new Map<string, string[]>();
    for (const c of sb.customers) byFolded.set(c.name.toLowerCase(), [...(byFolded.get(c.name.toLowerCase()) ?? []), c.name]);
    expect([...byFolded.values()].filter((names) => names.length > 1)).toEqual([['Woodgrove Bank', 'WOODGROVE BANK']]);
    expect(new Set(sb.customers.map((c) => c.name)).size).toBe(sb.customers.length);
  });

  it('has an empty tenant, and IDs that are all distinct', () => {
    expect(sb.customers.flatMap((c) => c.tenants).some((t) => t.users === 0)).toBe(true);
    const ids = [...sb.customers.map((c) => c.customerId), ...sb.customers.flatMap((c) => c.tenants.map((t) => t.tenantId))];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('derives the same IDs from the same seed, and others from another seed', async () => {
    const same = await startSandbox({ users: 33, seed: 1 });
    const other = await startSandbox({ users: 33, seed: 2 });
    try {
      expect(same.customers).toEqual(sb.customers);
      expect(same.customerAt(2)).toEqual(sb.customerAt(2));
      expect(other.customers[0]!.customerId).not.toBe(sb.customers[0]!.customerId);
    } finally {
      await Promise.all([same.close(), other.close()]);
    }
  });

  it('gives customers an owner, a job status, a management mode and a country', () => {
    const contoso = sb.customerAt(0);
    expect(contoso).toMatchObject({
      organization: 'Contoso',
      ownerEmail: 'admin@contoso.onmicrosoft.com',
      jobStatus: 1,
      managementMode: 1,
    });
    expect(contoso.countryOrRegion).toBe(sb.userAt(0, 0, 0).countryOrRegion);
    expect(sb.customerAt(4)).toMatchObject({ organization: 'WOODGROVE BANK', countryOrRegion: 'Ireland', jobStatus: 4 });
    expect(() => sb.customerAt(99)).toThrow(RangeError);
  });

  it('refuses a layout with an undocumented job status or management mode', async () => {
    await expect(startSandbox({ customers: [{ name: 'X', inScope: true, jobStatus: 7 as never, tenants: [] }] })).rejects.toThrow(
      /jobStatus/,
    );
    await expect(startSandbox({ customers: [{ name: 'X', inScope: true, managementMode: 3 as never, tenants: [] }] })).rejects.toThrow(
      /managementMode/,
    );
  });
});
