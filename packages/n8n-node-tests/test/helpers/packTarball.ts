// Packs the package as it would be published (pnpm pack rewrites workspace: ranges) and unpacks
// it into a scratch folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PACKAGE_ROOT = resolve(__dirname, '../..');

/** pnpm itself when a pnpm script runs us (CI starts pnpm through npx, so it may not be on PATH). */
function pnpm(args: string[], cwd: string): string {
	const execPath = process.env.npm_execpath;
	if (execPath && /pnpm/.test(execPath)) return execFileSync(process.execPath, [execPath, ...args], { cwd, encoding: 'utf8' });
	return execFileSync('pnpm', args, { cwd, encoding: 'utf8' });
}

export function packAndUnpack(): { dir: string; tarball: string } {
	const scratch = mkdtempSync(join(tmpdir(), 'n8n-nodes-avepoint-graph-pack-'));
	pnpm(['pack', '--pack-destination', scratch], PACKAGE_ROOT);
	const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
	if (!tarball) throw new Error('pnpm pack made no tarball');
	execFileSync('tar', ['-xzf', tarball], { cwd: scratch });
	return { dir: join(scratch, 'package'), tarball: join(scratch, tarball) };
}
