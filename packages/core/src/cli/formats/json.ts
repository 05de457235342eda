import type { TextSink } from '../text-sink.js';
import type { UserWriter } from './index.js';

export function ndjsonWriter(sink: TextSink): UserWriter {
  return {
    writePage: async (users) => {
      // One string a page, grown in place: no array of lines to join (a million users, ten thousand pages).
      let lines = '';
      for (const user of users) lines += `${JSON.stringify(user)}\n`;
      if (lines !== '') await sink.write(lines);
    },
    end: () => sink.flush(),
  };
}

/** A JSON array written as it goes (one user per line), so it needs no more memory than NDJSON. */
export function jsonWriter(sink: TextSink): UserWriter {
  let first = true;
  return {
    async writePage(users) {
      if (users.length === 0) return;
      await sink.write(`${first ? '[\n  ' : ',\n  '}${users.map((user) => JSON.stringify(user)).join(',\n  ')}`);
      first = false;
    },
    async end() {
      await sink.write(first ? '[]\n' : '\n]\n');
      await sink.flush();
    },
  };
}
