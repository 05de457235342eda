// A minimal ILoadOptionsFunctions, what n8n hands a listSearch method in the editor: the node's
// current parameters (resource locators as `{ __rl, mode, value }`), its credential and the
// authenticated request helper.
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, IN8nHttpFullResponse, ILoadOptionsFunctions } from 'n8n-workflow';

import { NODE, SANDBOX_CREDENTIALS } from './fakeContext';

export const WITH_CUSTOMERS: ICredentialDataDecryptedObject = { ...SANDBOX_CREDENTIALS, customersPermission: true };

export const locator = (value: string, mode = 'list') => ({ __rl: true, mode, value });

export interface FakeLoadOptions {
	ctx: ILoadOptionsFunctions;
	calls: IHttpRequestOptions[];
}

export function fakeLoadOptions(o: {
	parameters?: Record<string, unknown>;
	credentials?: ICredentialDataDecryptedObject;
	send: (options: IHttpRequestOptions, callIndex: number) => Promise<IN8nHttpFullResponse> | IN8nHttpFullResponse;
}): FakeLoadOptions {
	const calls: IHttpRequestOptions[] = [];
	const parameters = { resource: 'user', operation: 'getUsersBatch', ...o.parameters };
	const ctx = {
		getNode: () => ({ ...NODE, typeVersion: 2, parameters }),
		getCredentials: async (type: string) => {
			if (type !== 'avePointGraphApi') throw new Error(`unexpected credential type ${type}`);
			return o.credentials ?? WITH_CUSTOMERS;
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
