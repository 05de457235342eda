// The User resource's parameters. Version 1 keeps its fields exactly (saved workflows depend on
// their names and types); version 2 replaces Simplify with an Output choice that an AI agent can
// set (Simplified, Raw or Selected Fields), makes Customer and Tenant resource locators (From List
// or By ID, with All Customers and All Tenants), and adds Get (one user in full) and the Status
// filter. The keys they share mean the same in both.
import {
	DEFAULT_CONCURRENCY,
	MAX_CONCURRENCY,
	MAX_IDS_PER_REQUEST,
	MAX_PAGE_SIZE,
	USER_FIELD_NAMES,
	USER_STATUS_LABELS,
	USER_STATUS_NAMES,
} from '../core/protocol';
import type { INodeProperties } from 'n8n-workflow';

import { customerLocator, tenantLocator } from './locators';
import {
	SIMPLIFIED_DETAIL_FIELDS,
	USER_DETAIL_FIELD_LABELS,
	USER_DETAIL_FIELD_NAMES,
} from './userDetailFields';

const showForGetUsersBatch = { resource: ['user'], operation: ['getUsersBatch'] };
const v1 = { ...showForGetUsersBatch, '@version': [1] };
const v2 = { ...showForGetUsersBatch, '@version': [2] };
const v2Get = { resource: ['user'], operation: ['get'], '@version': [2] };

/** Tenants read at once by default when one execution reads several (All Tenants). */
export const DEFAULT_TENANT_CONCURRENCY = 2;

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

/** "Sign-in blocked" as an option name: "Sign-In Blocked" (n8n's options are in title case). */
const titleCase = (label: string): string =>
	label.replace(
		/(^|[\s-])([a-z])/g,
		(_, before: string, letter: string) => before + letter.toUpperCase(),
	);

/** The status codes as options, by name (what a saved workflow holds), sorted as n8n sorts options. */
const STATUS_OPTIONS = Object.entries(USER_STATUS_NAMES)
	.map(([value, code]) => ({ name: titleCase(USER_STATUS_LABELS[code]), value }))
	.sort((a, b) => a.name.localeCompare(b.name));

export const userOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'], '@version': [1] } },
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
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'], '@version': [2] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Get one user in full by ID: manager, addresses, phones, sign-in dates and status',
				action: 'Get a user',
			},
			{
				name: 'Get Users Batch',
				value: 'getUsersBatch',
				description: 'Get users of a customer tenant, or of every tenant, by ID or all of them',
				action: 'Get users batch',
			},
		],
		// Version 2 workflows saved before Get existed hold no operation: they mean this one.
		default: 'getUsersBatch',
	},
];

const tenantFieldsV1: INodeProperties[] = [
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 966f35cc-1d2e-4f3a-8b4c-25cdbcf82a07',
		description:
			'GUID of the AvePoint Elements customer whose tenant to read (Elements > Customers)',
		displayOptions: { show: v1 },
	},
	{
		displayName: 'Tenant ID',
		name: 'tenantId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0c7715b3-8d1f-4e2a-9b3c-f3634dcfacec',
		description:
			"GUID of the customer's Microsoft 365 tenant, as Elements lists it for that customer",
		displayOptions: { show: v1 },
	},
];

const userIdFields: INodeProperties[] = [
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

const getUserFields: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. c2aa00d3-5b1e-4c7a-9f4e-9e9c79232bff',
		description:
			'GUID of the user in that tenant (for example the ID field of a user from Get Users Batch)',
		displayOptions: { show: v2Get },
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
				description:
					'ID, display name, user principal name, mail, department, job title, and status with labels',
			},
			{
				name: 'Raw',
				value: 'raw',
				description: 'Every field AvePoint sends, and the status labels',
			},
			{
				name: 'Selected Fields',
				value: 'fields',
				description: 'Only the fields chosen below, and the ID',
			},
		],
		description: "How much of each user to return; fewer fields keep an AI agent's context small",
		displayOptions: { show: v2 },
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'multiOptions',
		default: ['displayName', 'mail', 'status'],
		options: USER_FIELD_NAMES.filter((name) => name !== 'id').map((name) => ({
			name: FIELD_LABELS[name],
			value: name,
		})),
		description: 'The fields to return beside the ID',
		displayOptions: { show: { ...v2, output: ['fields'] } },
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
				description: `${SIMPLIFIED_DETAIL_FIELDS.map((f) => USER_DETAIL_FIELD_LABELS[f]).join(', ')}, with the status labels`,
			},
			{
				name: 'Raw',
				value: 'raw',
				description: 'Every field AvePoint sends for the user, and the status labels',
			},
			{
				name: 'Selected Fields',
				value: 'fields',
				description: 'Only the fields chosen below, and the ID',
			},
		],
		description: "How much of the user to return; fewer fields keep an AI agent's context small",
		displayOptions: { show: v2Get },
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'multiOptions',
		default: ['displayName', 'mail', 'status'],
		options: USER_DETAIL_FIELD_NAMES.filter((name) => name !== 'id')
			.map((name) => ({ name: USER_DETAIL_FIELD_LABELS[name], value: name }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		description: 'The fields to return beside the ID',
		displayOptions: { show: { ...v2Get, output: ['fields'] } },
	},
];

const includeNotFound: INodeProperties = {
	displayName: 'Include Not Found IDs',
	name: 'includeNotFound',
	type: 'boolean',
	default: false,
	description:
		'Whether to output an item for each requested user ID the tenant does not have (with notFound set to true, and the same fields as the users found)',
};

const pageSize: INodeProperties = {
	displayName: 'Page Size',
	name: 'pageSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
	default: MAX_PAGE_SIZE,
	description: `Users per request (1 to ${MAX_PAGE_SIZE}); larger pages mean fewer requests`,
};

const concurrency: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
	default: DEFAULT_CONCURRENCY,
	description: `Pages read at once (1 to ${MAX_CONCURRENCY}); the node slows down by itself when AvePoint answers 429 (rate limit)`,
};

const optionFields: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: v1 },
		options: [includeNotFound, pageSize, concurrency],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: v2 },
		options: [
			includeNotFound,
			pageSize,
			concurrency,
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				default: [],
				options: STATUS_OPTIONS,
				description:
					'Only users with at least one of these statuses (for example every user with MFA disabled); none chosen: every user',
			},
			{
				displayName: 'Tenants at Once',
				name: 'tenantConcurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
				default: DEFAULT_TENANT_CONCURRENCY,
				description: `Tenants read at the same time when the node reads several (All Tenants, or items naming different tenants), 1 to ${MAX_CONCURRENCY}; Parallel Requests still bounds the requests in flight`,
			},
		],
	},
];

export const userFields: INodeProperties[] = [
	...tenantFieldsV1,
	customerLocator,
	tenantLocator,
	...userIdFields,
	...getUserFields,
	...outputFields,
	...optionFields,
];
