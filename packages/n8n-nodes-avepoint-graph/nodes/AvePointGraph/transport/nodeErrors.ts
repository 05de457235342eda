// The protocol's errors as the errors n8n shows and routes: NodeOperationError for input,
// NodeApiError for the service. n8n's guidelines: the message says what went wrong in the words of
// the form (the parameter's display name, "[item N]"), the description says how to fix it.
import { AvePointApiError, AvePointInputError, fieldPath, USERS_READ_SCOPE, type AvePointErrorCode } from '../core/protocol';
import { NodeApiError, NodeOperationError, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { protocolErrorOf } from './usersBatchRequest';

/** The node's and the credential's fields as the form names them. */
const DISPLAY_NAMES: Record<string, string> = {
	customerId: 'Customer ID',
	tenantId: 'Tenant ID',
	userIds: 'User IDs',
	limit: 'Limit',
	pageSize: 'Page Size',
	concurrency: 'Parallel Requests',
	environment: 'Environment',
	baseUrl: 'Base URL',
	tokenUrl: 'Token URL',
	clientId: 'Client ID',
	clientSecret: 'Client Secret',
	privateKey: 'Private Key',
	privateKeyPem: 'Private Key',
	certificateThumbprint: 'Certificate Thumbprint',
};

const HOW_TO_FIX: Record<string, string> = {
	customerId: "Copy the customer's ID from AvePoint Elements (Customers), or map it from an earlier node",
	tenantId: "Copy the tenant's ID from the customer's page in AvePoint Elements, or map it from an earlier node",
	userIds: 'Give user GUIDs separated by commas or new lines, or an expression that returns an array of them',
	limit: 'Set Limit to a whole number of 1 or more, or turn on Return All',
	pageSize: 'Set Options > Page Size to a whole number from 1 to 100',
	concurrency: 'Set Options > Parallel Requests to a whole number from 1 to 16',
};

const CREDENTIAL_FIX = `Open the AvePoint Graph API credential and check its Environment, Client ID and Client Secret or Certificate; the app registration in Elements needs the ${USERS_READ_SCOPE} permission`;

/** What to do about each kind of answer from the service. */
const API_FIX: Partial<Record<AvePointErrorCode, string>> = {
	UNAUTHORIZED: CREDENTIAL_FIX,
	FORBIDDEN: `Give the app access to this customer in AvePoint Elements, and the ${USERS_READ_SCOPE} permission; or check Customer ID`,
	NOT_FOUND: 'Check Customer ID and Tenant ID: the tenant must belong to that customer',
	BAD_REQUEST: 'Check Customer ID, Tenant ID, User IDs and the page options',
	RATE_LIMITED: 'AvePoint limits how fast an app may read: run the workflow later, or lower Options > Parallel Requests',
	SERVER_ERROR: 'The node already retried for a while; run the workflow again later',
	UNAVAILABLE: 'The node already retried for a while; AvePoint may be in maintenance: run the workflow again later',
	INVALID_RESPONSE: 'Check the credential\'s Environment (or the Base URL of a Custom one): the answer did not come from the AvePoint Graph API as documented',
};

export function displayNameOf(field: string): string {
	const { name, entry } = fieldPath(field);
	const label = DISPLAY_NAMES[name] ?? name;
	return entry === undefined ? label : `${label} (entry ${entry})`;
}

const itemTag = (itemIndex: number): string => ` [item ${itemIndex}]`;

function inputMessage(field: string, rule: string, received: string | undefined): string {
	return `${displayNameOf(field)} ${rule}${received === undefined ? '' : ` (received ${received})`}`;
}

export function toNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	where: string,
): NodeApiError | NodeOperationError {
	const node = ctx.getNode();
	if (error instanceof AvePointApiError) {
		const fix = API_FIX[error.code];
		return new NodeApiError(
			node,
			{ code: error.code, status: error.status, ...(error.requestId ? { requestId: error.requestId } : {}) } as JsonObject,
			{
				message: `${error.message}${itemTag(itemIndex)}`,
				description: fix ? `${fix} (${where})` : where,
				httpCode: String(error.status),
				itemIndex,
			},
		);
	}
	if (error instanceof AvePointInputError) {
		const { name } = fieldPath(error.field);
		return new NodeOperationError(node, `${inputMessage(error.field, error.rule, error.received)}${itemTag(itemIndex)}`, {
			itemIndex,
			description: HOW_TO_FIX[name] ?? `Check ${displayNameOf(error.field)} (${where})`,
		});
	}
	const carried = protocolErrorOf(error);
	if (carried?.code === 'INPUT_INVALID') {
		return new NodeOperationError(node, `${carried.message.replace(/^Invalid (\w+):/, (_, field: string) => `${displayNameOf(field)}:`)}${itemTag(itemIndex)}`, {
			itemIndex,
			description: CREDENTIAL_FIX,
		});
	}
	if (carried?.code === 'AUTH_FAILED') {
		return new NodeApiError(node, { code: carried.code } as JsonObject, {
			message: `${carried.message}${itemTag(itemIndex)}`,
			description: CREDENTIAL_FIX,
			itemIndex,
		});
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex, description: where });
}
