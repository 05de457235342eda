// The app definition: Zapier's schema validator (zapier-platform-schema, offline, Node 20), the
// keys Zaps depend on, and the built entry points (require and import give the same app).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import zapier from 'zapier-platform-core';
import { validateAppDefinition } from 'zapier-platform-schema';
import app from '../src/index.js';
import { SAMPLE_USER_DETAIL, USER_DETAIL_OUTPUT_FIELDS } from '../src/user-detail-output.js';
import { SAMPLE_USER, USER_OUTPUT_FIELDS } from '../src/user-output.js';

type InputField = {
  key: string;
  list?: boolean;
  required?: boolean;
  dynamic?: string;
  altersDynamicFields?: boolean;
  dependsOn?: string[];
  helpText?: string;
  choices?: Array<{ value: string; label: string; sample: string }>;
};
type Definition = {
  authentication: { type: string; fields: Array<{ key: string; type?: string; required?: boolean; choices?: Array<{ value: string }> }> };
  triggers: Record<
    string,
    {
      display: { hidden?: boolean };
      operation: {
        sample?: Record<string, unknown>;
        outputFields?: Array<{ key: string }>;
        inputFields?: InputField[];
        canPaginate?: boolean;
      };
    }
  >;
  searches: Record<string, { operation: { inputFields: InputField[]; sample: Record<string, unknown> } }>;
};

/** The JSON definition Zapier's CLI uploads (functions replaced by markers), from core itself. */
async function definitionOf(appRaw: unknown): Promise<Definition> {
  // createAppHandler is public at runtime but missing from the package's types.
  const { createAppHandler } = zapier as unknown as {
    createAppHandler: (app: unknown) => (event: object) => Promise<{ results: Definition }>;
  };
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
    expect(Object.keys(d.searches)).toEqual(['findUsers', 'findUser']);
    expect(Object.keys(d.triggers)).toEqual(['newUser', 'customerList', 'tenantList']);
    expect(d.authentication.type).toBe('session');
    expect(d.authentication.fields.map((f) => f.key)).toEqual(['environment', 'clientId', 'clientSecret', 'baseUrl', 'tokenUrl']);
    expect(d.authentication.fields.find((f) => f.key === 'clientSecret')?.type).toBe('password');
    expect(d.searches.findUsers?.operation.inputFields.map((f) => f.key)).toEqual(['customerId', 'tenantId', 'userIds']);
    expect(d.searches.findUsers?.operation.inputFields.find((f) => f.key === 'userIds')?.list).toBe(true);
    expect(d.searches.findUser?.operation.inputFields.map((f) => f.key)).toEqual(['customerId', 'tenantId', 'userId']);
    expect(d.triggers.newUser?.operation.inputFields?.map((f) => f.key)).toEqual(['customerId', 'tenantId', 'statuses']);
  });

  it("the README's tables (its public surface) name exactly the operations and input fields the app defines", async () => {
    const d = await definitionOf(app);
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## What it offers'), readme.indexOf('\n## ', readme.indexOf('## What it offers') + 1));
    // First cells of the table rows: `key` | ...
    const keysOfTable = (header: string) => {
      const table = section.slice(section.indexOf(header));
      const rows = table.split('\n').slice(2);
      const end = rows.findIndex((line) => !line.startsWith('|'));
      return rows.slice(0, end < 0 ? undefined : end).map((line) => /^\|\s*`([^`]+)`/.exec(line)?.[1]);
    };
    const operations = [...Object.keys(d.searches), ...Object.keys(d.triggers), ...Object.keys((d as { creates?: object }).creates ?? {})];
    expect(keysOfTable('| key | kind |').sort()).toEqual(operations.sort());
    const inputKeys = new Set(
      [...Object.values(d.searches), ...Object.values(d.triggers)].flatMap((o) => (o.operation.inputFields ?? []).map((f) => f.key)),
    );
    expect(keysOfTable('| key | label |').sort()).toEqual([...inputKeys].sort());
    // Each operation's label, as the Zap editor shows it, is in its row.
    for (const [key, op] of [...Object.entries(d.searches), ...Object.entries(d.triggers)]) {
      const label = (op as { display: { label?: string; hidden?: boolean } }).display;
      const escaped = String(label.label).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (!label.hidden) expect(section).toMatch(new RegExp(`\\| \`${key}\` \\| [a-z ]*\\*\\*${escaped}\\*\\*`));
    }
  });

  it('Customer and Tenant are dynamic dropdowns on every operation, fed by hidden paging triggers', async () => {
    const d = await definitionOf(app);
    for (const key of ['customerList', 'tenantList']) {
      expect(d.triggers[key]?.display.hidden).toBe(true);
      expect(d.triggers[key]?.operation.canPaginate).toBe(true);
    }
    const operations = [d.triggers.newUser, d.searches.findUsers, d.searches.findUser];
    for (const operation of operations) {
      const fields = operation?.operation.inputFields ?? [];
      const customer = fields.find((f) => f.key === 'customerId');
      const tenant = fields.find((f) => f.key === 'tenantId');
      expect(customer).toMatchObject({ dynamic: 'customerList.id.name', altersDynamicFields: true, required: true });
      expect(tenant).toMatchObject({ dynamic: 'tenantList.id.name', dependsOn: ['customerId'], required: true });
      // Zapier lets a dynamic dropdown take a custom value: the help says so.
      expect(customer?.helpText).toMatch(/custom value.*map/);
      expect(tenant?.helpText).toMatch(/custom value.*map/);
    }
  });

  it("offers the status filter as an optional multi-choice of core's status names and labels", async () => {
    const d = await definitionOf(app);
    const field = d.triggers.newUser?.operation.inputFields?.find((f) => f.key === 'statuses');
    expect(field).toMatchObject({ list: true, required: false });
    expect(field?.choices?.map((choice) => [choice.value, choice.label])).toEqual([
      ['mfaDisabled', 'MFA disabled'],
      ['signInBlocked', 'Sign-in blocked'],
      ['passwordExpired', 'Password expired'],
      ['highRisk', 'High risk'],
      ['mediumRisk', 'Medium risk'],
      ['compliance', 'Compliance'],
      ['inactive', 'Inactive'],
      ['pendingDeletion', 'Pending deletion'],
      ['testUser', 'Test user'],
    ]);
    expect(field?.choices?.every((choice) => choice.sample === choice.value)).toBe(true);
  });

  it('describes every field of the sample in outputFields', () => {
    const described = new Set(USER_OUTPUT_FIELDS.map((f) => f.key.replace(/\[\]$/, '')));
    expect(Object.keys(SAMPLE_USER).filter((key) => !described.has(key))).toEqual([]);
    expect(SAMPLE_USER.statusLabels).toEqual(['MFA disabled', 'Sign-in blocked']);
  });

  it("describes every field of Find User's sample in its outputFields, and the sample has every field", () => {
    const described = USER_DETAIL_OUTPUT_FIELDS.map((f) => f.key.replace(/\[\]$/, ''));
    expect(new Set(described).size).toBe(described.length);
    expect(Object.keys(SAMPLE_USER_DETAIL).sort()).toEqual([...described].sort());
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
