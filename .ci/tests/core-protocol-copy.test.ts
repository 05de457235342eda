// The n8n node's copy of core's protocol (scripts/copy-core-protocol.mjs): the drift check that
// `pnpm test` runs first passes on the committed copy and fails, naming the file, on any drift.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const script = join(root, 'scripts/copy-core-protocol.mjs');
const copy = join(root, 'packages/n8n-nodes-avepoint-graph/nodes/AvePointGraph/core');
const scratch: string[] = [];

const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));

function scratchCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'core-copy-')), 'core');
  scratch.push(dirname(dir));
  cpSync(copy, dir, { recursive: true });
  return dir;
}

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe("the n8n node's copy of core's protocol", () => {
  it('is the same as core (the check `pnpm test` runs first)', () => {
    const result = run('--check');
    expect(result.status, result.stderr).toBe(0);
  });

  it("holds core's protocol folder and what it imports, each file marked as generated from its core file", () => {
    const files = walk(copy).map((f) => relative(copy, f));
    const protocol = walk(join(root, 'packages/core/src/protocol')).map(
      (f) => `protocol/${relative(join(root, 'packages/core/src/protocol'), f)}`,
    );
    expect(files).toEqual(expect.arrayContaining([...protocol, 'generated/openapi.ts']));
    for (const file of files) {
      expect(readFileSync(join(copy, file), 'utf8').split('\n')[0]).toBe(
        `// Generated from packages/core/src/${file}: do not edit; run \`node scripts/copy-core-protocol.mjs\` (or \`pnpm generate\`).`,
      );
    }
  });

  it('the check fails on an edited, a missing and an extra file, and names each', () => {
    const dir = scratchCopy();
    writeFileSync(join(dir, 'protocol/retry.ts'), `${readFileSync(join(dir, 'protocol/retry.ts'), 'utf8')}\n// edited\n`);
    rmSync(join(dir, 'protocol/users/id-chunks.ts'));
    writeFileSync(join(dir, 'protocol/stray.ts'), 'export {};\n');
    const result = run('--check', '--dest', dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/changed\s+protocol\/retry\.ts/);
    expect(result.stderr).toMatch(/missing\s+protocol\/users\/id-chunks\.ts/);
    expect(result.stderr).toMatch(/not in core\s+protocol\/stray\.ts/);
  });

  it('running the script brings a drifted copy back to core', () => {
    const dir = scratchCopy();
    writeFileSync(join(dir, 'protocol/retry.ts'), '// edited\n');
    writeFileSync(join(dir, 'protocol/stray.ts'), 'export {};\n');
    expect(run('--dest', dir).status).toBe(0);
    expect(run('--check', '--dest', dir).status).toBe(0);
  });
});
