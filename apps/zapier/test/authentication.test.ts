// Session auth: the client-credentials exchange, the auth test and the connection label,
// through Zapier's app tester against the sandbox's identity service.
import { startSandbox, type Sandbox } from '@avepoint-graph-kit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, appTester, connectionFields, detailsOf, failure } from './helpers/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ users: 10 });
});
afterAll(() => sandbox.close());

const perform = (authData: Record<string, string>) =>
  appTester(app.authentication.sessionConfig.perform, { authData }) as Promise<Record<string, unknown>>;
const test = (authData: Record<string, string>) => appTester(app.authentication.test, { authData }) as Promise<Record<string, unknown>>;

describe('sessionConfig.perform (the client-credentials exchange)', () => {
  it('returns only the access token, which the API accepts', async () => {
    const session = await perform(connectionFields(sandbox));
    expect(Object.keys(session)).toEqual(['accessToken']);
    expect(session.accessToken).toEqual(expect.any(String));
    sandbox.resetStats();
    const users = await appTester(app.searches.findUsers.operation.perform, {
      authData: { ...connectionFields(sandbox), accessToken: String(session.accessToken) },
      inputData: {
        customerId: sandbox.customers[0]?.customerId,
        tenantId: sandbox.customers[0]?.tenants[0]?.tenantId,
        userIds: [sandbox.userAt(0, 0, 2).id],
      },
    });
    expect(users).toHaveLength(1);
    expect(sandbox.stats().apiRequests).toBe(1);
  });

  it('a wrong secret is an authentication error that says what to check, not a refresh loop', async () => {
    const error = await failure(perform({ ...connectionFields(sandbox), clientSecret: 'wrong-secret-value' }));
    expect(error.name).toBe('AppError');
    const details = detailsOf(error);
    expect(details).toMatchObject({ code: 'AuthenticationFailed', status: 401 });
    expect(details.message).toMatch(/client ID and the client secret/);
  });

  it('an app without the users-read permission is told which permission to add', async () => {
    const error = await failure(perform({ ...connectionFields(sandbox), ...sandbox.unscopedClient }));
    expect(detailsOf(error).message).toMatch(/invalid_scope.*elements\.um\.user\.read\.all/);
  });

  it('Custom without URLs, or plain http to a remote host, is refused naming the field', async () => {
    const { baseUrl: _b, ...noBase } = connectionFields(sandbox);
    expect(detailsOf(await failure(perform(noBase))).message).toMatch(/"API Base URL"/);
    const remote = { ...connectionFields(sandbox), tokenUrl: 'http://identity.example.com/connect/token' };
    expect(detailsOf(await failure(perform(remote))).message).toMatch(/"Token URL".*https/);
  });
});

describe('test and connectionLabel', () => {
  it('the auth test makes a real exchange and returns what the label shows', async () => {
    sandbox.resetStats();
    const result = await test(connectionFields(sandbox));
    expect(sandbox.stats().tokenRequests).toBe(1);
    expect(result).toMatchObject({ clientId: sandbox.clientId, environment: 'custom', environmentLabel: 'Custom' });
    // Zapier renders the label from the test's result, handed over as bundle.inputData.
    const label = await appTester(app.authentication.connectionLabel, { authData: connectionFields(sandbox), inputData: result });
    expect(label).toBe(`${sandbox.clientId} (Custom)`);
  });

  it('the auth test fails for a wrong secret', async () => {
    const error = await failure(test({ ...connectionFields(sandbox), clientSecret: 'nope' }));
    expect(detailsOf(error).code).toBe('AuthenticationFailed');
  });
});
