// Core against the sandbox playing a server nobody here wrote: a tenant that changes between
// requests, random 5xx and resets, huge, endless, compressed-bomb, corrupt and cut bodies, lying
// counts and paging. Real HTTP on 127.0.0.1; waits skipped through an injected sleep.
import { startSandbox, type FaultRule, type Sandbox } from '@avepoint-graph-kit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvePointConsistencyError, createUsersClient, type InconsistencyReport, type UsersClient } from '../../src/index.js';
import { REORDER_PAGES_PER_SLOT } from '../../src/engine/index.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ users: 5000, seed: 21 });
});
afterAll(() => sb.close());

function client(extra: Partial<Parameters<typeof createUsersClient>[0]> = {}): UsersClient {
  return createUsersClient({
    baseUrl: sb.baseUrl,
    tokenUrl: sb.tokenUrl,
    credentials: { clientId: sb.clientId, clientSecret: sb.clientSecret },
    sleep: async () => undefined,
    ...extra,
  });
}

const tenant = () => ({ customerId: sb.customers[0]!.customerId, tenantId: sb.customers[0]!.tenants[0]!.tenantId });

async function listIds(c: UsersClient, extra: Record<string, unknown> = {}) {
  const ids: string[] = [];
  const reports: InconsistencyReport[] = [];
  for await (const user of c.listUsers({ ...tenant(), pageSize: 100, concurrency: 8, onInconsistency: (r) => reports.push(r), ...extra }))
    ids.push(user.id);
  return { ids, reports };
}

function withFaults(rules: FaultRule[]) {
  sb.resetChurn();
  sb.setFaults(rules);
}

describe('a tenant that changes during the listing', () => {
  it('yields every user present throughout, each once, when the churn stops in time', async () => {
    withFaults([{ match: { path: 'users', first: 30 }, churn: { inserts: 3, deletes: 1, moves: 2 } }]);
    const before = sb.tenantSnapshot(0, 0);
    const { ids, reports } = await listIds(client());
    const after = sb.tenantSnapshot(0, 0);
    expect(after.operations).toBeGreaterThan(100);
    expect(new Set(ids).size).toBe(ids.length);
    const got = new Set(ids);
    expect(after.idsPresentThroughout(before).filter((id) => !got.has(id))).toEqual([]);
    expect(reports).toEqual([]);
    for (const id of ids) expect(before.has(id) || after.changesSince(before).inserted.includes(id)).toBe(true);
  });

  it('with 1% of the tenant inserted per request, reads on past the first count', async () => {
    withFaults([{ match: { path: 'users', first: 20 }, churn: { inserts: 0.01, scale: 'fractionOfTenant' } }]);
    const before = sb.tenantSnapshot(0, 0);
    const { ids } = await listIds(client());
    const got = new Set(ids);
    expect(
      sb
        .tenantSnapshot(0, 0)
        .idsPresentThroughout(before)
        .filter((id) => !got.has(id)),
    ).toEqual([]);
    expect(ids.length).toBeGreaterThan(5000);
  });

  it('reports, or in strict mode throws, when the tenant never holds still', async () => {
    withFaults([{ match: { path: 'users' }, churn: { inserts: 2, deletes: 1 } }]);
    const { ids, reports } = await listIds(client());
    expect(new Set(ids).size).toBe(ids.length);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ passes: 3 });
    expect(reports[0]!.totalCounts.length).toBeGreaterThan(1);
    const error = await listIds(client(), { consistency: 'strict' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvePointConsistencyError);
    expect(error).toMatchObject({ code: 'INCONSISTENT_LISTING' });
  });
});

describe('a flaky service', () => {
  it('30% random 500/502/503/504/resets: the export finishes exact with default options', async () => {
    withFaults([{ match: { path: 'users', probability: 0.3 }, oneOf: [500, 502, 503, 504, 'reset'], seed: 7 }]);
    let retries = 0;
    const { ids } = await listIds(client({ onRetry: () => void retries++ }));
    expect(ids).toEqual(sb.tenantSnapshot(0, 0).ids());
    expect(retries).toBeGreaterThan(5);
  });

  it('a 429 storm lowers the concurrency instead of hammering, and still finishes', async () => {
    withFaults([]);
    sb.setRateLimit({ capacity: 5, refillPerSecond: 1000 });
    try {
      const { ids } = await listIds(client({ sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 5))) }));
      expect(ids).toHaveLength(5000);
    } finally {
      sb.setRateLimit(undefined);
    }
  });
});

describe('answers no honest tenant sends', () => {
  const first = (rule: FaultRule): FaultRule => ({ ...rule, match: { path: 'users', ...rule.match } });
  const page = (c = client()) => c.getUsersPage({ ...tenant(), pageIndex: 1, pageSize: 100 });

  it.each([
    ['a huge body', { hugeBody: { bytes: 64 * 1024 * 1024 } }, /larger than maxResponseBytes/],
    ['an endless body', { hugeBody: { bytes: 'endless', contentLength: false } }, /larger than maxResponseBytes/],
    ['a gzip bomb', { compressionBomb: { decompressedBytes: 256 * 1024 * 1024, layers: 2 } }, /larger than maxResponseBytes/],
    ['a brotli bomb', { compressionBomb: { encoding: 'br', decompressedBytes: 256 * 1024 * 1024 } }, /larger than maxResponseBytes/],
    ['a corrupt gzip body', { corruptBody: { encoding: 'gzip' } }, /could not be decoded/],
    ['a corrupt deflate body', { corruptBody: { encoding: 'deflate' } }, /could not be decoded/],
    ['a corrupt brotli body', { corruptBody: { encoding: 'br' } }, /could not be decoded/],
    ['a totalCount of 2^53 + 2', { totalCount: 2 ** 53 + 2 }, /safe integer/],
    ['a totalCount of "12"', { totalCount: '12' }, /safe integer/],
  ] as Array<[string, FaultRule, RegExp]>)('%s is INVALID_RESPONSE, tried once', async (_, rule, message) => {
    withFaults([first(rule)]);
    sb.resetStats();
    const error = await page().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', message: expect.stringMatching(message) });
    expect(sb.stats().apiRequests).toBe(1);
  });

  it('a body cut short is a connection failure: retried, then the page arrives', async () => {
    withFaults([first({ match: { first: 2 }, truncateBody: { afterBytes: 100 } })]);
    expect((await page()).users).toHaveLength(100);
  });

  it('a first page claiming 1e11 users costs a few requests, not the process', async () => {
    withFaults([first({ match: { pageIndex: 1 }, totalCount: 1e11 })]);
    sb.resetStats();
    const { ids, reports } = await listIds(client(), { concurrency: 2 });
    expect(ids).toEqual(sb.tenantSnapshot(0, 0).ids());
    expect(reports).toHaveLength(1);
    // Three passes of the 50 real pages, each with at most one reorder window read past the end.
    expect(sb.stats().apiRequests).toBeLessThan(3 * (50 + 2 * REORDER_PAGES_PER_SLOT + 1));
  });

  it('a service that ignores pageIndex is stopped as INVALID_RESPONSE', async () => {
    withFaults([first({ ignorePageIndex: true })]);
    const error = await listIds(client()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', message: expect.stringMatching(/ignore pageIndex/) });
  });

  it('a service that serves more per page than asked is followed, each user once', async () => {
    withFaults([first({ servePageSize: 250 })]);
    const { ids } = await listIds(client());
    expect(ids).toEqual(sb.tenantSnapshot(0, 0).ids());
  });

  it('more users than IDs asked for is INVALID_RESPONSE', async () => {
    withFaults([first({ totalCount: { add: 500 } })]);
    const ids = sb.tenantSnapshot(0, 0).ids(0, 50);
    const error = await client()
      .getUsersByIds({ ...tenant(), userIds: ids })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', message: expect.stringMatching(/at most 50/) });
  });
});

describe("a gateway's own errors, not the service's", () => {
  const waf = '<html><head><title>403 Forbidden</title></head><body><h1>Request blocked</h1></body></html>';
  it.each([
    [
      "a WAF's 403 page",
      { status: 403, body: waf, contentType: 'text/html' },
      'FORBIDDEN',
      /HTTP 403: an HTML page, not the API: a firewall/,
    ],
    [
      'a 404 page of a wrong base URL',
      { status: 404, body: '<html>Not Found</html>', contentType: 'text/html' },
      'NOT_FOUND',
      /HTTP 404: an HTML page, not the API: check the base URL/,
    ],
    ["a proxy's 400 in plain text", { status: 400, body: 'Request header too large' }, 'BAD_REQUEST', /HTTP 400: Request header too large/],
    ['a 501 from a proxy that does not pass POST', { status: 501 }, 'SERVER_ERROR', /HTTP 501/],
    ['a 408 from a load balancer', { status: 408 }, 'HTTP_ERROR', /HTTP 408/],
  ] as Array<[string, FaultRule, string, RegExp]>)(
    '%s: a typed error at once, not retried, no HTML in the message',
    async (_, rule, code, message) => {
      withFaults([{ ...rule, match: { path: 'users' } }]);
      sb.resetStats();
      const error = await client()
        .getUsersPage({ ...tenant(), pageSize: 10 })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code, status: rule.status, message: expect.stringMatching(message) });
      expect((error as Error).message).not.toContain('<');
      expect(sb.stats().apiRequests).toBe(1);
    },
  );

  it("a gateway's 502 page is retried like any 502, and named for what it is when the retries are spent", async () => {
    withFaults([{ match: { path: 'users' }, status: 502, body: '<html><h1>502 Bad Gateway</h1></html>', contentType: 'text/html' }]);
    sb.resetStats();
    const error = await client({ retry: { maxRetries: 2 } })
      .getUsersPage({ ...tenant(), pageSize: 10 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'UNAVAILABLE',
      status: 502,
      retryCount: 2,
      message: expect.stringMatching(/HTTP 502: an HTML page, not the API\)/),
    });
    expect(sb.stats().apiRequests).toBe(3);
  });

  it('a huge error page is kept as an excerpt, not whole', async () => {
    withFaults([{ match: { path: 'users' }, status: 403, body: `<html>${'x'.repeat(1024 * 1024)}</html>`, contentType: 'text/html' }]);
    const error = (await client()
      .getUsersPage({ ...tenant(), pageSize: 10 })
      .catch((e: unknown) => e)) as { code: string; body: unknown };
    expect(error.code).toBe('FORBIDDEN');
    expect(typeof error.body).toBe('string');
    expect((error.body as string).length).toBeLessThanOrEqual(64 * 1024);
  });
});
