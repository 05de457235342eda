// sb.requests(): what clients sent, for their own contract tests, and never a credential.
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import { callUsers, contract, secretToken, tokenRequest } from './helpers.js';

let sb: Sandbox;
let token: string;

beforeAll(async () => {
  sb = await startSandbox({ users: 30 });
  token = await secretToken(sb);
});
beforeEach(() => {
  sb.clearRequests();
  sb.setFaults([]);
});
afterAll(() => sb.close());

describe('requests()', () => {
  it('records users requests so their contract can be checked, with status and request id', async () => {
    const id = sb.userAt(0, 0, 3).id;
    const res = await callUsers(sb, { token, query: { pageIndex: 1, pageSize: 5 }, body: { userIds: [id] } });
    const [entry] = sb.requests();
    expect(entry).toMatchObject({
      endpoint: 'users',
      method: 'POST',
      query: 'pageIndex=1&pageSize=5',
      pathParams: { customerId: sb.customers[0]!.customerId, tenantId: sb.customers[0]!.tenants[0]!.tenantId },
      body: { userIds: [id] },
      status: 200,
      faulted: false,
      requestId: res.headers.get('x-request-id'),
      headers: { contentType: 'application/json', authorizationScheme: 'Bearer' },
    });
    const verdict = contract.validateUsersBatchRequest({
      pathParams: entry!.pathParams!,
      query: new URLSearchParams(entry!.query),
      body: entry!.body,
    });
    expect(verdict).toEqual({ valid: true, errors: [] });
  });

  it('lets a test catch a client that sends what the spec does not allow', async () => {
    // Like the service, the sandbox ignores unknown query parameters (so the call succeeds)...
    const res = await fetch(`${sb.usersUrl()}?page_size=10`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    // ...but the recorded request shows the mistake.
    const [entry] = sb.requests();
    const verdict = contract.validateUsersBatchRequest({
      pathParams: entry!.pathParams!,
      query: new URLSearchParams(entry!.query),
      body: entry!.body,
    });
    expect(verdict.errors).toEqual(['query.page_size is not a parameter of this operation']);
  });

  it('keeps no credential: no secret, no assertion, no access token', async () => {
    const basic = Buffer.from(`${sb.clientId}:${sb.clientSecret}`).toString('base64');
    await tokenRequest(sb, {
      grant_type: 'client_credentials',
      client_id: sb.clientId,
      client_secret: sb.clientSecret,
      scope: 'elements.um.user.read.all',
    });
    await tokenRequest(sb, { grant_type: 'client_credentials' }, { headers: { authorization: `Basic ${basic}` } });
    await callUsers(sb, { token });
    const recorded = sb.requests();
    expect(recorded.map((r) => r.endpoint)).toEqual(['token', 'token', 'users']);
    expect(recorded[0]!.form).toEqual({ grant_type: 'client_credentials', client_id: sb.clientId, scope: 'elements.um.user.read.all' });
    expect(recorded[1]!.headers.authorizationScheme).toBe('Basic');
    const text = JSON.stringify(recorded);
    for (const secret of [sb.clientSecret, token, basic]) expect(text).not.toContain(secret);
  });

  it('marks faulted requests, and leaves the status of a reset connection unset', async () => {
    sb.setFaults([
      { match: { nth: 2 }, reset: true },
      { match: { first: 1 }, status: 503 },
    ]);
    expect((await callUsers(sb, { token })).status).toBe(503);
    await expect(callUsers(sb, { token })).rejects.toThrow();
    expect(sb.requests().map((r) => [r.status, r.faulted])).toEqual([
      [503, true],
      [undefined, true],
    ]);
  });

  it('keeps only the last 1000, oldest first', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const hit = (i: number) =>
      new Promise<void>((resolve, reject) => {
        const req = request(`${sb.baseUrl}/nope/${i}`, { agent }, (res) => res.resume().on('end', resolve));
        req.on('error', reject);
        req.end();
      });
    for (let i = 0; i < 1005; i += 5) await Promise.all([0, 1, 2, 3, 4].map((k) => hit(i + k)));
    agent.destroy();
    const recorded = sb.requests();
    expect(recorded).toHaveLength(1000);
    expect(new Set(recorded.map((r) => r.path)).has('/nope/4')).toBe(false);
    expect(recorded.at(-1)?.status).toBe(404);
  });
});
