import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { getUsersBatch } from './actions/getUsersBatch';
import { userFields, userOperations } from './descriptions/UserDescription';

export class AvePointGraph implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AvePoint Graph',
		name: 'avePointGraph',
		icon: { light: 'file:avePointGraph.svg', dark: 'file:avePointGraph.dark.svg' },
		group: ['input'],
		version: [1, 2],
		defaultVersion: 2,
		// What the node reads, on the canvas: by ID or the whole tenant.
		subtitle: '={{"Get Users Batch: " + ($parameter["userIds"] ? "by ID" : "all users")}}',
		description:
			'Read the users of an AvePoint Elements customer tenant: by user ID, many at once, or every user',
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

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0);
		const operation = this.getNodeParameter('operation', 0);
		if (resource === 'user' && operation === 'getUsersBatch') {
			return [await getUsersBatch.call(this)];
		}
		throw new NodeOperationError(this.getNode(), `The operation "${String(operation)}" is not supported`);
	}
}
