// The last requests the sandbox received, for tests that check what a client sends (for
// example through the contract validator). Credentials are never kept: of the Authorization
// header only its scheme, of the token form only the fields that are not secrets.
import type { SandboxRequest } from './http/exchange.js';
import type { Route } from './routes.js';

export interface RecordedRequest {
  requestId: string;
  method: string;
  endpoint: Route['kind'];
  path: string;
  /** The query string without `?` (`new URLSearchParams(query)` reads it). */
  query: string;
  /** Users requests (batch and one user): the IDs from the path, as sent. */
  pathParams?: { customerId: string; tenantId: string; userId?: string };
  /** Users batch and customers requests: the body parsed as JSON; the text when it is not JSON; undefined when empty or over 64 KiB. */
  body?: unknown;
  bodyBytes: number;
  /** Token requests: the form fields that are not credentials. */
  form?: { grant_type?: string; client_id?: string; scope?: string; client_assertion_type?: string };
  headers: { contentType?: string; userAgent?: string; authorizationScheme?: string };
  /** The status answered; undefined while pending or when the connection was reset. */
  status?: number;
  faulted: boolean;
}

const SAFE_FORM_FIELDS = ['grant_type', 'client_id', 'scope', 'client_assertion_type'] as const;

export const RECORDED_REQUESTS_LIMIT = 1000;
/** Bodies above this are counted, not kept: 1000 entries must stay small. */
export const RECORDED_BODY_LIMIT = 64 * 1024;

export class RequestRecorder {
  private entries: RecordedRequest[] = [];

  record(req: Pick<SandboxRequest, 'method' | 'headers'>, requestId: string, url: URL, target: Route, body: string): RecordedRequest {
    const headers: RecordedRequest['headers'] = {};
    if (req.headers['content-type']) headers.contentType = req.headers['content-type'];
    if (req.headers['user-agent']) headers.userAgent = req.headers['user-agent'];
    const scheme = req.headers.authorization?.trim().split(/\s+/)[0];
    if (scheme) headers.authorizationScheme = scheme;
    const entry: RecordedRequest = {
      requestId,
      method: req.method ?? 'GET',
      endpoint: target.kind,
      path: url.pathname,
      query: url.search.slice(1),
      bodyBytes: Buffer.byteLength(body),
      headers,
      faulted: false,
    };
    if (target.kind === 'user') entry.pathParams = { customerId: target.customerId, tenantId: target.tenantId, userId: target.userId };
    if (target.kind === 'users' || target.kind === 'customers') {
      if (target.kind === 'users') entry.pathParams = { customerId: target.customerId, tenantId: target.tenantId };
      if (body.trim() !== '' && body.length <= RECORDED_BODY_LIMIT) {
        try {
          entry.body = JSON.parse(body);
        } catch {
          entry.body = body;
        }
      }
    } else if (target.kind === 'token') {
      const form = new URLSearchParams(body);
      const safe: NonNullable<RecordedRequest['form']> = {};
      for (const field of SAFE_FORM_FIELDS) {
        const value = form.get(field);
        if (value !== null) safe[field] = value;
      }
      entry.form = safe;
    }
    this.entries.push(entry);
    if (this.entries.length > RECORDED_REQUESTS_LIMIT) this.entries.splice(0, this.entries.length - RECORDED_REQUESTS_LIMIT);
    return entry;
  }

  list(): RecordedRequest[] {
    return this.entries.map((e) => structuredClone(e));
  }

  clear(): void {
    this.entries = [];
  }
}
