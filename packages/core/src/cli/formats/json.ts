import type { TextSink } from '../text-sink.js';
import type { UserWriter } from './index.js';

export function ndjsonWriter(sink: TextSink): UserWriter {
  return {
    write: (user) => sink.write(`${JSON.stringify(user)}\n`),
    end: () => sink.flush(),
  };
}

/** A JSON array written as it goes (one user per line), so it needs no more memory than NDJSON. */
export function jsonWriter(sink: TextSink): UserWriter {
  let first = true;
  return {
    async write(user) {
      await sink.write(`${first ? '[\n  ' : ',\n  '}${JSON.stringify(user)}`);
      first = false;
    },
    async end() {
      await sink.write(first ? '[]\n' : '\n]\n');
      await sink.flush();
    },
  };
}
