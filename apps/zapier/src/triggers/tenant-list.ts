// Hidden trigger "tenantList": feeds the Tenant dropdown (`dynamic: 'tenantList.id.name'`). It
// follows the customer chosen above it (bundle.inputData.customerId); while that field is empty
// or mapped, it lists the tenants of every customer, a page of customers per "Load more".
import type { Bundle, ZObject } from 'zapier-platform-core';
import { customersClientFor } from '../customers-client.js';
import { chosenCustomerId, collect, customersPageRequest, dropdownPageOf, tenantChoices, type TenantChoice } from '../directory-choices.js';
import { STEP_BUDGET_MS, withinStepBudget } from '../step-deadline.js';
import { callApi } from '../users-client.js';

type TenantListInput = { customerId?: unknown };

async function perform(z: ZObject, bundle: Bundle<TenantListInput>): Promise<TenantChoice[]> {
  const customerId = chosenCustomerId(bundle.inputData.customerId);
  const page = dropdownPageOf(bundle);
  // One customer's tenants come whole with the first page.
  if (customerId !== undefined && page > 0) return [];
  const client = customersClientFor(z, bundle);
  const customers = await callApi(z, () =>
    withinStepBudget(z, STEP_BUDGET_MS, 'Try again; or enter the Tenant ID as a custom value.', (signal) =>
      collect(client.listCustomers(customerId === undefined ? customersPageRequest(page, signal) : { customerIds: [customerId], signal })),
    ),
  );
  if (customerId !== undefined && customers.length === 0) {
    throw new z.errors.Error(
      `AvePoint lists no customer with the ID ${customerId} for this connection. Choose the customer in the Customer ID field, ` +
        'or check the ID and that the app has access to that customer in AvePoint Elements.',
      'NOT_FOUND',
      404,
    );
  }
  return customers.flatMap(tenantChoices);
}

export const tenantList = {
  key: 'tenantList',
  noun: 'Tenant',
  display: {
    label: 'List Tenants',
    description: "Lists a customer's tenants (or every customer's), for the Tenant dropdown.",
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
  },
} as const;
