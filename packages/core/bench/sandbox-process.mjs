// The sandbox in a process of its own, as a real service would be: the benchmarks then measure
// the client, not the client and the server sharing one event loop.
// Parent sends nothing; this child sends its connection details once, and exits when the parent
// disconnects or sends 'close'.
import { startSandbox } from '@avepoint-graph-kit/sandbox';

const sb = await startSandbox(JSON.parse(process.argv[2] ?? '{}'));
process.send({
  baseUrl: sb.baseUrl,
  tokenUrl: sb.tokenUrl,
  clientId: sb.clientId,
  clientSecret: sb.clientSecret,
  usersUrl: sb.usersUrl(),
  customers: sb.customers,
});
const stop = async () => {
  await sb.close();
  process.exit(0);
};
process.on('message', (m) => {
  if (m === 'close') void stop();
  // CPU time used so far, so a benchmark can tell when the sandbox, not the client, is the limit.
  if (m === 'cpu') process.send({ cpu: process.cpuUsage() });
  if (m === 'stats') process.send({ stats: sb.stats() });
  if (m && m.setFaults !== undefined) {
    sb.setFaults(m.setFaults);
    process.send({ faultsSet: true });
  }
  if (m && m.setRateLimit !== undefined) {
    sb.setRateLimit(m.setRateLimit ?? undefined);
    process.send({ rateLimitSet: true });
  }
});
process.on('disconnect', () => void stop());
