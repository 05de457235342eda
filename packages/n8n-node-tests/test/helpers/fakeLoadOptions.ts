// A minimal ILoadOptionsFunctions, what n8n hands a listSearch method in the editor: the node's
// current parameters (resource locators as `{ __rl, mode, value }`), its credential and the
// authenticated request helper.
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { NODE } from './fakeContext';

export const locator = (value: string, mode = 'list') => ({ __rl: true, mode, value });

export interface FakeLoadOptions {
	ctx: ILoadOptionsFunctions;
	calls: IHttpRequestOptions[];
}

export function fakeLoadOptions(o: {
	parameters?: Record<string, unknown>;
	/** What getCredentials answers: the sandbox's (sandboxHelper.ts), or one a test breaks. */
	credentials: ICredentialDataDecryptedObject;
	/** n8n's helper: sandboxHelper.ts's httpRequestWithAuthentication, or a test's wrapper of it. */
	send: (options: IHttpRequestOptions, callIndex: number) => Promise<unknown>;
}): FakeLoadOptions {
	const calls: IHttpRequestOptions[] = [];
	const parameters = { resource: 'user', operation: 'getUsersBatch', ...o.parameters };
	const ctx = {
		getNode: () => ({ ...NODE, typeVersion: 2, parameters }),
		getCredentials: async (type: string) => {
			if (type !== 'avePointGraphApi') throw new Error(`unexpected credential type ${type}`);
			return o.credentials;
		},
		getCurrentNodeParameter: (name: string) => parameters[name as keyof typeof parameters],
		getCurrentNodeParameters: () => parameters,
		helpers: {
			httpRequestWithAuthentication: async (credentialType: string, options: IHttpRequestOptions) => {
				if (credentialType !== 'avePointGraphApi') throw new Error(`unexpected credential type ${credentialType}`);
				calls.push(options);
				return await o.send(options, calls.length - 1);
			},
		},
	};
	return { ctx: ctx as unknown as ILoadOptionsFunctions, calls };
}
