// How many retries a response (or a final network error) took, handed from the retry layer to
// the code that builds AvePointApiError. A WeakMap keeps Response objects untouched.

const counts = new WeakMap<object, number>();

export function recordRetries(target: object, retries: number): void {
  counts.set(target, retries);
}

export function retriesOf(target: unknown): number {
  return typeof target === 'object' && target !== null ? (counts.get(target) ?? 0) : 0;
}
