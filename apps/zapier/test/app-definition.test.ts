// The app definition: Zapier's schema validator (zapier-platform-schema, offline, Node 20), the
// keys Zaps depend on, and the built entry points (require and import give the same app).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import zapier from 'zapier-platform-core';
import { validateAppDefinition } from 'zapier-platform-schema';
import app from '../src/index.js';
import { SAMPLE_USER, USER_OUTPUT_FIELDS } from '../src/user-output.js';

type Definition = {
  authentication: { type: string; fields: Array<{ key: string; type?: string; required?: boolean; choices?: Array<{ value: string }> }> };
  triggers: Record<string, { operation: { sample: Record<string, unknown>; outputFields: Array<{ key: string }> } }>;
  searches: Record<string, { operation: { inputFields: Array<{ key: string; list?: boolean }> } }>;
};

/** The JSON definition Zapier's CLI uploads (functions replaced by markers), from core itself. */
async function definitionOf(appRaw: unknown): Promise<Definition> {
  // createAppHandler is public at runtime but missing from the package's types.
  const { createAppHandler } = zapier as unknown as { createAppHandler: (app: unknown) => (event: object) => Promise<{ results: Definition }> };
  const handler = createAppHandler(appRaw);
  return (await handler({ command: 'definition' })).results;
}

describe('app definition', () => {
  it("passes zapier-platform-schema's validator", async () => {
    const result = validateAppDefinition(await definitionOf(app));
    expect(result.errors.map((e: { property: string; message: string }) => `${e.property}: ${e.message}`)).toEqual([]);
  });

  it('the validator does reject a broken definition (this test can fail)', async () => {
    const definition = await definitionOf(app);
    const broken = { ...definition, triggers: { 'new user!': definition.triggers.newUser } };
    expect(validateAppDefinition(broken).errors.length).toBeGreaterThan(0);
  });

  it('keeps the keys Zaps refer to', async () => {
    const d = await definitionOf(app);
    expect(Object.keys(d.searches)).toEqual(['findUsers']);
    expect(Object.keys(d.triggers)).toEqual(['newUser']);
    expect(d.authentication.type).toBe('session');
    expect(d.authentication.fields.map((f) => f.key)).toEqual(['environment', 'clientId', 'clientSecret', 'baseUrl', 'tokenUrl']);
    expect(d.authentication.fields.find((f) => f.key === 'clientSecret')?.type).toBe('password');
    expect(d.searches.findUsers?.operation.inputFields.map((f) => f.key)).toEqual(['customerId', 'tenantId', 'userIds']);
    expect(d.searches.findUsers?.operation.inputFields.find((f) => f.key === 'userIds')?.list).toBe(true);
  });

  it('describes every field of the sample in outputFields', () => {
    const described = new Set(USER_OUTPUT_FIELDS.map((f) => f.key.replace(/\[\]$/, '')));
    expect(Object.keys(SAMPLE_USER).filter((key) => !described.has(key))).toEqual([]);
    expect(SAMPLE_USER.statusLabels).toEqual(['MFA disabled', 'Sign-in blocked']);
  });
});

describe('built entry points', () => {
  const require = createRequire(import.meta.url);

  it('require() of the package gives the app itself (what Zapier loads)', async () => {
    const required = require('@avepoint-graph-kit/zapier') as typeof app;
    expect(required.triggers.newUser.key).toBe('newUser');
    expect(required.version).toBe(app.version);
    expect(validateAppDefinition(await definitionOf(required)).errors).toEqual([]);
  });

  it('import of the package gives the same app as its default export', async () => {
    // A variable specifier: resolved at run time through `exports`, so typecheck does not need dist/.
    const specifier = '@avepoint-graph-kit/zapier';
    const imported = (await import(specifier)) as { default: typeof app };
    expect(Object.keys(imported.default)).toEqual(Object.keys(app));
    expect(imported.default.searches.findUsers.key).toBe('findUsers');
  });
});
