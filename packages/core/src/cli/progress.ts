// A one-line progress bar on stderr, only when stderr is a terminal (never in logs or pipes).
import type { PageProgress } from '../client/listings.js';

export interface ProgressBar {
  update(progress: PageProgress, usersDone: number): void;
  done(): void;
}

const WIDTH = 30;
const EVERY_MS = 100;

export function progressBar(stderr: { write(text: string): unknown; isTTY?: boolean }, now: () => number): ProgressBar {
  if (!stderr.isTTY) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let drawn = false;
  return {
    update(progress, usersDone) {
      const t = now();
      if (t - last < EVERY_MS && progress.pagesDone < progress.pageCount) return;
      last = t;
      const ratio = progress.expectedUsers === 0 ? 1 : Math.min(1, usersDone / progress.expectedUsers);
      const filled = Math.round(ratio * WIDTH);
      stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.floor(ratio * 100)}% ` +
          `${usersDone.toLocaleString('en-US')}/${progress.expectedUsers.toLocaleString('en-US')} users`,
      );
      drawn = true;
    },
    done() {
      if (drawn) stderr.write('\r\x1b[2K');
    },
  };
}
