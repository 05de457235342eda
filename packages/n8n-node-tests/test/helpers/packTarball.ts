// Packs the node package the way it is published (`n8n-node release` runs `npm publish`) and
// unpacks it into a scratch folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { NODE_PACKAGE_ROOT } from '../../scripts/lib/n8n-harness.mjs';

export function packAndUnpack(packageDir: string = NODE_PACKAGE_ROOT): { dir: string; tarball: string } {
	const scratch = mkdtempSync(join(tmpdir(), 'n8n-nodes-avepoint-graph-pack-'));
	execFileSync('npm', ['pack', '--pack-destination', scratch, '--loglevel=error'], { cwd: packageDir, encoding: 'utf8' });
	const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack made no tarball');
	execFileSync('tar', ['-xzf', tarball], { cwd: scratch });
	return { dir: join(scratch, 'package'), tarball: join(scratch, tarball) };
}
