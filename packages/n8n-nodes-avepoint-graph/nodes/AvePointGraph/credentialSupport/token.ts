// The client-credentials exchange behind the credential's preAuthentication: the protocol builds
// the form (or the certificate's JWT assertion) and reads the answer; n8n's helper sends it.
import {
	AvePointAuthError,
	AvePointError,
	AvePointInputError,
	buildTokenForm,
	parseTokenResponse,
	type AppCredential,
	type AvePointErrorCode,
} from '../core/protocol';
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { endpointsFromCredentials } from './endpoints';
import { USERS_READ_SCOPE, requestedScopes } from './permissions';

export type HttpRequest = (options: IHttpRequestOptions) => Promise<IN8nHttpFullResponse>;

function required(credentials: ICredentialDataDecryptedObject, field: string): string {
	const value = credentials[field];
	if (typeof value !== 'string' || value.trim() === '') {
		throw new AvePointInputError(field, 'is required in the AvePoint Graph API credential');
	}
	return value.trim();
}

/** The credential's fields as the app credential the protocol builds the token request from. */
function appCredential(credentials: ICredentialDataDecryptedObject): AppCredential {
	const clientId = required(credentials, 'clientId');
	if (credentials.authMethod === 'certificate') {
		const thumbprint = credentials.certificateThumbprint;
		return {
			clientId,
			privateKeyPem: required(credentials, 'privateKey'),
			certificateThumbprint:
				typeof thumbprint === 'string' && thumbprint.trim() !== '' ? thumbprint.trim() : undefined,
		};
	}
	return { clientId, clientSecret: required(credentials, 'clientSecret') };
}

const parseBody = (body: unknown): unknown => {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return body;
	}
};

/**
 * The identity service could not be reached. The transport's own error carries the request, and
 * so the form with the secret: only its code is kept.
 */
export function identityUnreachable(tokenUrl: string, error: unknown): AvePointAuthError {
	const code = (error as { code?: unknown } | null)?.code;
	return new AvePointAuthError(
		`Could not reach the AvePoint identity service at ${tokenUrl}${typeof code === 'string' ? ` (${code})` : ''}`,
	);
}

export interface IssuedToken {
	accessToken: string;
	/** The permissions the token carries, space-separated: as the service says, else as asked. */
	scope: string;
}

/**
 * A fresh access token for the credential's permissions; a refusal is an AvePointAuthError whose
 * message holds no secret. When the credential says the app holds the customers permission and
 * the identity service answers invalid_scope, the token is asked again for the users permission
 * alone: an app that lacks the customers one still reads users by ID, and what needs it (the
 * From List searches, All Tenants) says what to grant when the API refuses it.
 */
export async function requestAccessToken(
	httpRequest: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
	nowMs: number,
): Promise<IssuedToken> {
	const { tokenUrl } = endpointsFromCredentials(credentials);
	const app = appCredential(credentials);
	const exchange = async (scopes: readonly string[]): Promise<IssuedToken> => {
		const scope = scopes.join(' ');
		// A new form each time: a certificate's assertion is single-use (its jti).
		const form = buildTokenForm(app, { tokenUrl, scope, nowSeconds: nowMs / 1000 });
		const response = await httpRequest({
			method: 'POST',
			url: tokenUrl,
			body: form,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
		const token = parseTokenResponse(response.statusCode, parseBody(response.body), scope);
		return { accessToken: token.accessToken, scope: token.scope ?? scope };
	};
	const scopes = requestedScopes(credentials);
	const first = await exchange(scopes).then(
		(token) => ({ token }),
		(error: unknown) => ({ error }),
	);
	if ('token' in first) return first.token;
	const { error } = first;
	if (
		scopes.length > 1 &&
		error instanceof AvePointAuthError &&
		error.oauthError === 'invalid_scope'
	)
		return await exchange([USERS_READ_SCOPE]);
	throw error;
}

/**
 * An error leaving the credential's preAuthentication. n8n's credential Test shows an error's
 * `code` (here "AUTH_FAILED") in place of its message whenever it has one, so this error has no
 * `code`: it keeps core's under `avePointCode`, where the node's error handling reads it.
 */
export class PreAuthenticationError extends Error {
	readonly avePointCode: AvePointErrorCode;

	constructor(error: AvePointError) {
		super(error.message);
		this.name = 'PreAuthenticationError';
		this.avePointCode = error.code;
	}
}

/** Core's errors as PreAuthenticationError; anything else (n8n's own) as it came. */
export function asPreAuthenticationError(error: unknown): unknown {
	return error instanceof AvePointError ? new PreAuthenticationError(error) : error;
}
