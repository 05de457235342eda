import { createHash, generateKeyPairSync, verify } from 'node:crypto';

import type { ICredentialDataDecryptedObject, IHttpRequestHelper, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AvePointGraphApi } from 'n8n-nodes-avepoint-graph/dist/credentials/AvePointGraphApi.credentials';
import {
	PROBE_AUTHORIZATION,
	PROBE_HEADER,
	settingsFingerprint,
} from 'n8n-nodes-avepoint-graph/dist/nodes/AvePointGraph/credentialSupport/credential-proof';
import { endpointsFromCredentials } from 'n8n-nodes-avepoint-graph/dist/nodes/AvePointGraph/credentialSupport/endpoints';
import { requestAccessToken } from 'n8n-nodes-avepoint-graph/dist/nodes/AvePointGraph/credentialSupport/token';

const SECRET = 'not-a-real-secret';
// A Custom credential for a sandbox on its command line's default port: the credential's own
// tests read its fields and fake the identity service's answers; nothing listens there.
const SANDBOX_CREDENTIALS: ICredentialDataDecryptedObject = {
	environment: 'custom',
	baseUrl: 'http://127.0.0.1:4010',
	tokenUrl: 'http://127.0.0.1:4010/connect/token',
	authMethod: 'clientSecret',
	clientId: 'app-id',
	clientSecret: SECRET,
	accessToken: 'token-1',
};
const ok = (
	body: IN8nHttpFullResponse['body'] = { access_token: 'tok-123', expires_in: 3600, token_type: 'Bearer' },
): IN8nHttpFullResponse => ({
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
		// The token response names no scope: the token carries what was asked.
		expect(await requestAccessToken(send, SANDBOX_CREDENTIALS, Date.now())).toEqual({
			accessToken: 'tok-123',
			scope: 'elements.um.user.read.all',
		});
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
		expect(claims).toMatchObject({
			iss: 'app-id',
			sub: 'app-id',
			aud: 'http://127.0.0.1:4010/connect/token',
			iat: Date.UTC(2026, 10, 28) / 1000,
		});
		expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toMatchObject({
			alg: 'RS256',
			x5t: Buffer.from(thumbprint, 'hex').toString('base64url'),
		});
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
		await expect(
			credential.preAuthentication.call(
				helper(async () => ok()),
				SANDBOX_CREDENTIALS,
			),
		).resolves.toEqual({
			accessToken: 'tok-123',
			tokenFingerprint: settingsFingerprint(SANDBOX_CREDENTIALS),
			grantedScope: 'elements.um.user.read.all',
		});

		const leaky = Object.assign(new Error(`connect ECONNREFUSED; body client_secret=${SECRET}`), { code: 'ECONNREFUSED' });
		const error = await credential.preAuthentication
			.call(
				helper(async () => Promise.reject(leaky)),
				SANDBOX_CREDENTIALS,
			)
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
			.catch((e: Error) => e)) as Error & { code?: unknown; avePointCode?: unknown };
		expect(error.code).toBeUndefined();
		expect(error.name).toBe('PreAuthenticationError');
		// Core's code travels on, where the node reads it (not where n8n's Test would show it).
		expect(error.avePointCode).toBe('AUTH_FAILED');
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
		expect(() =>
			endpointsFromCredentials({ environment: 'custom', baseUrl: 'http://api.example', tokenUrl: 'https://id.example/t' }),
		).toThrow(/https/);
		expect(() => endpointsFromCredentials({ environment: 'custom', baseUrl: 'https://api.example' })).toThrow(/tokenUrl/);
	});
});

describe('credential description', () => {
	const credential = new AvePointGraphApi();
	it('keeps the settled names, and every secret is a password field', () => {
		expect(credential.name).toBe('avePointGraphApi');
		const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
		expect(Object.keys(byName).sort()).toEqual(
			[
				'accessToken',
				'authMethod',
				'baseUrl',
				'certificateThumbprint',
				'clientId',
				'clientSecret',
				'customersPermission',
				'environment',
				'grantedScope',
				'privateKey',
				'tokenFingerprint',
				'tokenUrl',
			].sort(),
		);
		expect((byName.environment!.options as Array<{ value: string }>).map((o) => o.value)).toEqual([
			'commercial',
			'gov',
			'aos2',
			'fedramp',
			'custom',
		]);
		for (const secret of ['clientSecret', 'privateKey', 'accessToken']) expect(byName[secret]!.typeOptions?.password).toBe(true);
		expect(byName.accessToken!.type).toBe('hidden');
		expect(byName.accessToken!.typeOptions?.expirable).toBe(true);
		expect(byName.tokenFingerprint!.type).toBe('hidden');
	});

	it('the test request goes to the API itself, for every environment, on a customer that cannot exist', () => {
		const expression = String(credential.test.request.url)
			.replace(/^=\{\{/, '')
			.replace(/\}\}$/, '');
		// The expression is plain JavaScript over $credentials, as n8n evaluates it.
		const evaluate = new Function('$credentials', `return ${expression}`) as (c: object) => string;
		const probe =
			'/partner/external/v3/um/customers/00000000-0000-0000-0000-000000000000/tenants/00000000-0000-0000-0000-000000000000/users/batch?pageIndex=1&pageSize=1';
		expect(evaluate({ environment: 'commercial' })).toBe(`https://graph.avepointonlineservices.com${probe}`);
		expect(evaluate({ environment: 'fedramp' })).toBe(`https://graphusgovapi.online15.net${probe}`);
		expect(evaluate({ environment: 'custom', baseUrl: 'http://127.0.0.1:4010/' })).toBe(`http://127.0.0.1:4010${probe}`);
		expect((credential.test.request.headers as Record<string, string>)[PROBE_HEADER]).toBe('1');
	});
});

describe('authenticate: a token is used only with the settings that obtained it', () => {
	const credential = new AvePointGraphApi();
	const authenticate = credential.authenticate as (
		c: ICredentialDataDecryptedObject,
		o: IHttpRequestOptions,
	) => Promise<IHttpRequestOptions>;
	const stored = { ...SANDBOX_CREDENTIALS, accessToken: 'tok-7', tokenFingerprint: settingsFingerprint(SANDBOX_CREDENTIALS) };
	const request: IHttpRequestOptions = { url: 'http://127.0.0.1:4010/x', method: 'POST', headers: { Accept: 'application/json' } };
	const authorization = async (c: ICredentialDataDecryptedObject, o: IHttpRequestOptions = request) =>
		(await authenticate(c, o)).headers?.Authorization;

	it('sends the stored token with the settings it was obtained with', async () => {
		expect(await authorization(stored)).toBe('Bearer tok-7');
	});

	it('sends a token the API refuses (401, so n8n renews it) once any setting changed', async () => {
		for (const change of [
			{ clientSecret: 'changed' },
			{ clientId: 'other-app' },
			{ baseUrl: 'http://127.0.0.1:4011' },
			{ tokenUrl: 'http://127.0.0.1:4011/connect/token' },
			{ authMethod: 'certificate' },
		]) {
			const sent = await authorization({ ...stored, ...change });
			expect(sent).toMatch(/^Bearer /);
			expect(sent).not.toBe('Bearer tok-7');
		}
		expect(await authorization({ ...stored, tokenFingerprint: '' })).not.toBe('Bearer tok-7');
	});

	it('the credential test first sends a token no service issued, then the fresh one on the retry after the 401', async () => {
		const probe = { ...request, headers: { [PROBE_HEADER]: '1' } };
		const first = await authenticate(stored, probe);
		expect(first.headers?.Authorization).toBe(PROBE_AUTHORIZATION);
		expect(first.ignoreHttpStatusErrors).toBe(false);
		// n8n hands the retry the options the first attempt went out with, and the renewed token.
		const retry = await authenticate({ ...stored, accessToken: 'tok-fresh' }, first);
		expect(retry.headers?.Authorization).toBe('Bearer tok-fresh');
		expect(retry.ignoreHttpStatusErrors).toEqual({ ignore: true, except: [401] });
	});

	it('the fingerprint holds no part of the secret', () => {
		const fingerprint = settingsFingerprint({ ...SANDBOX_CREDENTIALS, clientSecret: 'abcdefghijklmnopqrstuvwxyz123456' });
		expect(fingerprint).toMatch(/^[0-9a-f]{32}$/);
		expect(fingerprint).not.toContain('abcdef');
	});
});

describe("n8n's UX guidelines on the credential form", () => {
	it('every field a person fills has a description, and placeholders are examples ("e.g.")', () => {
		for (const property of new AvePointGraphApi().properties) {
			if (property.type === 'hidden') continue;
			expect(property.description, property.name).toMatch(/\w/);
			if (property.placeholder !== undefined) expect(property.placeholder, property.name).toMatch(/^e\.g\. /);
		}
	});
});

describe('Customers Permission: the scopes a token is asked for', () => {
	const BOTH = 'elements.um.user.read.all elements.customers.read.all';
	const withCustomers = { ...SANDBOX_CREDENTIALS, customersPermission: true };
	const invalidScope = {
		statusCode: 400,
		headers: {},
		body: { error: 'invalid_scope', error_description: 'the app has not been granted: elements.customers.read.all' },
	};

	it('off (and absent, as in a credential saved before the field): the users permission alone', async () => {
		for (const credentials of [SANDBOX_CREDENTIALS, { ...SANDBOX_CREDENTIALS, customersPermission: false }]) {
			const { sent, send } = recorder(ok());
			await requestAccessToken(send, credentials, Date.now());
			expect(form(sent[0]!).get('scope')).toBe('elements.um.user.read.all');
		}
	});

	it('on: both permissions in one token, space-separated as OAuth says; the granted scope is kept', async () => {
		const { sent, send } = recorder(ok({ access_token: 'tok-both', token_type: 'Bearer', scope: BOTH }));
		expect(await requestAccessToken(send, withCustomers, Date.now())).toEqual({ accessToken: 'tok-both', scope: BOTH });
		expect(sent).toHaveLength(1);
		expect(form(sent[0]!).get('scope')).toBe(BOTH);
		expect(String(sent[0]!.body)).toContain('scope=elements.um.user.read.all+elements.customers.read.all');
	});

	it('on, for an app that lacks the customers permission: a users-only token, so By ID still works', async () => {
		const answers = [invalidScope, ok({ access_token: 'tok-users', token_type: 'Bearer' })];
		const sent: IHttpRequestOptions[] = [];
		const token = await requestAccessToken(async (o) => (sent.push(o), answers[sent.length - 1]!), withCustomers, Date.now());
		expect(token).toEqual({ accessToken: 'tok-users', scope: 'elements.um.user.read.all' });
		expect(sent.map((o) => form(o).get('scope'))).toEqual([BOTH, 'elements.um.user.read.all']);
	});

	it('a certificate signs a new assertion for the second request (the service refuses a replayed jti)', async () => {
		const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		const answers = [invalidScope, ok()];
		const sent: IHttpRequestOptions[] = [];
		await requestAccessToken(
			async (o) => (sent.push(o), answers[sent.length - 1]!),
			{ ...withCustomers, authMethod: 'certificate', privateKey: pem },
			Date.now(),
		);
		const jti = (o: IHttpRequestOptions) =>
			JSON.parse(Buffer.from(form(o).get('client_assertion')!.split('.')[1]!, 'base64url').toString()).jti;
		expect(jti(sent[0]!)).not.toBe(jti(sent[1]!));
	});

	it('an app that lacks the users permission is told so, naming it; off, nothing is asked twice', async () => {
		const refused = { statusCode: 400, headers: {}, body: { error: 'invalid_scope' } };
		const onError = await requestAccessToken(async () => refused, withCustomers, Date.now()).catch((e: Error) => e);
		expect((onError as Error).message).toMatch(
			/invalid_scope.*lacks the elements\.um\.user\.read\.all permission: grant it in AvePoint Elements/,
		);
		const { sent, send } = recorder(refused);
		await requestAccessToken(send, SANDBOX_CREDENTIALS, Date.now()).catch(() => undefined);
		expect(sent).toHaveLength(1);
	});

	it('is part of the settings a token was obtained with; a credential saved before the field keeps its fingerprint', () => {
		const before = settingsFingerprint(SANDBOX_CREDENTIALS);
		expect(settingsFingerprint({ ...SANDBOX_CREDENTIALS, customersPermission: false })).toBe(before);
		expect(settingsFingerprint(withCustomers)).not.toBe(before);
		// The digest of the settings as they were before the field existed, unchanged.
		const parts = ['http://127.0.0.1:4010', 'http://127.0.0.1:4010/connect/token', 'clientSecret', 'app-id', 'not-a-real-secret', ''];
		expect(before).toBe(createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32));
	});
});

describe('authenticate: the customers endpoint gets a token that carries its permission', () => {
	const credential = new AvePointGraphApi();
	const authenticate = credential.authenticate as (
		c: ICredentialDataDecryptedObject,
		o: IHttpRequestOptions,
	) => Promise<IHttpRequestOptions>;
	const settings = { ...SANDBOX_CREDENTIALS, customersPermission: true };
	const stored = (grantedScope: string) => ({
		...settings,
		accessToken: 'tok-9',
		tokenFingerprint: settingsFingerprint(settings),
		grantedScope,
	});
	const customers: IHttpRequestOptions = {
		url: 'http://127.0.0.1:4010/partner/external/v3/general/customers/batch?pageIndex=1&pageSize=100',
		method: 'POST',
	};
	const users: IHttpRequestOptions = {
		url: 'http://127.0.0.1:4010/partner/external/v3/um/customers/c/tenants/t/users/batch?pageIndex=1&pageSize=100',
		method: 'POST',
	};
	const authorization = async (c: ICredentialDataDecryptedObject, o: IHttpRequestOptions) =>
		(await authenticate(c, o)).headers?.Authorization;

	it('a token with both permissions goes to both endpoints', async () => {
		const both = stored('elements.um.user.read.all elements.customers.read.all');
		expect(await authorization(both, customers)).toBe('Bearer tok-9');
		expect(await authorization(both, users)).toBe('Bearer tok-9');
	});

	it('a users-only token is not sent to the customers endpoint (n8n renews it first), and is sent to the users one', async () => {
		const usersOnly = stored('elements.um.user.read.all');
		const first = await authenticate(usersOnly, customers);
		expect(first.headers?.Authorization).not.toBe('Bearer tok-9');
		// n8n's retry after the 401 carries what the first attempt went out with: now the token is sent as it is.
		expect((await authenticate({ ...usersOnly, accessToken: 'tok-10' }, first)).headers?.Authorization).toBe('Bearer tok-10');
		expect(await authorization(usersOnly, users)).toBe('Bearer tok-9');
	});

	it('turning Customers Permission on makes the stored token stale', async () => {
		const old = {
			...SANDBOX_CREDENTIALS,
			accessToken: 'tok-1',
			tokenFingerprint: settingsFingerprint(SANDBOX_CREDENTIALS),
			grantedScope: 'elements.um.user.read.all',
		};
		expect(await authorization(old, users)).toBe('Bearer tok-1');
		expect(await authorization({ ...old, customersPermission: true }, users)).not.toBe('Bearer tok-1');
	});

	it('the Test probes the customers endpoint when the field is on, and a 403 there fails it with what to grant', async () => {
		const expression = String(credential.test.request.url)
			.replace(/^=\{\{/, '')
			.replace(/\}\}$/, '');
		const evaluate = new Function('$credentials', `return ${expression}`) as (c: object) => string;
		expect(evaluate({ environment: 'commercial', customersPermission: true })).toBe(
			'https://graph.avepointonlineservices.com/partner/external/v3/general/customers/batch?pageIndex=1&pageSize=1',
		);
		expect(evaluate({ environment: 'commercial', customersPermission: false })).toMatch(/\/users\/batch\?pageIndex=1&pageSize=1$/);
		const probe = { ...customers, headers: { [PROBE_HEADER]: '1' } };
		const first = await authenticate(stored(''), probe);
		expect(first.headers?.Authorization).toBe(PROBE_AUTHORIZATION);
		const retry = await authenticate(stored('elements.um.user.read.all'), first);
		expect(retry.headers?.Authorization).toBe('Bearer tok-9');
		expect(retry.ignoreHttpStatusErrors).toEqual({ ignore: true, except: [401, 403] });
		const rule = credential.test.rules!.find((r) => r.type === 'responseCode' && r.properties.value === 403)!;
		expect((rule.properties as { message: string }).message).toMatch(
			/Customers Permission is on.*elements\.customers\.read\.all.*Settings > API app registration.*turn Customers Permission off/,
		);
	});

	it('the field is a plain switch that says what to grant, off by default', () => {
		const field = credential.properties.find((p) => p.name === 'customersPermission')!;
		expect(field).toMatchObject({ displayName: 'Customers Permission', type: 'boolean', default: false });
		expect(field.description).toMatch(/elements\.customers\.read\.all.*Elements > Settings > API app registration/);
		expect(credential.properties.find((p) => p.name === 'grantedScope')).toMatchObject({ type: 'hidden', default: '' });
	});
});
