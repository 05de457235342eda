// The CLI as a function of its arguments and streams, so tests run it in-process. Everything a
// user typed is checked before anything starts (no sandbox banner, no token request, for a bad flag).
import type { Writable } from 'node:stream';
import type { Credentials } from '../auth/credentials.js';
import { createUsersClient } from '../client/create-users-client.js';
import type { FetchLike } from '../transport/http.js';
import { CORE_VERSION } from '../transport/user-agent.js';
import { parseUserIdList, redact, validateGuid, validateListingInput, GUID_PATTERN } from '../protocol/index.js';
import { parseCliArgs, UsageError, type CliArgs } from './args.js';
import { describeError, exitCodeOf } from './describe-error.js';
import { startEmbeddedSandbox, type EmbeddedSandbox } from './embedded-sandbox.js';
import { credentialsFromEnv } from './env-credentials.js';
import { HELP } from './help.js';
import { textSink } from './text-sink.js';
import type { CommandContext } from './commands/context.js';
import { listCustomersCommand } from './commands/customers.js';
import { exportUsers } from './commands/export.js';
import { getUserCommand } from './commands/get.js';

export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Injected in tests; the global fetch otherwise. */
  fetch?: FetchLike;
  now?: () => number;
  /** Fires on Ctrl-C or a closed stdout. */
  signal?: AbortSignal;
}

interface Connection {
  endpoints: { environment?: CliArgs['environment']; baseUrl?: string; tokenUrl?: string };
  credentials: Credentials;
  secrets: string[];
}

const fmt = (n: number): string => n.toLocaleString('en-US');

const GUID_SHAPE = /^[^\s-]{8}-[^\s-]{4}-[^\s-]{4}-[^\s-]{4}-[^\s-]{12}$/;

/** The checks that need no network: ranges, GUIDs given as GUIDs, the user ID of `get`. */
function checkInputs(args: CliArgs): void {
  validateListingInput({ pageSize: args.pageSize, concurrency: args.concurrency, limit: args.limit, resumeFrom: args.resumeFrom });
  if (args.userIds !== undefined) parseUserIdList(args.userIds, 'userIds').forEach((id, i) => validateGuid(`userIds[${i}]`, id));
  if (args.command === 'get') validateGuid('userId', args.userId);
  // Something shaped like a GUID that is not one is a typo, not a name: say so now.
  for (const [field, value] of [
    ['customerId', args.customer],
    ['tenantId', args.tenant],
  ] as const) {
    if (value !== undefined && GUID_SHAPE.test(value.trim()) && !GUID_PATTERN.test(value.trim())) validateGuid(field, value);
  }
  if (args.command === 'export' && !args.allTenants && args.tenant === undefined && !args.sandbox) {
    throw new UsageError('--tenant is required (a tenant ID or name), or --all-tenants; see --help');
  }
}

async function connectionOf(args: CliArgs, env: CliIo['env'], sandbox: EmbeddedSandbox | undefined): Promise<Connection> {
  if (sandbox) {
    return {
      endpoints: { baseUrl: sandbox.baseUrl, tokenUrl: sandbox.tokenUrl },
      credentials: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
      secrets: [sandbox.clientSecret],
    };
  }
  const { credentials, secrets } = await credentialsFromEnv(env);
  const endpoints: Connection['endpoints'] = {};
  if (args.environment !== undefined) endpoints.environment = args.environment;
  if (args.baseUrl !== undefined) endpoints.baseUrl = args.baseUrl;
  if (args.tokenUrl !== undefined) endpoints.tokenUrl = args.tokenUrl;
  return { endpoints, credentials, secrets };
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const now = io.now ?? Date.now;
  const started = now();
  let secrets: string[] = [];
  const say = (text: string) => void io.stderr.write(`avepoint-users: ${redact(text, secrets)}\n`);
  let sandbox: EmbeddedSandbox | undefined;
  try {
    const args = parseCliArgs(argv);
    if (args.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (args.version) {
      io.stdout.write(`${CORE_VERSION}\n`);
      return 0;
    }
    checkInputs(args);
    if (args.sandbox) {
      sandbox = await startEmbeddedSandbox(args.sandboxUsers);
      secrets = [sandbox.clientSecret];
      // The sandbox's first customer and tenant, unless named.
      if (args.command !== 'customers' && !args.allTenants) {
        args.customer ??= sandbox.customers[0]!.customerId;
        args.tenant ??= sandbox.customers[0]!.tenants[0]!.tenantId;
      }
    }
    const connection = await connectionOf(args, io.env, sandbox);
    secrets = connection.secrets;
    if (sandbox)
      say(`sandbox on ${sandbox.baseUrl}${args.tenant && args.customer ? `: customer ${args.customer}, tenant ${args.tenant}` : ''}`);

    let retries = 0;
    const client = createUsersClient({
      ...connection.endpoints,
      credentials: connection.credentials,
      userAgent: `avepoint-users/${CORE_VERSION}`,
      onRetry: () => void retries++,
      ...(io.fetch ? { fetch: io.fetch } : {}),
      ...(args.verbose ? { logger: { warn: say } } : {}),
    });
    const ctx: CommandContext = {
      args,
      client,
      format: args.format ?? (io.stdout.isTTY ? 'table' : args.command === 'get' ? 'json' : 'ndjson'),
      out: textSink(io.stdout),
      stderr: io.stderr,
      say,
      now,
      signal: io.signal,
    };

    const parts: string[] = [];
    let code = 0;
    if (args.command === 'customers') {
      parts.push(`${fmt(await listCustomersCommand(ctx))} customer(s) written as ${ctx.format}`);
    } else if (args.command === 'get') {
      await getUserCommand(ctx);
      parts.push(`1 user written as ${ctx.format}`);
    } else {
      const summary = await exportUsers(ctx);
      parts.push(`${fmt(summary.written)} user(s) written as ${ctx.format}`);
      if (summary.totalCount !== undefined) parts.push(`${fmt(summary.totalCount)} in the tenant`, `${fmt(summary.pages)} page(s)`);
      if (summary.passes > 1) parts.push(`${summary.passes} passes (the tenant changed)`);
      if (summary.failedTenants > 0) {
        parts.push(`${summary.failedTenants} tenant(s) failed`);
        say(`${summary.failedTenants} tenant(s) could not be read (see above): the export is incomplete`);
        code = 1;
      }
    }
    if (args.summary) {
      parts.push(`${fmt(retries)} retr${retries === 1 ? 'y' : 'ies'}`);
      if (sandbox) {
        const stats = sandbox.stats();
        parts.push(`${fmt(stats.tokenRequests)} token request(s)`, `${fmt(stats.apiRequests)} API request(s)`);
      }
      parts.push(`${((now() - started) / 1000).toFixed(2)} s`);
      say(`summary: ${parts.join(', ')}`);
    }
    return code;
  } catch (error) {
    say(describeError(error, secrets));
    return exitCodeOf(error);
  } finally {
    await sandbox?.close();
  }
}
