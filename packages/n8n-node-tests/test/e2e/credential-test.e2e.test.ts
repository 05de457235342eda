// The credential dialog's "Test" button, through the running editor's REST API: it exchanges the
// app's credentials for real, so it tells a wrong secret or a missing permission from a good one.
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
});
