// The customer and tenant a step reads from. Typed or mapped, not dropdowns: the API family in
// scope has no endpoint that lists customers or tenants (see the README).
export const customerIdField = {
  key: 'customerId',
  label: 'Customer ID',
  type: 'string',
  required: true,
  helpText:
    'The GUID of the customer in AvePoint Elements (for example `966f35cc-1d2e-4f3a-8b4c-25cdbcf82a07`). ' +
    'Find it in Elements under Customers, or map it from an earlier step.',
} as const;

export const tenantIdField = {
  key: 'tenantId',
  label: 'Tenant ID',
  type: 'string',
  required: true,
  helpText: "The GUID of the customer's Microsoft 365 tenant as registered in AvePoint Elements.",
} as const;

export const userIdsField = {
  key: 'userIds',
  label: 'User IDs',
  type: 'string',
  list: true,
  required: true,
  helpText:
    'The GUIDs of the users to find: one per line item, or several in one item separated by commas. ' +
    'Up to 1,000 per step.',
} as const;
