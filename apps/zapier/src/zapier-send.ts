// Core's transport as z.request: every request of core's client goes through Zapier, so it keeps
// Zapier's behaviour: its HTTP logging (with secrets scrubbed), 401 -> RefreshAuthError (session
// auth re-runs the token exchange) and 429 -> ThrottledError carrying the Retry-After delay. A
// send hands over the prepared request as it is: no Request or Response built around each call.
import { abortable, type Send } from '@avepoint-graph-kit/core';
import type { ZObject } from 'zapier-platform-core';

export function createZapierSend(z: ZObject): Send {
  return async (request) => {
    const body =
      typeof request.body === 'string' ? request.body : request.body === undefined ? undefined : new TextDecoder().decode(request.body);
    // z.request takes no AbortSignal: core's per-attempt timeout and the step's deadline stop the
    // wait instead, and the late outcome of the call is dropped.
    const response = await abortable(
      z.request({
        url: request.url,
        method: request.method as 'GET' | 'POST',
        headers: { ...request.headers },
        ...(body === undefined || body === '' ? {} : { body }),
        // Other error statuses come back as responses so core classifies them (one home for the
        // API's error rules); the app turns core's errors into Zapier's afterwards.
        skipThrowForStatus: true,
        // The URL core built is final: no Zapier templating or empty-param pruning on it.
        removeMissingValuesFrom: { params: false, body: false },
      }),
      request.signal,
    );
    const headers: Record<string, string> = {};
    response.headers.forEach((value: string, name: string) => {
      headers[name] = value;
    });
    return { status: response.status, headers, body: response.content ?? '' };
  };
}
