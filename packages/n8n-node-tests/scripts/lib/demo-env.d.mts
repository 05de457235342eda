// Types of demo-env.mjs for the TypeScript tests.
import type { Sandbox } from '@avepoint-graph-kit/sandbox';
import type { N8nInstance } from './n8n-harness.mjs';

export declare const OWNER: { email: string; firstName: string; lastName: string; password: string };
export declare const DEMO_WORKFLOW_ID: string;
export declare const ALL_USERS_WORKFLOW_ID: string;
export declare const ALL_TENANTS_WORKFLOW_ID: string;
export declare function startDemo(options?: { log?: (text: string) => void }): Promise<{
	sandbox: Sandbox;
	n8n: N8nInstance;
	url: string;
	close(): Promise<void>;
}>;
