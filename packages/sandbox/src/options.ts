// The public shape of a sandbox: what startSandbox() takes and what it returns.
import type { CertificateCredential } from './auth/clients.js';
import type { Churn } from './data/churn.js';
import type { SandboxCustomerRecord } from './data/customers.js';
import type { SandboxUserDetail } from './data/user-detail.js';
import type { CustomerLayout } from './data/tenancy.js';
import type { TenantSnapshot } from './data/tenant-snapshot.js';
import type { SandboxUser } from './data/users.js';
import type { FaultRule, RateLimit } from './faults/types.js';
import type { SandboxFetch } from './http/in-process-fetch.js';
import type { RecordedRequest } from './recorder.js';

export interface SandboxOptions {
  /**
   * false: no socket at all. The sandbox is served only in process, through `sandbox.fetch`, on
   * `IN_PROCESS_ORIGIN` (`https://sandbox.invalid`, which `baseUrl` and `tokenUrl` then name).
   * Default true: an HTTP server on `host` and `port` (and `sandbox.fetch` as well).
   */
  listen?: boolean;
  /** 0 or absent: a free port. Not with `listen: false`. */
  port?: number;
  /** Loopback by default; the sandbox is not meant to be reachable from elsewhere. Not with `listen: false`. */
  host?: string;
  /** Users of the first tenant of the first customer (the default one). Default 250. */
  users?: number;
  /** Same seed, same IDs and users. Default 1. */
  seed?: number;
  /** Lifetime of access tokens; they answer 401 afterwards. Default 3600. */
  tokenTtlSeconds?: number;
  faults?: FaultRule[];
  rateLimit?: RateLimit;
  /** `pageSize` when the request has none: 100 per the endpoint's page (its newer revision says 50). */
  defaultPageSize?: number;
  /**
   * Serve at most this many users (or customers) per page whatever `pageSize` asks, and say so in
   * `metadata.pageSize`: a service on the documented 50 default. Default 100 (serve what is asked).
   */
  maxServedPageSize?: number;
  /** Most `userIds` accepted in one request. Default 100, as core's ID chunking sends. */
  maxUserIds?: number;
  /** Replaces the default customers and tenants (then `users` is ignored). */
  customers?: CustomerLayout[];
  /** Milliseconds since the epoch; inject one to test token expiry without waiting. */
  clock?: () => number;
  /** How latency and slow bodies wait; inject one to test them without waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** Called with a sandbox bug (the request gets a 500); by default it goes to stderr. */
  onError?: (error: unknown) => void;
}

export interface SandboxTenant {
  tenantId: string;
  users: number;
  /** The tenant's `*.onmicrosoft.com` domain, used in the UPNs. */
  domain: string;
  /** The tenant's name in the customers endpoint (names repeat across customers). */
  name: string;
}

export interface SandboxCustomer {
  customerId: string;
  /** The customer's organization name (`organization` in the customers endpoint). */
  name: string;
  /** false for the customer outside the demo apps' scope (403 on its users, absent from the customers endpoint). */
  inScope: boolean;
  tenants: SandboxTenant[];
}

export interface SandboxStats {
  tokenRequests: number;
  apiRequests: number;
  byStatus: Record<number, number>;
  faultsInjected: number;
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>` when listening; `IN_PROCESS_ORIGIN` with `listen: false`. */
  baseUrl: string;
  tokenUrl: string;
  /**
   * A fetch that the sandbox answers in process, with no socket: the same handling as over HTTP
   * (faults, rate limits, churn, latency, the recorder and stats included) and failures shaped
   * like Node's fetch's (a reset rejects with `TypeError('fetch failed')`, cause `ECONNRESET`; a
   * cut body errors the read with `TypeError('terminated')`). Compressed bodies are decoded as
   * Node's fetch decodes them. It serves `baseUrl`'s origin only; another host does not resolve.
   * Inject it where a client takes a `fetch`.
   */
  fetch: SandboxFetch;
  /** The demo app that authenticates with a client secret. */
  clientId: string;
  clientSecret: string;
  /**
   * The demo app that authenticates with a certificate (RS256 JWT client assertion). Its key and
   * certificate are generated on first use (reading this, or an assertion to verify): about 100 ms.
   */
  readonly certificate: CertificateCredential;
  /** An app registered without any permission: its tokens are refused with 403 everywhere. */
  unscopedClient: { clientId: string; clientSecret: string };
  /** An app granted elements.um.user.read.all only: it reads users and gets 403 on the customers endpoint. */
  usersOnlyClient: { clientId: string; clientSecret: string };
  /** The scopes the identity service knows; the demo apps (secret and certificate) have both. */
  scopes: string[];
  customers: SandboxCustomer[];
  /** The users batch URL of a tenant (customer 0, tenant 0 by default). */
  usersUrl(customerIdx?: number, tenantIdx?: number): string;
  /** The customers batch URL. */
  customersUrl(): string;
  /** The one-user URL of a user of a tenant: by its index in the tenant as it started, or by ID. */
  userUrl(customerIdx: number, tenantIdx: number, user: number | string): string;
  /** A customer as the customers endpoint serves it (to an app that may see it). */
  customerAt(customerIdx: number): SandboxCustomerRecord;
  setFaults(rules: FaultRule[]): void;
  setRateLimit(limit: RateLimit | undefined): void;
  /** Expires every token issued so far, now. */
  expireTokens(): void;
  stats(): SandboxStats;
  /** The last 1000 requests, oldest first, without credentials: check what a client sent. */
  requests(): RecordedRequest[];
  clearRequests(): void;
  resetStats(): void;
  /**
   * The user at an index of the tenant as it started (status as an array), to compute
   * expectations without HTTP. Churn does not change what an index means here: ask
   * tenantSnapshot() for the tenant as it is now.
   */
  userAt(customerIdx: number, tenantIdx: number, index: number): SandboxUser;
  /**
   * The same user as the one-user endpoint serves it: every field userAt() has, the same, plus
   * the one-user fields (`countryRegion` is userAt()'s `countryOrRegion`).
   */
  userDetailAt(customerIdx: number, tenantIdx: number, index: number): SandboxUserDetail;
  /** The one-user view of a user ID the tenant has now (after churn, inserted users included); undefined when it has none. */
  userDetailOf(customerIdx: number, tenantIdx: number, userId: string): SandboxUserDetail | undefined;
  /** The tenant as it is now (customer 0, tenant 0 by default): its IDs in order, its size, what churn changed. */
  tenantSnapshot(customerIdx?: number, tenantIdx?: number): TenantSnapshot;
  /** Applies a churn step to a tenant now, as a `churn` rule would; returns the snapshot after it. */
  applyChurn(customerIdx: number, tenantIdx: number, step: Churn): TenantSnapshot;
  /** Undoes all churn of one tenant (of every tenant when no index is given). Inserted IDs are never handed out again. */
  resetChurn(customerIdx?: number, tenantIdx?: number): void;
  close(): Promise<void>;
}
