// Inputs that used to slip through to the network or crash after the first page: each is now an
// input error naming the field, before any request.
import { describe, expect, it } from 'vitest';
import { AvePointInputError, createUsersClient } from '../../src/index.js';
import { describeError } from '../../src/cli/describe-error.js';
import { CUSTOMER, TENANT, createFakeApi, createFakeClient, userId } from '../support/fake-api.js';

const tenant = { customerId: CUSTOMER, tenantId: TENANT };

function setup() {
  const api = createFakeApi({ users: 50 });
  return { api, client: createFakeClient(api) };
}

async function inputError(run: () => unknown): Promise<AvePointInputError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AvePointInputError) return error;
    throw error;
  }
  throw new Error('expected an input error');
}

describe('input gaps', () => {
  it('a sparse userIds array is refused at the hole, never sent as null', async () => {
    const { api, client } = setup();
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [userId(1), , userId(2)] as string[];
    expect((await inputError(() => client.getUsersPage({ ...tenant, userIds: sparse }))).field).toBe('userIds[1]');
    expect((await inputError(() => client.getUsersByIds({ ...tenant, userIds: sparse }))).field).toBe('userIds[1]');
    expect((await inputError(() => client.listUsers({ ...tenant, userIds: sparse }))).field).toBe('userIds[1]');
    expect(api.requests).toHaveLength(0);
  });

  it('IDs that differ only in case reach the server once', async () => {
    const { api, client } = setup();
    const page = await client.getUsersPage({ ...tenant, userIds: [userId(3), userId(3).toUpperCase(), userId(4)] });
    expect(page.users).toHaveLength(2);
    const sent = JSON.parse(api.apiRequests()[0]!.body) as { userIds: string[] };
    expect(sent.userIds).toEqual([userId(3), userId(4)]);
  });

  it('onPage and onInconsistency that are not functions fail at the call, before page 1', async () => {
    const { api, client } = setup();
    expect((await inputError(() => client.listUsers({ ...tenant, onPage: 'log' as never }))).field).toBe('onPage');
    expect((await inputError(() => client.listUsersPages({ ...tenant, onInconsistency: {} as never }))).field).toBe('onInconsistency');
    expect(api.requests).toHaveLength(0);
  });

  it('getUsersByIds(null) and other non-objects are input errors, not TypeErrors', async () => {
    const { client } = setup();
    for (const bad of [null, undefined, 'ids', 5]) {
      expect((await inputError(() => client.getUsersByIds(bad as never))).field).toBe('input');
    }
  });

  it('a signal that is not an AbortSignal is an input error before any request', async () => {
    const { api, client } = setup();
    const wrong = { aborted: false } as unknown as AbortSignal;
    expect((await inputError(() => client.getUsersPage(tenant, { signal: wrong }))).field).toBe('signal');
    expect((await inputError(() => client.listUsers({ ...tenant, signal: wrong }))).field).toBe('signal');
    expect((await inputError(() => client.getUsersByIds({ ...tenant, userIds: [userId(1)], signal: wrong }))).field).toBe('signal');
    expect(api.requests).toHaveLength(0);
  });

  it('client options are checked by name: retry, timeoutMs, maxResponseBytes, fetch with send', () => {
    const base = { baseUrl: 'https://graph.example.test', credentials: { accessToken: 'abcd' } };
    expect(() => createUsersClient({ ...base, retry: { maxRetries: -1 } })).toThrow(/retry\.maxRetries/);
    expect(() => createUsersClient({ ...base, maxResponseBytes: 10 })).toThrow(/maxResponseBytes/);
    expect(() => createUsersClient({ ...base, sleep: 5 as never })).toThrow(/sleep/);
    expect(() => createUsersClient({ ...base, fetch: async () => new Response(), send: async () => ({ status: 200, headers: {}, body: '' }) })).toThrow(/send/);
  });

  it('a long secret pasted into the wrong field is never echoed in part (redaction cannot miss a cut copy)', async () => {
    const { client } = setup();
    const secret = `s3cr3t-${'x'.repeat(80)}-tail`;
    const error = await inputError(() => client.getUsersPage({ customerId: secret, tenantId: TENANT }));
    expect(error.message).not.toContain(secret.slice(0, 20));
    expect(error.message).toContain(`a string of ${secret.length} characters`);
    // A short one is echoed whole, which the CLI's redaction then replaces.
    const short = 'short-secret-1234';
    const shortError = await inputError(() => client.getUsersPage({ customerId: short, tenantId: TENANT }));
    expect(describeError(shortError, [short])).not.toContain(short);
  });
});
