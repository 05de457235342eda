// Credentials and workflows that point n8n at a sandbox: the e2e tests, the demo and the
// benchmark import these.

export const NODE_TYPE = 'CUSTOM.avePointGraph';
export const CREDENTIAL_TYPE = 'avePointGraphApi';
export const SECRET_CREDENTIAL = { id: 'avepointSandboxSecret', name: 'AvePoint sandbox (client secret)' };
export const CERTIFICATE_CREDENTIAL = { id: 'avepointSandboxCertif', name: 'AvePoint sandbox (certificate)' };
/** The demo app with Customers Permission on: From List, All Tenants and All Customers work. */
export const DIRECTORY_CREDENTIAL = { id: 'avepointSandboxDirect', name: 'AvePoint sandbox (customers permission)' };
/** The users-only app, its credential saying it has the customers permission (it has not). */
export const USERS_ONLY_CREDENTIAL = { id: 'avepointSandboxUsersO', name: 'AvePoint sandbox (users-only app)' };

/** A resource locator's value as the editor saves it (version 2's Customer and Tenant). */
export const locator = (value, mode = 'list', cachedResultName) => ({
	__rl: true,
	mode,
	value,
	...(cachedResultName ? { cachedResultName } : {}),
});

/**
 * The credentials of a sandbox, as `n8n import:credentials` takes them. The client secret and
 * certificate ones are as they were saved before Customers Permission existed (no such field).
 */
export function sandboxCredentials(sandbox) {
	const common = { environment: 'custom', baseUrl: sandbox.baseUrl, tokenUrl: sandbox.tokenUrl };
	return [
		{
			...DIRECTORY_CREDENTIAL,
			type: CREDENTIAL_TYPE,
			data: {
				...common,
				authMethod: 'clientSecret',
				clientId: sandbox.clientId,
				clientSecret: sandbox.clientSecret,
				customersPermission: true,
			},
		},
		{
			...USERS_ONLY_CREDENTIAL,
			type: CREDENTIAL_TYPE,
			data: { ...common, authMethod: 'clientSecret', ...sandbox.usersOnlyClient, customersPermission: true },
		},
		{
			...SECRET_CREDENTIAL,
			type: CREDENTIAL_TYPE,
			data: { ...common, authMethod: 'clientSecret', clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
		},
		{
			...CERTIFICATE_CREDENTIAL,
			type: CREDENTIAL_TYPE,
			data: {
				...common,
				authMethod: 'certificate',
				clientId: sandbox.certificate.clientId,
				privateKey: sandbox.certificate.privateKeyPem,
				certificateThumbprint: sandbox.certificate.certificateThumbprint,
			},
		},
	];
}

const trigger = { parameters: {}, id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] };

/** Input items from a literal array: an Edit Fields node holding it, then Split Out. */
function itemsNodes(rows) {
	return [
		{
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ rows }), options: {} },
			id: 'rows',
			name: 'Rows',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
		},
		{
			parameters: { fieldToSplitOut: 'rows', options: {} },
			id: 'items',
			name: 'Items',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [440, 0],
		},
	];
}

export const AVEPOINT_NODE_NAME = 'AvePoint Graph';

/**
 * A workflow: Start -> [Rows -> Items] -> AvePoint Graph (or, with `httpNode`, any last node).
 * `nodeType`: CUSTOM.avePointGraph when n8n loads dist as custom extensions, n8n-nodes-avepoint-graph.avePointGraph
 * when the package is installed. `rows` become input items (each row's fields under `$json`); without rows the node gets the trigger's one item.
 * `typeVersion`: the node version the workflow was saved with (1 by default).
 */
export function workflow({
	id,
	name,
	parameters,
	credential = SECRET_CREDENTIAL,
	rows,
	continueOnFail = false,
	lastNode,
	nodeType = NODE_TYPE,
	typeVersion = 1,
}) {
	const inputs = rows ? itemsNodes(rows) : [];
	const last = lastNode ?? {
		parameters: { resource: 'user', operation: 'getUsersBatch', ...parameters },
		id: 'avepoint',
		name: AVEPOINT_NODE_NAME,
		type: nodeType,
		// 1: a workflow saved before version 2 (Simplify); 2: what the editor creates today (Output).
		typeVersion,
		position: [660, 0],
		credentials: { [CREDENTIAL_TYPE]: credential },
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	};
	const chain = [trigger, ...inputs, last];
	const connections = {};
	for (let i = 0; i < chain.length - 1; i++) {
		connections[chain[i].name] = { main: [[{ node: chain[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes: chain, connections, pinData: {} };
}

/**
 * A workflow of several AvePoint Graph nodes side by side after Start, so that one `n8n execute`
 * (seconds each) runs them all; each node's items are read by its name. A node expected to fail
 * sets continueOnFail, so that the others still run.
 */
export function branchesWorkflow({ id, name, branches, nodeType = NODE_TYPE }) {
	const nodes = branches.map((b, i) => ({
		parameters: { resource: 'user', operation: 'getUsersBatch', ...b.parameters },
		id: `branch${i}`,
		name: b.name,
		type: nodeType,
		typeVersion: b.typeVersion ?? 2,
		position: [300, i * 160],
		credentials: { [CREDENTIAL_TYPE]: b.credential ?? DIRECTORY_CREDENTIAL },
		...(b.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	}));
	const connections = { [trigger.name]: { main: [nodes.map((n) => ({ node: n.name, type: 'main', index: 0 }))] } };
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes: [trigger, ...nodes], connections, pinData: {} };
}

/**
 * An active workflow that n8n runs on each call of its production webhook (`/webhook/<path>`):
 * Webhook -> AvePoint Graph, answering with every item the node output (a JSON array). In queue
 * mode the main enqueues the run, a worker executes it, and the main answers when it finishes.
 */
export function webhookWorkflow({ id, name, path, webhookId, parameters, credential = SECRET_CREDENTIAL, nodeType = NODE_TYPE }) {
	const hook = {
		parameters: { httpMethod: 'GET', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		id: 'webhook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId,
	};
	const avepoint = {
		parameters: { resource: 'user', operation: 'getUsersBatch', ...parameters },
		id: 'avepoint',
		name: AVEPOINT_NODE_NAME,
		type: nodeType,
		typeVersion: 1,
		position: [220, 0],
		credentials: { [CREDENTIAL_TYPE]: credential },
	};
	return {
		id,
		name,
		active: true,
		settings: { executionOrder: 'v1' },
		nodes: [hook, avepoint],
		connections: { Webhook: { main: [[{ node: AVEPOINT_NODE_NAME, type: 'main', index: 0 }]] } },
		pinData: {},
	};
}
