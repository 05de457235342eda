// The main job: the sandbox and the n8n editor with the AvePoint Graph node, ready to click
// through. Runs until Ctrl-C.
import { ALL_TENANTS_WORKFLOW_ID, ALL_USERS_WORKFLOW_ID, DEMO_WORKFLOW_ID, OWNER, startDemo } from './lib/demo-env.mjs';

const log = (text) => console.log(`[demo] ${text}`);
log('installing n8n on first use takes several minutes; later runs start in about 30 seconds');
const demo = await startDemo({ log });

console.log(`
  n8n editor      ${demo.url}
  login           ${OWNER.email}  /  ${OWNER.password}
  demo workflows  ${demo.url}/workflow/${DEMO_WORKFLOW_ID}
                  ${demo.url}/workflow/${ALL_USERS_WORKFLOW_ID}
                  ${demo.url}/workflow/${ALL_TENANTS_WORKFLOW_ID}
  sandbox         ${demo.sandbox.baseUrl} (customer ${demo.sandbox.customers[0].customerId},
                  tenant ${demo.sandbox.customers[0].tenants[0].tenantId})

  Open a workflow and press "Execute workflow". The credentials point at the sandbox:
  "AvePoint sandbox (customers permission)" has Customers Permission on, so Customer and Tenant
  can be picked From List; "AvePoint sandbox (client secret)" and "(certificate)" are as saved
  before that field existed (By ID only); "AvePoint sandbox (users-only app)" says it has the
  permission but its app lacks it, to see what the node says then.
  Ctrl-C stops n8n and the sandbox.
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  log('stopping');
  await demo.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
