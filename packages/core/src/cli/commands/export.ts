// The default command: export users (of one tenant, by ID, or of every tenant) to stdout.
import { readFile } from 'node:fs/promises';
import { hasStatus, parseUserIdList, type InconsistencyReport, type User } from '../../protocol/index.js';
import type { PageProgress } from '../../client/listings.js';
import { UsageError } from '../args.js';
import { createWriter, type UserRow } from '../formats/index.js';
import { progressBar } from '../progress.js';
import { resolveCustomerArg, resolveTarget, type CommandContext } from './context.js';

/** What the summary line reports. */
export interface ExportSummary {
  written: number;
  totalCount: number | undefined;
  pages: number;
  passes: number;
  failedTenants: number;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

async function readIds(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`--user-ids-file: cannot read ${file}`);
  }
}

export async function exportUsers(ctx: CommandContext): Promise<ExportSummary> {
  const { args, client, say, signal } = ctx;
  const summary: ExportSummary = { written: 0, totalCount: undefined, pages: 0, passes: 1, failedTenants: 0 };
  const consistency = args.strict ? ('strict' as const) : ('lenient' as const);
  const keep = (user: User) => args.status === undefined || hasStatus(user, args.status);
  const onInconsistency = (report: InconsistencyReport & { tenantId?: string }) => {
    say(
      `warning: the tenant${report.tenantId ? ` ${report.tenantId}` : ''} kept changing while it was read (${report.passes} passes, totalCount ${report.totalCounts.join(' -> ')}; ` +
        `${fmt(report.addedByLaterPasses)} user(s) found by later passes). Every user written is real and written once, but some may be missing` +
        `${report.reasons[0] ? `. Last change seen: ${report.reasons[0]}` : ''}. Run again later, or with --strict to make this an error.`,
    );
  };
  const writer = createWriter(ctx.format, ctx.out, { tenantColumns: args.allTenants });
  const write = async (rows: UserRow[]) => {
    const kept = args.status === undefined ? rows : rows.filter((row) => keep(row.user));
    await writer.writePage(kept);
    summary.written += kept.length;
  };

  if (args.allTenants) {
    const customer = args.customer === undefined ? undefined : await resolveCustomerArg(client, args.customer, signal);
    let rows: UserRow[] = [];
    for await (const row of client.listUsersAcrossTenants({
      customerIds: customer ? [customer.id] : undefined,
      pageSize: args.pageSize,
      concurrency: args.concurrency,
      consistency,
      onInconsistency,
      failFast: false,
      onTenantError: (failure) => {
        summary.failedTenants++;
        const error = failure.error as { code?: string; message?: string };
        say(
          `tenant ${failure.tenantName ?? ''} ${failure.tenantId} of ${failure.customerName ?? failure.customerId} failed: ${error.code ?? 'ERROR'}: ${error.message ?? String(failure.error)}`,
        );
      },
      signal,
    })) {
      if (!keep(row.user)) continue;
      rows.push({
        user: row.user,
        tenant: { customerId: row.customerId, customerName: row.customerName, tenantId: row.tenantId, tenantName: row.tenantName },
      });
      const full = args.limit !== undefined && summary.written + rows.length >= args.limit;
      if (rows.length >= 100 || full) {
        await write(rows);
        rows = [];
      }
      if (full) break;
    }
    await write(rows);
    await writer.end();
    return summary;
  }

  if (args.tenant === undefined)
    throw new UsageError('--tenant is required (a tenant ID or name; --all-tenants for every tenant); see --help');
  const target = await resolveTarget(client, args.customer, args.tenant, signal);
  if (target.tenantName) say(`tenant ${target.tenantName} (${target.tenantId}) of ${target.customerName ?? target.customerId}`);

  const ids = args.userIdsFile !== undefined ? await readIds(args.userIdsFile) : args.userIds;
  if (ids !== undefined) {
    const result = await client.getUsersByIds({
      customerId: target.customerId,
      tenantId: target.tenantId,
      userIds: parseUserIdList(ids, 'userIds'),
      concurrency: args.concurrency,
      consistency,
      onInconsistency,
      signal,
    });
    const users = result.users.slice(0, args.limit ?? result.users.length);
    await write(users.map((user) => ({ user })));
    if (result.notFound.length > 0) {
      const shown = result.notFound.slice(0, 10).join(', ');
      say(`${fmt(result.notFound.length)} ID(s) not found in the tenant: ${shown}${result.notFound.length > 10 ? ', ...' : ''}`);
    }
    await writer.end();
    return summary;
  }

  const bar = progressBar(ctx.stderr, ctx.now);
  let progress: PageProgress | undefined;
  const pages = client.listUsersPages({
    customerId: target.customerId,
    tenantId: target.tenantId,
    pageSize: args.pageSize,
    concurrency: args.concurrency,
    limit: args.status === undefined ? args.limit : undefined,
    resumeFrom: args.resumeFrom,
    consistency,
    onInconsistency,
    signal,
    onPage: (p) => {
      progress = p;
      summary.pages = p.pass === 1 ? p.pagesDone : summary.pages + 1;
      summary.passes = p.pass;
      summary.totalCount = p.totalCount;
    },
  });
  let read = 0;
  try {
    for await (const page of pages) {
      read += page.users.length;
      const room = args.limit === undefined ? Infinity : args.limit - summary.written;
      const rows = page.users.map((user) => ({ user }));
      await write(args.status === undefined || room === Infinity ? rows : rows.filter((r) => keep(r.user)).slice(0, room));
      if (progress) bar.update(progress, read);
      if (summary.written >= (args.limit ?? Infinity)) break;
    }
  } finally {
    bar.done();
  }
  await writer.end();
  return summary;
}
