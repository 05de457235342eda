// Every relative link in the repository's Markdown resolves in a clone: the file or folder exists,
// and a `#fragment` into a Markdown file names one of its headings. Nothing points outside the
// repository (a clone has only itself).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The Markdown files git tracks, plus new ones not yet committed (what a clone will have). */
const markdownFiles = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md', '**/*.md'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f !== '' && !f.includes('node_modules/') && existsSync(join(ROOT, f)));

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(heading!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Inline links and images `[text](target)` outside code; targets with a scheme are not ours to check. */
function linksOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

function problem(file: string, target: string): string | undefined {
  const [path, fragment] = target.split('#', 2) as [string, string | undefined];
  const absolute = path === '' ? join(ROOT, file) : resolve(dirname(join(ROOT, file)), decodeURIComponent(path));
  if (relative(ROOT, absolute).startsWith('..')) return 'points outside the repository';
  if (!existsSync(absolute)) return 'does not exist';
  if (fragment === undefined || fragment === '') return undefined;
  const markdown = statSync(absolute).isDirectory() ? join(absolute, 'README.md') : absolute;
  if (!markdown.endsWith('.md') || !existsSync(markdown)) return undefined;
  return anchorsOf(markdown).has(fragment.toLowerCase()) ? undefined : `has no heading #${fragment}`;
}

describe('Markdown links', () => {
  it('finds the READMEs and ARCHITECTURE.md', () => {
    expect(markdownFiles).toEqual(expect.arrayContaining(['README.md', 'ARCHITECTURE.md', 'packages/core/README.md']));
  });

  it.each(markdownFiles)('%s: every relative link resolves', (file) => {
    const broken = linksOf(file)
      .map((target) => ({ target, why: problem(file, target) }))
      .filter((l) => l.why !== undefined);
    expect(broken).toEqual([]);
  });

  it('no tracked file sends its reader to a shared folder beside the clone', () => {
    // Built from pieces so that this file does not match itself.
    const outside = new RegExp(`(\\.\\./)+${'shared'}/(design\\.md|api/|recipes/)`);
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(md|ts|mts|mjs|cjs|js|sh|json|ya?ml)$/.test(f) && !f.includes('node_modules/') && existsSync(join(ROOT, f)));
    expect(files.filter((f) => outside.test(readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });

  it('the checker catches a missing file, a missing heading and a path outside', () => {
    expect(problem('README.md', 'no-such-file.md')).toBe('does not exist');
    expect(problem('README.md', 'ARCHITECTURE.md#no-such-heading')).toBe('has no heading #no-such-heading');
    expect(problem('README.md', '../outside.md')).toBe('points outside the repository');
    expect(problem('README.md', 'ARCHITECTURE.md#core-layer-by-layer')).toBeUndefined();
  });
});
