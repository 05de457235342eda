// The tenants that All Tenants and All Customers stand for, from the customers endpoint through
// core's listing engine (as core's client lists them): every customer the app may see, each once,
// exact while the list changes; or only some customers, by ID, in chunks the API accepts.
import { MAX_IDS_PER_REQUEST, MAX_PAGE_SIZE, type Customer } from '../core/protocol';
import { listPages, lookUpIds, type Scheduler } from '../core/engine';
import type { IExecuteFunctions } from 'n8n-workflow';

import { sendCustomersPage } from '../transport/customersRequest';

export interface CustomersReader {
	baseUrl: string;
	scheduler: Scheduler;
	concurrency: number;
}

const customerKey = (customer: Customer): string => customer.id;

/** Every customer the app may see (`'all'`), or the customers with these IDs that it may see. */
export async function readCustomers(
	this: IExecuteFunctions,
	reader: CustomersReader,
	which: 'all' | readonly string[],
): Promise<Customer[]> {
	const { baseUrl, scheduler, concurrency } = reader;
	if (which !== 'all') {
		return await lookUpIds<Customer>({
			ids: which,
			getPage: async (ids, page) =>
				await sendCustomersPage
					.call(
						this,
						{ customerIds: ids, pageIndex: page.pageIndex, pageSize: page.pageSize },
						{ baseUrl, signal: page.signal },
					)
					.then((p) => ({ items: p.items, totalCount: p.totalCount })),
			keyOf: customerKey,
			scheduler,
			concurrency,
			chunkSize: MAX_IDS_PER_REQUEST,
			noun: 'customers',
		});
	}
	const customers: Customer[] = [];
	const pages = listPages<Customer>({
		getPage: async (page) =>
			await sendCustomersPage
				.call(
					this,
					{ pageIndex: page.pageIndex, pageSize: page.pageSize },
					{ baseUrl, signal: page.signal },
				)
				.then((p) => ({ items: p.items, totalCount: p.totalCount })),
		keyOf: customerKey,
		scheduler,
		pageSize: MAX_PAGE_SIZE,
		concurrency,
		noun: 'customers',
	});
	for await (const page of pages) customers.push(...page.items);
	return customers;
}
