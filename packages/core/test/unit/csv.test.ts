// CSV cells survive any text (commas, quotes, new lines): property-tested against a strict
// RFC 4180 reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, CSV_COLUMNS } from '../../src/cli/formats/csv.js';
import { normalizeUser } from '../../src/protocol/users/user.js';

/** Reads one CSV record (RFC 4180), the way spreadsheet tools do. */
function readRecord(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else if (i >= line.length) {
          throw new Error('unterminated quote');
        } else {
          cell += line[i++];
        }
      }
    } else {
      while (i < line.length && line[i] !== ',') cell += line[i++];
    }
    cells.push(cell);
    if (i >= line.length) return cells;
    if (line[i] !== ',') throw new Error(`junk after a quoted cell at ${i}`);
    i++;
  }
}

describe('CSV', () => {
  it('any cell text reads back unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), (cells) => {
        expect(readRecord(cells.map(csvCell).join(','))).toEqual(cells);
      }),
    );
  });

  it('a user row has one cell per column, status as codes and labels', () => {
    const user = normalizeUser({ id: 'u1', displayName: 'Doe, "Jane"', status: 6, mobile: '+1\n555' });
    const cells = readRecord(csvRow(user));
    expect(cells).toHaveLength(CSV_COLUMNS.length);
    expect(cells[CSV_COLUMNS.indexOf('displayName')]).toBe('Doe, "Jane"');
    expect(cells[CSV_COLUMNS.indexOf('mobile')]).toBe('+1\n555');
    expect(cells[CSV_COLUMNS.indexOf('status')]).toBe('6');
    expect(cells[CSV_COLUMNS.indexOf('statusLabels')]).toBe('Inactive');
  });
});
