// The Customer and Tenant dropdowns: the hidden triggers customerList and tenantList through
// Zapier's app tester against the sandbox's seeded world (names shared across customers, a
// customer without tenants, one outside the app's scope), their paging, the users-only app's
// error, and the typed or mapped IDs that work without the dropdowns.
import { CUSTOMERS_READ_SCOPE } from '@avepoint-graph-kit/core/protocol';
import type { Sandbox } from '@avepoint-graph-kit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DROPDOWN_PAGE_SIZE, type CustomerChoice, type TenantChoice } from '../src/directory-choices.js';
import { app, appTester, connect, connectionFields, detailsOf, failure, type Connected } from './helpers/sandbox.js';

const customers = (authData: Record<string, string>, page?: number) =>
  appTester(app.triggers.customerList.operation.perform, { authData, ...(page === undefined ? {} : { meta: { page } }) }) as Promise<
    CustomerChoice[]
  >;
const tenants = (authData: Record<string, string>, inputData: Record<string, unknown>, page?: number) =>
  appTester(app.triggers.tenantList.operation.perform, {
    authData,
    inputData,
    ...(page === undefined ? {} : { meta: { page } }),
  }) as Promise<TenantChoice[]>;

let c: Connected;
beforeAll(async () => {
  c = await connect({ users: 30 });
});
afterAll(() => c.sandbox.close());

const customerNamed = (sandbox: Sandbox, name: string) => {
  const found = sandbox.customers.find((customer) => customer.name === name);
  if (!found) throw new Error(`the sandbox has no customer ${name}`);
  return found;
};

describe('customerList (the Customer dropdown)', () => {
  it('lists the customers the app may see, in the service order, labelled so that namesakes differ', async () => {
    const choices = await customers(c.authData);
    expect(choices.map((choice) => choice.id)).toEqual(
      c.sandbox.customers.filter((customer) => customer.inScope).map((customer) => customer.customerId),
    );
    expect(choices.map((choice) => choice.name)).toEqual([
      'Contoso (admin@contoso.onmicrosoft.com)',
      'Contoso Pharmaceuticals (admin@contosopharma.onmicrosoft.com)',
      'Woodgrove Bank (admin@woodgrove.onmicrosoft.com)',
      'WOODGROVE BANK (admin@woodgroveemea.onmicrosoft.com)',
      'Tailspin Toys (admin@tailspintoys.example.com) - no tenants',
    ]);
    // The rest of the customer comes along as core gives it (labels of its codes included).
    expect(choices[0]).toMatchObject({ organization: 'Contoso', jobStatusLabel: 'Working', tenants: expect.any(Array) });
    expect(choices.some((choice) => choice.id === customerNamed(c.sandbox, 'Fabrikam').customerId)).toBe(false);
  });

  it("asks the identity service for a customers token with the connection's client credentials, not the session token", async () => {
    c.sandbox.clearRequests();
    await customers(c.authData);
    const sent = c.sandbox.requests();
    const tokenRequests = sent.filter((r) => r.endpoint === 'token');
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]?.form).toMatchObject({
      grant_type: 'client_credentials',
      client_id: c.sandbox.clientId,
      scope: CUSTOMERS_READ_SCOPE,
    });
    expect(sent.filter((r) => r.endpoint === 'customers').map((r) => r.query)).toEqual([`pageIndex=1&pageSize=${DROPDOWN_PAGE_SIZE}`]);
  });

  it('has no second page when the first held every customer', async () => {
    expect(await customers(c.authData, 1)).toEqual([]);
  });
});

describe('tenantList (the Tenant dropdown)', () => {
  it("follows the chosen customer: its tenants, each labelled with the customer's name", async () => {
    const pharma = customerNamed(c.sandbox, 'Contoso Pharmaceuticals');
    const choices = await tenants(c.authData, { customerId: pharma.customerId });
    expect(choices.map((choice) => [choice.id, choice.name])).toEqual([
      [pharma.tenants[0]?.tenantId, 'Contoso Production (Contoso Pharmaceuticals)'],
      [pharma.tenants[1]?.tenantId, 'Research (Contoso Pharmaceuticals)'],
    ]);
    expect(choices[0]).toMatchObject({
      tenantName: 'Contoso Production',
      customerId: pharma.customerId,
      customerName: 'Contoso Pharmaceuticals',
    });
  });

  it('accepts the customer as typed (spaces, upper case) and reads it with one request, the next page empty', async () => {
    const contoso = customerNamed(c.sandbox, 'Contoso');
    c.sandbox.clearRequests();
    const choices = await tenants(c.authData, { customerId: `  ${contoso.customerId.toUpperCase()} ` });
    expect(choices.map((choice) => choice.name)).toEqual([
      'Contoso Production (Contoso)',
      'Contoso Lab (Contoso)',
      'Contoso Staging (Contoso)',
    ]);
    expect(c.sandbox.requests().filter((r) => r.endpoint === 'customers')).toHaveLength(1);
    c.sandbox.clearRequests();
    expect(await tenants(c.authData, { customerId: contoso.customerId }, 1)).toEqual([]);
    expect(c.sandbox.requests()).toEqual([]);
  });

  it('is empty for the customer without tenants', async () => {
    expect(await tenants(c.authData, { customerId: customerNamed(c.sandbox, 'Tailspin Toys').customerId })).toEqual([]);
  });

  it("lists every customer's tenants while the Customer field is empty or mapped, each label telling namesakes apart", async () => {
    const expected = c.sandbox.customers
      .filter((customer) => customer.inScope)
      .flatMap((customer) => customer.tenants.map((tenant) => tenant.tenantId));
    for (const inputData of [{}, { customerId: '{{123__customerId}}' }]) {
      const choices = await tenants(c.authData, inputData);
      expect(choices.map((choice) => choice.id)).toEqual(expected);
      const names = choices.map((choice) => choice.name);
      expect(names).toContain('Contoso Production (Contoso)');
      expect(names).toContain('Contoso Production (Contoso Pharmaceuticals)');
      expect(names).toContain('Woodgrove Bank (Woodgrove Bank)');
      expect(names).toContain('Woodgrove Bank (WOODGROVE BANK)');
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('a customer the app cannot see (unknown, or outside its scope) is an error that says what to check', async () => {
    for (const customerId of ['00000000-0000-4000-8000-00000000abcd', customerNamed(c.sandbox, 'Fabrikam').customerId]) {
      const error = await failure(tenants(c.authData, { customerId }));
      expect(error.name).toBe('AppError');
      expect(detailsOf(error)).toMatchObject({ code: 'NOT_FOUND', status: 404 });
      expect(detailsOf(error).message).toMatch(new RegExp(`no customer with the ID ${customerId}.*Customer ID field`));
    }
  });
});

describe('a connection whose app has only elements.um.user.read.all', () => {
  let usersOnly: Record<string, string>;
  beforeAll(async () => {
    const fields = { ...connectionFields(c.sandbox), ...c.sandbox.usersOnlyClient };
    const session = (await appTester(app.authentication.sessionConfig.perform, { authData: fields })) as { accessToken: string };
    usersOnly = { ...fields, ...session };
  });

  it('gets, in both dropdowns, an error naming the permission and where to grant it, and that typing the ID works', async () => {
    const contoso = customerNamed(c.sandbox, 'Contoso');
    for (const attempt of [customers(usersOnly), tenants(usersOnly, { customerId: contoso.customerId }), tenants(usersOnly, {})]) {
      const error = await failure(attempt);
      // An app error, not an auth error: the connection is fine and must not be marked expired.
      expect(error.name).toBe('AppError');
      const details = detailsOf(error);
      expect(details).toMatchObject({ code: 'MissingPermission', status: 403 });
      expect(details.message).toMatch(/lacks the "elements\.customers\.read\.all" permission/);
      expect(details.message).toMatch(/AvePoint Elements > Settings > API app registration/);
      expect(details.message).toMatch(/enter the Customer ID and Tenant ID as custom values \(or map them\)/);
      expect(details.message).not.toContain(c.sandbox.usersOnlyClient.clientSecret);
    }
  });

  it('runs every operation with typed IDs all the same', async () => {
    const inputData = { customerId: c.customerId, tenantId: c.tenantId };
    const polled = (await appTester(app.triggers.newUser.operation.perform, { authData: usersOnly, inputData })) as unknown[];
    expect(polled).toHaveLength(30);
    const wanted = c.sandbox.userAt(0, 0, 4).id;
    const batch = (await appTester(app.searches.findUsers.operation.perform, {
      authData: usersOnly,
      inputData: { ...inputData, userIds: [wanted] },
    })) as Array<{ id: string }>;
    expect(batch.map((user) => user.id)).toEqual([wanted]);
    const one = (await appTester(app.searches.findUser.operation.perform, {
      authData: usersOnly,
      inputData: { ...inputData, userId: wanted },
    })) as Array<{ id: string }>;
    expect(one.map((user) => user.id)).toEqual([wanted]);
  });
});

describe('customerList paging ("Load more")', () => {
  let big: Connected;
  const count = DROPDOWN_PAGE_SIZE + 7;
  beforeAll(async () => {
    big = await connect({
      customers: Array.from({ length: count }, (_, i) => ({
        name: `Customer ${String(i + 1).padStart(3, '0')}`,
        inScope: true,
        tenants: [{ users: i === 0 ? 5 : 0 }],
      })),
    });
  });
  afterAll(() => big.sandbox.close());

  it('serves one API page per dropdown page, each customer once, then an empty page', async () => {
    big.sandbox.clearRequests();
    const pages = [await customers(big.authData, 0), await customers(big.authData, 1), await customers(big.authData, 2)];
    expect(pages.map((page) => page.length)).toEqual([DROPDOWN_PAGE_SIZE, 7, 0]);
    expect(pages.flat().map((choice) => choice.id)).toEqual(big.sandbox.customers.map((customer) => customer.customerId));
    expect(
      big.sandbox
        .requests()
        .filter((r) => r.endpoint === 'customers')
        .map((r) => r.query),
    ).toEqual([1, 2, 3].map((pageIndex) => `pageIndex=${pageIndex}&pageSize=${DROPDOWN_PAGE_SIZE}`));
  });

  it('pages the every-customer tenant list the same way', async () => {
    const first = await tenants(big.authData, {}, 0);
    const second = await tenants(big.authData, {}, 1);
    expect([first.length, second.length]).toEqual([DROPDOWN_PAGE_SIZE, 7]);
    expect(second.at(-1)?.name).toBe(`Customer ${String(count).padStart(3, '0')} (Customer ${String(count).padStart(3, '0')})`);
  });
});
