// Version 2's Customer and Tenant: resource locators, From List (searched through the customers
// endpoint, see methods/listSearch.ts) or By ID. The keys stay customerId and tenantId, as in
// version 1. From List also offers "All Customers" and "All Tenants" for Get Users Batch, as
// n8n's own nodes put a special entry first in a list (Google Drive's "Root folder").
import type { INodeProperties, INodePropertyModeValidation } from 'n8n-workflow';

/** The values of the special entries; they are no GUIDs, so no ID can be mistaken for them. */
export const ALL_CUSTOMERS = 'allCustomers';
export const ALL_TENANTS = 'allTenants';

const GUID_REGEX = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

const guid = (what: string): INodePropertyModeValidation[] => [
	{
		type: 'regex',
		properties: {
			regex: `\\s*${GUID_REGEX}\\s*`,
			errorMessage: `Not a valid ${what} ID: a GUID such as 966f35cc-1d2e-4f3a-8b4c-25cdbcf82a07`,
		},
	},
];

const shown = { resource: ['user'], operation: ['getUsersBatch', 'get'], '@version': [2] };

export const customerLocator: INodeProperties = {
	displayName: 'Customer',
	name: 'customerId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description:
		'The AvePoint Elements customer. From List needs Customers Permission in the credential; By ID takes the GUID from Elements > Customers. For Get Users Batch the list also offers All Customers (every customer the app may see), which goes with All Tenants.',
	displayOptions: { show: shown },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a customer...',
			typeOptions: { searchListMethod: 'searchCustomers', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 966f35cc-1d2e-4f3a-8b4c-25cdbcf82a07',
			validation: guid('customer'),
		},
	],
};

export const tenantLocator: INodeProperties = {
	displayName: 'Tenant',
	name: 'tenantId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description:
		"The customer's Microsoft 365 tenant. From List shows the chosen customer's tenants (it needs Customers Permission in the credential); By ID takes the GUID Elements shows for that customer. For Get Users Batch the list also offers All Tenants: every tenant of the customer, or of every customer with All Customers (then the list also shows every customer's tenants, each named with its customer).",
	displayOptions: { show: shown },
	// The list shows the tenants of the customer chosen above: chosen anew, it is searched anew.
	typeOptions: { loadOptionsDependsOn: ['customerId.value'] },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a tenant...',
			typeOptions: { searchListMethod: 'searchTenants', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 0c7715b3-8d1f-4e2a-9b3c-f3634dcfacec',
			validation: guid('tenant'),
		},
	],
};
