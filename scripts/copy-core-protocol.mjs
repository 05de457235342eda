// Copies core's sans-I/O layer into the n8n node package as TypeScript source: n8n verifies a
// community node only without runtime dependencies, and its scanner lints the attested sources,
// so the protocol must sit inside the node's own `nodes/` folder, compiled by the node's `tsc`.
//
// What is copied: packages/core/src/protocol/**/*.ts, packages/core/src/engine/**/*.ts when that
// folder exists, and every file of core's src/ they import (e.g. generated/openapi.ts), keeping
// core's src/ layout so that the relative imports between them stay as they are. An import of
// anything but a relative path or node:crypto fails the copy: the node could not ship it.
//
// Usage: node scripts/copy-core-protocol.mjs [--check] [--dest <dir>]
//   --check  write nothing; exit 1 and name the files when the copy differs from core
//   --dest   the folder to write or check (default: the n8n node's nodes/AvePointGraph/core)
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORE_SRC = join(ROOT, 'packages/core/src');
const DEFAULT_DEST = join(ROOT, 'packages/n8n-nodes-avepoint-graph/nodes/AvePointGraph/core');
const ROOT_FOLDERS = ['protocol', 'engine'];
// What the node may require at run time besides its own files (n8n-workflow is n8n's own copy,
// and core's sans-I/O layer has no business importing it).
const ALLOWED_MODULES = new Set(['node:crypto']);
const SCRIPT = 'scripts/copy-core-protocol.mjs';

const posix = (path) => path.split(sep).join('/');

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

/** Module specifiers of static imports and re-exports, side-effect imports and import(). */
function specifiersOf(text) {
  const found = [];
  for (const pattern of [
    /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]) {
    for (const match of text.matchAll(pattern)) found.push(match[1]);
  }
  return found;
}

/** The .ts file a relative specifier names, the way TypeScript resolves it. */
function resolveRelative(fromFile, specifier) {
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
  const file = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (!file) throw new Error(`${posix(relative(ROOT, fromFile))} imports "${specifier}", which is not a .ts file of core`);
  if (!file.startsWith(CORE_SRC + sep)) {
    throw new Error(`${posix(relative(ROOT, fromFile))} imports "${specifier}", outside core's src/`);
  }
  return file;
}

/** core's files to copy: the root folders and everything they import, by relative path from src/. */
export function coreFilesToCopy() {
  const pending = ROOT_FOLDERS.map((folder) => join(CORE_SRC, folder))
    .filter((dir) => existsSync(dir))
    .flatMap(walk)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  const files = new Set();
  while (pending.length > 0) {
    const file = pending.pop();
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of specifiersOf(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('./') || specifier.startsWith('../')) {
        pending.push(resolveRelative(file, specifier));
      } else if (!ALLOWED_MODULES.has(specifier)) {
        throw new Error(
          `${posix(relative(ROOT, file))} imports "${specifier}": the n8n node may ship only its own files, ` +
            `n8n-workflow and ${[...ALLOWED_MODULES].join(', ')} (no runtime dependencies)`,
        );
      }
    }
  }
  return [...files].map((file) => posix(relative(CORE_SRC, file))).sort();
}

/**
 * The copy of one file. Its imports stay as core writes them: the node's tsc (CommonJS,
 * moduleResolution node) resolves "./errors.js" to errors.ts and emits require("./errors.js"),
 * which is the compiled file's real name.
 */
function copyOf(path) {
  const source = readFileSync(join(CORE_SRC, path), 'utf8');
  const header = `// Generated from packages/core/src/${path}: do not edit; run \`node ${SCRIPT}\` (or \`pnpm generate\`).\n`;
  return header + source;
}

export function expectedCopy() {
  return new Map(coreFilesToCopy().map((path) => [path, copyOf(path)]));
}

function main(args) {
  const check = args.includes('--check');
  const destIndex = args.indexOf('--dest');
  const dest = destIndex === -1 ? DEFAULT_DEST : resolve(args[destIndex + 1] ?? '');
  const expected = expectedCopy();
  const present = existsSync(dest) ? walk(dest).map((file) => posix(relative(dest, file))) : [];
  const stale = present.filter((path) => !expected.has(path));
  const changed = [...expected].filter(([path, text]) => !existsSync(join(dest, path)) || readFileSync(join(dest, path), 'utf8') !== text);

  if (check) {
    if (changed.length === 0 && stale.length === 0) {
      console.log(`${posix(relative(ROOT, dest))}: ${expected.size} files, same as core`);
      return 0;
    }
    console.error(
      [
        `${posix(relative(ROOT, dest))} differs from core's protocol:`,
        ...changed.map(([path]) => `  ${existsSync(join(dest, path)) ? 'changed' : 'missing'}  ${path}`),
        ...stale.map((path) => `  not in core  ${path}`),
        `Run \`node ${SCRIPT}\` (or \`pnpm generate\`) and commit the result; edit core, not the copy.`,
      ].join('\n'),
    );
    return 1;
  }

  for (const [path, text] of changed) {
    mkdirSync(dirname(join(dest, path)), { recursive: true });
    writeFileSync(join(dest, path), text);
  }
  for (const path of stale) rmSync(join(dest, path));
  console.log(`${posix(relative(ROOT, dest))}: ${expected.size} files (${changed.length} written, ${stale.length} removed)`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
