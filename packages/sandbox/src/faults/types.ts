// Faults the sandbox injects on demand, so that clients can prove their retry, refresh and
// tolerance logic against real HTTP.

export type FaultPath = 'token' | 'users';

export interface FaultMatch {
  /** Which endpoint: `token` is /connect/token, `users` the users batch endpoint. Any when absent. */
  path?: FaultPath;
  /** Only users requests for this page (the `pageIndex` query parameter, 1 when absent). */
  pageIndex?: number;
  /** Only users requests for this customer or tenant ID. */
  customerId?: string;
  tenantId?: string;
  /** Fire on every Nth request that matches the above (the Nth, 2Nth, ...). */
  nth?: number;
  /** Fire only on the first N requests that match the above (and `nth`, when both are set). */
  first?: number;
}

export interface FaultRule {
  match?: FaultMatch;
  /** Delay before the response (or the reset) starts. */
  latencyMs?: number;
  /** Answer with this status instead of the real response. */
  status?: 429 | 500 | 503 | 504;
  /** `Retry-After` for `status`: seconds (`"2"`) or an HTTP date. No header when absent. */
  retryAfter?: string;
  /** Body for `status` (a string is sent as text/plain, anything else as JSON). Defaults to a JSON error. */
  body?: unknown;
  /** Destroy the socket without answering (the client sees a connection reset). */
  reset?: true;
  /** Send the real response's body in pieces spread over this many milliseconds. */
  slowBodyMs?: number;
  /** Send each user's `status` as a bare integer (the documented inconsistency) instead of an array. */
  statusAsInteger?: true;
  /** Expire every access token issued so far before handling the request (the client must refresh). */
  expireTokens?: true;
}

/** A token bucket in front of the users endpoint: 429 with `Retry-After` once it is empty. */
export interface RateLimit {
  capacity: number;
  refillPerSecond: number;
  /** Fixed `Retry-After` seconds; by default the time until the bucket holds a token again. */
  retryAfterSeconds?: number;
  /** Which endpoint the bucket guards; `users` by default. */
  path?: FaultPath;
}

/** What the rules that fired on one request add up to. */
export interface FaultDecision {
  fired: boolean;
  latencyMs: number;
  reset: boolean;
  status?: FaultRule['status'];
  retryAfter?: string;
  body?: unknown;
  slowBodyMs: number;
  statusAsInteger: boolean;
  expireTokens: boolean;
}
