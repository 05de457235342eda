// Types of n8n-harness.mjs for the TypeScript tests.
export declare const TESTS_ROOT: string;
export declare const NODE_PACKAGE_ROOT: string;
export interface N8nRuntime {
	runtime: string;
	/** The installed n8n's version, e.g. 2.40.7. */
	version: string;
	nodeBin: string;
	n8nBin: string;
}
export declare function ensureN8nRuntime(): N8nRuntime;
export declare function freePort(): Promise<number>;
export interface RunItem {
	json: Record<string, unknown>;
	pairedItem?: { item: number } | Array<{ item: number }>;
}
export interface ExecuteResult {
	exitCode: number | null;
	signal: string | null;
	stdout: string;
	stderr: string;
	run: any;
	/** The signal n8n died of after printing the run, when it did. */
	crashedAtExit?: string;
	/** The run was read from n8n's database: n8n 1.x could not print it. */
	fromDatabase?: boolean;
}
export declare function parseExecuteOutput(stdout: string): any;
export declare function nodeItems(run: any, nodeName: string): RunItem[];
export declare class N8nInstance {
	static create(options?: {
		port?: number;
		userFolder?: string;
		customExtensions?: string | null;
		env?: Record<string, string>;
	}): Promise<N8nInstance>;
	installCommunityPackage(unpackedDir: string): string;
	runtime: N8nRuntime;
	userFolder: string;
	port: number;
	env(): Record<string, string | undefined>;
	n8n(args: string[], timeoutMs?: number): Promise<Omit<ExecuteResult, 'run'>>;
	importCredentials(credentials: unknown[]): Promise<void>;
	importWorkflows(workflows: unknown[], options?: { args?: string[] }): Promise<Omit<ExecuteResult, 'run'>>;
	execute(workflowId: string): Promise<ExecuteResult>;
	savedRun(workflowId: string): Promise<any>;
	start(options?: { timeoutMs?: number; log?: (text: string) => void; args?: string[]; readyUrl?: string }): Promise<void>;
	url(): string;
	stop(): Promise<void>;
	dispose(): void;
}
