// Responses whose body has been read in full. The transport reads the whole body before handing
// the response up, so a reset or a stall in the middle of a body happens inside the timeout and
// retry layers (and is retried), and the page parser takes the text without a second read.
//
// A successful response is handed up as it came, its body consumed and its text kept aside:
// wrapping 50 KB again in a new Response (a web stream, copied headers) cost a fifth of a
// millisecond per page. Error responses, rare, are re-wrapped so that anyone can read them.

const texts = new WeakMap<Response, string>();

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export async function bufferResponse(response: Response): Promise<Response> {
  if (texts.has(response)) return response;
  // Text, not bytes: every body this API sends is JSON or text, and the string is what gets parsed.
  const text = await response.text();
  if (response.ok) {
    texts.set(response, text);
    return response;
  }
  return withText(response, text);
}

/** A fresh Response carrying `text` as its body (none for the statuses that may not have one). */
function withText(response: Response, text: string): Response {
  const copy = new Response(NULL_BODY_STATUSES.has(response.status) || text === '' ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  texts.set(copy, text);
  return copy;
}

/** The body as text, whether the response was buffered or not. */
export async function responseText(response: Response): Promise<string> {
  return texts.get(response) ?? (await response.text());
}

/** A response anyone can read again: for code outside the client (`client.api` callers). */
export function readableResponse(response: Response): Response {
  const text = texts.get(response);
  if (text === undefined || !response.bodyUsed) return response;
  return withText(response, text);
}
