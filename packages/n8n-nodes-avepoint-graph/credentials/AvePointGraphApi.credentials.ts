import { ENVIRONMENTS, ENVIRONMENT_NAMES } from '../nodes/AvePointGraph/core/protocol';
import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { CUSTOM_ENVIRONMENT } from '../nodes/AvePointGraph/shared/endpoints';
import { forCredentialTest, identityUnreachable, requestAccessToken } from '../nodes/AvePointGraph/shared/token';

// The identity service of each environment is an OpenID Connect provider: its discovery document
// answers an authenticated GET once preAuthentication has exchanged the app's credentials, which
// is the real check (client ID, secret or certificate, scope and environment).
const identityOrigins = JSON.stringify(
	Object.fromEntries(ENVIRONMENT_NAMES.map((name) => [name, new URL(ENVIRONMENTS[name].tokenUrl).origin])),
);

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
			placeholder: 'http://127.0.0.1:4010',
			description: 'Base URL of the API; plain http is accepted only for loopback hosts',
			displayOptions: { show: { environment: [CUSTOM_ENVIRONMENT] } },
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'http://127.0.0.1:4010/connect/token',
			description: 'OAuth 2.0 token endpoint of the identity service',
			displayOptions: { show: { environment: [CUSTOM_ENVIRONMENT] } },
		},
		{
			displayName: 'Authentication',
			name: 'authMethod',
			type: 'options',
			options: [
				{ name: 'Client Secret', value: 'clientSecret' },
				{ name: 'Certificate', value: 'certificate', description: 'A signed JWT client assertion (recommended by AvePoint)' },
			],
			default: 'clientSecret',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Application (client) ID from Elements > Settings > API app registration',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authMethod: ['clientSecret'] } },
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 6 },
			default: '',
			required: true,
			placeholder: '-----BEGIN PRIVATE KEY-----',
			description: "PEM-encoded RSA private key of the certificate uploaded to the app's registration",
			displayOptions: { show: { authMethod: ['certificate'] } },
		},
		{
			displayName: 'Certificate Thumbprint',
			name: 'certificateThumbprint',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: "SHA-1 thumbprint of the certificate (40 hex digits), sent so the service can pick the key",
			displayOptions: { show: { authMethod: ['certificate'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		try {
			const accessToken = await requestAccessToken(
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
			return { accessToken };
		} catch (error) {
			throw forCredentialTest(error);
		}
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: `={{ (${identityOrigins}[$credentials.environment] ?? String($credentials.tokenUrl).match(/^https?:\\/\\/[^/]+/)[0]) + '/.well-known/openid-configuration' }}`,
		},
	};
}
