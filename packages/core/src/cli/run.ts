// The CLI as a function of its arguments and streams, so tests run it in-process.
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { Credentials } from '../auth/credentials.js';
import { createUsersClient } from '../client/create-users-client.js';
import type { FetchLike } from '../transport/http.js';
import type { PageProgress } from '../client/listings.js';
import { CORE_VERSION } from '../transport/user-agent.js';
import { parseUserIdList, redact, type InconsistencyReport } from '../protocol/index.js';
import { parseCliArgs, UsageError, type CliArgs } from './args.js';
import { describeError, exitCodeOf } from './describe-error.js';
import { startEmbeddedSandbox, type EmbeddedSandbox } from './embedded-sandbox.js';
import { credentialsFromEnv } from './env-credentials.js';
import { createWriter, type UserWriter } from './formats/index.js';
import { HELP } from './help.js';
import { progressBar } from './progress.js';
import { textSink } from './text-sink.js';

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

interface Target {
  customerId: string;
  tenantId: string;
  endpoints: { environment?: CliArgs['environment']; baseUrl?: string; tokenUrl?: string };
  credentials: Credentials;
  secrets: string[];
}

async function resolveTarget(args: CliArgs, env: CliIo['env'], sandbox: EmbeddedSandbox | undefined): Promise<Target> {
  if (sandbox) {
    const customer = sandbox.customers[0]!;
    return {
      customerId: args.customerId ?? customer.customerId,
      tenantId: args.tenantId ?? customer.tenants[0]!.tenantId,
      endpoints: { baseUrl: sandbox.baseUrl, tokenUrl: sandbox.tokenUrl },
      credentials: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
      secrets: [sandbox.clientSecret],
    };
  }
  if (!args.customerId || !args.tenantId) throw new UsageError('--customer and --tenant are required (or try --sandbox); see --help');
  const { credentials, secrets } = await credentialsFromEnv(env);
  const endpoints: Target['endpoints'] = {};
  if (args.environment !== undefined) endpoints.environment = args.environment;
  if (args.baseUrl !== undefined) endpoints.baseUrl = args.baseUrl;
  if (args.tokenUrl !== undefined) endpoints.tokenUrl = args.tokenUrl;
  return { customerId: args.customerId, tenantId: args.tenantId, endpoints, credentials, secrets };
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
    if (args.sandbox) {
      sandbox = await startEmbeddedSandbox(args.sandboxUsers);
      secrets = [sandbox.clientSecret];
    }
    const target = await resolveTarget(args, io.env, sandbox);
    secrets = target.secrets;
    if (sandbox) say(`sandbox on ${sandbox.baseUrl}: customer ${target.customerId}, tenant ${target.tenantId}`);

    let retries = 0;
    const client = createUsersClient({
      ...target.endpoints,
      credentials: target.credentials,
      userAgent: `avepoint-users/${CORE_VERSION}`,
      onRetry: () => void retries++,
      ...(io.fetch ? { fetch: io.fetch } : {}),
      ...(args.verbose ? { logger: { warn: say } } : {}),
    });
    const format = args.format ?? (io.stdout.isTTY ? 'table' : 'ndjson');
    const writer: UserWriter = createWriter(format, textSink(io.stdout));
    let written = 0;
    let totalCount: number | undefined;
    let pages = 0;
    let passes = 1;
    const consistency = args.strict ? ('strict' as const) : ('lenient' as const);
    const onInconsistency = (report: InconsistencyReport) => {
      say(
        `warning: the tenant kept changing while it was read (${report.passes} passes, totalCount ${report.totalCounts.join(' -> ')}; ` +
          `${report.addedByLaterPasses} user(s) found by later passes). Every user written is real and written once, but some may be missing` +
          `${report.reasons[0] ? `. Last change seen: ${report.reasons[0]}` : ''}. Run again later, or with --strict to make this an error.`,
      );
    };

    const ids = args.userIdsFile !== undefined ? await readIds(args.userIdsFile) : args.userIds;
    if (ids !== undefined) {
      const result = await client.getUsersByIds({
        customerId: target.customerId,
        tenantId: target.tenantId,
        userIds: parseUserIdList(ids, 'userIds'),
        concurrency: args.concurrency,
        consistency,
        onInconsistency,
        signal: io.signal,
      });
      const users = result.users.slice(0, args.limit ?? result.users.length);
      await writer.writePage(users);
      written = users.length;
      if (result.notFound.length > 0) {
        const shown = result.notFound.slice(0, 10).join(', ');
        say(`${result.notFound.length} ID(s) not found in the tenant: ${shown}${result.notFound.length > 10 ? ', ...' : ''}`);
      }
    } else {
      const bar = progressBar(io.stderr, now);
      let progress: PageProgress | undefined;
      const pagesOfUsers = client.listUsersPages({
        customerId: target.customerId,
        tenantId: target.tenantId,
        pageSize: args.pageSize,
        concurrency: args.concurrency,
        limit: args.limit,
        resumeFrom: args.resumeFrom,
        consistency,
        onInconsistency,
        signal: io.signal,
        onPage: (p) => {
          progress = p;
          if (p.pass === 1) pages = p.pagesDone;
          else pages++;
          passes = p.pass;
          totalCount = p.totalCount;
        },
      });
      try {
        for await (const page of pagesOfUsers) {
          await writer.writePage(page.users);
          written += page.users.length;
          if (progress) bar.update(progress, written);
        }
      } finally {
        bar.done();
      }
    }
    await writer.end();

    if (args.summary) {
      const seconds = ((now() - started) / 1000).toFixed(2);
      const parts = [`${written} user(s) written as ${format}`];
      if (totalCount !== undefined) parts.push(`${totalCount} in the tenant`, `${pages} page(s)`);
      if (passes > 1) parts.push(`${passes} passes (the tenant changed)`);
      parts.push(`${retries} retr${retries === 1 ? 'y' : 'ies'}`);
      if (sandbox) {
        const stats = sandbox.stats();
        parts.push(`${stats.tokenRequests} token request(s)`, `${stats.apiRequests} API request(s)`);
      }
      parts.push(`${seconds} s`);
      say(`summary: ${parts.join(', ')}`);
    }
    return 0;
  } catch (error) {
    say(describeError(error, secrets));
    return exitCodeOf(error);
  } finally {
    await sandbox?.close();
  }
}

async function readIds(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`--user-ids-file: cannot read ${file}`);
  }
}
