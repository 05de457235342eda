// Responses whose body is already in memory. The transport reads the whole body before handing
// the response up, so a reset or a stall in the middle of a body happens inside the timeout and
// retry layers (and is retried), and the page parser can take the bytes without a second read.

const bodies = new WeakMap<Response, Uint8Array<ArrayBuffer>>();

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export async function bufferResponse(response: Response): Promise<Response> {
  if (bodies.has(response)) return response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  const copy = new Response(NULL_BODY_STATUSES.has(response.status) ? null : bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  bodies.set(copy, bytes);
  return copy;
}

/** The bytes of a buffered response, or undefined when it did not come through bufferResponse. */
export function bufferedBody(response: Response): Uint8Array<ArrayBuffer> | undefined {
  return bodies.get(response);
}
