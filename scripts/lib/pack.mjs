// Packages as their users get them: packed to a tarball exactly as they are published, then
// installed into a scratch project (or unpacked, as n8n's Community Nodes panel does). One routine
// for every package's end-to-end tests.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** pnpm as it runs this process (npm_execpath), else the one on PATH. */
function pnpm(args, cwd) {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm(\.c?js)?$/.test(execPath) ? run(process.execPath, [execPath, ...args], { cwd }) : run('pnpm', args, { cwd });
}

/** An empty folder under the system's temp folder; `remove()` deletes it. */
export async function scratchFolder(prefix) {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Packs `packageDir` into `destination` and returns the tarball's path. `pnpm` (the default) is
 * how the workspace's libraries are published (`changeset publish` rewrites workspace: ranges);
 * `npm` is how `n8n-node release` publishes the node.
 */
export async function pack(packageDir, destination, tool = 'pnpm') {
  const before = new Set((await readdir(destination)).filter((f) => f.endsWith('.tgz')));
  const args = ['pack', '--pack-destination', destination];
  if (tool === 'npm') await run('npm', [...args, '--loglevel=error'], { cwd: packageDir });
  else await pnpm(args, packageDir);
  const made = (await readdir(destination)).filter((f) => f.endsWith('.tgz') && !before.has(f));
  if (made.length !== 1) throw new Error(`${tool} pack in ${packageDir} made ${made.length} tarballs`);
  return join(destination, made[0]);
}

/** A scratch npm project with `tarballs` installed from the registry, as a user's project would. */
export async function installIntoScratchProject(dir, tarballs) {
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.0.0', private: true }));
  const cache = process.env.AVEPOINT_KIT_CACHE ? ['--cache', join(process.env.AVEPOINT_KIT_CACHE, 'npm')] : [];
  await run('npm', ['install', ...tarballs, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...cache], { cwd: dir });
}

/** Unpacks a tarball into `dir`; returns the package's folder. */
export async function unpack(tarball, dir) {
  await run('tar', ['-xzf', tarball], { cwd: dir });
  return join(dir, 'package');
}
