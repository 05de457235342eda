// The input fields of the operations. Customer and tenant are dynamic dropdowns fed by the hidden
// triggers customerList and tenantList, and still take a typed or mapped GUID (Zapier's custom
// value): the steps check them with core's GUID rule either way, and need no more than the users
// permission, while the dropdowns also need the customers one.
import { USER_STATUS_LABELS, USER_STATUS_NAMES } from '@avepoint-graph-kit/core/protocol';

export const customerIdField = {
  key: 'customerId',
  label: 'Customer ID',
  type: 'string',
  required: true,
  dynamic: 'customerList.id.name',
  // The Tenant dropdown lists the chosen customer's tenants: Zapier reloads it when this changes.
  altersDynamicFields: true,
  helpText:
    'Choose the customer, or enter its GUID as a custom value or map it from an earlier step ' +
    '(for example `966f35cc-1d2e-4f3a-8b4c-25cdbcf82a07`). The list needs the `elements.customers.read.all` permission ' +
    'on the connected app (AvePoint Elements > Settings > API app registration); an entered or mapped ID does not.',
} as const;

export const tenantIdField = {
  key: 'tenantId',
  label: 'Tenant ID',
  type: 'string',
  required: true,
  dynamic: 'tenantList.id.name',
  // A tenant belongs to one customer: a new customer clears the tenant chosen for the old one.
  dependsOn: ['customerId'],
  helpText:
    "Choose one of the customer's Microsoft 365 tenants (shown as Tenant (Customer)), or enter its GUID as a custom value " +
    'or map it from an earlier step. The list needs the same permission as the Customer list; an entered or mapped ID does not.',
} as const;

export const userIdsField = {
  key: 'userIds',
  label: 'User IDs',
  type: 'string',
  list: true,
  required: true,
  helpText: 'The GUIDs of the users to find: one per line item, or several in one item separated by commas. ' + 'Up to 1,000 per step.',
} as const;

export const userIdField = {
  key: 'userId',
  label: 'User ID',
  type: 'string',
  required: true,
  helpText: 'The GUID of the user to find (for example `c2aa00d3-5b1e-4c7a-9f4e-9e9c79232bff`), typed or mapped from an earlier step.',
} as const;

/** Status names (the stable values a Zap stores) with core's labels, in code order. */
export const STATUS_CHOICES = (Object.entries(USER_STATUS_NAMES) as Array<[string, keyof typeof USER_STATUS_LABELS]>)
  .sort(([, a], [, b]) => a - b)
  .map(([name, code]) => ({ value: name, label: USER_STATUS_LABELS[code], sample: name }));

export const statusFilterField = {
  key: 'statuses',
  label: 'Only Users With Status',
  type: 'string',
  list: true,
  required: false,
  choices: STATUS_CHOICES,
  helpText:
    'Optional: trigger only for users with at least one of these statuses (for example MFA disabled or High risk). ' +
    'Leave it empty to trigger for every new user. A mapped value may be a status name (`mfaDisabled`), its label ' +
    '(`MFA disabled`) or its code (0 to 8). A user triggers once, on the first poll that sees them with one of the ' +
    'statuses, so a user who gets the status after being added triggers then.',
} as const;
