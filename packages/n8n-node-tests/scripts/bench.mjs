// Benchmark: 1,000 input items with one user ID each, through the AvePoint Graph node and through
// n8n's own HTTP Request node (same sandbox, same credential), in a real n8n. Prints figures;
// asserts nothing.
import { startSandbox } from '@avepoint-graph-kit/sandbox';

import { N8nInstance, nodeItems } from './lib/n8n-harness.mjs';
import { AVEPOINT_NODE_NAME, CREDENTIAL_TYPE, SECRET_CREDENTIAL, sandboxCredentials, workflow } from './lib/workflows.mjs';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const sandbox = await startSandbox({ users: ITEMS + 100, seed: 11 });
const n8n = await N8nInstance.create();
try {
	const customer = sandbox.customers[0];
	const tenant = customer.tenants[0];
	const rows = Array.from({ length: ITEMS }, (_, i) => ({ id: sandbox.userAt(0, 0, i).id }));
	const httpNode = {
		parameters: {
			method: 'POST',
			url: `${sandbox.usersUrl(0, 0)}?pageIndex=1&pageSize=100`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: CREDENTIAL_TYPE,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify({ userIds: [$json.id] }) }}',
			options: {},
		},
		id: 'http',
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [660, 0],
		credentials: { [CREDENTIAL_TYPE]: SECRET_CREDENTIAL },
	};
	await n8n.importCredentials(sandboxCredentials(sandbox));
	await n8n.importWorkflows([
		workflow({
			id: 'benchAvePointNod',
			name: 'Bench: AvePoint Graph node',
			rows,
			parameters: { customerId: customer.customerId, tenantId: tenant.tenantId, userIds: '={{ $json.id }}' },
		}),
		workflow({ id: 'benchHttpRequest', name: 'Bench: HTTP Request node', rows, lastNode: httpNode }),
	]);

	const cases = [
		{ label: 'AvePoint Graph node', id: 'benchAvePointNod', node: AVEPOINT_NODE_NAME },
		{ label: 'HTTP Request node', id: 'benchHttpRequest', node: 'HTTP Request' },
	];
	const results = [];
	for (let round = 1; round <= ROUNDS; round++) {
		for (const c of cases) {
			sandbox.resetStats();
			const started = performance.now();
			const { exitCode, run } = await n8n.execute(c.id);
			const wallMs = performance.now() - started;
			const stats = sandbox.stats();
			const items = nodeItems(run, c.node);
			const nodeMs = run?.data?.resultData?.runData?.[c.node]?.[0]?.executionTime;
			results.push({
				...c,
				round,
				exitCode,
				items: items.length,
				apiRequests: stats.apiRequests,
				tokenRequests: stats.tokenRequests,
				nodeMs,
				wallMs,
			});
			console.error(
				`round ${round} ${c.label}: exit ${exitCode}, ${items.length} items, ${stats.apiRequests} API requests, node ${nodeMs} ms, execute ${Math.round(wallMs)} ms`,
			);
		}
	}

	const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
	console.log(`\n${ITEMS} input items, one user ID each; n8n ${n8n.runtime.runtime.split('-').pop()}, ${ROUNDS} rounds (median)\n`);
	console.log('| workflow | HTTP requests | token requests | node execution time | whole `n8n execute` |');
	console.log('| --- | ---: | ---: | ---: | ---: |');
	const summary = {};
	for (const c of cases) {
		const mine = results.filter((r) => r.id === c.id);
		summary[c.id] = { requests: median(mine.map((r) => r.apiRequests)), nodeMs: median(mine.map((r) => r.nodeMs)) };
		console.log(
			`| ${c.label} | ${summary[c.id].requests} | ${median(mine.map((r) => r.tokenRequests))} | ${Math.round(summary[c.id].nodeMs)} ms | ${(median(mine.map((r) => r.wallMs)) / 1000).toFixed(1)} s |`,
		);
	}
	const [a, b] = cases.map((c) => summary[c.id]);
	console.log(
		`\nThe node sends ${(b.requests / a.requests).toFixed(0)}x fewer requests and runs ${(b.nodeMs / a.nodeMs).toFixed(1)}x faster than the HTTP Request node.`,
	);
} finally {
	n8n.dispose();
	await sandbox.close();
}
