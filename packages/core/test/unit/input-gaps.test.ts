// Inputs that used to slip through to the network or crash after the first page: each is now an
// input error naming the field, before any request.
import { afterEach, describe, expect, it } from 'vitest';
import { AvePointInputError, createUsersClient } from '../../src/index.js';
import { describeError } from '../../src/cli/describe-error.js';
import { closeSandboxes, startInProcessSandbox } from '../support/in-process-sandbox.js';

afterEach(closeSandboxes);

async function setup() {
  const s = await startInProcessSandbox({ users: 50 });
  return { s, tenant: s.tenant, client: s.client(), userId: (i: number) => s.sb.userAt(0, 0, i).id };
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
    const { s, tenant, client, userId } = await setup();
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [userId(1), , userId(2)] as string[];
    expect((await inputError(() => client.getUsersPage({ ...tenant, userIds: sparse }))).field).toBe('userIds[1]');
    expect((await inputError(() => client.getUsersByIds({ ...tenant, userIds: sparse }))).field).toBe('userIds[1]');
    expect((await inputError(() => client.listUsers({ ...tenant, userIds: sparse }))).field).toBe('userIds[1]');
    expect(s.sent).toHaveLength(0);
  });

  it('IDs that differ only in case reach the server once', async () => {
    const { s, tenant, client, userId } = await setup();
    const page = await client.getUsersPage({ ...tenant, userIds: [userId(3), userId(3).toUpperCase(), userId(4)] });
    expect(page.users.map((u) => u.id)).toEqual([userId(3), userId(4)]);
    const sent = JSON.parse(s.apiRequests()[0]!.body) as { userIds: string[] };
    expect(sent.userIds).toEqual([userId(3), userId(4)]);
    // The sandbox refuses case-insensitive duplicates with a 400: it never had to.
    expect(s.sb.stats().byStatus).toEqual({ 200: 2 });
  });

  it('onPage and onInconsistency that are not functions fail at the call, before page 1', async () => {
    const { s, tenant, client } = await setup();
    expect((await inputError(() => client.listUsers({ ...tenant, onPage: 'log' as never }))).field).toBe('onPage');
    expect((await inputError(() => client.listUsersPages({ ...tenant, onInconsistency: {} as never }))).field).toBe('onInconsistency');
    expect(s.sent).toHaveLength(0);
  });

  it('getUsersByIds(null) and other non-objects are input errors, not TypeErrors', async () => {
    const { s, client } = await setup();
    for (const bad of [null, undefined, 'ids', 5]) {
      expect((await inputError(() => client.getUsersByIds(bad as never))).field).toBe('input');
    }
    expect(s.sent).toHaveLength(0);
  });

  it('a signal that is not an AbortSignal is an input error before any request', async () => {
    const { s, tenant, client, userId } = await setup();
    const wrong = { aborted: false } as unknown as AbortSignal;
    expect((await inputError(() => client.getUsersPage(tenant, { signal: wrong }))).field).toBe('signal');
    expect((await inputError(() => client.listUsers({ ...tenant, signal: wrong }))).field).toBe('signal');
    expect((await inputError(() => client.getUsersByIds({ ...tenant, userIds: [userId(1)], signal: wrong }))).field).toBe('signal');
    expect(s.sent).toHaveLength(0);
  });

  it('client options are checked by name: retry, timeoutMs, maxResponseBytes, fetch with send', () => {
    const base = { baseUrl: 'https://graph.example.test', credentials: { accessToken: 'abcd' } };
    expect(() => createUsersClient({ ...base, retry: { maxRetries: -1 } })).toThrow(/retry\.maxRetries/);
    expect(() => createUsersClient({ ...base, maxResponseBytes: 10 })).toThrow(/maxResponseBytes/);
    expect(() => createUsersClient({ ...base, sleep: 5 as never })).toThrow(/sleep/);
    expect(() =>
      createUsersClient({ ...base, fetch: async () => new Response(), send: async () => ({ status: 200, headers: {}, body: '' }) }),
    ).toThrow(/send/);
  });

  it('a long secret pasted into the wrong field is never echoed in part (redaction cannot miss a cut copy)', async () => {
    const { tenant, client } = await setup();
    const secret = `s3cr3t-${'x'.repeat(80)}-tail`;
    const error = await inputError(() => client.getUsersPage({ customerId: secret, tenantId: tenant.tenantId }));
    expect(error.message).not.toContain(secret.slice(0, 20));
    expect(error.message).toContain(`a string of ${secret.length} characters`);
    // A short one is echoed whole, which the CLI's redaction then replaces.
    const short = 'short-secret-1234';
    const shortError = await inputError(() => client.getUsersPage({ customerId: short, tenantId: tenant.tenantId }));
    expect(describeError(shortError, [short])).not.toContain(short);
  });
});
