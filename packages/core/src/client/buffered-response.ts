// A response whose body is already in memory. Reading the body inside the timeout and retry
// layers means a connection reset or a stall in the middle of a body is seen (and retried) there,
// not later by a caller that can no longer retry.

const buffered = new WeakSet<Response>();

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export async function bufferResponse(response: Response): Promise<Response> {
  if (buffered.has(response)) return response;
  const body = await response.arrayBuffer();
  const copy = new Response(NULL_BODY_STATUSES.has(response.status) ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  buffered.add(copy);
  return copy;
}
