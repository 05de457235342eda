// Hidden trigger "customerList": feeds the Customer dropdown (`dynamic: 'customerList.id.name'`),
// one page of the partner's customers per "Load more".
import type { Bundle, ZObject } from 'zapier-platform-core';
import { customersClientFor } from '../customers-client.js';
import { collect, customerChoice, customersPageRequest, dropdownPageOf, type CustomerChoice } from '../directory-choices.js';
import { STEP_BUDGET_MS, withinStepBudget } from '../step-deadline.js';
import { callApi } from '../users-client.js';

async function perform(z: ZObject, bundle: Bundle): Promise<CustomerChoice[]> {
  const client = customersClientFor(z, bundle);
  const page = dropdownPageOf(bundle);
  const customers = await callApi(z, () =>
    withinStepBudget(z, STEP_BUDGET_MS, 'Try again; or enter the Customer ID as a custom value.', (signal) =>
      collect(client.listCustomers(customersPageRequest(page, signal))),
    ),
  );
  return customers.map(customerChoice);
}

export const customerList = {
  key: 'customerList',
  noun: 'Customer',
  display: {
    label: 'List Customers',
    description: 'Lists the customers the connected app can see, for the Customer dropdown.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    // The editor's "Load more" asks for the next page (bundle.meta.page).
    canPaginate: true,
    perform,
  },
} as const;
