import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, MAX_IDS_PER_REQUEST, MAX_PAGE_SIZE } from '../core/protocol';
import type { INodeProperties } from 'n8n-workflow';

const showForGetUsersBatch = { resource: ['user'], operation: ['getUsersBatch'] };

export const userOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get Users Batch',
				value: 'getUsersBatch',
				description: 'Get users of a customer tenant, by ID or all of them',
				action: 'Get users batch',
			},
		],
		default: 'getUsersBatch',
	},
];

export const userFields: INodeProperties[] = [
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '966f35cc-1d2e-4f3a-8b4c-25cdbcf82a07',
		description: "GUID of the AvePoint Elements customer whose tenant's users to read",
		displayOptions: { show: showForGetUsersBatch },
	},
	{
		displayName: 'Tenant ID',
		name: 'tenantId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '0c7715b3-8d1f-4e2a-9b3c-f3634dcfacec',
		description: "GUID of the customer's Microsoft 365 tenant",
		displayOptions: { show: showForGetUsersBatch },
	},
	{
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		placeholder: 'c2aa00d3-..., 5d1e7a2b-...',
		description:
			`User GUIDs separated by commas or new lines, or an expression returning an array of them (for example the userIds field of the input item). IDs from all input items are sent together, up to ${MAX_IDS_PER_REQUEST} per request. Leave empty to get all users of the tenant.`,
		displayOptions: { show: showForGetUsersBatch },
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: { ...showForGetUsersBatch, userIds: [''] } },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...showForGetUsersBatch, userIds: [''], returnAll: [false] } },
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return a simplified version of the response instead of the raw data: ID, names, mail, department, job title and status with labels',
		displayOptions: { show: showForGetUsersBatch },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: showForGetUsersBatch },
		options: [
			{
				displayName: 'Include Not Found IDs',
				name: 'includeNotFound',
				type: 'boolean',
				default: false,
				description: 'Whether to output an item for each requested user ID the tenant does not have',
			},
			{
				displayName: 'Parallel Requests',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
				default: DEFAULT_CONCURRENCY,
				description: `Pages read at once (1 to ${MAX_CONCURRENCY}); the node slows down by itself when AvePoint answers 429 (rate limit)`,
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
				default: MAX_PAGE_SIZE,
				description: `Users per request (1 to ${MAX_PAGE_SIZE}); larger pages mean fewer requests`,
			},
		],
	},
];
