// The protocol layer is copied into the n8n node (scripts/copy-core-protocol.mjs), which n8n
// verifies only without process, globalThis or timers; and it must stay free of I/O to be
// reusable anywhere.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../src/protocol/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
const code = (file: string) => readFileSync(new URL(file, dir), 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');

describe('protocol purity', () => {
  it.each(files)('%s imports only node:crypto, relative modules and generated types', (file) => {
    const imports = [...code(file).matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
    for (const spec of imports) expect(spec === 'node:crypto' || spec.startsWith('./') || spec === '../generated/openapi.js', `${file}: ${spec}`).toBe(true);
  });

  it.each(files)('%s uses no process, globalThis, timers or fetch', (file) => {
    expect(code(file)).not.toMatch(/\b(process|globalThis|setTimeout|setInterval|setImmediate|fetch|require)\b/);
  });
});
