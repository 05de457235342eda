// The User resource's parameters. Version 1 keeps its fields exactly (saved workflows depend on
// their names and types); version 2 replaces Simplify with an Output choice that an AI agent can
// set (Simplified, Raw or Selected Fields). The keys they share mean the same in both.
import {
	DEFAULT_CONCURRENCY,
	MAX_CONCURRENCY,
	MAX_IDS_PER_REQUEST,
	MAX_PAGE_SIZE,
	USER_FIELD_NAMES,
} from '../core/protocol';
import type { INodeProperties } from 'n8n-workflow';

const showForGetUsersBatch = { resource: ['user'], operation: ['getUsersBatch'] };
const v1 = { ...showForGetUsersBatch, '@version': [1] };
const v2 = { ...showForGetUsersBatch, '@version': [2] };

/** The labels people read in Selected Fields, for the documented fields of a user. */
const FIELD_LABELS: Record<(typeof USER_FIELD_NAMES)[number], string> = {
	id: 'ID',
	displayName: 'Display Name',
	userPrincipalName: 'User Principal Name',
	mail: 'Email',
	firstName: 'First Name',
	lastName: 'Last Name',
	employeeId: 'Employee ID',
	jobTitle: 'Job Title',
	department: 'Department',
	company: 'Company',
	location: 'Office Location',
	countryOrRegion: 'Country or Region',
	mobile: 'Mobile',
	isTestUser: 'Is Test User',
	age: 'Password Age (Days)',
	startDate: 'Sign-in Start Date',
	endDate: 'Sign-in End Date',
	status: 'Status (Codes and Labels)',
};

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

const tenantFields: INodeProperties[] = [
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 966f35cc-1d2e-4f3a-8b4c-25cdbcf82a07',
		description: 'GUID of the AvePoint Elements customer whose tenant to read (Elements > Customers)',
		displayOptions: { show: showForGetUsersBatch },
	},
	{
		displayName: 'Tenant ID',
		name: 'tenantId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0c7715b3-8d1f-4e2a-9b3c-f3634dcfacec',
		description: "GUID of the customer's Microsoft 365 tenant, as Elements lists it for that customer",
		displayOptions: { show: showForGetUsersBatch },
	},
	{
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. c2aa00d3-5b1e-4c7a-9f4e-9e9c79232bff, 5d1e7a2b-…',
		description: `User GUIDs separated by commas or new lines, or an expression returning an array of them (for example the userIds field of the input item). IDs from all input items are sent together, up to ${MAX_IDS_PER_REQUEST} per request. Leave empty to get all users of the tenant.`,
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
];

const outputFields: INodeProperties[] = [
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return a simplified version of the response instead of the raw data: ID, names, mail, department, job title and status with labels',
		displayOptions: { show: v1 },
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'simplified',
		options: [
			{
				name: 'Simplified',
				value: 'simplified',
				description: 'ID, display name, user principal name, mail, department, job title, and status with labels',
			},
			{ name: 'Raw', value: 'raw', description: 'Every field AvePoint sends, and the status labels' },
			{ name: 'Selected Fields', value: 'fields', description: 'Only the fields chosen below, and the ID' },
		],
		description: 'How much of each user to return; fewer fields keep an AI agent\'s context small',
		displayOptions: { show: v2 },
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'multiOptions',
		default: ['displayName', 'mail', 'status'],
		options: USER_FIELD_NAMES.filter((name) => name !== 'id').map((name) => ({ name: FIELD_LABELS[name], value: name })),
		description: 'The fields to return beside the ID',
		displayOptions: { show: { ...v2, output: ['fields'] } },
	},
];

const optionFields: INodeProperties[] = [
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
				description:
					'Whether to output an item for each requested user ID the tenant does not have (with notFound set to true, and the same fields as the users found)',
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
				default: MAX_PAGE_SIZE,
				description: `Users per request (1 to ${MAX_PAGE_SIZE}); larger pages mean fewer requests`,
			},
			{
				displayName: 'Parallel Requests',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
				default: DEFAULT_CONCURRENCY,
				description: `Pages read at once (1 to ${MAX_CONCURRENCY}); the node slows down by itself when AvePoint answers 429 (rate limit)`,
			},
		],
	},
];

export const userFields: INodeProperties[] = [...tenantFields, ...outputFields, ...optionFields];
