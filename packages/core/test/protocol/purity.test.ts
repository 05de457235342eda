// The protocol and the engine are copied into the n8n node (scripts/copy-core-protocol.mjs), which
// n8n verifies only without process, globalThis or timers; and they must stay free of I/O to be
// reusable anywhere.
import { readdirSync, readFileSync } from 'node:fs';
import { posix, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const layers = ['protocol', 'engine'].flatMap((layer) => {
  const dir = new URL(`../../src/${layer}/`, import.meta.url);
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((file) => ({ name: `${layer}/${file.split(sep).join('/')}`, url: new URL(file.split(sep).join('/'), dir) }));
});
// Comments and string literals removed: only code counts.
const code = (url: URL) =>
  readFileSync(url, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''");
const importsOf = (url: URL) => [...readFileSync(url, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);

describe('protocol and engine purity', () => {
  it.each(layers)('$name imports only node:crypto, its layer, the protocol and generated types', ({ name, url }) => {
    for (const spec of importsOf(url)) {
      // Resolved against the file: it must land in its own layer, the protocol (for the engine) or
      // the generated types.
      const target = posix.join(posix.dirname(name), spec);
      const layer = name.split('/')[0]!;
      const allowed =
        spec === 'node:crypto' ||
        target.startsWith(`${layer}/`) ||
        target === 'generated/openapi.js' ||
        (layer === 'engine' && target.startsWith('protocol/'));
      expect(allowed, `${name}: ${spec}`).toBe(true);
    }
  });

  it.each(layers)('$name uses no process, globalThis, timers or fetch', ({ url }) => {
    expect(code(url)).not.toMatch(
      /\b(process|global|globalThis|setTimeout|setInterval|setImmediate|clearTimeout|clearInterval|fetch|require|__dirname|__filename)\b/,
    );
  });
});
