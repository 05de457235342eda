// What a connection holds (bundle.authData) and where it points. The environments and the URL
// rules are core's; this file only maps Zapier's auth fields onto them.
import { ENVIRONMENTS, resolveEndpoints, type EnvironmentName } from '@avepoint-graph-kit/core/protocol';
import type { Bundle } from 'zapier-platform-core';

/** The auth field `environment`: core's environments plus Custom (a sandbox or a proxy). */
export type EnvironmentChoice = EnvironmentName | 'custom';

export const ENVIRONMENT_CHOICES: ReadonlyArray<{ value: EnvironmentChoice; label: string }> = [
  ...(Object.entries(ENVIRONMENTS) as Array<[EnvironmentName, { label: string }]>).map(([value, env]) => ({
    value,
    label: env.label,
  })),
  { value: 'custom', label: 'Custom (enter the base and token URLs)' },
];

export interface Connection {
  environment: EnvironmentChoice;
  environmentLabel: string;
  clientId: string;
  clientSecret: string;
  baseUrl: string;
  tokenUrl: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * Reads the auth fields. For Custom both URLs are required; for a named environment the URL
 * fields are ignored (Zapier cannot hide them, so a stale value must not redirect the secret).
 */
export function connectionOf(authData: Bundle['authData']): Connection {
  const environment = (text(authData.environment) ?? 'commercial') as EnvironmentChoice;
  const clientId = text(authData.clientId) ?? '';
  const clientSecret = text(authData.clientSecret) ?? '';
  if (environment === 'custom') {
    const endpoints = resolveEndpoints({ baseUrl: text(authData.baseUrl) ?? '', tokenUrl: text(authData.tokenUrl) ?? '' });
    return { environment, environmentLabel: 'Custom', clientId, clientSecret, ...endpoints };
  }
  const endpoints = resolveEndpoints({ environment });
  return { environment, environmentLabel: ENVIRONMENTS[environment].label, clientId, clientSecret, ...endpoints };
}
