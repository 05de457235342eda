// No import circle, between files or between a package's layers (the top-level folders of its
// source: protocol, engine, transport, auth, client, cli...). A circle means neither side can be
// read, tested or copied (the n8n node copies core's protocol) without the other.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCES = [
  'packages/core/src',
  'packages/sandbox/src',
  'apps/zapier/src',
  // The node's own code; its core/ folder is core's protocol and engine, checked above as core.
  'packages/n8n-nodes-avepoint-graph/nodes/AvePointGraph',
  'packages/n8n-nodes-avepoint-graph/credentials',
];
const COPIED = `${sep}AvePointGraph${sep}core${sep}`;

const posix = (path: string) => path.split(sep).join('/');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : walk(path);
    return /\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative imports, type-only ones included: a circle of types is still two files a reader cannot take apart. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"](\.[^'"]+)['"]/gm)) found.push(match[1]!);
  for (const match of text.matchAll(/^\s*import\s*['"](\.[^'"]+)['"]/gm)) found.push(match[1]!);
  return found.flatMap((specifier) => {
    const base = resolve(dirname(file), specifier);
    const target = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')].find((c) => existsSync(c) && statSync(c).isFile());
    return target ? [target] : [];
  });
}

/** Strongly connected components with more than one member, or a member importing itself. */
function circles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

describe.each(SOURCES)('%s', (source) => {
  const dir = join(ROOT, source);
  const files = walk(dir).filter((f) => !f.includes(COPIED));
  const fileGraph = new Map(
    files.map((f) => [
      posix(relative(dir, f)),
      new Set(
        relativeImports(f)
          .filter((t) => t.startsWith(dir + sep) && !t.includes(COPIED))
          .map((t) => posix(relative(dir, t))),
      ),
    ]),
  );

  it('has no circle of files', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(circles(fileGraph)).toEqual([]);
  });

  it('has no circle of layers (top-level folders)', () => {
    const layerOf = (file: string) => (file.includes('/') ? file.split('/')[0]! : '(root)');
    const layers = new Map<string, Set<string>>();
    for (const [file, targets] of fileGraph) {
      const from = layerOf(file);
      const edges = layers.get(from) ?? new Set<string>();
      layers.set(from, edges);
      // Files at the top of src (index.ts, options.ts) assemble the layers; they are not one.
      for (const target of targets)
        if (layerOf(target) !== from && from !== '(root)' && layerOf(target) !== '(root)') edges.add(layerOf(target));
    }
    expect(circles(layers)).toEqual([]);
  });
});

describe('the circle finder', () => {
  it('finds a circle of three and a self-import, and none in a chain', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['d'])],
      ['e', new Set(['a'])],
    ]);
    expect(circles(graph)).toEqual([['a', 'b', 'c'], ['d']]);
    expect(
      circles(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set<string>()],
        ]),
      ),
    ).toEqual([]);
  });
});
