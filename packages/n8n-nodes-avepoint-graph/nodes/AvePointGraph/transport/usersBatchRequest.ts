// One page of the users batch endpoint: core's protocol builds the request and reads the answer.
import {
	buildUsersBatchRequest,
	buildUsersBatchUrl,
	normalizeUsersPage,
	requestIdOf,
	type UsersPage,
	type ValidUsersPageInput,
} from '../core/protocol';

import { sendApiRequest, type RequestFunctions, type SendOptions } from './apiRequest';

export { CREDENTIAL_TYPE, protocolErrorOf } from './apiRequest';

export async function sendUsersBatchPage(
	this: RequestFunctions,
	input: ValidUsersPageInput,
	options: SendOptions,
): Promise<UsersPage> {
	const request = buildUsersBatchRequest(input);
	const response = await sendApiRequest.call(
		this,
		{
			method: request.method,
			url: buildUsersBatchUrl(options.baseUrl, request),
			body: request.body,
			headers: request.headers,
			resource: 'users',
		},
		options,
	);
	return normalizeUsersPage(response.body, {
		status: response.status,
		requestId: requestIdOf(response.headers),
		requested: request.query,
	});
}
