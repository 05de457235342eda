// The credential's environment choice, turned into base and token URLs by core's protocol
// (the one place that knows AvePoint's hosts, the Custom choice and the https/loopback rule).
import { CUSTOM_ENVIRONMENT, resolveEnvironmentChoice } from '../core/protocol';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export { CUSTOM_ENVIRONMENT };

export function endpointsFromCredentials(credentials: ICredentialDataDecryptedObject): {
	baseUrl: string;
	tokenUrl: string;
} {
	return resolveEnvironmentChoice(credentials);
}
