// Writes the n8n node package as a repository of its own, the shape n8n verifies: n8n's scanner
// fetches the source that the npm provenance attests, and its rules want a single package there
// (no `repository.directory`, no `workspace:` versions). The export is what the node's GitHub
// repository holds; its publish workflow releases it to npm with provenance.
//
// Usage: node scripts/export-n8n-node.mjs <dir> [--repository https://github.com/<owner>/<repo>]
//   <dir>         an empty folder, or a checkout of the node's repository (all but .git is replaced)
//   --repository  the node's own GitHub repository (default: DEFAULT_REPOSITORY below)
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE_DIR = join(ROOT, 'packages/n8n-nodes-avepoint-graph');
export const DEFAULT_REPOSITORY = 'https://github.com/avepoint-graph-kit/n8n-nodes-avepoint-graph';

// What n8n's starter holds; anything else at the package's top level fails the export rather
// than being left out silently.
const COPIED = ['nodes', 'credentials', 'tsconfig.json', 'eslint.config.mjs', 'README.md', 'LICENSE.md', 'CHANGELOG.md'];
const NOT_COPIED = new Set(['package.json', 'dist', 'node_modules', '.turbo']);
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

const INSTALL_NOTE = [
  '# `npm install --ignore-scripts`: there is no lockfile to `npm ci` from, and the install scripts',
  '# in the tree only get in the way: isolated-vm (under n8n-workflow) is a C++ build that wants',
  "# Node >= 24, and eslint-plugin-n8n-nodes-base's preinstall runs `only-allow pnpm`. Lint and build",
  "# use neither; publishing still runs this package's own prepublishOnly guard.",
];

/** The starter's workflow templates, as `n8n-node new` renders them for npm. */
function starterWorkflow(name) {
  const template = join(PACKAGE_DIR, 'node_modules/@n8n/node-cli/dist/template/templates/shared/default/.github/workflows', name);
  if (!existsSync(template)) throw new Error(`${template} is missing: run pnpm install first`);
  const rendered = readFileSync(template, 'utf8')
    .replaceAll('{{packageManager.name}}', 'npm')
    // The export has no lockfile, so no `npm ci` and no setup-node npm cache (which needs one).
    // Install scripts are skipped as the workspace's pnpm skips them: lint and build need none,
    // and two of them fail a plain npm install (see INSTALL_NOTE).
    .replaceAll('{{packageManager.installCommand}}', 'install --ignore-scripts')
    .replace(/^[ \t]*cache: 'npm'\n/gm, '');
  if (/(?<!\$)\{\{/.test(rendered)) throw new Error(`${name}: the template has placeholders this export does not fill`);
  const header = [
    '# Written by the AvePoint Graph kit monorepo (scripts/export-n8n-node.mjs) from the template of',
    '# @n8n/node-cli; a release of this repository is the tag the monorepo pushes, see README.md',
    '# ("Publishing").',
    ...INSTALL_NOTE,
    '',
  ].join('\n');
  return header + rendered;
}

function exportedManifest(repository) {
  const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8'));
  // Private in the workspace only so that `changeset publish` leaves it to this repository.
  delete manifest.private;
  manifest.homepage = `${repository}#readme`;
  manifest.repository = { type: 'git', url: `git+${repository}.git` };
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      const allowed = field === 'peerDependencies' ? range === '*' : EXACT_VERSION.test(range);
      if (!allowed) throw new Error(`${field}.${name} is "${range}": the export pins every version (peers: "*")`);
    }
  }
  return manifest;
}

function prepareTarget(dir) {
  const target = resolve(dir);
  if (target === ROOT || target.startsWith(ROOT + sep) || ROOT.startsWith(target + sep)) {
    throw new Error(`refusing to export into ${target}: it overlaps the monorepo`);
  }
  mkdirSync(target, { recursive: true });
  const entries = readdirSync(target).filter((name) => name !== '.git');
  if (entries.length > 0) {
    const manifest = join(target, 'package.json');
    const earlier = existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'n8n-nodes-avepoint-graph';
    if (!earlier) throw new Error(`refusing to replace ${target}: it is neither empty nor an earlier export`);
    for (const name of entries) rmSync(join(target, name), { recursive: true, force: true });
  }
  return target;
}

export function exportNode(dir, { repository = DEFAULT_REPOSITORY } = {}) {
  if (!/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/.test(repository)) {
    throw new Error(`--repository must be https://github.com/<owner>/<repo> (the scanner fetches from GitHub), not ${repository}`);
  }
  const unexpected = readdirSync(PACKAGE_DIR).filter((name) => !COPIED.includes(name) && !NOT_COPIED.has(name));
  if (unexpected.length > 0) {
    throw new Error(`the node package holds ${unexpected.join(', ')}, which the export does not know: add it to COPIED or move it out`);
  }
  const manifest = exportedManifest(repository);
  const target = prepareTarget(dir);
  for (const name of COPIED) cpSync(join(PACKAGE_DIR, name), join(target, name), { recursive: true });
  writeFileSync(join(target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(target, '.gitignore'), 'dist\nnode_modules\n');
  mkdirSync(join(target, '.github/workflows'), { recursive: true });
  for (const name of ['ci.yml', 'publish.yml']) writeFileSync(join(target, '.github/workflows', name), starterWorkflow(name));
  return { dir: target, version: manifest.version };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const repoIndex = args.indexOf('--repository');
  const repository = repoIndex === -1 ? DEFAULT_REPOSITORY : args[repoIndex + 1];
  const dir = args.find((arg, i) => !arg.startsWith('--') && (repoIndex === -1 || i !== repoIndex + 1));
  if (!dir || (repoIndex !== -1 && !repository)) {
    console.error('Usage: node scripts/export-n8n-node.mjs <dir> [--repository https://github.com/<owner>/<repo>]');
    process.exitCode = 2;
  } else {
    try {
      const result = exportNode(dir, { repository });
      console.log(`n8n-nodes-avepoint-graph ${result.version} exported to ${result.dir}`);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  }
}
