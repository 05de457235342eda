// Prints how long the app's operations take and how big their results are, through Zapier's app
// tester against the sandbox on 127.0.0.1, next to core's client with plain fetch: the figures
// behind "inside Zapier's 30-second and payload limits" and the cost of going through z.request.
// Figures only; nothing is asserted. Run after `pnpm build`: pnpm bench (NODE_ENV=test quiets
// zapier-platform-core's per-run memory line).
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createUsersClient } from '@avepoint-graph-kit/core';
import { startSandbox } from '@avepoint-graph-kit/sandbox';
import zapier from 'zapier-platform-core';

const require = createRequire(import.meta.url);
const app = require('../dist/index.cjs');
const appTester = zapier.createAppTester(app);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function measure(label, fn) {
  const times = [];
  let result;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    result = await fn();
    times.push(performance.now() - start);
  }
  const count = Array.isArray(result) ? result.length : result.users.length;
  const bytes = Buffer.byteLength(JSON.stringify(result));
  console.log(
    `${label.padEnd(52)} median ${median(times).toFixed(0).padStart(5)} ms  (${RUNS} runs)  ${String(count).padStart(5)} users  ${(bytes / 1024).toFixed(0).padStart(5)} KiB`,
  );
  return median(times);
}

const sandbox = await startSandbox({ users: 1234 });
try {
  const fields = {
    environment: 'custom',
    baseUrl: sandbox.baseUrl,
    tokenUrl: sandbox.tokenUrl,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
  };
  const session = await appTester(app.authentication.sessionConfig.perform, { authData: fields });
  const authData = { ...fields, ...session };
  const where = { customerId: sandbox.customers[0].customerId, tenantId: sandbox.customers[0].tenants[0].tenantId };
  const ids = Array.from({ length: 1000 }, (_, i) => sandbox.userAt(0, 0, (i * 1.2) | 0).id);

  console.log(`Node ${process.version}, sandbox with 1234 users on 127.0.0.1; Zapier limits: 30 s per step, 6 MB payload`);
  const viaZapier = await measure('Find Users (Batch), 1000 IDs, app tester', () =>
    appTester(app.searches.findUsers.operation.perform, { authData, inputData: { ...where, userIds: ids } }),
  );
  const client = createUsersClient({
    baseUrl: sandbox.baseUrl,
    tokenUrl: sandbox.tokenUrl,
    credentials: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
  });
  const direct = await measure('core getUsersByIds, 1000 IDs, plain fetch', () => client.getUsersByIds({ ...where, userIds: ids }));
  console.log(`${'overhead of Zapier (app tester + z.request) vs plain'.padEnd(52)} x${(viaZapier / direct).toFixed(2)}`);
  await measure('New User poll, 1234-user tenant (11 pages), app tester', () =>
    appTester(app.triggers.newUser.operation.perform, { authData, inputData: where }),
  );
} finally {
  await sandbox.close();
}
