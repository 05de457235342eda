import { createHash, generateKeyPairSync, verify } from 'node:crypto';

import type { IHttpRequestHelper, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AvePointGraphApi } from 'n8n-nodes-avepoint-graph/dist/credentials/AvePointGraphApi.credentials';
import { endpointsFromCredentials } from 'n8n-nodes-avepoint-graph/dist/nodes/AvePointGraph/shared/endpoints';
import { requestAccessToken } from 'n8n-nodes-avepoint-graph/dist/nodes/AvePointGraph/shared/token';
import { SANDBOX_CREDENTIALS } from './helpers/fakeContext';

const SECRET = 'not-a-real-secret';
const ok = (body: IN8nHttpFullResponse['body'] = { access_token: 'tok-123', expires_in: 3600, token_type: 'Bearer' }): IN8nHttpFullResponse => ({
	statusCode: 200,
	headers: {},
	body,
});

function recorder(response: IN8nHttpFullResponse | ((o: IHttpRequestOptions) => never)) {
	const sent: IHttpRequestOptions[] = [];
	const send = async (options: IHttpRequestOptions) => {
		sent.push(options);
		return typeof response === 'function' ? response(options) : response;
	};
	return { sent, send };
}

const form = (options: IHttpRequestOptions) => new URLSearchParams(String(options.body));

describe('token exchange (preAuthentication)', () => {
	it('client secret: posts the client credentials grant with the users scope to the token URL', async () => {
		const { sent, send } = recorder(ok());
		expect(await requestAccessToken(send, SANDBOX_CREDENTIALS, Date.now())).toBe('tok-123');
		expect(sent[0]!.url).toBe('http://127.0.0.1:4010/connect/token');
		expect(sent[0]!.method).toBe('POST');
		expect((sent[0]!.headers as Record<string, string>)['Content-Type']).toBe('application/x-www-form-urlencoded');
		expect(Object.fromEntries(form(sent[0]!))).toEqual({
			grant_type: 'client_credentials',
			client_id: 'app-id',
			client_secret: SECRET,
			scope: 'elements.um.user.read.all',
		});
	});

	it('certificate: posts an RS256 client assertion signed by the private key, for this token URL', async () => {
		const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		const thumbprint = createHash('sha1').update('certificate').digest('hex');
		const { sent, send } = recorder(ok());
		await requestAccessToken(
			send,
			{ ...SANDBOX_CREDENTIALS, clientSecret: '', authMethod: 'certificate', privateKey: pem, certificateThumbprint: thumbprint },
			Date.UTC(2026, 10, 28),
		);
		const fields = form(sent[0]!);
		expect(fields.get('client_secret')).toBeNull();
		expect(fields.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
		const [header, payload, signature] = fields.get('client_assertion')!.split('.');
		const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
		expect(claims).toMatchObject({ iss: 'app-id', sub: 'app-id', aud: 'http://127.0.0.1:4010/connect/token', iat: Date.UTC(2026, 10, 28) / 1000 });
		expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toMatchObject({ alg: 'RS256', x5t: Buffer.from(thumbprint, 'hex').toString('base64url') });
		expect(verify('sha256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature!, 'base64url'))).toBe(true);
	});

	it('a refusal explains itself without the secret', async () => {
		const { send } = recorder({ statusCode: 401, headers: {}, body: JSON.stringify({ error: 'invalid_client' }) });
		const error = await requestAccessToken(send, SANDBOX_CREDENTIALS, Date.now()).catch((e: Error) => e);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(/invalid_client/);
		expect((error as Error).message).toMatch(/client ID/);
		expect((error as Error).message).not.toContain(SECRET);
	});

	it('a missing client secret is named before anything is sent', async () => {
		const { sent, send } = recorder(ok());
		await expect(requestAccessToken(send, { ...SANDBOX_CREDENTIALS, clientSecret: '' }, Date.now())).rejects.toThrow(/clientSecret/);
		expect(sent).toHaveLength(0);
	});

	it('the credential class stores the token in its expirable field, and hides the transport error that holds the form', async () => {
		const credential = new AvePointGraphApi();
		const helper = (httpRequest: (o: IHttpRequestOptions) => Promise<unknown>) =>
			({ helpers: { httpRequest } }) as unknown as IHttpRequestHelper;
		await expect(credential.preAuthentication.call(helper(async () => ok()), SANDBOX_CREDENTIALS)).resolves.toEqual({ accessToken: 'tok-123' });

		const leaky = Object.assign(new Error(`connect ECONNREFUSED; body client_secret=${SECRET}`), { code: 'ECONNREFUSED' });
		const error = await credential.preAuthentication
			.call(helper(async () => Promise.reject(leaky)), SANDBOX_CREDENTIALS)
			.catch((e: Error) => e);
		expect((error as Error).message).toMatch(/Could not reach the AvePoint identity service .*ECONNREFUSED/);
		expect((error as Error).message).not.toContain(SECRET);
		expect(JSON.stringify(error)).not.toContain(SECRET);
	});

	it("a refusal reaches n8n's credential test as its message, not as a bare code", async () => {
		const credential = new AvePointGraphApi();
		const refusing = { helpers: { httpRequest: async () => ({ statusCode: 400, headers: {}, body: { error: 'invalid_client' } }) } };
		const error = (await credential.preAuthentication
			.call(refusing as unknown as IHttpRequestHelper, SANDBOX_CREDENTIALS)
			.catch((e: Error) => e)) as Error & { code?: unknown };
		expect(error.code).toBeUndefined();
		expect(error.name).toBe('AvePointAuthError');
		expect(error.message).toMatch(/refused the app's credentials.*invalid_client/);
	});
});

describe('environments', () => {
	it('named environments use AvePoint hosts; custom uses the given URLs', () => {
		expect(endpointsFromCredentials({ environment: 'commercial' })).toEqual({
			baseUrl: 'https://graph.avepointonlineservices.com',
			tokenUrl: 'https://identity.avepointonlineservices.com/connect/token',
		});
		expect(endpointsFromCredentials({ environment: 'gov' }).tokenUrl).toContain('identity-gov');
		expect(endpointsFromCredentials(SANDBOX_CREDENTIALS)).toEqual({
			baseUrl: 'http://127.0.0.1:4010',
			tokenUrl: 'http://127.0.0.1:4010/connect/token',
		});
	});

	it('custom refuses plain http beyond loopback and missing URLs', () => {
		expect(() => endpointsFromCredentials({ environment: 'custom', baseUrl: 'http://api.example', tokenUrl: 'https://id.example/t' })).toThrow(/https/);
		expect(() => endpointsFromCredentials({ environment: 'custom', baseUrl: 'https://api.example' })).toThrow(/tokenUrl/);
	});
});

describe('credential description', () => {
	const credential = new AvePointGraphApi();
	it('keeps the settled names, and every secret is a password field', () => {
		expect(credential.name).toBe('avePointGraphApi');
		const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
		expect(Object.keys(byName).sort()).toEqual(
			['accessToken', 'authMethod', 'baseUrl', 'certificateThumbprint', 'clientId', 'clientSecret', 'environment', 'privateKey', 'tokenUrl'].sort(),
		);
		expect((byName.environment!.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['commercial', 'gov', 'aos2', 'fedramp', 'custom']);
		for (const secret of ['clientSecret', 'privateKey', 'accessToken']) expect(byName[secret]!.typeOptions?.password).toBe(true);
		expect(byName.accessToken!.type).toBe('hidden');
		expect(byName.accessToken!.typeOptions?.expirable).toBe(true);
		expect(credential.authenticate).toMatchObject({ properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } } });
	});

	it("the test request reaches the identity service's discovery document for every environment", () => {
		const expression = String(credential.test.request.url).replace(/^=\{\{/, '').replace(/\}\}$/, '');
		// The expression is plain JavaScript over $credentials, as n8n evaluates it.
		const evaluate = new Function('$credentials', `return ${expression}`) as (c: object) => string;
		expect(evaluate({ environment: 'commercial' })).toBe('https://identity.avepointonlineservices.com/.well-known/openid-configuration');
		expect(evaluate({ environment: 'fedramp' })).toBe('https://identity.online15.net/.well-known/openid-configuration');
		expect(evaluate({ environment: 'custom', tokenUrl: 'http://127.0.0.1:4010/connect/token' })).toBe(
			'http://127.0.0.1:4010/.well-known/openid-configuration',
		);
	});
});
