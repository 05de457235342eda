// The permissions a credential asks the identity service for. A credential saved before the
// Customers Permission field existed asks for the users permission alone, as it always did; the
// field adds the customers one to the same token (OAuth's space-separated scope list).
import { CUSTOMERS_READ_SCOPE, USERS_READ_SCOPE } from '../core/protocol';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export { CUSTOMERS_READ_SCOPE, USERS_READ_SCOPE };

/** Whether the credential says its app also holds the customers permission. */
export const saysCustomersPermission = (credentials: ICredentialDataDecryptedObject): boolean =>
	credentials.customersPermission === true;

/** The scopes to ask for, the users one first. */
export function requestedScopes(credentials: ICredentialDataDecryptedObject): string[] {
	return saysCustomersPermission(credentials)
		? [USERS_READ_SCOPE, CUSTOMERS_READ_SCOPE]
		: [USERS_READ_SCOPE];
}

/** Whether a space-separated scope list (a token's) holds the scope. */
export const scopeListHas = (scopes: unknown, scope: string): boolean =>
	typeof scopes === 'string' && scopes.split(/\s+/).includes(scope);

/**
 * What a person does to let the node list customers, for messages: grant the permission in
 * Elements, then say so in the credential.
 */
export const CUSTOMERS_PERMISSION_FIX = `Grant the app the ${CUSTOMERS_READ_SCOPE} permission in AvePoint Elements (Settings > API app registration), then turn on Customers Permission in the AvePoint Graph API credential`;
