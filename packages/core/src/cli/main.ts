// The avepoint-users executable: process wiring only; everything else is in run.ts.
import { runCli } from './run.js';

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
