// The errors Node's fetch (undici) raises when the network fails, built for the in-process fetch
// so a client's error handling sees what it would over a socket: the same classes, messages and
// `cause` codes, which is what clients classify failures by (core walks `cause` for a `code`).

/** undici's error for a socket that closed under a request ("other side closed"). */
class SocketError extends Error {
  readonly code = 'UND_ERR_SOCKET';
  constructor(message: string) {
    super(message);
    this.name = 'SocketError';
  }
}

/** A Node system error as `net` and `dns` raise them: `code`, `errno`, `syscall`. */
function systemError(message: string, fields: { code: string; errno: number; syscall: string; hostname?: string }): Error {
  return Object.assign(new Error(message), fields);
}

/** The connection was reset before the response's headers: `fetch()` rejects. */
export function connectionReset(): TypeError {
  return new TypeError('fetch failed', { cause: systemError('read ECONNRESET', { code: 'ECONNRESET', errno: -104, syscall: 'read' }) });
}

/** Nothing listens there any more (the sandbox was closed): `fetch()` rejects. */
export function connectionRefused(url: URL): TypeError {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return new TypeError('fetch failed', {
    cause: systemError(`connect ECONNREFUSED ${url.hostname}:${port}`, { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' }),
  });
}

/** A host that does not resolve: any origin but the sandbox's own. */
export function hostNotFound(hostname: string): TypeError {
  return new TypeError('fetch failed', {
    cause: systemError(`getaddrinfo ENOTFOUND ${hostname}`, { code: 'ENOTFOUND', errno: -3008, syscall: 'getaddrinfo', hostname }),
  });
}

/** The response was refused before it began (undici's limit on stacked content codings). */
export function responseRefused(reason: string): TypeError {
  return new TypeError('fetch failed', { cause: new Error(reason) });
}

/** The socket closed part way through the body (a cut body, a reset mid-body): reading it rejects. */
export function bodyCutOff(): TypeError {
  return new TypeError('terminated', { cause: new SocketError('other side closed') });
}

/** The body could not be decoded (corrupt compression): reading it rejects, the zlib error as cause. */
export function bodyUndecodable(cause: unknown): TypeError {
  return new TypeError('terminated', { cause });
}
