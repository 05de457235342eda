// Proves the release configuration: in a scratch copy of the workspace's manifests, one sample
// changeset for one package must move every package of the fixed group to the same version,
// write their changelogs, and leave the private Zapier app unpublished but versioned.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const changesetBin = join(root, 'node_modules/@changesets/cli/bin.js');
const workspaces = ['spec', 'packages/core', 'packages/sandbox', 'packages/n8n-nodes-avepoint-graph', 'apps/zapier'];
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

let scratch: string;
const versionBefore = readJson(join(root, 'packages/core/package.json')).version as string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'changesets-'));
  for (const file of ['package.json', 'pnpm-workspace.yaml', '.changeset/config.json']) {
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    cpSync(join(root, file), join(scratch, file));
  }
  for (const ws of workspaces) {
    mkdirSync(join(scratch, ws), { recursive: true });
    cpSync(join(root, ws, 'package.json'), join(scratch, ws, 'package.json'));
  }
  writeFileSync(
    join(scratch, '.changeset/sample-fix.md'),
    ['---', '"@avepoint-graph-kit/core": minor', '---', '', 'Sample change for the release test.', ''].join('\n'),
  );
  // changesets reads git for the base branch only in `status`; `version` works on files alone.
  execFileSync(process.execPath, [changesetBin, 'version'], { cwd: scratch, stdio: 'pipe' });
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('changeset version on a sample changeset', () => {
  it('bumps every package of the fixed group to one new minor version', () => {
    const [major, minor] = versionBefore.split('.').map(Number) as [number, number];
    const expected = `${major}.${minor + 1}.0`;
    const versions = workspaces.map((ws) => readJson(join(scratch, ws, 'package.json')).version);
    expect(versions).toEqual(workspaces.map(() => expected));
  });

  it('writes the change into the changed package and a version entry into the others', () => {
    const core = readFileSync(join(scratch, 'packages/core/CHANGELOG.md'), 'utf8');
    expect(core).toContain('Sample change for the release test.');
    for (const ws of workspaces) {
      expect(existsSync(join(scratch, ws, 'CHANGELOG.md')), ws).toBe(true);
    }
  });

  it('consumes the changeset and keeps the Zapier app private', () => {
    expect(existsSync(join(scratch, '.changeset/sample-fix.md'))).toBe(false);
    expect(readJson(join(scratch, 'apps/zapier/package.json')).private).toBe(true);
  });

  it('keeps the fixed group in sync with the workspace (no package left out)', () => {
    const config = readJson(join(root, '.changeset/config.json')) as { fixed: string[][] };
    const names = workspaces.map((ws) => readJson(join(root, ws, 'package.json')).name);
    expect([...(config.fixed[0] ?? [])].sort()).toEqual([...names].sort());
  });
});
