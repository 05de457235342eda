// RFC 4180 CSV with every documented field; `status` as codes and as labels, both ';'-joined.
import { USER_FIELD_NAMES, statusLabels, type User } from '../../protocol/index.js';
import type { TextSink } from '../text-sink.js';
import type { UserWriter } from './index.js';

/** Every documented field, then the labels of the status codes. */
export const CSV_COLUMNS = [...USER_FIELD_NAMES, 'statusLabels'] as const;

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

export function csvWriter(sink: TextSink): UserWriter {
  let headerDone = false;
  const header = async () => {
    if (headerDone) return;
    headerDone = true;
    await sink.write(`${CSV_COLUMNS.join(',')}\r\n`);
  };
  return {
    async writePage(users) {
      await header();
      if (users.length > 0) await sink.write(`${users.map(csvRow).join('\r\n')}\r\n`);
    },
    async end() {
      await header();
      await sink.flush();
    },
  };
}
