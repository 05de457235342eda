// One client-credentials exchange: post the form, read the answer with the protocol's rules.
import { parseTokenResponse, type AccessToken } from '../protocol/index.js';
import { responseText } from '../client/buffered-response.js';
import type { Send } from '../client/send.js';

export async function requestToken(send: Send, tokenUrl: string, form: string): Promise<AccessToken> {
  const response = await send({
    url: tokenUrl,
    method: 'POST',
    headers: new Headers({ 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }),
    body: form,
    signal: undefined,
    // A redirect would carry the secret to wherever it points.
    redirect: 'manual',
  });
  const text = await responseText(response);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: parseTokenResponse reports it without echoing it.
  }
  return parseTokenResponse(response.status, body);
}
