// avepoint-sandbox: starts the sandbox and prints how to reach it. The demo private key goes to
// a file in a fresh temp folder (removed on exit) rather than to the terminal.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../server.js';
import { parseCli, parseFaultsFile, USAGE } from './args.js';

async function main(): Promise<void> {
  let config;
  try {
    config = parseCli(process.argv.slice(2));
    if (config.faultsFile !== undefined) {
      const extra = parseFaultsFile(readFileSync(config.faultsFile, 'utf8'), config.faultsFile);
      config.options.faults = [...(config.options.faults ?? []), ...extra];
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (config.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sb = await startSandbox(config.options);
  const keyDir = mkdtempSync(join(tmpdir(), 'avepoint-sandbox-'));
  const privateKeyFile = join(keyDir, 'certificate-client.key.pem');
  writeFileSync(privateKeyFile, sb.certificate.privateKeyPem, { mode: 0o600 });
  const certificateFile = join(keyDir, 'certificate-client.cert.pem');
  writeFileSync(certificateFile, sb.certificate.certificatePem);

  const details = {
    baseUrl: sb.baseUrl,
    tokenUrl: sb.tokenUrl,
    clientId: sb.clientId,
    clientSecret: sb.clientSecret,
    certificateClientId: sb.certificate.clientId,
    certificateThumbprint: sb.certificate.certificateThumbprint,
    privateKeyFile,
    certificateFile,
    scope: 'elements.um.user.read.all',
    scopes: sb.scopes,
    usersOnlyClientId: sb.usersOnlyClient.clientId,
    usersOnlyClientSecret: sb.usersOnlyClient.clientSecret,
    customers: sb.customers,
  };
  if (config.json) {
    process.stdout.write(`${JSON.stringify(details)}\n`);
  } else {
    const lines = [
      'AvePoint sandbox (a local simulator; the secret below is a demo secret)',
      `  base URL        ${details.baseUrl}`,
      `  token URL       ${details.tokenUrl}`,
      `  scopes          ${details.scopes.join(' ')} (the demo apps have both)`,
      `  client (secret) ${details.clientId}`,
      `  client secret   ${details.clientSecret}`,
      `  client (cert)   ${details.certificateClientId}`,
      `  thumbprint      ${details.certificateThumbprint}`,
      `  private key     ${details.privateKeyFile}`,
      `  certificate     ${details.certificateFile}`,
      `  users-only app  ${details.usersOnlyClientId} (elements.um.user.read.all only: 403 on customers)`,
      `  its secret      ${details.usersOnlyClientSecret}`,
      ...sb.customers.flatMap((c) => [
        `  customer        ${c.customerId}  ${c.name}${c.inScope ? '' : "  (outside the demo apps' scope: 403, not listed)"}${c.tenants.length === 0 ? '  (no tenants)' : ''}`,
        ...c.tenants.map((t) => `    tenant        ${t.tenantId}  "${t.name}"  ${t.domain}, ${t.users} users`),
      ]),
      'Press Ctrl+C to stop.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sb.close()
      .finally(() => rmSync(keyDir, { recursive: true, force: true }))
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`avepoint-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
