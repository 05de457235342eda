// A minimal IExecuteFunctions: input items, per-item parameters, continueOnFail, credentials and
// the authenticated request helper, which is the injected transport of every unit test (n8n's
// helper over the sandbox, from sandboxHelper.ts, or a test's wrapper of it).
import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

export const NODE: INode = {
	id: 'node-1',
	name: 'AvePoint Graph',
	type: 'CUSTOM.avePointGraph',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export type Params = Record<string, unknown>;

export interface FakeContextOptions {
	/** Parameters shared by all items, then per-item overrides (by index). */
	params: Params;
	perItem?: Params[];
	items?: number;
	continueOnFail?: boolean;
	/** What getCredentials answers: the sandbox's (sandboxHelper.ts), or one a test breaks. */
	credentials: ICredentialDataDecryptedObject;
	/** The node version the workflow saved (default 1, the first version's fields). */
	typeVersion?: number;
	/** n8n's helper: sandboxHelper.ts's httpRequestWithAuthentication, or a test's wrapper of it. */
	send: (options: IHttpRequestOptions, callIndex: number) => Promise<unknown>;
}

export interface FakeContext {
	ctx: IExecuteFunctions;
	calls: Array<{ credentialType: string; options: IHttpRequestOptions }>;
}

export function fakeContext(o: FakeContextOptions): FakeContext {
	const itemCount = o.items ?? o.perItem?.length ?? 1;
	const calls: FakeContext['calls'] = [];
	const ctx = {
		// Parameters that differ per item are expressions in a real workflow.
		getNode: () => ({
			...NODE,
			typeVersion: o.typeVersion ?? NODE.typeVersion,
			parameters: Object.fromEntries((o.perItem ?? []).flatMap((p) => Object.keys(p)).map((k) => [k, '={{ per item }}'])),
		}),
		getInputData: () => Array.from({ length: itemCount }, (_, i) => ({ json: { index: i } as IDataObject })),
		continueOnFail: () => o.continueOnFail === true,
		getCredentials: async (type: string) => {
			if (type !== 'avePointGraphApi') throw new Error(`unexpected credential type ${type}`);
			return o.credentials;
		},
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			const own = o.perItem?.[itemIndex];
			if (own && name in own) return own[name];
			if (name in o.params) return o.params[name];
			if (fallback !== undefined) return fallback;
			throw new Error(`parameter ${name} not set`);
		},
		helpers: {
			httpRequestWithAuthentication: async (credentialType: string, options: IHttpRequestOptions) => {
				calls.push({ credentialType, options });
				return await o.send(options, calls.length - 1);
			},
		},
	};
	return { ctx: ctx as unknown as IExecuteFunctions, calls };
}
