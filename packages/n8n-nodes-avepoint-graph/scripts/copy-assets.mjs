// Icons and the codex file sit beside the compiled node and credential, where n8n looks for them.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = [
  'nodes/AvePointGraph/AvePointGraph.node.json',
  'nodes/AvePointGraph/avePointGraph.svg',
  'nodes/AvePointGraph/avePointGraph.dark.svg',
  'credentials/avePointGraph.svg',
  'credentials/avePointGraph.dark.svg',
];
for (const asset of assets) {
  const target = join(root, 'dist', asset);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(root, asset), target);
}
