// The built CLI's printout of the directory: every customer with its tenants' names, both scopes,
// and the users-only app, as a person reads them off the terminal.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Built by `pnpm build` (Turborepo runs it before `test`).
const cli = join(dirname(fileURLToPath(import.meta.url)), '../dist/cli.js');

function printout(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [cli, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Press Ctrl+C') || (args.includes('--json') && out.includes('\n'))) {
        child.kill('SIGTERM');
        resolve(out);
      }
    });
    child.on('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)));
  });
}

describe('avepoint-sandbox printout', () => {
  it('lists every customer and tenant by name, both scopes and the users-only app', async () => {
    const text = await printout(['--users', '5']);
    expect(text).toContain('elements.um.user.read.all elements.customers.read.all');
    expect(text).toMatch(/users-only app {2}[0-9a-f-]{36} \(elements\.um\.user\.read\.all only/);
    expect(text.match(/"Contoso Production"/g)).toHaveLength(2);
    expect(text).toMatch(/WOODGROVE BANK/);
    expect(text).toMatch(/Tailspin Toys {2}\(no tenants\)/);
    expect(text).toMatch(/Fabrikam {2}\(outside the demo apps' scope/);
  });

  it('--json carries the tenant names, the scopes and the users-only app', async () => {
    const details = JSON.parse(await printout(['--users', '5', '--json'])) as {
      scopes: string[];
      usersOnlyClientId: string;
      customers: Array<{ name: string; tenants: Array<{ name: string }> }>;
    };
    expect(details.scopes).toEqual(['elements.um.user.read.all', 'elements.customers.read.all']);
    expect(details.usersOnlyClientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(details.customers[0]!.tenants[0]!.name).toBe('Contoso Production');
  });
});
