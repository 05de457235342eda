// One client-credentials exchange: post the form, read the answer with the protocol's rules.
import { parseTokenResponse, type AccessToken } from '../protocol/index.js';
import type { FetchLike } from '../client/fetch-types.js';

export async function requestToken(fetch: FetchLike, tokenUrl: string, form: string): Promise<AccessToken> {
  const response = await fetch(
    new Request(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form,
      // A redirect would carry the secret to wherever it points.
      redirect: 'manual',
    }),
  );
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: parseTokenResponse reports it without echoing it.
  }
  return parseTokenResponse(response.status, body);
}
