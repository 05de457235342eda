// Responses whose body is already in memory. The transport reads the whole body before handing
// the response up, so a reset or a stall in the middle of a body happens inside the timeout and
// retry layers (and is retried), and the page parser can take the bytes without a second read.

const bodies = new WeakMap<Response, string>();

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

const encoder = new TextEncoder();

/** A body that is encoded only if someone reads it: the page parser takes the text instead. */
function lazyBody(text: string): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(encoder.encode(text));
      controller.close();
    },
  });
}

export async function bufferResponse(response: Response): Promise<Response> {
  if (bodies.has(response)) return response;
  // Text, not bytes: every body this API sends is JSON or text, and the string is what gets parsed.
  const text = await response.text();
  const copy = new Response(NULL_BODY_STATUSES.has(response.status) || text === '' ? null : lazyBody(text), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  bodies.set(copy, text);
  return copy;
}

/** The text of a buffered response, or undefined when it did not come through bufferResponse. */
export function bufferedText(response: Response): string | undefined {
  return bodies.get(response);
}
