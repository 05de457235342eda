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
      const expected = progress.expectedUsers;
      // Integer arithmetic: 2,900 of 5,000 is 58%, where 2900 / 5000 * 100 floors to 57.
      const percent = expected === 0 ? 100 : Math.min(100, Math.floor((usersDone * 100) / expected));
      const filled = Math.round((percent * WIDTH) / 100);
      stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${percent}% ` +
          `${usersDone.toLocaleString('en-US')}/${progress.expectedUsers.toLocaleString('en-US')} users`,
      );
      drawn = true;
    },
    done() {
      if (drawn) stderr.write('\r\x1b[2K');
    },
  };
}
