// The credential dialog's "Test" button, through the running editor's REST API: it exchanges the
// app's credentials for real, so it tells a wrong secret or a missing permission from a good one.
import { startSandbox } from '@avepoint-graph-kit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OWNER, startDemo } from '../../scripts/lib/demo-env.mjs';
import { SECRET_CREDENTIAL } from '../../scripts/lib/workflows.mjs';

let demo: Awaited<ReturnType<typeof startDemo>>;
let cookie: string;

async function testCredential(data: Record<string, unknown>): Promise<{ status: string; message: string }> {
	const res = await fetch(`${demo.url}/rest/credentials/test`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify({ credentials: { ...SECRET_CREDENTIAL, type: 'avePointGraphApi', data } }),
	});
	expect(res.status).toBe(200);
	return ((await res.json()) as { data: { status: string; message: string } }).data;
}

beforeAll(async () => {
	demo = await startDemo();
	const login = await fetch(`${demo.url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	expect(login.status).toBe(200);
	cookie = login.headers.get('set-cookie')!.split(';')[0]!;
}, 1_200_000);

afterAll(async () => {
	await demo?.close();
});

describe('the credential test in the n8n editor', () => {
	const custom = () => ({ environment: 'custom', baseUrl: demo.sandbox.baseUrl, tokenUrl: demo.sandbox.tokenUrl });

	it('passes for a good client secret and for a good certificate', async () => {
		const sb = demo.sandbox;
		expect(await testCredential({ ...custom(), authMethod: 'clientSecret', clientId: sb.clientId, clientSecret: sb.clientSecret })).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const certificate = {
			...custom(),
			authMethod: 'certificate',
			clientId: sb.certificate.clientId,
			privateKey: sb.certificate.privateKeyPem,
			certificateThumbprint: sb.certificate.certificateThumbprint,
		};
		expect((await testCredential(certificate)).status).toBe('OK');
	});

	it('says what is wrong with a bad secret, a missing permission and an unreachable environment', async () => {
		const sb = demo.sandbox;
		const badSecret = await testCredential({ ...custom(), authMethod: 'clientSecret', clientId: sb.clientId, clientSecret: 'wrong' });
		expect(badSecret.status).toBe('Error');
		expect(badSecret.message).toMatch(/refused the app's credentials.*invalid_client.*client ID and the client secret/);
		expect(badSecret.message).not.toContain(sb.clientSecret);

		const unscoped = await testCredential({ ...custom(), authMethod: 'clientSecret', ...sb.unscopedClient });
		expect(unscoped.message).toMatch(/elements\.um\.user\.read\.all/);

		const nowhere = await testCredential({
			environment: 'custom',
			baseUrl: 'http://127.0.0.1:9',
			tokenUrl: 'http://127.0.0.1:9/connect/token',
			authMethod: 'clientSecret',
			clientId: sb.clientId,
			clientSecret: sb.clientSecret,
		});
		// n8n puts its own words on a refused connection ("The service refused the connection - perhaps it is offline").
		expect(nowhere.status).toBe('Error');
		expect(nowhere.message).toMatch(/refused the connection|Could not reach the AvePoint identity service/);
		expect(nowhere.message).not.toContain(sb.clientSecret);
	});

	it('a saved credential that holds a token fails the Test once its secret is changed to a wrong one', async () => {
		const sb = demo.sandbox;
		const rest = async (method: string, path: string, body?: unknown) => {
			const res = await fetch(`${demo.url}/rest${path}`, {
				method,
				headers: { 'content-type': 'application/json', cookie },
				...(body === undefined ? {} : { body: JSON.stringify(body) }),
			});
			expect(res.status, `${method} ${path}`).toBeLessThan(300);
			return ((await res.json()) as { data: Record<string, unknown> }).data;
		};
		const created = await rest('POST', '/credentials', {
			name: 'AvePoint (Test that cannot lie)',
			type: 'avePointGraphApi',
			data: { ...custom(), authMethod: 'clientSecret', clientId: sb.clientId, clientSecret: sb.clientSecret },
		});
		const id = String(created.id);
		// What the editor sends when Test is pressed on a saved credential: its data as stored, redacted.
		const testSaved = async () => {
			const saved = await rest('GET', `/credentials/${id}?includeData=true`);
			const res = await fetch(`${demo.url}/rest/credentials/test`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie },
				body: JSON.stringify({ credentials: { id, name: saved.name, type: 'avePointGraphApi', data: saved.data } }),
			});
			return ((await res.json()) as { data: { status: string; message: string } }).data;
		};
		expect(await testSaved()).toMatchObject({ status: 'OK' });
		// The Test stored a token; a second Test with the same settings passes as well.
		const tokensBefore = sb.stats().tokenRequests;
		expect(await testSaved()).toMatchObject({ status: 'OK' });
		expect(sb.stats().tokenRequests).toBeGreaterThan(tokensBefore);

		// The secret is changed to a wrong one and saved; the stored token is still there.
		const saved = await rest('GET', `/credentials/${id}?includeData=true`);
		await rest('PATCH', `/credentials/${id}`, { name: saved.name, type: 'avePointGraphApi', data: { ...(saved.data as object), clientSecret: 'a-wrong-secret' } });
		const wrong = await testSaved();
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/refused the app's credentials.*invalid_client/);
		expect(wrong.message).not.toContain('a-wrong-secret');
	});

	it('a Base URL that is not the AvePoint API fails the Test, though the token URL is right', async () => {
		const sb = demo.sandbox;
		const elsewhere = await testCredential({
			environment: 'custom',
			baseUrl: `${sb.baseUrl}/not-the-api`,
			tokenUrl: sb.tokenUrl,
			authMethod: 'clientSecret',
			clientId: sb.clientId,
			clientSecret: sb.clientSecret,
		});
		expect(elsewhere.status).toBe('Error');
		expect(elsewhere.message).toMatch(/did not answer as the AvePoint Graph API/);
	});

	it('a token URL and a Base URL of different environments fail the Test: the API refuses the fresh token', async () => {
		const sb = demo.sandbox;
		// Another sandbox plays another environment: its API knows none of the first one's tokens.
		const otherEnvironment = await startSandbox({ users: 1, seed: 99 });
		try {
			const mixed = await testCredential({
				environment: 'custom',
				baseUrl: otherEnvironment.baseUrl,
				tokenUrl: sb.tokenUrl,
				authMethod: 'clientSecret',
				clientId: sb.clientId,
				clientSecret: sb.clientSecret,
			});
			expect(otherEnvironment.stats().byStatus[401]).toBe(2);
			expect(mixed).toEqual({ status: 'Error', message: expect.stringMatching(/refused a token the identity service had just issued/) });
		} finally {
			await otherEnvironment.close();
		}
	});
});
