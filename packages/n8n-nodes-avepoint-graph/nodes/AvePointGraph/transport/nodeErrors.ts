// The protocol's errors as the errors n8n shows and routes: NodeOperationError for input,
// NodeApiError for the service. n8n's guidelines: the message says what went wrong in the words of
// the form (the parameter's display name, "[item N]"), the description says how to fix it.
import {
	AvePointApiError,
	AvePointInputError,
	fieldPath,
	USERS_READ_SCOPE,
	type AvePointErrorCode,
	type Resource,
} from '../core/protocol';
import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { CUSTOMERS_PERMISSION_FIX } from '../credentialSupport/permissions';
import { protocolErrorOf } from './apiRequest';

/** The node's and the credential's fields as the form names them. */
const DISPLAY_NAMES: Record<string, string> = {
	customerId: 'Customer ID',
	tenantId: 'Tenant ID',
	userId: 'User ID',
	userIds: 'User IDs',
	output: 'Output',
	fields: 'Fields',
	status: 'Status',
	tenantConcurrency: 'Tenants at Once',
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
	customerId:
		"Copy the customer's ID from AvePoint Elements (Customers), or map it from an earlier node",
	tenantId:
		"Copy the tenant's ID from the customer's page in AvePoint Elements, or map it from an earlier node",
	userIds:
		'Give user GUIDs separated by commas or new lines, or an expression that returns an array of them',
	limit: 'Set Limit to a whole number of 1 or more, or turn on Return All',
	pageSize: 'Set Options > Page Size to a whole number from 1 to 100',
	concurrency: 'Set Options > Parallel Requests to a whole number from 1 to 16',
	userId: "Give the user's GUID, for example the ID field of a user from Get Users Batch",
	status:
		'Pick the statuses in Options > Status, or map names such as mfaDisabled, signInBlocked or inactive',
	tenantConcurrency: 'Set Options > Tenants at Once to a whole number from 1 to 16',
};

/** Version 2's Customer and Tenant are resource locators: their names and fixes say so. */
const DISPLAY_NAMES_V2: Record<string, string> = { customerId: 'Customer', tenantId: 'Tenant' };

const HOW_TO_FIX_V2: Record<string, string> = {
	customerId:
		'Pick the customer From List, or choose By ID and copy its ID from AvePoint Elements (Customers)',
	tenantId:
		"Pick the tenant From List, or choose By ID and copy its ID from the customer's page in AvePoint Elements",
};

const CREDENTIAL_FIX = `Open the AvePoint Graph API credential and check its Environment, Client ID and Client Secret or Certificate; the app registration in Elements needs the ${USERS_READ_SCOPE} permission`;

/** What to do about each kind of answer from the service. */
const API_FIX: Partial<Record<AvePointErrorCode, string>> = {
	UNAUTHORIZED: CREDENTIAL_FIX,
	FORBIDDEN: `Give the app access to this customer in AvePoint Elements, and the ${USERS_READ_SCOPE} permission; or check Customer ID`,
	NOT_FOUND: 'Check Customer ID and Tenant ID: the tenant must belong to that customer',
	BAD_REQUEST: 'Check Customer ID, Tenant ID, User IDs and the page options',
	RATE_LIMITED:
		'AvePoint limits how fast an app may read: run the workflow later, or lower Options > Parallel Requests',
	SERVER_ERROR: 'The node already retried for a while; run the workflow again later',
	UNAVAILABLE:
		'The node already retried for a while; AvePoint may be in maintenance: run the workflow again later',
	INVALID_RESPONSE:
		"Check the credential's Environment (or the Base URL of a Custom one): the answer did not come from the AvePoint Graph API as documented",
};

/** What to do about an answer of the customers or one-user endpoint, where it differs. */
const RESOURCE_FIX: Record<Resource, Partial<Record<AvePointErrorCode, string>>> = {
	users: {},
	user: {
		NOT_FOUND:
			'Check User ID, Customer and Tenant: the user must belong to that tenant. To go on with the other items, set Settings > On Error to Continue',
		BAD_REQUEST: 'Check Customer, Tenant and User ID',
	},
	customers: {
		FORBIDDEN: `${CUSTOMERS_PERMISSION_FIX}; or choose Customer and Tenant By ID`,
		NOT_FOUND: "Check the credential's Environment (or the Base URL of a Custom one)",
		BAD_REQUEST: 'Check Customer',
	},
};

export function displayNameOf(field: string, version = 1): string {
	const { name, entry } = fieldPath(field);
	const label = (version >= 2 ? DISPLAY_NAMES_V2[name] : undefined) ?? DISPLAY_NAMES[name] ?? name;
	return entry === undefined ? label : `${label} (entry ${entry})`;
}

const itemTag = (itemIndex: number): string => ` [item ${itemIndex}]`;

function inputMessage(
	field: string,
	rule: string,
	received: string | undefined,
	version: number,
): string {
	return `${displayNameOf(field, version)} ${rule}${received === undefined ? '' : ` (received ${received})`}`;
}

export function toNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	where: string,
	resource: Resource = 'users',
): NodeApiError | NodeOperationError {
	const node = ctx.getNode();
	const version = node.typeVersion;
	if (error instanceof AvePointApiError) {
		const fix = RESOURCE_FIX[resource][error.code] ?? API_FIX[error.code];
		return new NodeApiError(
			node,
			{
				code: error.code,
				status: error.status,
				...(error.requestId ? { requestId: error.requestId } : {}),
			} as JsonObject,
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
		return new NodeOperationError(
			node,
			`${inputMessage(error.field, error.rule, error.received, version)}${itemTag(itemIndex)}`,
			{
				itemIndex,
				description:
					(version >= 2 ? HOW_TO_FIX_V2[name] : undefined) ??
					HOW_TO_FIX[name] ??
					`Check ${displayNameOf(error.field, version)} (${where})`,
			},
		);
	}
	const carried = protocolErrorOf(error);
	if (carried?.code === 'INPUT_INVALID') {
		return new NodeOperationError(
			node,
			`${carried.message.replace(/^Invalid (\w+):/, (_, field: string) => `${displayNameOf(field, version)}:`)}${itemTag(itemIndex)}`,
			{
				itemIndex,
				description: CREDENTIAL_FIX,
			},
		);
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
	return new NodeOperationError(node, error instanceof Error ? error : String(error), {
		itemIndex,
		description: where,
	});
}

/**
 * An error of a From List search, as the editor shows it in the dropdown: the message says what
 * went wrong and what to do (the dropdown shows little else), and nothing names an item.
 */
export function toSearchError(
	ctx: ILoadOptionsFunctions,
	error: unknown,
): NodeApiError | NodeOperationError {
	const node = ctx.getNode();
	if (error instanceof AvePointApiError) {
		// A 403 already names the permission to grant; the other way is to type the ID.
		const fix =
			error.code === 'FORBIDDEN'
				? 'Or choose By ID'
				: (RESOURCE_FIX.customers[error.code] ?? API_FIX[error.code]);
		return new NodeApiError(node, { code: error.code, status: error.status } as JsonObject, {
			message: fix ? `${error.message}. ${fix}` : error.message,
			...(fix ? { description: fix } : {}),
			httpCode: String(error.status),
		});
	}
	const carried = protocolErrorOf(error);
	if (carried)
		return new NodeOperationError(node, `${carried.message}. ${CREDENTIAL_FIX}`, {
			description: CREDENTIAL_FIX,
		});
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error));
}
