// How the credential proves itself, every time. n8n runs preAuthentication only while the stored
// token is empty (or after a 401), so a saved credential whose secret was then changed would keep
// using, and "testing" with, the token the old secret obtained. Two rules close that:
//
// - Every token is stored with the fingerprint of the settings that obtained it (environment, URLs,
//   client ID, secret or key). A request made with other settings sends no usable token, the API
//   answers 401, and n8n obtains a new token with the settings as they are now.
// - The credential Test first sends a token that cannot be valid, to the API itself: a real API
//   answers 401 (which proves the base URL is an API that checks tokens), n8n then runs
//   preAuthentication with the entered settings (which proves the secret or certificate and the
//   token URL), and the retry carries that fresh token (which proves the API accepts it).
//
// Customers Permission is one of those settings: turning it on makes the stored token stale, and
// the next request obtains one with both permissions. Beside the token the credential keeps the
// permissions it carries (grantedScope): a token obtained without the customers permission (the app
// lacks it, see token.ts) is not sent to the customers endpoint while the credential says the app
// has it; that request gets a new token first, so a permission granted in Elements works at once.
import { createHash } from 'node:crypto';
import { CUSTOMERS_BATCH_PATH } from '../core/protocol';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { endpointsFromCredentials } from './endpoints';
import { CUSTOMERS_READ_SCOPE, saysCustomersPermission, scopeListHas } from './permissions';

/** Marks the credential Test's request (a header the API ignores). */
export const PROBE_HEADER = 'X-AvePoint-Graph-Credential-Test';

/** The token the Test's first attempt carries: no service issues it, so a real API answers 401. */
export const PROBE_AUTHORIZATION = 'Bearer avepoint-graph-credential-test';

/** Sent when the stored token belongs to other settings: the API answers 401 and n8n renews it. */
const STALE_AUTHORIZATION = 'Bearer avepoint-graph-stale-token';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** A digest of what the token was obtained with; it reveals nothing of the secret or key. */
export function settingsFingerprint(credentials: ICredentialDataDecryptedObject): string {
	let endpoints: { baseUrl: string; tokenUrl: string };
	try {
		endpoints = endpointsFromCredentials(credentials);
	} catch {
		endpoints = { baseUrl: text(credentials.baseUrl), tokenUrl: text(credentials.tokenUrl) };
	}
	const certificate = credentials.authMethod === 'certificate';
	const parts = [
		endpoints.baseUrl,
		endpoints.tokenUrl,
		certificate ? 'certificate' : 'clientSecret',
		text(credentials.clientId),
		certificate ? text(credentials.privateKey) : text(credentials.clientSecret),
		certificate ? text(credentials.certificateThumbprint) : '',
	];
	// Only when on: a credential saved before the field existed keeps its fingerprint, and its token.
	if (saysCustomersPermission(credentials)) parts.push(CUSTOMERS_READ_SCOPE);
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

function withAuthorization(
	requestOptions: IHttpRequestOptions,
	authorization: string,
): IHttpRequestOptions {
	return {
		...requestOptions,
		headers: { ...requestOptions.headers, Authorization: authorization },
	};
}

/** Whether a request goes to the customers endpoint (the one that needs the customers permission). */
export const isCustomersRequest = (requestOptions: IHttpRequestOptions): boolean =>
	String(requestOptions.url).split('?')[0]!.endsWith(CUSTOMERS_BATCH_PATH);

/** The credential's `authenticate`: the bearer token, or one the API will refuse (see above). */
export async function authenticateRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const token = text(credentials.accessToken);
	const headers = requestOptions.headers ?? {};
	if (PROBE_HEADER in headers) {
		// n8n hands the retry after a 401 the options this function returned for the first attempt.
		if (headers.Authorization !== PROBE_AUTHORIZATION) {
			return {
				...withAuthorization(requestOptions, PROBE_AUTHORIZATION),
				ignoreHttpStatusErrors: false,
			};
		}
		// The fresh token: any answer but 401 means the API accepted it (the probe names no real
		// customer). Probing the customers endpoint, a 403 means the app lacks that permission.
		const except = isCustomersRequest(requestOptions) ? [401, 403] : [401];
		return {
			...withAuthorization(requestOptions, `Bearer ${token}`),
			ignoreHttpStatusErrors: { ignore: true, except },
		};
	}
	// The retry after the 401 that a stale token got: n8n renewed the token, send it as it is.
	if (headers.Authorization === STALE_AUTHORIZATION)
		return withAuthorization(requestOptions, `Bearer ${token}`);
	const current = token !== '' && credentials.tokenFingerprint === settingsFingerprint(credentials);
	const lacksCustomers =
		saysCustomersPermission(credentials) &&
		isCustomersRequest(requestOptions) &&
		!scopeListHas(credentials.grantedScope, CUSTOMERS_READ_SCOPE);
	return withAuthorization(
		requestOptions,
		current && !lacksCustomers ? `Bearer ${token}` : STALE_AUTHORIZATION,
	);
}
