// What a connection holds (bundle.authData) and where it points. The environments and the URL
// rules are core's; this file only maps Zapier's auth fields onto them.
import {
  CUSTOM_ENVIRONMENT,
  ENVIRONMENTS,
  resolveEnvironmentChoice,
  type EnvironmentChoice,
  type EnvironmentName,
} from '@avepoint-graph-kit/core/protocol';
import type { Bundle } from 'zapier-platform-core';

/** The auth field `environment`: core's environments plus Custom (a sandbox or a proxy). */
export type { EnvironmentChoice };

export const ENVIRONMENT_CHOICES: ReadonlyArray<{ value: EnvironmentChoice; label: string }> = [
  ...(Object.entries(ENVIRONMENTS) as Array<[EnvironmentName, { label: string }]>).map(([value, env]) => ({
    value,
    label: env.label,
  })),
  { value: CUSTOM_ENVIRONMENT, label: 'Custom (enter the base and token URLs)' },
];

export interface Connection {
  environment: EnvironmentChoice;
  environmentLabel: string;
  clientId: string;
  clientSecret: string;
  baseUrl: string;
  tokenUrl: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * Reads the auth fields. The endpoints follow core's rule for a credential form: Custom needs both
 * URLs, a named environment ignores them (Zapier cannot hide them, so a stale value must not
 * redirect the secret).
 */
export function connectionOf(authData: Bundle['authData']): Connection {
  const environment = (text(authData.environment) ?? 'commercial') as EnvironmentChoice;
  const endpoints = resolveEnvironmentChoice(authData);
  return {
    environment,
    environmentLabel: environment === CUSTOM_ENVIRONMENT ? 'Custom' : ENVIRONMENTS[environment].label,
    clientId: text(authData.clientId) ?? '',
    clientSecret: text(authData.clientSecret) ?? '',
    ...endpoints,
  };
}
