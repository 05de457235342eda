// A standard `fetch` whose every request goes through z.request, so core's typed client keeps
// Zapier's behaviour: its HTTP logging (with secrets scrubbed), 401 -> RefreshAuthError (session
// auth re-runs the token exchange) and 429 -> ThrottledError carrying the Retry-After delay.
import { abortable } from '@avepoint-graph-kit/core';
import type { ZObject } from 'zapier-platform-core';

// Statuses whose Response may carry no body (the Response constructor throws on one).
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export type ZapierFetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

export function createZapierFetch(z: ZObject): ZapierFetch {
  return async (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();

    // z.request takes no AbortSignal: core's per-attempt timeout and the step's deadline stop the
    // wait instead, and the late outcome of the call is dropped.
    const response = await abortable(z.request({
      url: request.url,
      method: request.method as 'GET' | 'POST',
      headers,
      ...(body === '' ? {} : { body }),
      // Other error statuses come back as responses so core classifies them (one home for the
      // API's error rules); the app turns core's errors into Zapier's afterwards.
      skipThrowForStatus: true,
      // The URL core built is final: no Zapier templating or empty-param pruning on it.
      removeMissingValuesFrom: { params: false, body: false },
    }), request.signal);

    const responseHeaders = new Headers();
    response.headers.forEach((value: string, name: string) => responseHeaders.append(name, value));
    return new Response(NULL_BODY_STATUSES.has(response.status) ? null : response.content, {
      status: response.status,
      headers: responseHeaders,
    });
  };
}
