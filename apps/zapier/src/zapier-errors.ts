// Core's errors as the errors Zapier shows a Zap builder, naming the field to fix. Which status
// means what is core's (apiErrorFromResponse); what to do about it in Zapier is said here.
import {
  AvePointApiError,
  AvePointAuthError,
  AvePointError,
  AvePointInputError,
  CUSTOMERS_READ_SCOPE,
} from '@avepoint-graph-kit/core/protocol';
import type { ZObject } from 'zapier-platform-core';

type ZapierErrorName = 'RefreshAuthError' | 'ThrottledError' | 'ExpiredAuthError' | 'HaltedError' | 'Error';

/** Errors Zapier's runtime acts on; they must reach it unchanged, even through core's client. */
const PASS_THROUGH: readonly ZapierErrorName[] = ['RefreshAuthError', 'ThrottledError', 'ExpiredAuthError', 'HaltedError', 'Error'];

export function isZapierError(z: ZObject, error: unknown, name: ZapierErrorName): boolean {
  return error instanceof (z.errors[name] as new (...args: never[]) => Error);
}

/** Core wraps what its transport throws (NETWORK_ERROR with a cause): find Zapier's own error. */
function findZapierError(z: ZObject, error: unknown): Error | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (PASS_THROUGH.some((name) => isZapierError(z, current, name))) return current as Error;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Labels of the input fields as the Zap editor shows them. */
const FIELD_LABELS: Record<string, string> = {
  customerId: 'Customer ID',
  tenantId: 'Tenant ID',
  userIds: 'User IDs',
  userId: 'User ID',
  statuses: 'Only Users With Status',
  environment: 'Environment',
  baseUrl: 'API Base URL',
  tokenUrl: 'Token URL',
};

export function fieldLabel(field: string): string {
  const item = /^(\w+)\[(\d+)\]$/.exec(field);
  if (item?.[1] !== undefined && item[2] !== undefined) {
    return `${FIELD_LABELS[item[1]] ?? item[1]} (entry ${Number(item[2]) + 1})`;
  }
  return FIELD_LABELS[field] ?? field;
}

/** What the person running the Zap should change, per API status. */
const WHAT_TO_FIX: Record<number, string> = {
  400: 'Check the Customer ID, Tenant ID and User IDs fields: each must be an AvePoint GUID.',
  403:
    'In AvePoint Elements (Settings > API app registration), give the connected app the ' +
    '"elements.um.user.read.all" permission and access to this customer, or correct the Customer ID field.',
  404: 'Check the Customer ID and Tenant ID fields: AvePoint knows no such customer or tenant for this app.',
};

/** What each permission the app may lack is needed for, and what works without it. */
const PERMISSION_USES: Record<string, string> = {
  [CUSTOMERS_READ_SCOPE]:
    'which the Customer and Tenant dropdowns need to list your customers and their tenants. ' +
    'Until it is granted, enter the Customer ID and Tenant ID as custom values (or map them): the steps themselves need only "elements.um.user.read.all"',
};

/**
 * The message for a permission the connected app lacks. Not an auth error for Zapier: the
 * connection itself is fine (its users calls keep working), so it must not be marked expired.
 */
export function missingPermissionMessage(permission: string): string {
  const use = PERMISSION_USES[permission];
  return (
    `The app registration of this connection lacks the "${permission}" permission${use ? `, ${use}` : ''}. ` +
    'Grant it in AvePoint Elements > Settings > API app registration, then reload this field.'
  );
}

/** Turns any failure of a call into the error Zapier should see. Never returns. */
export function rethrowForZapier(z: ZObject, error: unknown): never {
  const zapierError = findZapierError(z, error);
  if (zapierError) throw zapierError;

  // Core names the permission both when the identity service refuses to issue it (invalid_scope)
  // and when the API refuses a token without it (403): either way the fix is the same grant.
  if ((error instanceof AvePointAuthError || error instanceof AvePointApiError) && error.permission !== undefined) {
    throw new z.errors.Error(missingPermissionMessage(error.permission), 'MissingPermission', 403);
  }

  if (error instanceof AvePointInputError) {
    throw new z.errors.Error(`Fix the "${fieldLabel(error.field)}" field: ${error.message}`, 'InvalidInput', 400);
  }
  if (error instanceof AvePointAuthError) {
    throw new z.errors.Error(
      `${error.message}. Reconnect the AvePoint account with a valid Client ID and Client Secret.`,
      'AuthenticationFailed',
      error.status ?? 401,
    );
  }
  if (error instanceof AvePointApiError) {
    const fix = WHAT_TO_FIX[error.status];
    throw new z.errors.Error(fix ? `${error.message}. ${fix}` : error.message, error.code, error.status);
  }
  if (error instanceof AvePointError) {
    throw new z.errors.Error(error.message, error.code);
  }
  throw error;
}
