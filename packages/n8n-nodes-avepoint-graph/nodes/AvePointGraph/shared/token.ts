// The client-credentials exchange behind the credential's preAuthentication: the protocol builds
// the form (or the certificate's JWT assertion) and reads the answer; n8n's helper sends it.
import {
	AvePointAuthError,
	AvePointError,
	AvePointInputError,
	USERS_READ_SCOPE,
	buildTokenForm,
	parseTokenResponse,
	type AppCredential,
} from '../core/protocol';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { endpointsFromCredentials } from './endpoints';

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
			certificateThumbprint: typeof thumbprint === 'string' && thumbprint.trim() !== '' ? thumbprint.trim() : undefined,
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

/** Returns a fresh access token; a refusal is an AvePointAuthError whose message holds no secret. */
export async function requestAccessToken(
	httpRequest: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
	nowMs: number,
): Promise<string> {
	const { tokenUrl } = endpointsFromCredentials(credentials);
	const form = buildTokenForm(appCredential(credentials), { tokenUrl, scope: USERS_READ_SCOPE, nowSeconds: nowMs / 1000 });
	const response = await httpRequest({
		method: 'POST',
		url: tokenUrl,
		body: form,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	});
	return parseTokenResponse(response.statusCode, parseBody(response.body)).accessToken;
}

/**
 * n8n's credential test shows an error's `code` (here "AUTH_FAILED") instead of its message when
 * the error has one. The same error without the code keeps its name, by which the node knows it.
 */
export function forCredentialTest(error: unknown): unknown {
	if (!(error instanceof AvePointError)) return error;
	const plain = new Error(error.message);
	plain.name = error.name;
	return plain;
}
