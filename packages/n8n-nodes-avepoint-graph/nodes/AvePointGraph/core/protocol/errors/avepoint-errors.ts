// Generated from packages/core/src/protocol/errors/avepoint-errors.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// The error classes every layer throws. They live in the protocol layer so that the n8n node and
// the Zapier app classify failures exactly as the client does.

export type AvePointErrorCode =
  | 'INPUT_INVALID'
  | 'AUTH_FAILED'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'UNAVAILABLE'
  | 'INVALID_RESPONSE'
  | 'HTTP_ERROR'
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'INCONSISTENT_LISTING';

export class AvePointError extends Error {
  readonly code: AvePointErrorCode;
  /** Retries spent before giving up (set by whoever retried). */
  retryCount: number;
  /**
   * Set when a listing failed: the first page it had not yielded yet. `listUsers({ resumeFrom })`
   * (with the same `pageSize`) or the CLI's `--resume-from` continue from there.
   */
  resumeFrom: number | undefined;

  constructor(code: AvePointErrorCode, message: string, options?: { cause?: unknown; retryCount?: number | undefined }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryCount = options?.retryCount ?? 0;
    this.resumeFrom = undefined;
  }
}

/** Bad input, found before any request is sent. `field` and `rule` say what to fix. */
export class AvePointInputError extends AvePointError {
  /** The field as the API names it, with an entry index for lists: `customerId`, `userIds[3]`. */
  readonly field: string;
  readonly rule: string;
  /** How the rejected value is described in the message (never a secret cut short). */
  readonly received: string | undefined;

  constructor(field: string, rule: string, received?: string) {
    super('INPUT_INVALID', `Invalid ${field}: ${rule}${received === undefined ? '' : ` (received ${received})`}`);
    this.field = field;
    this.rule = rule;
    this.received = received;
  }
}

/**
 * A field name split into the name and, for a list entry, its 1-based position: hosts map the name
 * to the label their users see ("User IDs", "--user-ids") and say "entry 4" rather than "[3]".
 */
export function fieldPath(field: string): { name: string; entry: number | undefined } {
  const match = /^([\w.]+)\[(\d+)\]$/.exec(field);
  return match ? { name: match[1]!, entry: Number(match[2]) + 1 } : { name: field, entry: undefined };
}

/** The token endpoint refused the app's credentials. Never carries the secret or a token. */
export class AvePointAuthError extends AvePointError {
  readonly status: number | undefined;
  readonly oauthError: string | undefined;
  readonly oauthErrorDescription: string | undefined;
  /** The permission the app lacks, when the identity service refused the scope it asked for. */
  readonly permission: string | undefined;

  constructor(
    message: string,
    details: { status?: number; oauthError?: string; oauthErrorDescription?: string; permission?: string; cause?: unknown } = {},
  ) {
    super('AUTH_FAILED', message, { cause: details.cause });
    this.status = details.status;
    this.oauthError = details.oauthError;
    this.oauthErrorDescription = details.oauthErrorDescription;
    this.permission = details.permission;
  }
}

/** Most bytes of one answer, counted decoded: far above a 100-user page (about 60 KB), far below harm. */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** An error answer is read only this far: its first kilobytes say what went wrong. */
export const ERROR_BODY_READ_BYTES = 64 * 1024;

/** Most of an error body an error keeps: enough to read what the service said, never megabytes. */
export const ERROR_BODY_EXCERPT_CHARS = 4096;

/** A body as an error keeps it: small JSON as parsed, anything larger as the start of its text. */
export function bodyExcerpt(body: unknown): unknown {
  if (body === undefined || body === null) return body;
  if (typeof body === 'string') return body.length > ERROR_BODY_EXCERPT_CHARS ? `${body.slice(0, ERROR_BODY_EXCERPT_CHARS)}...` : body;
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch {
    return undefined;
  }
  if (text === undefined || text.length <= ERROR_BODY_EXCERPT_CHARS) return body;
  return `${text.slice(0, ERROR_BODY_EXCERPT_CHARS)}...`;
}

/** The API answered with an error, or with a body that is not the documented JSON. */
export class AvePointApiError extends AvePointError {
  readonly status: number;
  readonly requestId: string | undefined;
  /** An excerpt of the body (see bodyExcerpt), never all of a huge one. */
  readonly body: unknown;
  /** The `Retry-After` header of the answer, as sent. */
  readonly retryAfter: string | undefined;
  /** For a 403 that means a missing permission: the one to grant. */
  readonly permission: string | undefined;

  constructor(
    code: AvePointErrorCode,
    message: string,
    details: {
      status: number;
      requestId?: string | undefined;
      body?: unknown;
      retryAfter?: string | undefined;
      retryCount?: number | undefined;
      permission?: string | undefined;
      cause?: unknown;
    },
  ) {
    super(code, message, { cause: details.cause, retryCount: details.retryCount });
    this.status = details.status;
    this.requestId = details.requestId;
    this.body = bodyExcerpt(details.body);
    this.retryAfter = details.retryAfter;
    this.permission = details.permission;
  }
}

/** What a listing saw when the tenant kept changing under it (see the engine's verification passes). */
export interface InconsistencyReport {
  /** Passes read, the first one included. */
  passes: number;
  /** The distinct `totalCount`s the pages reported, in the order first seen. */
  totalCounts: number[];
  /** Users that only a verification pass found (the first pass missed them). */
  addedByLaterPasses: number;
  /** Why the last pass still counted as changed, a few examples. */
  reasons: string[];
}

/** A listing in `consistency: 'strict'` mode could not get one unchanged pass of the tenant. */
export class AvePointConsistencyError extends AvePointError {
  readonly report: InconsistencyReport;

  constructor(report: InconsistencyReport) {
    super(
      'INCONSISTENT_LISTING',
      `The tenant kept changing while it was read: ${report.passes} passes, totalCount ${report.totalCounts.join(' -> ')}` +
        `${report.reasons[0] ? ` (${report.reasons[0]})` : ''}; every user yielded is real and yielded once, but some may be missing`,
    );
    this.report = report;
  }
}
