// The credential's environment choice, turned into base and token URLs by core's protocol
// (the one place that knows AvePoint's hosts and the https/loopback rule).
import { AvePointInputError, resolveEndpoints, type EnvironmentName } from '@avepoint-graph-kit/core/protocol';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** The credential's extra choice beside AvePoint's named environments: how tests and the demo reach the sandbox. */
export const CUSTOM_ENVIRONMENT = 'custom';

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

export function endpointsFromCredentials(credentials: ICredentialDataDecryptedObject): {
	baseUrl: string;
	tokenUrl: string;
} {
	if (credentials.environment === CUSTOM_ENVIRONMENT) {
		const baseUrl = text(credentials.baseUrl);
		const tokenUrl = text(credentials.tokenUrl);
		if (baseUrl === undefined) throw new AvePointInputError('baseUrl', 'is required for a custom environment');
		if (tokenUrl === undefined) throw new AvePointInputError('tokenUrl', 'is required for a custom environment');
		return resolveEndpoints({ baseUrl, tokenUrl });
	}
	const environment = (text(credentials.environment) ?? 'commercial') as EnvironmentName;
	return resolveEndpoints({ environment });
}
