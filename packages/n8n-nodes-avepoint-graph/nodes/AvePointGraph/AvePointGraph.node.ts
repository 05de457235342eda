import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { getUser } from './actions/getUser';
import { getUsersBatch } from './actions/getUsersBatch';
import { userFields, userOperations } from './descriptions/UserDescription';
import { searchCustomers, searchTenants } from './methods/listSearch';

export class AvePointGraph implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AvePoint Graph',
		name: 'avePointGraph',
		icon: { light: 'file:avePointGraph.svg', dark: 'file:avePointGraph.dark.svg' },
		group: ['input'],
		version: [1, 2],
		defaultVersion: 2,
		// What the node reads, on the canvas: one user, by ID, or the whole tenant (or every tenant).
		subtitle:
			'={{$parameter["operation"] === "get" ? "Get: one user" : "Get Users Batch: " + ($parameter["userIds"] ? "by ID" : "all users") + (($parameter["tenantId"] || {}).value === "allTenants" ? " in every tenant" : "")}}',
		description:
			'Read the users of AvePoint Elements customer tenants: one user in full, many by ID at once, every user of a tenant, or of every tenant',
		defaults: { name: 'AvePoint Graph' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'avePointGraphApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'User', value: 'user' }],
				default: 'user',
			},
			...userOperations,
			...userFields,
		],
	};

	methods = {
		listSearch: { searchCustomers, searchTenants },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0);
		const operation = this.getNodeParameter('operation', 0);
		if (resource === 'user' && operation === 'getUsersBatch') {
			return [await getUsersBatch.call(this)];
		}
		if (resource === 'user' && operation === 'get' && this.getNode().typeVersion >= 2) {
			return [await getUser.call(this)];
		}
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${String(operation)}" is not supported`,
		);
	}
}
