// One page of the partner's customers (each with its tenants), optionally only some customers by
// ID: core's protocol builds the request and reads the answer.
import { buildCustomersBatchRequest, normalizeCustomersPage, requestIdOf } from '../core/protocol';

import { sendApiRequest, type RequestFunctions, type SendOptions } from './apiRequest';

/** A page of customers as core's protocol reads it (items, pageIndex, pageSize, totalCount). */
export type CustomersPage = ReturnType<typeof normalizeCustomersPage>;

export interface CustomersPageInput {
	pageIndex: number;
	pageSize: number;
	customerIds?: readonly string[] | undefined;
}

export async function sendCustomersPage(
	this: RequestFunctions,
	input: CustomersPageInput,
	options: SendOptions,
): Promise<CustomersPage> {
	const request = buildCustomersBatchRequest(input);
	const url = `${options.baseUrl.replace(/\/+$/, '')}${request.path}?pageIndex=${request.query.pageIndex}&pageSize=${request.query.pageSize}`;
	const response = await sendApiRequest.call(
		this,
		{
			method: request.method,
			url,
			body: request.body,
			headers: request.headers,
			resource: 'customers',
		},
		options,
	);
	return normalizeCustomersPage(response.body, {
		status: response.status,
		requestId: requestIdOf(response.headers),
		requested: request.query,
	});
}
