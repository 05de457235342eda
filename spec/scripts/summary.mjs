// Prints what the spec describes, for the quick start until the sandbox and client exist.
import { readFileSync } from 'node:fs';

const text = readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8');
const field = (name) => text.match(new RegExp(`^\\s*${name}: (.+)$`, 'm'))?.[1];
const path = text.match(/^ {2}(\/partner\/[^:]+):$/m)?.[1];
console.log(`${field('title')} (${field('version')})`);
console.log(field('summary'));
console.log(`POST ${path}  operationId: ${field('operationId')}`);
