// The transport seen by every layer: a Request in, a Response out. Standard `fetch` fits it, and
// so does a fetch that goes through Zapier's z.request or any proxy.
export type FetchLike = (request: Request) => Promise<Response>;

/**
 * One composable piece of the pipeline (octokit-plugin style): it gets the next transport and
 * returns a transport that adds one behaviour (retry, auth, timeout, user agent).
 */
export type FetchMiddleware = (next: FetchLike) => FetchLike;

/** The first middleware is the outermost: `composeFetch(f, a, b)` sends through a, then b, then f. */
export function composeFetch(base: FetchLike, ...layers: FetchMiddleware[]): FetchLike {
  return layers.reduceRight<FetchLike>((next, layer) => layer(next), base);
}

export interface Logger {
  debug?(message: string): void;
  warn?(message: string): void;
}
