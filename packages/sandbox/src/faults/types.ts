// Faults the sandbox injects on demand, so that clients can prove their retry, refresh and
// tolerance logic against real HTTP.
import type { Churn } from '../data/churn.js';

export type { Churn };

/**
 * Which endpoint a rule is about: `token` is /connect/token, `users` the users batch endpoint,
 * `user` the one-user endpoint, `customers` the customers batch endpoint.
 */
export type FaultPath = 'token' | 'users' | 'user' | 'customers';

/**
 * The status a rule answers with: any HTTP error, 400 to 599. The named ones are the service's
 * transient failures (502 and 504 come from gateways); the others play what a gateway, a WAF or a
 * misconfigured proxy sends (403 with an HTML page, 404 for a wrong base URL, 408, 413, 501...).
 */
export type FaultStatus = 429 | 500 | 502 | 503 | 504 | (number & Record<never, never>);

/** What a `oneOf` rule may pick: a status, or a connection reset. */
export type FaultOutcome = FaultStatus | 'reset';

/** Content codings the body faults can use. */
export type BodyEncoding = 'gzip' | 'deflate' | 'br';

export interface FaultMatch {
  /** Which endpoint (see FaultPath). Any when absent. */
  path?: FaultPath;
  /** Only paged requests (users batch, customers) for this page (the `pageIndex` query parameter, 1 when absent). */
  pageIndex?: number;
  /** Only users requests (batch and one user) for this customer or tenant ID in the path. */
  customerId?: string;
  tenantId?: string;
  /** Fire on every Nth request that matches the above (the Nth, 2Nth, ...). */
  nth?: number;
  /** Fire only on the first N requests that match the above (and `nth`, when both are set). */
  first?: number;
  /**
   * Fire on a request that passed the above with this probability (0 < p <= 1). The draws come
   * from a PRNG seeded by the sandbox's `seed` (or the rule's `seed`) and the rule's count, so
   * the same requests in the same order meet the same faults; `setFaults` starts them over.
   */
  probability?: number;
}

/** A 200 whose body is huge or never ends: `{"data":[...users...` streamed, never built in memory. */
export interface HugeBody {
  /** Body size in bytes (at least 1024; exact, padded with JSON whitespace), or `endless`: until the client hangs up. */
  bytes: number | 'endless';
  /** Send `content-length` (default true). An endless body then announces 2^53 - 1 bytes. Without it the body is chunked. */
  contentLength?: boolean;
}

/** A 200 whose small compressed body decompresses to a huge JSON document (mostly whitespace). */
export interface CompressionBomb {
  /** `content-encoding` (default gzip). gzip and deflate cannot beat ~1030:1; br reaches ~600,000:1. */
  encoding?: BodyEncoding;
  /** Decompressed size in bytes (default 1 GiB; 1 KiB to 16 GiB). */
  decompressedBytes?: number;
  /** 2: compressed twice and sent as `content-encoding: gzip, gzip` (what fetch decodes): a gzip bomb of a few KB. Default 1. */
  layers?: 1 | 2;
}

/** The response's body compressed, then broken: the client's decoder fails part way (Z_DATA_ERROR for gzip/deflate). */
export interface CorruptBody {
  /** `content-encoding` (default gzip). */
  encoding?: BodyEncoding;
}

/** The response's headers announce the whole body (`content-length`), then only part of it is sent and the socket closes. */
export interface TruncateBody {
  /** Bytes of the body sent before the socket closes (default half of it; 64 KiB of a streamed body of unknown size). */
  afterBytes?: number;
}

/**
 * A lie in `metadata.totalCount` of a 200 page (`data` stays real): a literal value, sent as is
 * (1e11, -1, 1.5, "12", 2 ** 53 + 2, null), or the real count shifted: `add`, plus
 * `addPerRequest` times the number of times the rule fired before (a count that grows).
 */
export type TotalCountLie = number | string | null | { add?: number; addPerRequest?: number };

export interface FaultRule {
  match?: FaultMatch;
  /** Delay before the response (or the reset) starts. */
  latencyMs?: number;
  /** Answer with this status instead of the real response. */
  status?: FaultStatus;
  /** Answer with one of these, picked at random (seeded like `match.probability`); not with `status` or `reset`. */
  oneOf?: FaultOutcome[];
  /** Seed of this rule's draws (`match.probability`, `oneOf`); the sandbox's `seed` by default. */
  seed?: number;
  /** `Retry-After` for `status`: seconds (`"2"`) or an HTTP date. No header when absent. */
  retryAfter?: string;
  /** Body for `status` (a string is sent as text/plain, anything else as JSON). Defaults to a JSON error. */
  body?: unknown;
  /** `content-type` of `body` (`text/html` for a gateway's error page); by default JSON, or text/plain for a string. */
  contentType?: string;
  /** Destroy the socket without answering (the client sees a connection reset). */
  reset?: true;
  /** Send the real response's body in pieces spread over this many milliseconds. */
  slowBodyMs?: number;
  /** Send each user's `status` as a bare integer (the documented inconsistency) instead of an array: users batch and one user. */
  statusAsInteger?: true;
  /** Expire every access token issued so far before handling the request (the client must refresh). */
  expireTokens?: true;
  /** (users) Change the request's tenant before serving it: insert, delete or move users. */
  churn?: Churn;
  /** (users) Answer 200 with a huge or endless body instead of the real response. */
  hugeBody?: HugeBody;
  /** (users) Answer 200 with a compression bomb instead of the real response. */
  compressionBomb?: CompressionBomb;
  /** Send the response's body compressed and corrupt. */
  corruptBody?: CorruptBody;
  /** Send only part of the response's body, then close the socket. */
  truncateBody?: TruncateBody;
  /** (users; customers with `match.path: 'customers'`) Replace `metadata.totalCount` of a 200 page. */
  totalCount?: TotalCountLie;
  /**
   * (users; customers with `match.path: 'customers'`) Serve this many items per page (1 to 10000) whatever
   * `pageSize` asks; offsets follow it, `metadata.pageSize` still echoes the request.
   */
  servePageSize?: number;
  /** (users; customers with `match.path: 'customers'`) Serve page 1 whatever `pageIndex` asks; `metadata.pageIndex` still echoes the request. */
  ignorePageIndex?: true;
}

/** A token bucket in front of the users endpoint: 429 with `Retry-After` once it is empty. */
export interface RateLimit {
  capacity: number;
  refillPerSecond: number;
  /** Fixed `Retry-After` seconds; by default the time until the bucket holds a token again. */
  retryAfterSeconds?: number;
  /** Which endpoint the bucket guards; `users` (the batch endpoint) by default. */
  path?: FaultPath;
}

/** A body that replaces the real response. */
export type BodyReplacement =
  | { kind: 'huge'; bytes: number | 'endless'; contentLength: boolean }
  | { kind: 'bomb'; encoding: BodyEncoding; decompressedBytes: number; layers: 1 | 2 };

/** How the rules that fired change a real 200 page. */
export interface PageLies {
  /** The value to send as `metadata.totalCount`: given outright, or the real count plus `add`. */
  totalCount?: { value: unknown } | { add: number };
  servePageSize?: number;
  ignorePageIndex: boolean;
}

/** What the rules that fired on one request add up to. */
export interface FaultDecision {
  fired: boolean;
  latencyMs: number;
  reset: boolean;
  status?: FaultStatus;
  retryAfter?: string;
  body?: unknown;
  contentType?: string;
  slowBodyMs: number;
  statusAsInteger: boolean;
  expireTokens: boolean;
  /** Churn steps to apply to the request's tenant, in rule order. */
  churn: Churn[];
  replaceBody?: BodyReplacement;
  corruptBody?: BodyEncoding;
  /** Bytes of the body to send before closing the socket; `half` of a body of known size. */
  truncateAfter?: number | 'half';
  page: PageLies;
}
