// A sandbox per test file and the authData a Zapier connection to it holds.
import { startSandbox, type Sandbox, type SandboxOptions } from '@avepoint-graph-kit/sandbox';
import { createAppTester } from 'zapier-platform-core';
import app from '../../src/index.js';

export type AppTester = ReturnType<typeof createAppTester>;

export const appTester: AppTester = createAppTester(app);
export { app };

export interface Connected {
  sandbox: Sandbox;
  /** What Zapier stores for the connection once sessionConfig.perform has run. */
  authData: Record<string, string>;
  customerId: string;
  tenantId: string;
}

export function connectionFields(sandbox: Sandbox): Record<string, string> {
  return {
    environment: 'custom',
    baseUrl: sandbox.baseUrl,
    tokenUrl: sandbox.tokenUrl,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
  };
}

/** Starts a sandbox and signs in through the app's own session exchange. */
export async function connect(options: SandboxOptions = {}): Promise<Connected> {
  const sandbox = await startSandbox(options);
  const fields = connectionFields(sandbox);
  const session = (await appTester(app.authentication.sessionConfig.perform, { authData: fields })) as { accessToken: string };
  const customer = sandbox.customers.find((c) => c.inScope);
  const tenant = customer?.tenants[0];
  if (!customer || !tenant) throw new Error('the sandbox has no in-scope tenant');
  return { sandbox, authData: { ...fields, ...session }, customerId: customer.customerId, tenantId: tenant.tenantId };
}

/** The error an app-tester call failed with, for assertions on Zapier's error types. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** Zapier's AppError and ThrottledError carry JSON in their message. */
export function detailsOf(error: Error): Record<string, unknown> {
  return JSON.parse(error.message) as Record<string, unknown>;
}
