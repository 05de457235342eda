// Faults that fire at random, reproducibly: `match.probability` and `oneOf`, and 502.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type FaultRule, type Sandbox } from '../src/index.js';
import { contract, secretToken } from './helpers.js';

let sb: Sandbox;
let token: string;

beforeAll(async () => {
  sb = await startSandbox({ users: 30, seed: 3 });
  token = await secretToken(sb);
});
afterEach(() => {
  sb.setFaults([]);
  sb.resetStats();
});
afterAll(() => sb.close());

/** One users request without the contract check of callUsers: 502 is not in the spec. */
async function outcome(s: Sandbox, t: string): Promise<number | 'reset'> {
  try {
    const res = await fetch(`${s.usersUrl()}?pageSize=5`, { method: 'POST', headers: { authorization: `Bearer ${t}` } });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 'reset';
  }
}

async function outcomes(s: Sandbox, t: string, n: number): Promise<Array<number | 'reset'>> {
  const list: Array<number | 'reset'> = [];
  for (let i = 0; i < n; i++) list.push(await outcome(s, t));
  return list;
}

const storm: FaultRule = { match: { path: 'users', probability: 0.3 }, oneOf: [500, 502, 503, 504, 'reset'] };

describe('502', () => {
  it('is injectable, with a JSON body of its own, which the spec documents (a gateway status)', async () => {
    sb.setFaults([{ status: 502 }]);
    const res = await fetch(sb.usersUrl(), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(502);
    const body = await res.json();
    expect(body).toMatchObject({ error: 'bad_gateway' });
    expect(contract.validateUsersBatchResponse(502, body)).toEqual({ valid: true, errors: [] });
  });
});

describe('probability and oneOf', () => {
  it('30% of requests fail with a mix of 500/502/503/504 and resets, the rest are served', async () => {
    sb.setFaults([storm]);
    const seen = await outcomes(sb, token, 200);
    const failed = seen.filter((o) => o !== 200);
    expect(failed.length).toBeGreaterThan(40);
    expect(failed.length).toBeLessThan(80);
    expect(new Set(failed)).toEqual(new Set([500, 502, 503, 504, 'reset']));
    expect(sb.stats().faultsInjected).toBe(failed.length);
  });

  it('is reproducible: same seed and requests, same outcomes; setFaults starts the draws over', async () => {
    sb.setFaults([storm]);
    const first = await outcomes(sb, token, 60);
    sb.setFaults([storm]);
    expect(await outcomes(sb, token, 60)).toEqual(first);
    const twin = await startSandbox({ users: 30, seed: 3, faults: [storm] });
    try {
      expect(await outcomes(twin, await secretToken(twin), 60)).toEqual(first);
    } finally {
      await twin.close();
    }
  });

  it('a rule seed, or another sandbox seed, draws differently', async () => {
    sb.setFaults([storm]);
    const first = await outcomes(sb, token, 60);
    sb.setFaults([{ ...storm, seed: 99 }]);
    expect(await outcomes(sb, token, 60)).not.toEqual(first);
    const other = await startSandbox({ users: 30, seed: 4, faults: [storm] });
    try {
      expect(await outcomes(other, await secretToken(other), 60)).not.toEqual(first);
    } finally {
      await other.close();
    }
  });

  it('probability alone keeps the rule status and Retry-After; first limits the requests it draws on', async () => {
    sb.setFaults([{ match: { path: 'users', first: 20, probability: 0.5 }, status: 503, retryAfter: '3' }]);
    const seen = await outcomes(sb, token, 40);
    expect(seen.slice(20).every((o) => o === 200)).toBe(true);
    expect(seen.slice(0, 20).filter((o) => o === 503).length).toBeGreaterThan(3);
    sb.setFaults([{ match: { probability: 1 }, oneOf: [429], retryAfter: '3' }]);
    const res = await fetch(sb.usersUrl(), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
  });

  it('oneOf without probability picks on every matching request', async () => {
    sb.setFaults([{ match: { path: 'users' }, oneOf: [500, 502] }]);
    const seen = await outcomes(sb, token, 30);
    expect(new Set(seen)).toEqual(new Set([500, 502]));
  });
});

describe('checks', () => {
  it('name the malformed field', () => {
    expect(() => sb.setFaults([{ match: { probability: 0 } }])).toThrow(/match\.probability/);
    expect(() => sb.setFaults([{ match: { probability: 1.5 } }])).toThrow(/match\.probability/);
    expect(() => sb.setFaults([{ match: { probablity: 0.3 } as never }])).toThrow(/faults\[0\]\.match\.probablity is not a field/);
    expect(() => sb.setFaults([{ oneOf: [] }])).toThrow(/oneOf/);
    expect(() => sb.setFaults([{ oneOf: [399] }])).toThrow(/oneOf\[0\] must be an HTTP error status \(400 to 599\) or 'reset'/);
    expect(() => sb.setFaults([{ oneOf: [500, 'timeout' as 'reset'] }])).toThrow(/oneOf\[1\]/);
    expect(() => sb.setFaults([{ oneOf: [500], status: 503 }])).toThrow(/oneOf cannot be combined with status/);
    expect(() => sb.setFaults([{ seed: -1 }])).toThrow(/seed/);
    expect(() => sb.setFaults([{ statsu: 500 } as never])).toThrow(/faults\[0\]\.statsu is not a field/);
    expect(() => sb.setFaults([{ status: 600 }])).toThrow(/status must be an HTTP error status, 400 to 599/);
    expect(() => sb.setFaults([{ status: 200 }])).toThrow(/status must be an HTTP error status/);
    expect(() => sb.setFaults([{ status: 404.5 }])).toThrow(/status must be an HTTP error status/);
    expect(() => sb.setFaults([{ status: 403, contentType: 'text/html\n' }])).toThrow(/contentType must be a header-safe string/);
  });
});
