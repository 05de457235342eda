// One client-credentials exchange: post the form, read the answer with the protocol's rules.
import { parseTokenResponse, type AccessToken } from '../protocol/index.js';
import { bodyText, type Send } from '../transport/http.js';

export async function requestToken(send: Send, tokenUrl: string, form: string, scope?: string): Promise<AccessToken> {
  const response = await send({
    url: tokenUrl,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form,
    signal: undefined,
    // A redirect would carry the secret to wherever it points.
    redirect: 'manual',
  });
  const text = bodyText(response);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: parseTokenResponse reports it without echoing it.
  }
  return parseTokenResponse(response.status, body, scope);
}
