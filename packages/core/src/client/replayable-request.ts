// A request that can be sent more than once: retries and the 401 refresh re-send the very same
// bytes, so the body is read once into memory (a page request body is at most 100 IDs).

export type RequestFactory = (overrides?: { headers?: Headers; signal?: AbortSignal }) => Request;

export async function replayable(request: Request): Promise<RequestFactory> {
  const body = request.body === null ? undefined : await request.arrayBuffer();
  const { url, method, redirect } = request;
  const headers = new Headers(request.headers);
  const signal = request.signal;
  return (overrides = {}) => {
    const init: RequestInit = {
      method,
      headers: new Headers(overrides.headers ?? headers),
      redirect,
      signal: overrides.signal ?? signal,
    };
    // Each attempt gets its own copy: a Request body can be read only once.
    if (body !== undefined) init.body = body.slice(0);
    return new Request(url, init);
  };
}
