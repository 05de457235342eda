// A model of a tenant paged by offset, for the engine's tests: users as an ordered list of IDs
// that churn (insert, delete, move) before chosen requests, and faults (retryable 5xx) at random,
// all from a seed. It knows who was present the whole time, which is what a listing must yield.
import { AvePointApiError } from '../../src/protocol/index.js';
import type { EngineClock, PageOf, PageRequest } from '../../src/engine/index.js';

export type ChurnKind = 'insert' | 'delete' | 'move';

export interface ModelOptions {
  users: number;
  seed: number;
  /** Requests (1-based, counting every attempt) before which the tenant changes. */
  churnRequests?: number;
  opsPerRequest?: number;
  kinds?: readonly ChurnKind[];
  /** Share of attempts answered 500/502/503 (retryable). */
  faultRate?: number;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const guidOf = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export interface ModelUser {
  id: string;
}

export class ModelTenant {
  readonly ids: string[];
  readonly everExisted = new Set<string>();
  private readonly deleted = new Set<string>();
  private readonly initial: string[];
  private nextId: number;
  private readonly random: () => number;
  requests = 0;
  churnOps = 0;
  inFlight = 0;
  maxInFlight = 0;

  constructor(private readonly o: ModelOptions) {
    this.random = mulberry32(o.seed);
    this.ids = Array.from({ length: o.users }, (_, i) => guidOf(i));
    this.initial = [...this.ids];
    this.nextId = o.users;
    for (const id of this.ids) this.everExisted.add(id);
  }

  /** Users there from the start to now: what a listing must yield when it ends consistent. */
  presentThroughout(): string[] {
    return this.initial.filter((id) => !this.deleted.has(id));
  }

  private churn(): void {
    const kinds = this.o.kinds ?? ['insert', 'delete', 'move'];
    // One kind per request: a step that inserts and deletes at once could keep the count and
    // shift users with no repeat, which no client of an offset-paged API can see (README).
    const kind = kinds[Math.floor(this.random() * kinds.length)]!;
    for (let op = 0; op < (this.o.opsPerRequest ?? 1); op++) {
      const at = Math.floor(this.random() * (this.ids.length + 1));
      if (kind === 'insert') {
        const id = guidOf(this.nextId++);
        this.everExisted.add(id);
        this.ids.splice(at, 0, id);
      } else if (this.ids.length > 0) {
        const [id] = this.ids.splice(Math.min(at, this.ids.length - 1), 1);
        if (kind === 'delete') this.deleted.add(id!);
        else this.ids.splice(Math.floor(this.random() * (this.ids.length + 1)), 0, id!);
      }
      this.churnOps++;
    }
  }

  /** The users endpoint: the state at the moment of the request, answered a few ticks later. */
  async getPage(request: PageRequest): Promise<PageOf<ModelUser>> {
    this.requests++;
    const fault = this.random() < (this.o.faultRate ?? 0);
    // The tenant changes only before a request that is answered: a change followed by another
    // before anyone looks (a delete then an insert behind a failed request) keeps the count and can
    // shift users with no repeat, which no client of an offset-paged API can see (README).
    if (!fault && this.requests <= (this.o.churnRequests ?? 0)) this.churn();
    const start = (request.pageIndex - 1) * request.pageSize;
    const page = { items: this.ids.slice(start, start + request.pageSize).map((id) => ({ id })), totalCount: this.ids.length };
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const ticks = Math.floor(this.random() * 4);
      for (let i = 0; i < ticks; i++) await Promise.resolve();
      request.signal.throwIfAborted();
    } finally {
      this.inFlight--;
    }
    if (fault) throw new AvePointApiError('SERVER_ERROR', 'model fault', { status: [500, 502, 503][Math.floor(this.random() * 3)]! });
    return page;
  }
}

/** A clock that moves only when slept on, and a sleep that resolves at once. */
export function fakeClock(start = 1_000_000): EngineClock & { sleeps: number[]; nowMs: () => number } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    nowMs: () => now,
    now: () => now,
    random: () => 0.5,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      now += ms;
      await Promise.resolve();
    },
  };
}
