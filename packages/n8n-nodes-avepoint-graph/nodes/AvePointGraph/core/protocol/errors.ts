// Generated from packages/core/src/protocol/errors.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
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
  | 'TIMEOUT';

export class AvePointError extends Error {
  readonly code: AvePointErrorCode;

  constructor(code: AvePointErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Bad input, found before any request is sent. `field` and `rule` say what to fix. */
export class AvePointInputError extends AvePointError {
  readonly field: string;
  readonly rule: string;

  constructor(field: string, rule: string, received?: string) {
    super('INPUT_INVALID', `Invalid ${field}: ${rule}${received === undefined ? '' : ` (received ${received})`}`);
    this.field = field;
    this.rule = rule;
  }
}

/** The token endpoint refused the app's credentials. Never carries the secret or a token. */
export class AvePointAuthError extends AvePointError {
  readonly status: number | undefined;
  readonly oauthError: string | undefined;
  readonly oauthErrorDescription: string | undefined;

  constructor(message: string, details: { status?: number; oauthError?: string; oauthErrorDescription?: string; cause?: unknown } = {}) {
    super('AUTH_FAILED', message, { cause: details.cause });
    this.status = details.status;
    this.oauthError = details.oauthError;
    this.oauthErrorDescription = details.oauthErrorDescription;
  }
}

/** The API answered with an error, or with a body that is not the documented JSON. */
export class AvePointApiError extends AvePointError {
  readonly status: number;
  readonly requestId: string | undefined;
  readonly body: unknown;
  readonly retryCount: number;

  constructor(
    code: AvePointErrorCode,
    message: string,
    details: { status: number; requestId?: string | undefined; body?: unknown; retryCount?: number; cause?: unknown },
  ) {
    super(code, message, { cause: details.cause });
    this.status = details.status;
    this.requestId = details.requestId;
    this.body = details.body;
    this.retryCount = details.retryCount ?? 0;
  }
}
