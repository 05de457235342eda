// What openapi-fetch builds each request as, in place of a WHATWG Request (its `Request` option).
// A Request costs tens of microseconds in Node 20 (body stream, abort signal) and would only be
// read back into the pipeline's plain form; this holds the same fields, as they were given.
//
// Middleware added with `client.api.use()` therefore sees a PlainRequest: url, method, headers
// (a real Headers), body, signal and redirect, which is what middleware reads and sets.
export class PlainRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  readonly signal: AbortSignal | undefined;
  readonly redirect: RequestRedirect;

  constructor(input: string | URL, init: RequestInit = {}) {
    this.url = String(input);
    this.method = (init.method ?? 'GET').toUpperCase();
    this.headers = new Headers(init.headers);
    this.body = init.body ?? null;
    this.signal = init.signal ?? undefined;
    this.redirect = init.redirect ?? 'follow';
  }
}
