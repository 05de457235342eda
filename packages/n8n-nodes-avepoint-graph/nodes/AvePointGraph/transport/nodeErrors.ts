// The protocol's errors (whose messages already say what went wrong and what to check) as the
// error types n8n shows and routes: NodeOperationError for input, NodeApiError for the service.
import { AvePointApiError, USERS_READ_SCOPE } from '../core/protocol';
import { NodeApiError, NodeOperationError, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { protocolErrorOf } from './usersBatchRequest';

const CREDENTIAL_HINT = `Check the AvePoint Graph API credential: environment, client ID, client secret or certificate, and that the app has the ${USERS_READ_SCOPE} permission.`;

export function toNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	where: string,
): NodeApiError | NodeOperationError {
	const node = ctx.getNode();
	if (error instanceof AvePointApiError) {
		return new NodeApiError(
			node,
			{ code: error.code, status: error.status, ...(error.requestId ? { requestId: error.requestId } : {}) } as JsonObject,
			{
				message: error.message,
				description: error.code === 'FORBIDDEN' || error.code === 'UNAUTHORIZED' ? `${where}. ${CREDENTIAL_HINT}` : where,
				httpCode: String(error.status),
				itemIndex,
			},
		);
	}
	const carried = protocolErrorOf(error);
	if (carried?.code === 'INPUT_INVALID') {
		return new NodeOperationError(node, carried.message, { itemIndex, description: where });
	}
	if (carried?.code === 'AUTH_FAILED') {
		return new NodeApiError(node, { code: carried.code } as JsonObject, {
			message: carried.message,
			description: CREDENTIAL_HINT,
			itemIndex,
		});
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex, description: where });
}
