// `pnpm demo`, the main job: install, build, get n8n (once per machine), then the sandbox and an
// n8n editor with the AvePoint Graph node and demo workflows, until Ctrl-C. It prints steps with
// their progress and what a user needs (URL, login, where the n8n workspace is kept, how to stop),
// and keeps the tools' own chatter to itself unless a step fails.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const pnpm = process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['pnpm'];
// Turborepo's telemetry notice and update box, pnpm's update box: nothing a demo user can act on.
const QUIET = { TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1', DO_NOT_TRACK: '1', npm_config_update_notifier: 'false' };
const TOTAL = 4;
const say = (text) => process.stdout.write(`${text}\n`);
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

/** Folder size in MB, for the progress of an install that prints nothing for minutes. */
function megabytes(dir) {
  let bytes = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop();
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (entry.isFile()) bytes += statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    }
  }
  return Math.round(bytes / 1e6);
}

/**
 * Runs one step with its output captured: a line with the elapsed time every 15 s while it runs,
 * the captured output only if it fails.
 */
function step(n, title, command, args, { progress } = {}) {
  say(`[${n}/${TOTAL}] ${title}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...QUIET }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const ticker = setInterval(() => say(`      ... ${seconds(started)}${progress ? `, ${progress()}` : ''}`), 15_000);
    child.on('close', (code) => {
      clearInterval(ticker);
      if (code === 0) {
        say(`      done in ${seconds(started)}`);
        resolve(output);
        return;
      }
      process.stderr.write(`\n${output}\n[demo] "${title}" failed (exit ${code}); its output is above.\n`);
      process.exit(code ?? 1);
    });
  });
}

await step(1, 'installing dependencies from the lockfile (pnpm)', pnpm[0], [
  ...pnpm.slice(1),
  'install',
  '--frozen-lockfile',
  '--reporter=silent',
]);
const cache = execFileSync('bash', [join(ROOT, 'scripts/cache-dir.sh')], { encoding: 'utf8' }).trim();
await step(2, 'building the packages (Turborepo; cached after the first time)', pnpm[0], [
  ...pnpm.slice(1),
  'exec',
  'turbo',
  'run',
  'build',
  '--output-logs=errors-only',
]);

// ensure-n8n.sh's default, the version CI tests.
const version = process.env.N8N_VERSION ?? '2.40.7';
const runtime = join(cache, `n8n-${version}`);
const firstTime = !existsSync(join(runtime, '.ready'));
await step(
  3,
  firstTime
    ? `installing n8n ${version} into ${runtime} (first run on this machine only: about 5 minutes and 3 GB, from the npm registry)`
    : `n8n ${version} is installed (${runtime})`,
  'bash',
  [join(ROOT, 'packages/n8n-node-tests/scripts/ensure-n8n.sh')],
  { progress: () => `${megabytes(runtime)} MB so far` },
);

// What the user builds in the demo editor survives a restart; delete the folder to start afresh.
const workspace = join(ROOT, '.demo', `n8n-${version}`);
say(`[4/${TOTAL}] starting the sandbox and the n8n editor (about 20 s)`);
const demo = spawn(process.execPath, [join(ROOT, 'packages/n8n-node-tests/scripts/demo.mjs')], {
  cwd: join(ROOT, 'packages/n8n-node-tests'),
  env: {
    ...process.env,
    ...QUIET,
    AVEPOINT_DEMO_N8N_FOLDER: workspace,
    AVEPOINT_DEMO_FOLDER_LABEL: relative(process.cwd(), workspace) || '.',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});

// Ctrl-C: a terminal in raw mode hands it to us as a byte instead of signalling every process in
// the group (pnpm among them, which would then report the run as failed). We ask the demo to stop,
// wait for it to close n8n and the sandbox, and leave with success.
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  say('\n[demo] stopping n8n and the sandbox...');
  demo.kill('SIGINT');
}
if (process.stdin.isTTY) {
  process.stdin.setRawMode(true);
  process.stdin.resume();
  process.stdin.on('data', (data) => {
    if (data.includes(0x03) || data.includes(0x04) || data.toString() === 'q') stop();
  });
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
demo.on('close', (code) => {
  if (process.stdin.isTTY) process.stdin.setRawMode(false);
  if (stopping) say(`[demo] stopped. Your n8n workspace is kept in ${relative(process.cwd(), workspace) || '.'}.`);
  process.exit(stopping ? 0 : (code ?? 1));
});
