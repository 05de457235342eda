// Types of workflows.mjs for the TypeScript tests.
export declare const NODE_TYPE: string;
export declare const CREDENTIAL_TYPE: string;
export declare const AVEPOINT_NODE_NAME: string;
export declare const SECRET_CREDENTIAL: { id: string; name: string };
export declare const CERTIFICATE_CREDENTIAL: { id: string; name: string };
export declare const DIRECTORY_CREDENTIAL: { id: string; name: string };
export declare const USERS_ONLY_CREDENTIAL: { id: string; name: string };
export declare function locator(
	value: string,
	mode?: 'list' | 'id',
	cachedResultName?: string,
): { __rl: true; mode: string; value: string; cachedResultName?: string };
export declare function sandboxCredentials(sandbox: unknown): unknown[];
export declare function workflow(o: {
	id: string;
	name: string;
	parameters?: Record<string, unknown>;
	credential?: { id: string; name: string };
	rows?: Array<Record<string, unknown>>;
	continueOnFail?: boolean;
	lastNode?: Record<string, unknown>;
	nodeType?: string;
	/** The node version the workflow was saved with (1 by default). */
	typeVersion?: number;
}): Record<string, unknown>;
export declare function branchesWorkflow(o: {
	id: string;
	name: string;
	nodeType?: string;
	branches: Array<{
		name: string;
		parameters: Record<string, unknown>;
		credential?: { id: string; name: string };
		/** Default 2. */
		typeVersion?: number;
		continueOnFail?: boolean;
	}>;
}): Record<string, unknown>;
export declare function webhookWorkflow(o: {
	id: string;
	name: string;
	path: string;
	webhookId: string;
	parameters?: Record<string, unknown>;
	credential?: { id: string; name: string };
	nodeType?: string;
}): Record<string, unknown>;
