// The main job: the sandbox and the n8n editor with the AvePoint Graph node, ready to click
// through. Runs until Ctrl-C.
import { ALL_TENANTS_WORKFLOW_ID, ALL_USERS_WORKFLOW_ID, DEMO_WORKFLOW_ID, OWNER, startDemo } from './lib/demo-env.mjs';

const log = (text) => console.log(`      ${text}`);
// The root `pnpm demo` keeps the workspace in the repository's .demo folder and says where.
const folder = process.env.AVEPOINT_DEMO_N8N_FOLDER;
if (!folder) log("n8n is installed on first use (several minutes, once per machine); this run's n8n workspace is temporary");
const demo = await startDemo({ log, ...(folder ? { folder } : {}) });

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
  n8n workspace   ${folder ? `${process.env.AVEPOINT_DEMO_FOLDER_LABEL ?? folder} (kept between runs; delete it to start afresh)` : 'a temporary folder, deleted on stop'}

  Ctrl-C stops n8n and the sandbox.
`);

let stopping = false;
async function stop() {
	if (stopping) return;
	stopping = true;
	await demo.close();
	process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
