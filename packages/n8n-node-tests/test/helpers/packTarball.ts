// Packs the node package the way it is published (`n8n-node release` runs `npm publish`) and
// unpacks it into a scratch folder, as n8n's Community Nodes panel does.
import { pack, scratchFolder, unpack } from '../../../../scripts/lib/pack.mjs';
import { NODE_PACKAGE_ROOT } from '../../scripts/lib/n8n-harness.mjs';

export async function packAndUnpack(packageDir: string = NODE_PACKAGE_ROOT): Promise<{ dir: string; tarball: string }> {
	const { dir: scratch } = await scratchFolder('n8n-nodes-avepoint-graph-pack');
	const tarball = await pack(packageDir, scratch, 'npm');
	return { dir: await unpack(tarball, scratch), tarball };
}
