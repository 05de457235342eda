// NDJSON and JSON: every field of each user and the labels of its status codes.
import type { TextSink } from '../text-sink.js';
import { rowObject, type UserWriter } from './writer.js';

export function ndjsonWriter(sink: TextSink): UserWriter {
  return {
    writePage: async (rows) => {
      // One string a page, grown in place: no array of lines to join (a million users, ten thousand pages).
      let lines = '';
      for (const row of rows) lines += `${JSON.stringify(rowObject(row))}\n`;
      if (lines !== '') await sink.write(lines);
    },
    end: () => sink.flush(),
  };
}

/** A JSON array written as it goes (one user per line), so it needs no more memory than NDJSON. */
export function jsonWriter(sink: TextSink): UserWriter {
  let first = true;
  return {
    async writePage(rows) {
      if (rows.length === 0) return;
      let text = '';
      for (const row of rows) {
        text += `${first ? '[\n  ' : ',\n  '}${JSON.stringify(rowObject(row))}`;
        first = false;
      }
      await sink.write(text);
    },
    async end() {
      await sink.write(first ? '[]\n' : '\n]\n');
      await sink.flush();
    },
  };
}
