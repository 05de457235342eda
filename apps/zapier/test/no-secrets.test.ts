// The client secret and the access tokens never reach a logged line. Zapier's logger prints
// every HTTP call when LOG_TO_STDOUT / DETAILED_LOG_TO_STDOUT are set; this file captures all of
// it over a session exchange, an auth test, the searches, a trigger, the dropdowns (whose own
// client-credentials exchange asks for the customers token), a refresh and errors.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { app, appTester, connect, failure, type Connected } from './helpers/sandbox.js';

let c: Connected;
const lines: string[] = [];
const tokens = new Set<string>();

beforeAll(async () => {
  process.env.LOG_TO_STDOUT = 'true';
  process.env.DETAILED_LOG_TO_STDOUT = 'true';
  const capture = (...args: unknown[]) => {
    lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  };
  vi.spyOn(console, 'log').mockImplementation(capture);
  vi.spyOn(console, 'info').mockImplementation(capture);
  vi.spyOn(console, 'error').mockImplementation(capture);

  c = await connect({ users: 120 });
  tokens.add(c.authData.accessToken ?? '');
  const inputData = { customerId: c.customerId, tenantId: c.tenantId };
  await appTester(app.authentication.test, { authData: c.authData });
  await appTester(app.searches.findUsers.operation.perform, {
    authData: c.authData,
    inputData: { ...inputData, userIds: [c.sandbox.userAt(0, 0, 1).id] },
  });
  await appTester(app.triggers.newUser.operation.perform, { authData: c.authData, inputData });
  await appTester(app.searches.findUser.operation.perform, {
    authData: c.authData,
    inputData: { ...inputData, userId: c.sandbox.userAt(0, 0, 2).id },
  });
  await appTester(app.triggers.customerList.operation.perform, { authData: c.authData });
  await appTester(app.triggers.tenantList.operation.perform, { authData: c.authData, inputData: { customerId: c.customerId } });
  await failure(appTester(app.triggers.customerList.operation.perform, { authData: { ...c.authData, ...c.sandbox.usersOnlyClient } }));
  await failure(
    appTester(app.triggers.customerList.operation.perform, { authData: { ...c.authData, clientSecret: `${c.sandbox.clientSecret}y` } }),
  );
  c.sandbox.expireTokens();
  await failure(appTester(app.triggers.newUser.operation.perform, { authData: c.authData, inputData }));
  const refreshed = (await appTester(app.authentication.sessionConfig.perform, { authData: c.authData })) as { accessToken: string };
  tokens.add(refreshed.accessToken);
  await failure(appTester(app.authentication.test, { authData: { ...c.authData, clientSecret: `${c.sandbox.clientSecret}x` } }));
});

afterAll(async () => {
  vi.restoreAllMocks();
  delete process.env.LOG_TO_STDOUT;
  delete process.env.DETAILED_LOG_TO_STDOUT;
  await c.sandbox.close();
});

describe('what the app tester logs', () => {
  it('captured the HTTP traffic (so the checks below look at real lines)', () => {
    const text = lines.join('\n');
    // The token request and answer were logged, with the secret and the token scrubbed out...
    expect(text).toMatch(/grant_type=client_credentials&client_id=\S+&client_secret=:censored:/);
    expect(text).toContain('"access_token":":censored:');
    // ...and so were the API calls, the expired-token 401 and the refused secret.
    expect(text).toContain('/users/batch?pageIndex=1&pageSize=100');
    expect(text).toContain('"error":"invalid_token"');
    expect(text).toContain('"error":"invalid_client"');
    // ...and the dropdowns' own exchange, the customers call and the users-only app's refusal.
    expect(text).toContain('scope=elements.customers.read.all');
    expect(text).toContain('/partner/external/v3/general/customers/batch?pageIndex=1&pageSize=50');
    expect(text).toContain('"error":"invalid_scope"');
  });

  it('holds neither the client secret nor any access token', () => {
    const text = lines.join('\n');
    expect(tokens.size).toBe(2);
    for (const token of tokens) {
      expect(token.length).toBeGreaterThan(8);
      expect(text).not.toContain(token);
    }
    expect(text).not.toContain(c.sandbox.clientSecret);
    expect(text).not.toContain(encodeURIComponent(c.sandbox.clientSecret));
    for (const secret of [c.sandbox.usersOnlyClient.clientSecret, `${c.sandbox.clientSecret}y`]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(encodeURIComponent(secret));
    }
    // Every token answer logged (the session's and the customers one) shows the token censored.
    expect(text).toMatch(/"access_token":":censored:/);
    expect(text).not.toMatch(/"access_token":"(?!:censored:)/);
  });
});
