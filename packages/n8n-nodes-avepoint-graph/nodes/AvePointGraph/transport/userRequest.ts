// One user in full (the one-user endpoint): core's protocol builds the request and reads the
// answer; a 404 reads "AvePoint knows no such user".
import {
	buildUserRequest,
	normalizeUserDetail,
	requestIdOf,
	type UserDetail,
} from '../core/protocol';

import { sendApiRequest, type RequestFunctions, type SendOptions } from './apiRequest';

export async function sendUserRequest(
	this: RequestFunctions,
	input: { customerId: string; tenantId: string; userId: string },
	options: SendOptions,
): Promise<UserDetail> {
	const request = buildUserRequest(input);
	const response = await sendApiRequest.call(
		this,
		{
			method: request.method,
			url: `${options.baseUrl.replace(/\/+$/, '')}${request.path}`,
			headers: request.headers,
			resource: 'user',
		},
		options,
	);
	return normalizeUserDetail(response.body, {
		status: response.status,
		requestId: requestIdOf(response.headers),
		owned: response.owned,
	});
}
