// Validation of fault rules: a RangeError naming the first malformed or unknown field, so a typo
// in a test (`hugBody`, `probablity`, `status: 501`) fails loudly instead of doing nothing.
import { MAX_CHURN_OPERATIONS } from '../data/churn.js';
import type { FaultRule } from './types.js';

/** An HTTP error status a rule may answer with. */
export const isFaultStatus = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 400 && (value as number) <= 599;
export const FAULT_PATHS = ['token', 'users', 'user', 'customers'] as const;
export const BODY_ENCODINGS = ['gzip', 'deflate', 'br'] as const;
export const MIN_BODY_BYTES = 1024;
export const MAX_BOMB_BYTES = 16 * 1024 ** 3;
export const MAX_SERVED_PAGE_SIZE = 10_000;

const RULE_FIELDS = new Set([
  'match',
  'latencyMs',
  'status',
  'oneOf',
  'seed',
  'retryAfter',
  'body',
  'contentType',
  'reset',
  'slowBodyMs',
  'statusAsInteger',
  'expireTokens',
  'churn',
  'hugeBody',
  'compressionBomb',
  'corruptBody',
  'truncateBody',
  'totalCount',
  'servePageSize',
  'ignorePageIndex',
]);
const MATCH_FIELDS = new Set(['path', 'pageIndex', 'customerId', 'tenantId', 'nth', 'first', 'probability']);
/** Fields about a users batch page: a rule holding one matches users batch requests only. */
export const USERS_ONLY_FIELDS = ['churn', 'hugeBody', 'compressionBomb'] as const;
/**
 * Lies about paging, which both paged endpoints (users batch, customers) can tell: a rule holding
 * one matches users batch requests unless its match.path says customers.
 */
export const PAGE_LIE_FIELDS = ['totalCount', 'servePageSize', 'ignorePageIndex'] as const;
/** Fields that replace the response: at most one per rule (`status` with `reset` stays allowed: reset wins, as it always did). */
const REPLACING_FIELDS = ['oneOf', 'hugeBody', 'compressionBomb'] as const;

const isInteger = (n: unknown, min: number, max = Number.MAX_SAFE_INTEGER): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
const nonNegative = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n) && n >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkObject(value: unknown, where: string, fields: readonly string[]): Record<string, unknown> {
  if (!isObject(value)) throw new RangeError(`${where} must be an object`);
  for (const key of Object.keys(value)) {
    if (!fields.includes(key)) throw new RangeError(`${where}.${key} is not a field (expected one of ${fields.join(', ')})`);
  }
  return value;
}

function checkEncoding(value: unknown, where: string): void {
  if (value !== undefined && !(BODY_ENCODINGS as readonly unknown[]).includes(value))
    throw new RangeError(`${where} must be 'gzip', 'deflate' or 'br'`);
}

/** Checks a churn step (of a rule, or of applyChurn()), naming `where` in the error. */
export function checkChurn(value: unknown, where: string): void {
  const churn = checkObject(value, where, ['inserts', 'deletes', 'moves', 'scale', 'at']);
  if (churn.scale !== undefined && churn.scale !== 'users' && churn.scale !== 'fractionOfTenant')
    throw new RangeError(`${where}.scale must be 'users' or 'fractionOfTenant'`);
  if (churn.at !== undefined && churn.at !== 'random' && churn.at !== 'start' && churn.at !== 'end')
    throw new RangeError(`${where}.at must be 'random', 'start' or 'end'`);
  const fraction = churn.scale === 'fractionOfTenant';
  let total = 0;
  for (const key of ['inserts', 'deletes', 'moves'] as const) {
    const n = churn[key];
    if (n === undefined) continue;
    if (fraction ? !(typeof n === 'number' && n >= 0 && n <= 1) : !isInteger(n, 0, MAX_CHURN_OPERATIONS)) {
      throw new RangeError(
        fraction
          ? `${where}.${key} must be a fraction from 0 to 1 (scale: 'fractionOfTenant')`
          : `${where}.${key} must be an integer from 0 to ${MAX_CHURN_OPERATIONS}`,
      );
    }
    total += n as number;
  }
  if (total === 0) throw new RangeError(`${where} must have inserts, deletes or moves above 0`);
}

function checkTotalCount(value: unknown, where: string): void {
  if (value === null || typeof value === 'number' || typeof value === 'string') return;
  if (!isObject(value)) throw new RangeError(`${where} must be a number, a string, null or { add, addPerRequest }`);
  const shift = checkObject(value, where, ['add', 'addPerRequest']);
  for (const key of ['add', 'addPerRequest'] as const) {
    if (shift[key] !== undefined && !(typeof shift[key] === 'number' && Number.isFinite(shift[key])))
      throw new RangeError(`${where}.${key} must be a finite number`);
  }
}

/** Throws a RangeError naming the first malformed field, so a typo in a test fails loudly. */
export function checkFaultRule(rule: FaultRule, at: number): void {
  const where = `faults[${at}]`;
  checkObject(rule, where, [...RULE_FIELDS]);
  const m = rule.match === undefined ? {} : checkObject(rule.match, `${where}.match`, [...MATCH_FIELDS]);
  if (m.path !== undefined && !(FAULT_PATHS as readonly unknown[]).includes(m.path))
    throw new RangeError(`${where}.match.path must be 'token', 'users', 'user' or 'customers'`);
  for (const key of ['nth', 'first', 'pageIndex'] as const) {
    if (m[key] !== undefined && !isInteger(m[key], 1)) throw new RangeError(`${where}.match.${key} must be an integer >= 1`);
  }
  for (const key of ['customerId', 'tenantId'] as const) {
    if (m[key] !== undefined && typeof m[key] !== 'string') throw new RangeError(`${where}.match.${key} must be a string`);
  }
  if (m.probability !== undefined && !(typeof m.probability === 'number' && m.probability > 0 && m.probability <= 1)) {
    throw new RangeError(`${where}.match.probability must be a number above 0 and at most 1`);
  }
  for (const key of ['latencyMs', 'slowBodyMs'] as const) {
    if (rule[key] !== undefined && !nonNegative(rule[key])) throw new RangeError(`${where}.${key} must be a number >= 0`);
  }
  if (rule.status !== undefined && !isFaultStatus(rule.status))
    throw new RangeError(`${where}.status must be an HTTP error status, 400 to 599`);
  if (rule.contentType !== undefined && (typeof rule.contentType !== 'string' || !/^[\x20-\x7e]+$/.test(rule.contentType)))
    throw new RangeError(`${where}.contentType must be a header-safe string`);
  if (rule.retryAfter !== undefined && (typeof rule.retryAfter !== 'string' || !/^[\x20-\x7e]+$/.test(rule.retryAfter))) {
    throw new RangeError(`${where}.retryAfter must be a header-safe string (seconds or an HTTP date)`);
  }
  for (const key of ['reset', 'statusAsInteger', 'expireTokens', 'ignorePageIndex'] as const) {
    if (rule[key] !== undefined && rule[key] !== true) throw new RangeError(`${where}.${key} must be true when present`);
  }
  if (rule.seed !== undefined && !isInteger(rule.seed, 0, 2 ** 32 - 1))
    throw new RangeError(`${where}.seed must be an integer from 0 to 2^32 - 1`);
  if (rule.oneOf !== undefined) {
    if (!Array.isArray(rule.oneOf) || rule.oneOf.length === 0)
      throw new RangeError(`${where}.oneOf must be a non-empty array of statuses and 'reset'`);
    rule.oneOf.forEach((outcome: unknown, i) => {
      if (outcome !== 'reset' && !isFaultStatus(outcome))
        throw new RangeError(`${where}.oneOf[${i}] must be an HTTP error status (400 to 599) or 'reset'`);
    });
  }
  const replacing = REPLACING_FIELDS.filter((key) => rule[key] !== undefined);
  const second =
    replacing[1] ?? (replacing[0] !== undefined ? (['status', 'reset'] as const).find((key) => rule[key] !== undefined) : undefined);
  if (replacing[0] !== undefined && second !== undefined)
    throw new RangeError(`${where}.${replacing[0]} cannot be combined with ${second}: both decide the response`);

  if (rule.churn !== undefined) checkChurn(rule.churn, `${where}.churn`);
  if (rule.hugeBody !== undefined) {
    const huge = checkObject(rule.hugeBody, `${where}.hugeBody`, ['bytes', 'contentLength']);
    if (huge.bytes !== 'endless' && !isInteger(huge.bytes, MIN_BODY_BYTES))
      throw new RangeError(`${where}.hugeBody.bytes must be an integer >= ${MIN_BODY_BYTES} or 'endless'`);
    if (huge.contentLength !== undefined && typeof huge.contentLength !== 'boolean')
      throw new RangeError(`${where}.hugeBody.contentLength must be a boolean`);
  }
  if (rule.compressionBomb !== undefined) {
    const bomb = checkObject(rule.compressionBomb, `${where}.compressionBomb`, ['encoding', 'decompressedBytes', 'layers']);
    checkEncoding(bomb.encoding, `${where}.compressionBomb.encoding`);
    if (bomb.decompressedBytes !== undefined && !isInteger(bomb.decompressedBytes, MIN_BODY_BYTES, MAX_BOMB_BYTES)) {
      throw new RangeError(
        `${where}.compressionBomb.decompressedBytes must be an integer from ${MIN_BODY_BYTES} to ${MAX_BOMB_BYTES} (16 GiB)`,
      );
    }
    if (bomb.layers !== undefined && bomb.layers !== 1 && bomb.layers !== 2)
      throw new RangeError(`${where}.compressionBomb.layers must be 1 or 2`);
  }
  if (rule.corruptBody !== undefined)
    checkEncoding(checkObject(rule.corruptBody, `${where}.corruptBody`, ['encoding']).encoding, `${where}.corruptBody.encoding`);
  if (rule.truncateBody !== undefined) {
    const truncate = checkObject(rule.truncateBody, `${where}.truncateBody`, ['afterBytes']);
    if (truncate.afterBytes !== undefined && !isInteger(truncate.afterBytes, 0))
      throw new RangeError(`${where}.truncateBody.afterBytes must be an integer >= 0`);
  }
  if (rule.totalCount !== undefined) checkTotalCount(rule.totalCount, `${where}.totalCount`);
  if (rule.servePageSize !== undefined && !isInteger(rule.servePageSize, 1, MAX_SERVED_PAGE_SIZE))
    throw new RangeError(`${where}.servePageSize must be an integer from 1 to ${MAX_SERVED_PAGE_SIZE}`);
  if (m.path !== undefined && m.path !== 'users') {
    const usersOnly = USERS_ONLY_FIELDS.find((key) => rule[key] !== undefined);
    if (usersOnly)
      throw new RangeError(
        `${where}.${usersOnly} applies to users requests only (the batch endpoint), but match.path is '${String(m.path)}'`,
      );
    const pageLie = PAGE_LIE_FIELDS.find((key) => rule[key] !== undefined);
    if (pageLie && m.path !== 'customers')
      throw new RangeError(
        `${where}.${pageLie} applies to paged requests only (users batch or customers), but match.path is '${String(m.path)}'`,
      );
  }
}

/**
 * Whether a rule without match.path is about users pages (then it never matches a token request,
 * nor counts one): it holds a users-only field or a lie about paging.
 */
export function isUsersOnly(rule: FaultRule): boolean {
  return [...USERS_ONLY_FIELDS, ...PAGE_LIE_FIELDS].some((key) => rule[key] !== undefined);
}
