import {
	CUSTOMERS_BATCH_PATH,
	ENVIRONMENTS,
	ENVIRONMENT_NAMES,
} from '../nodes/AvePointGraph/core/protocol';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { CUSTOM_ENVIRONMENT } from '../nodes/AvePointGraph/credentialSupport/endpoints';
import {
	authenticateRequest,
	PROBE_HEADER,
	settingsFingerprint,
} from '../nodes/AvePointGraph/credentialSupport/credential-proof';
import {
	CUSTOMERS_READ_SCOPE,
	USERS_READ_SCOPE,
} from '../nodes/AvePointGraph/credentialSupport/permissions';
import {
	asPreAuthenticationError,
	identityUnreachable,
	requestAccessToken,
} from '../nodes/AvePointGraph/credentialSupport/token';

// The Test reads the users of a customer that cannot exist: it names no real data, and the API
// must check the token before it can say "no such customer" (see credentialSupport/credential-proof.ts).
// With Customers Permission on it reads one customer instead, which proves that permission too.
const baseUrls = JSON.stringify(
	Object.fromEntries(ENVIRONMENT_NAMES.map((name) => [name, ENVIRONMENTS[name].baseUrl])),
);
const NIL = '00000000-0000-0000-0000-000000000000';
const PROBE_PATH = `/partner/external/v3/um/customers/${NIL}/tenants/${NIL}/users/batch?pageIndex=1&pageSize=1`;
const CUSTOMERS_PROBE_PATH = `${CUSTOMERS_BATCH_PATH}?pageIndex=1&pageSize=1`;

export class AvePointGraphApi implements ICredentialType {
	name = 'avePointGraphApi';

	displayName = 'AvePoint Graph API';

	icon: Icon = { light: 'file:avePointGraph.svg', dark: 'file:avePointGraph.dark.svg' };

	documentationUrl =
		'https://github.com/avepoint-graph-kit/avepoint-graph-kit/tree/main/packages/n8n-nodes-avepoint-graph#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				...ENVIRONMENT_NAMES.map((name) => ({ name: ENVIRONMENTS[name].label, value: name })),
				{ name: 'Custom (Sandbox or Proxy)', value: CUSTOM_ENVIRONMENT },
			],
			default: 'commercial',
			description: 'The AvePoint Online Services environment the app is registered in',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. http://127.0.0.1:4010',
			description:
				'Base URL of the API (a sandbox or a proxy); plain http is accepted only for loopback hosts such as 127.0.0.1',
			displayOptions: { show: { environment: [CUSTOM_ENVIRONMENT] } },
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. http://127.0.0.1:4010/connect/token',
			description:
				'OAuth 2.0 token endpoint of the identity service that issues tokens for that API',
			displayOptions: { show: { environment: [CUSTOM_ENVIRONMENT] } },
		},
		{
			displayName: 'Authentication',
			name: 'authMethod',
			type: 'options',
			options: [
				{ name: 'Client Secret', value: 'clientSecret' },
				{
					name: 'Certificate',
					value: 'certificate',
					description: 'A signed JWT client assertion (recommended by AvePoint)',
				},
			],
			default: 'clientSecret',
			description:
				'How the app proves itself to AvePoint: the secret or the certificate registered for it in Elements',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d',
			description: 'Application (client) ID from Elements > Settings > API app registration',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The secret created for the app in Elements > Settings > API app registration (shown once, when it is created)',
			displayOptions: { show: { authMethod: ['clientSecret'] } },
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 6 },
			default: '',
			required: true,
			placeholder: 'e.g. -----BEGIN PRIVATE KEY-----',
			description:
				"PEM-encoded RSA private key of the certificate uploaded to the app's registration",
			displayOptions: { show: { authMethod: ['certificate'] } },
		},
		{
			displayName: 'Certificate Thumbprint',
			name: 'certificateThumbprint',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'e.g. 3A1F9C0B2D4E6F8091A2B3C4D5E6F708192A3B4C',
			description:
				'SHA-1 thumbprint of the certificate (40 hex digits), sent so the service can pick the key',
			displayOptions: { show: { authMethod: ['certificate'] } },
		},
		{
			displayName: 'Customers Permission',
			name: 'customersPermission',
			type: 'boolean',
			default: false,
			description: `Whether the app also holds the ${CUSTOMERS_READ_SCOPE} permission (grant it in Elements > Settings > API app registration, beside ${USERS_READ_SCOPE}). It lets the node list customers and tenants to pick from, and read All Tenants; without it, enter customer and tenant IDs.`,
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Token Fingerprint',
			name: 'tokenFingerprint',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Granted Permissions',
			name: 'grantedScope',
			type: 'hidden',
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		try {
			const token = await requestAccessToken(
				async (options) => {
					try {
						return await this.helpers.httpRequest({ ...options, returnFullResponse: true });
					} catch (error) {
						throw identityUnreachable(options.url, error);
					}
				},
				credentials,
				Date.now(),
			);
			return {
				accessToken: token.accessToken,
				tokenFingerprint: settingsFingerprint(credentials),
				grantedScope: token.scope,
			};
		} catch (error) {
			throw asPreAuthenticationError(error);
		}
	}

	authenticate = authenticateRequest;

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: `={{ (${baseUrls}[$credentials.environment] ?? String($credentials.baseUrl).replace(/\\/+$/, '')) + ($credentials.customersPermission === true ? '${CUSTOMERS_PROBE_PATH}' : '${PROBE_PATH}') }}`,
			headers: { [PROBE_HEADER]: '1', 'Content-Type': 'application/json' },
			body: {},
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'The API base URL did not answer as the AvePoint Graph API (HTTP 404 where an unknown token should get 401): check the Environment, or the Base URL of a Custom one',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'The API refused a token the identity service had just issued: the token URL and the API base URL belong to different environments',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: `Customers Permission is on, but the API refused to list customers (HTTP 403): grant the app the ${CUSTOMERS_READ_SCOPE} permission in AvePoint Elements (Settings > API app registration), or turn Customers Permission off`,
				},
			},
		],
	};
}
