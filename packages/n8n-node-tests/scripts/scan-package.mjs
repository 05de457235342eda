// Runs @n8n/scan-community-package's analyzePackage() on a folder, in its own Node process as n8n
// runs it, and prints the result as JSON. Usage: node scripts/scan-package.mjs <dir> [source|dist]
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(join(root, 'node_modules/@n8n/scan-community-package/scanner/scanner.mjs'));
const [dirArg = root, mode = 'dist'] = process.argv.slice(2);
const dir = resolve(dirArg);
// The two legs of n8n's scan: the attested sources, and the compiled tarball.
const patterns = mode === 'source' ? SOURCE_FILE_PATTERNS : ['**/*.js', 'package.json'];
const result = await analyzePackage(dir, patterns);
process.stdout.write(`${JSON.stringify({ passed: result.passed, message: result.message, details: result.details })}\n`);
if (!result.passed) process.exitCode = 1;
