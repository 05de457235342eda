// A table for people: the fields people use, columns sized to their content. It keeps the rows
// until the end to size the columns, so it is for reading, not for exporting millions.
import { simplifyUser } from '../../protocol/index.js';
import type { TextSink } from '../text-sink.js';
import type { UserWriter } from './index.js';

const COLUMNS = [
  ['Display name', 'displayName'],
  ['User principal name', 'userPrincipalName'],
  ['Department', 'department'],
  ['Job title', 'jobTitle'],
  ['Status', 'statusLabels'],
] as const;

const MAX_WIDTH = 40;

function fit(text: string, width: number): string {
  const clean = text.replace(/[\r\n\t]+/g, ' ');
  return clean.length > width ? `${clean.slice(0, width - 1)}…` : clean.padEnd(width);
}

export function tableWriter(sink: TextSink): UserWriter {
  const rows: string[][] = [];
  return {
    async writePage(users) {
      for (const user of users) {
        const simple = simplifyUser(user);
        rows.push(COLUMNS.map(([, key]) => (key === 'statusLabels' ? simple.statusLabels.join(', ') : (simple[key] ?? ''))));
      }
    },
    async end() {
      const widths = COLUMNS.map(([title], i) => Math.min(MAX_WIDTH, Math.max(title.length, ...rows.map((r) => r[i]!.length))));
      const line = (cells: readonly string[]) => `${cells.map((c, i) => fit(c, widths[i]!)).join('  ').trimEnd()}\n`;
      await sink.write(line(COLUMNS.map(([title]) => title)));
      await sink.write(line(widths.map((w) => '-'.repeat(w))));
      for (const row of rows) await sink.write(line(row));
      await sink.flush();
    },
  };
}
