// Validation of the users batch request's query and body. Each failure names the parameter, so a
// client developer sees at once what to fix: 400 { error, parameter, message }.
import { GUID_PATTERN } from '../data/guid.js';

export const MAX_PAGE_SIZE = 100;
const MAX_INT32 = 2 ** 31 - 1;

export class ParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

function integerParam(query: URLSearchParams, name: string, min: number, max: number, fallback: number): number {
  const values = query.getAll(name);
  if (values.length === 0) return fallback;
  const range = max === MAX_INT32 ? `a positive integer` : `an integer from ${min} to ${max}`;
  if (values.length > 1) throw new ParameterError(name, `${name} must be given once`);
  const raw = values[0] ?? '';
  if (!/^\d{1,10}$/.test(raw)) throw new ParameterError(name, `${name} must be ${range}`);
  const value = Number(raw);
  if (value < min || value > max) throw new ParameterError(name, `${name} must be ${range}`);
  return value;
}

export interface PageQuery {
  pageIndex: number;
  pageSize: number;
}

/** The customers endpoint's documented default page size (its maximum is MAX_PAGE_SIZE too). */
export const DEFAULT_CUSTOMERS_PAGE_SIZE = 50;

export function parsePageQuery(query: URLSearchParams, defaultPageSize: number): PageQuery {
  return {
    pageIndex: integerParam(query, 'pageIndex', 1, MAX_INT32, 1),
    pageSize: integerParam(query, 'pageSize', 1, MAX_PAGE_SIZE, defaultPageSize),
  };
}

export function checkPathId(name: 'customerId' | 'tenantId' | 'userId', value: string): string {
  if (!GUID_PATTERN.test(value)) throw new ParameterError(name, `${name} must be a GUID such as 966f35cc-1d2e-4f3a-8b4c-25cdbcf82a07`);
  return value.toLowerCase();
}

/** The `userIds` of the body, or undefined for "every user" (no body, `{}` or an empty list). */
export function parseUserIds(body: string, isJson: boolean, maxUserIds: number): string[] | undefined {
  return parseIdList(body, isJson, 'userIds', maxUserIds);
}

/**
 * A body of the shape `{ "<field>": [GUID, ...] }`: the IDs, lower-cased, or undefined for
 * "every one" (no body, `{}` or an empty list). IDs must be unique (the spec's `uniqueItems`),
 * case-insensitively, as GUIDs are.
 */
export function parseIdList(body: string, isJson: boolean, field: 'userIds' | 'customerIds', maxIds: number): string[] | undefined {
  if (body.trim() === '') return undefined;
  if (!isJson) throw new ParameterError('body', 'the body must be JSON with Content-Type: application/json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ParameterError('body', 'the body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ParameterError('body', `the body must be a JSON object such as {"${field}": ["..."]}`);
  }
  const ids = (parsed as Record<string, unknown>)[field];
  if (ids === undefined) return undefined;
  const what = field === 'userIds' ? 'user' : 'customer';
  if (!Array.isArray(ids)) throw new ParameterError(field, `${field} must be an array of ${what} ID strings`);
  if (ids.length > maxIds) throw new ParameterError(field, `${field} must hold at most ${maxIds} IDs per request`);
  const seen = new Set<string>();
  ids.forEach((id: unknown, i) => {
    if (typeof id !== 'string') throw new ParameterError(field, `${field}[${i}] must be a string`);
    if (!GUID_PATTERN.test(id)) throw new ParameterError(field, `${field}[${i}] must be a GUID`);
    const key = id.toLowerCase();
    if (seen.has(key)) throw new ParameterError(field, `${field}[${i}] repeats an earlier ID; IDs must be unique`);
    seen.add(key);
  });
  return ids.length === 0 ? undefined : [...seen];
}
