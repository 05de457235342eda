// Unzips build.zip with the Zapier CLI's own decompress and runs, from that folder alone, the
// app's session exchange, auth test, both searches and the Customer dropdown against a sandbox on
// 127.0.0.1.
// Usage: node run-zip-auth-test.mjs <build.zip> <empty scratch folder> <zapier cli folder>
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSandbox } from '@avepoint-graph-kit/sandbox';

const [zipPath, scratch, cliDir] = process.argv.slice(2);
if (!zipPath || !scratch || !cliDir) throw new Error('usage: run-zip-auth-test.mjs <zip> <scratch> <cli dir>');
const require = createRequire(join(cliDir, 'node_modules/zapier-platform-cli/package.json'));
const decompress = require('./src/utils/decompress.js');
await (decompress.default ?? decompress)(zipPath, scratch);
for (const file of ['zapierwrapper.js', 'package.json', 'dist/index.js', 'node_modules/zapier-platform-core/package.json']) {
  if (!existsSync(join(scratch, file))) throw new Error(`build.zip lacks ${file}`);
}

const { handler, appRaw } = await import(pathToFileURL(join(scratch, 'zapierwrapper.js')).href);
const run = async (method, bundle) => (await handler({ command: 'execute', method, bundle, calledFromCli: true })).results;

const sandbox = await startSandbox({ users: 20 });
try {
  const fields = {
    environment: 'custom',
    baseUrl: sandbox.baseUrl,
    tokenUrl: sandbox.tokenUrl,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
  };
  const tested = await run('authentication.test', { authData: fields });
  if (tested.clientId !== sandbox.clientId) throw new Error('the auth test did not return the connected client ID');
  const session = await run('authentication.sessionConfig.perform', { authData: fields });
  const wanted = sandbox.userAt(0, 0, 3).id;
  const users = await run('searches.findUsers.operation.perform', {
    authData: { ...fields, ...session },
    inputData: { customerId: sandbox.customers[0].customerId, tenantId: sandbox.customers[0].tenants[0].tenantId, userIds: [wanted] },
  });
  if (users.length !== 1 || users[0].id !== wanted) throw new Error('the search from the zip did not find the user');
  const inFull = await run('searches.findUser.operation.perform', {
    authData: { ...fields, ...session },
    inputData: { customerId: sandbox.customers[0].customerId, tenantId: sandbox.customers[0].tenants[0].tenantId, userId: wanted },
  });
  if (inFull.length !== 1 || inFull[0].id !== wanted || !Array.isArray(inFull[0].alternateEmailAddress))
    throw new Error('Find User from the zip did not return the user in full');
  const customers = await run('triggers.customerList.operation.perform', {
    authData: { ...fields, ...session },
    meta: { page: 0, isFillingDynamicDropdown: true },
  });
  const visible = sandbox.customers.filter((customer) => customer.inScope);
  if (customers.length !== visible.length || customers[0].id !== visible[0].customerId)
    throw new Error('the Customer dropdown from the zip did not list the customers');
  console.log(
    `build.zip (app ${appRaw.version}, zapier-platform-core ${appRaw.platformVersion}) ran from ${scratch} on Node ${process.version}: auth test passed, ` +
      `label "${tested.clientId} (${tested.environmentLabel})", both searches found the user, the Customer dropdown listed ${customers.length} customers ("${customers[0].name}", ...)`,
  );
} finally {
  await sandbox.close();
}
