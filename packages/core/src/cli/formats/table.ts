// A table for people: the fields people use, columns sized to their content. It keeps the rows
// until the end to size the columns, so it is for reading, not for exporting millions.
import { simplifyUser } from '../../protocol/index.js';
import type { TextSink } from '../text-sink.js';
import type { UserRow, UserWriter, WriterOptions } from './writer.js';

const USER_COLUMNS: ReadonlyArray<readonly [string, (row: UserRow) => string]> = [
  ['Display name', (r) => r.user.displayName ?? ''],
  ['User principal name', (r) => r.user.userPrincipalName ?? ''],
  ['Department', (r) => r.user.department ?? ''],
  ['Job title', (r) => r.user.jobTitle ?? ''],
  ['Status', (r) => simplifyUser(r.user).statusLabels.join(', ')],
];

const TENANT_COLUMNS: ReadonlyArray<readonly [string, (row: UserRow) => string]> = [
  ['Customer', (r) => r.tenant?.customerName ?? r.tenant?.customerId ?? ''],
  ['Tenant', (r) => r.tenant?.tenantName ?? r.tenant?.tenantId ?? ''],
];

const MAX_WIDTH = 40;

export function fit(text: string, width: number): string {
  const clean = text.replace(/[\r\n\t]+/g, ' ');
  return clean.length > width ? `${clean.slice(0, width - 1)}…` : clean.padEnd(width);
}

/** Rows of cells under their titles, each column as wide as its widest cell (at most 40). */
export async function writeTable(sink: TextSink, titles: readonly string[], rows: readonly string[][]): Promise<void> {
  const widths = titles.map((title, i) => Math.min(MAX_WIDTH, Math.max(title.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: readonly string[]) =>
    `${cells
      .map((c, i) => fit(c, widths[i]!))
      .join('  ')
      .trimEnd()}\n`;
  await sink.write(line(titles));
  await sink.write(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) await sink.write(line(row));
  await sink.flush();
}

export function tableWriter(sink: TextSink, options: WriterOptions): UserWriter {
  const columns = [...(options.tenantColumns ? TENANT_COLUMNS : []), ...USER_COLUMNS];
  const rows: string[][] = [];
  return {
    async writePage(page) {
      for (const row of page) rows.push(columns.map(([, cell]) => cell(row)));
    },
    end: () =>
      writeTable(
        sink,
        columns.map(([title]) => title),
        rows,
      ),
  };
}
