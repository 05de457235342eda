// RFC 4180 CSV with every documented field; `status` as codes and as labels, both ';'-joined; the
// customer and tenant first in an export across tenants.
import { USER_FIELD_NAMES, statusLabels, type User } from '../../protocol/index.js';
import type { TextSink } from '../text-sink.js';
import type { UserRow, UserWriter, WriterOptions } from './writer.js';

/** Every documented field, then the labels of the status codes. */
export const CSV_COLUMNS = [...USER_FIELD_NAMES, 'statusLabels'] as const;

export const TENANT_CSV_COLUMNS = ['customerId', 'customerName', 'tenantId', 'tenantName'] as const;

export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(user: User): string {
  return CSV_COLUMNS.map((column) => {
    if (column === 'status') return csvCell(user.status.join(';'));
    if (column === 'statusLabels') return csvCell(statusLabels(user.status).join(';'));
    return csvCell(user[column]);
  }).join(',');
}

function line(row: UserRow, tenantColumns: boolean): string {
  if (!tenantColumns) return csvRow(row.user);
  return `${TENANT_CSV_COLUMNS.map((column) => csvCell(row.tenant?.[column])).join(',')},${csvRow(row.user)}`;
}

export function csvWriter(sink: TextSink, options: WriterOptions): UserWriter {
  let headerDone = false;
  const header = async () => {
    if (headerDone) return;
    headerDone = true;
    await sink.write(`${[...(options.tenantColumns ? TENANT_CSV_COLUMNS : []), ...CSV_COLUMNS].join(',')}\r\n`);
  };
  return {
    async writePage(rows) {
      await header();
      if (rows.length > 0) await sink.write(`${rows.map((row) => line(row, options.tenantColumns)).join('\r\n')}\r\n`);
    },
    async end() {
      await header();
      await sink.flush();
    },
  };
}
