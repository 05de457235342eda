// Loads spec/openapi.yaml through the workspace package @avepoint-graph-kit/openapi, so the
// validator always checks against the spec the rest of the kit is generated from.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';

export const USERS_BATCH_PATH = '/partner/external/v3/um/customers/{customerId}/tenants/{tenantId}/users/batch';
export const USER_PATH = '/partner/external/v3/um/customers/{customerId}/tenants/{tenantId}/users/{userId}';
export const CUSTOMERS_BATCH_PATH = '/partner/external/v3/general/customers/batch';

/** The operations of the spec, by operationId: where each lives. */
export const OPERATIONS = {
  getUsersBatch: { path: USERS_BATCH_PATH, method: 'post' },
  getUser: { path: USER_PATH, method: 'get' },
  listCustomers: { path: CUSTOMERS_BATCH_PATH, method: 'post' },
} as const;

export type OperationId = keyof typeof OPERATIONS;

export type SpecDocument = Record<string, unknown>;

export function specLocation(): string {
  return createRequire(import.meta.url).resolve('@avepoint-graph-kit/openapi/openapi.yaml');
}

export function loadSpec(file: string = specLocation()): SpecDocument {
  const doc: unknown = parse(readFileSync(file, 'utf8'));
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`${file} is not an OpenAPI document`);
  return doc as SpecDocument;
}

/** Follows a JSON pointer such as `#/components/schemas/User`. */
export function resolvePointer(doc: SpecDocument, pointer: string): unknown {
  if (!pointer.startsWith('#')) throw new Error(`only local references are supported: ${pointer}`);
  let node: unknown = doc;
  for (const raw of pointer.slice(1).split('/').filter(Boolean)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') throw new Error(`cannot resolve ${pointer}`);
    node = (node as Record<string, unknown>)[key];
  }
  if (node === undefined) throw new Error(`cannot resolve ${pointer}`);
  return node;
}

/** An escaped JSON pointer segment (for paths, which hold `/` and `{}`). */
export const pointerSegment = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
