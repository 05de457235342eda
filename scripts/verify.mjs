// `pnpm verify`: install from the lockfile, run every test (`pnpm test`), then close with one line
// that adds up every vitest run: "tests: N passed, N failed, N skipped". The output streams as it
// comes; the exit code is the first failing step's.
import { spawn } from 'node:child_process';
import { closingLine, emptyTotals, tallyLine } from './lib/test-summary.mjs';

const pnpm = process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['pnpm'];
const totals = emptyTotals();
const tally = (line) => tallyLine(totals, line);

function run(args) {
  return new Promise((resolve) => {
    // Turborepo's telemetry notice and update box are nothing a CI log or a new user can act on.
    const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' };
    const child = spawn(pnpm[0], [...pnpm.slice(1), ...args], { env, stdio: ['inherit', 'pipe', 'pipe'] });
    for (const [from, to] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      let rest = '';
      from.on('data', (chunk) => {
        to.write(chunk);
        const lines = (rest + chunk.toString('utf8')).split('\n');
        rest = lines.pop();
        lines.forEach(tally);
      });
      from.on('end', () => tally(rest));
    }
    child.on('close', (code, signal) => resolve(code ?? (signal ? 130 : 1)));
    // Ctrl-C reaches the child through the terminal; do not die before it has finished.
    process.on('SIGINT', () => undefined);
  });
}

let status = await run(['install', '--frozen-lockfile', '--reporter=append-only']);
if (status === 0) status = await run(['test']);
console.log(closingLine(totals));
process.exit(status);
