// The customers batch endpoint over real HTTP: permission, paging with its documented default of
// 50, the customerIds filter, the app's scope, and validation; every response checked against the spec.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import { callCustomers, callUsers, expectInvalidParameter, secretToken, tokenRequest } from './helpers.js';

let sb: Sandbox;
let token: string;

beforeAll(async () => {
  sb = await startSandbox({ users: 30, seed: 5 });
  token = await secretToken(sb, undefined, 'elements.customers.read.all');
});
afterAll(() => sb.close());

const inScope = () =>
  sb.customers
    .map((c, i) => [c, i] as const)
    .filter(([c]) => c.inScope)
    .map(([, i]) => sb.customerAt(i));

describe('permission', () => {
  it('401 without a token or with one the identity service never issued', async () => {
    expect((await callCustomers(sb)).status).toBe(401);
    const res = await callCustomers(sb, { token: 'nope' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('403 insufficient_scope for a token without elements.customers.read.all, naming the scope', async () => {
    const usersOnly = await secretToken(sb, sb.usersOnlyClient, '');
    const res = await callCustomers(sb, { token: usersOnly });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'insufficient_scope' });
    expect(res.headers.get('www-authenticate')).toContain('scope="elements.customers.read.all"');
    // A demo app's token asked for the users scope only is refused the same way.
    const narrow = await secretToken(sb, undefined, 'elements.um.user.read.all');
    expect((await callCustomers(sb, { token: narrow })).status).toBe(403);
  });

  it('the users-only app cannot even ask for the scope: invalid_scope', async () => {
    const res = await tokenRequest(sb, {
      grant_type: 'client_credentials',
      client_id: sb.usersOnlyClient.clientId,
      client_secret: sb.usersOnlyClient.clientSecret,
      scope: 'elements.customers.read.all',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_scope' });
  });

  it('405 for GET', async () => {
    const res = await callCustomers(sb, { token, method: 'GET' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});

describe('listing', () => {
  it('lists the customers the app may see, in order, 50 a page by default, as customerAt() says', async () => {
    const res = await callCustomers(sb, { token, body: {} });
    expect(res.status).toBe(200);
    const expected = inScope();
    expect(res.body).toEqual({ data: expected, metadata: { pageIndex: 1, pageSize: 50, totalCount: expected.length } });
    // Fabrikam is outside the demo apps' scope: absent, not an error.
    expect(res.body.data.map((c) => c.organization)).not.toContain('Fabrikam');
    expect((await callCustomers(sb, { token })).body).toEqual(res.body);
  });

  it('gives each customer its tenants as { id, name }, the IDs of the users endpoints, and an empty list for none', async () => {
    const { data } = (await callCustomers(sb, { token })).body;
    const contoso = data.find((c) => c.id === sb.customers[0]!.customerId)!;
    expect(contoso.tenants).toEqual(sb.customers[0]!.tenants.map((t) => ({ id: t.tenantId, name: t.name })));
    expect(data.find((c) => c.organization === 'Tailspin Toys')!.tenants).toEqual([]);
  });

  it('pages by pageIndex and pageSize, with a page past the end empty', async () => {
    const all = inScope();
    const pages = [];
    for (let pageIndex = 1; pageIndex <= Math.ceil(all.length / 2); pageIndex++) {
      const res = await callCustomers(sb, { token, query: { pageIndex, pageSize: 2 } });
      expect(res.body.metadata).toEqual({ pageIndex, pageSize: 2, totalCount: all.length });
      pages.push(...res.body.data);
    }
    expect(pages).toEqual(all);
    const past = await callCustomers(sb, { token, query: { pageIndex: 99, pageSize: 2 } });
    expect(past.body).toEqual({ data: [], metadata: { pageIndex: 99, pageSize: 2, totalCount: all.length } });
  });

  it('filters by customerIds in customer order, case-insensitively; unknown and out-of-scope IDs are absent', async () => {
    const woodgrove = sb.customers[3]!.customerId;
    const contoso = sb.customers[0]!.customerId;
    const fabrikam = sb.customers[1]!.customerId;
    const res = await callCustomers(sb, {
      token,
      body: { customerIds: [woodgrove.toUpperCase(), '11111111-2222-4333-8444-555555555555', fabrikam, contoso] },
    });
    expect(res.body.data.map((c) => c.id)).toEqual([contoso, woodgrove]);
    expect(res.body.metadata.totalCount).toBe(2);
    expect((await callCustomers(sb, { token, body: { customerIds: [] } })).body.metadata.totalCount).toBe(inScope().length);
  });
});

describe('paging that misbehaves, as on the users endpoint', () => {
  afterEach(() => sb.setFaults([]));

  it('a rule with match.path customers lies in totalCount, data stays real; the users endpoint is untouched', async () => {
    const all = inScope();
    sb.setFaults([{ match: { path: 'customers' }, totalCount: { addPerRequest: 5 } }]);
    const counts = [];
    for (let i = 0; i < 3; i++) {
      const res = await callCustomers(sb, { token, query: { pageSize: 2 } });
      expect(res.body.data).toEqual(all.slice(0, 2));
      counts.push(res.body.metadata.totalCount);
    }
    expect(counts).toEqual([all.length, all.length + 5, all.length + 10]);
    const users = await callUsers(sb, { token: await secretToken(sb), query: { pageSize: 1 } });
    expect(users.body.metadata.totalCount).toBe(sb.customers[0]!.tenants[0]!.users);
  });

  it('a rule without match.path lies about users pages only', async () => {
    sb.setFaults([{ totalCount: 1e11 }]);
    expect((await callCustomers(sb, { token })).body.metadata.totalCount).toBe(inScope().length);
  });

  it('servePageSize and ignorePageIndex: more customers than asked, or page 1 for any page, metadata echoing the request', async () => {
    const all = inScope();
    sb.setFaults([{ match: { path: 'customers' }, servePageSize: 3 }]);
    const second = await callCustomers(sb, { token, query: { pageIndex: 2, pageSize: 1 } });
    expect(second.body).toEqual({ data: all.slice(3, 6), metadata: { pageIndex: 2, pageSize: 1, totalCount: all.length } });
    sb.setFaults([{ match: { path: 'customers' }, ignorePageIndex: true }]);
    const third = await callCustomers(sb, { token, query: { pageIndex: 3, pageSize: 2 } });
    expect(third.body).toEqual({ data: all.slice(0, 2), metadata: { pageIndex: 3, pageSize: 2, totalCount: all.length } });
  });

  it('maxServedPageSize caps the customers pages too, and says so in metadata.pageSize', async () => {
    const capped = await startSandbox({ users: 5, seed: 5, maxServedPageSize: 2 });
    try {
      const capToken = await secretToken(capped, undefined, 'elements.customers.read.all');
      const res = await callCustomers(capped, { token: capToken, query: { pageIndex: 2, pageSize: 50 } });
      expect(res.body.data.map((c) => c.organization)).toEqual(
        inScope()
          .slice(2, 4)
          .map((c) => c.organization),
      );
      expect(res.body.metadata).toMatchObject({ pageIndex: 2, pageSize: 2 });
    } finally {
      await capped.close();
    }
  });

  it('refuses a paging lie on an endpoint without pages, naming the field', () => {
    expect(() => sb.setFaults([{ match: { path: 'user' }, servePageSize: 2 }])).toThrow(/servePageSize applies to paged requests only/);
    expect(() => sb.setFaults([{ match: { path: 'customers' }, churn: { inserts: 1 } }])).toThrow(/churn applies to users requests only/);
  });
});

describe('validation', () => {
  it('400 naming pageIndex or pageSize out of range', async () => {
    expectInvalidParameter(await callCustomers(sb, { token, query: { pageSize: 101 } }), 'pageSize');
    expectInvalidParameter(await callCustomers(sb, { token, query: { pageSize: 0 } }), 'pageSize');
    expectInvalidParameter(await callCustomers(sb, { token, query: { pageIndex: 0 } }), 'pageIndex');
  });

  it('400 naming customerIds that are not unique GUIDs, or more than 100', async () => {
    const id = sb.customers[0]!.customerId;
    expectInvalidParameter(await callCustomers(sb, { token, body: { customerIds: id } }), 'customerIds');
    expectInvalidParameter(await callCustomers(sb, { token, body: { customerIds: ['not-a-guid'] } }), 'customerIds');
    expectInvalidParameter(await callCustomers(sb, { token, body: { customerIds: [id, id] } }), 'customerIds');
    expectInvalidParameter(
      await callCustomers(sb, { token, body: { customerIds: [id, id.toUpperCase()] }, beyondSpec: true }),
      'customerIds',
    );
    const many = Array.from({ length: 101 }, (_, i) => `11111111-2222-4333-8444-${String(i).padStart(12, '0')}`);
    expectInvalidParameter(await callCustomers(sb, { token, body: { customerIds: many } }), 'customerIds');
    expectInvalidParameter(await callCustomers(sb, { token, body: ['x'] }), 'body');
  });
});
