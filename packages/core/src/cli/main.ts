// The avepoint-users executable: process wiring only; everything else is in run.ts.
import { setFlagsFromString } from 'node:v8';
import { runCli } from './run.js';

// An export allocates a stream of short-lived objects (a page of JSON, its users, their lines).
// By default V8 lets the young generation grow to tens of megabytes of garbage before collecting
// it; held at its initial size, a 1,000,000-user export peaks about 40 MB lower at the same speed
// (bench/run.mjs). This tunes the CLI's own process only, never a program that imports the library.
setFlagsFromString('--semi-space-growth-factor=1');

const controller = new AbortController();
process.once('SIGINT', () => controller.abort(new Error('interrupted')));
// `avepoint-users ... | head`: a closed pipe ends the export quietly instead of crashing.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') controller.abort(new Error('output closed'));
  else throw error;
});

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
}).then(
  (code) => {
    process.exitCode = controller.signal.aborted && code !== 0 ? 130 : code;
  },
  (error: unknown) => {
    process.stderr.write(`avepoint-users: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
