// Text out to a stream, in 64 KB writes that wait for 'drain': a million-user export goes out at
// the pace the consumer reads, without piling up in memory.
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export interface TextSink {
  write(text: string): Promise<void>;
  flush(): Promise<void>;
}

const BATCH_CHARS = 64 * 1024;

export function textSink(stream: Writable): TextSink {
  let pending: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const chunk = pending.join('');
    pending = [];
    size = 0;
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  return {
    async write(text) {
      // A page is about one batch already: written as it is, without a copy into the batch.
      if (size === 0 && text.length >= BATCH_CHARS / 2) {
        if (!stream.write(text)) await once(stream, 'drain');
        return;
      }
      pending.push(text);
      size += text.length;
      if (size >= BATCH_CHARS) await flush();
    },
    flush,
  };
}
