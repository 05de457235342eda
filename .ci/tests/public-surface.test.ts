// Each published library's README lists its public surface per entry point ("## Public surface",
// one "### `entry`" heading each, names in backticks on bullet lines). What the README promises and
// what the export lists give must be the same set: a name added to an index without a line in the
// README fails, and so does a README name that is no longer exported.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LIBRARIES = ['packages/core', 'packages/sandbox'];

/** Export-map key (".", "./protocol") to its source file, via the tsup entry the dist file comes from. */
function entriesOf(pkgDir: string): Map<string, string> {
  const pkg = JSON.parse(readFileSync(join(ROOT, pkgDir, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  const tsup = readFileSync(join(ROOT, pkgDir, 'tsup.config.ts'), 'utf8');
  const sources = new Map<string, string>();
  for (const block of tsup.matchAll(/entry:\s*\{([^}]*)\}/g)) {
    for (const [, name, file] of block[1]!.matchAll(/(\w+):\s*'([^']+)'/g)) sources.set(name!, file!);
  }
  const entries = new Map<string, string>();
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (key === './package.json') continue;
    const importPath = JSON.stringify(target).match(/"\.\/dist\/([\w/-]+)\.js"/)?.[1];
    const source = importPath && sources.get(importPath);
    if (!source) throw new Error(`${pkgDir}: no tsup entry for export "${key}"`);
    entries.set(key, join(ROOT, pkgDir, source));
  }
  return entries;
}

/** Every name an entry exports, values and types, as the TypeScript compiler sees it. */
function exportedNames(files: string[]): Map<string, Set<string>> {
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  return new Map(
    files.map((file) => {
      const source = program.getSourceFile(file);
      const symbol = source && checker.getSymbolAtLocation(source);
      if (!symbol) throw new Error(`${file}: not a module`);
      return [file, new Set(checker.getExportsOfModule(symbol).map((s) => s.name))];
    }),
  );
}

/** The README's list: heading (the import specifier) to the names on its bullet lines. */
function readmeSurface(pkgDir: string): Map<string, Set<string>> {
  const text = readFileSync(join(ROOT, pkgDir, 'README.md'), 'utf8');
  const start = text.indexOf('\n## Public surface\n');
  if (start < 0) throw new Error(`${pkgDir}/README.md has no "## Public surface" section`);
  const rest = text.slice(start + 1);
  const end = rest.indexOf('\n## ', 1);
  const section = end < 0 ? rest : rest.slice(0, end);
  const surface = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  let inBullet = false;
  for (const line of section.split('\n')) {
    const heading = line.match(/^### `([^`]+)`\s*$/);
    if (heading) {
      current = new Set();
      surface.set(heading[1]!, current);
      inBullet = false;
      continue;
    }
    if (/^- /.test(line)) inBullet = true;
    else if (!/^\s+\S/.test(line)) inBullet = false;
    if (!current || !inBullet) continue;
    for (const [, name] of line.matchAll(/`([A-Za-z_$][\w$]*)`/g)) current.add(name!);
  }
  return surface;
}

describe.each(LIBRARIES)('%s: the README lists the public surface', (pkgDir) => {
  const pkgName = (JSON.parse(readFileSync(join(ROOT, pkgDir, 'package.json'), 'utf8')) as { name: string }).name;
  const entries = entriesOf(pkgDir);
  const exported = exportedNames([...entries.values()]);
  const listed = readmeSurface(pkgDir);

  it('has one heading per entry point of the export map', () => {
    const specifiers = [...entries.keys()].map((key) => (key === '.' ? pkgName : `${pkgName}/${key.slice(2)}`));
    expect([...listed.keys()].sort()).toEqual(specifiers.sort());
  });

  it.each([...entries.keys()])('entry %s: the README names exactly what it exports', (key) => {
    const specifier = key === '.' ? pkgName : `${pkgName}/${key.slice(2)}`;
    const actual = exported.get(entries.get(key)!)!;
    const promised = listed.get(specifier) ?? new Set<string>();
    expect({
      missingFromReadme: [...actual].filter((n) => !promised.has(n)).sort(),
      notExported: [...promised].filter((n) => !actual.has(n)).sort(),
    }).toEqual({
      missingFromReadme: [],
      notExported: [],
    });
  });
});
