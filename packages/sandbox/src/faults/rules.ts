// Matches requests against fault rules. Each rule counts the requests it matched on its own,
// so `nth` and `first` mean "of the requests this rule is about", not of all traffic.
import type { FaultDecision, FaultPath, FaultRule } from './types.js';

export interface FaultRequest {
  path: FaultPath;
  pageIndex?: number;
  customerId?: string;
  tenantId?: string;
}

const positiveInt = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 1;
const nonNegative = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n) && n >= 0;

/** Throws a RangeError naming the first malformed field, so a typo in a test fails loudly. */
export function checkFaultRule(rule: FaultRule, at: number): void {
  const where = `faults[${at}]`;
  const m = rule.match ?? {};
  if (m.path !== undefined && m.path !== 'token' && m.path !== 'users') throw new RangeError(`${where}.match.path must be 'token' or 'users'`);
  for (const key of ['nth', 'first', 'pageIndex'] as const) {
    if (m[key] !== undefined && !positiveInt(m[key])) throw new RangeError(`${where}.match.${key} must be an integer >= 1`);
  }
  for (const key of ['latencyMs', 'slowBodyMs'] as const) {
    if (rule[key] !== undefined && !nonNegative(rule[key])) throw new RangeError(`${where}.${key} must be a number >= 0`);
  }
  if (rule.status !== undefined && ![429, 500, 503, 504].includes(rule.status)) throw new RangeError(`${where}.status must be 429, 500, 503 or 504`);
  if (rule.retryAfter !== undefined && (typeof rule.retryAfter !== 'string' || !/^[\x20-\x7e]+$/.test(rule.retryAfter))) {
    throw new RangeError(`${where}.retryAfter must be a header-safe string (seconds or an HTTP date)`);
  }
}

export class FaultRules {
  private rules: FaultRule[] = [];
  private counts: number[] = [];

  set(rules: readonly FaultRule[]): void {
    rules.forEach(checkFaultRule);
    this.rules = rules.map((rule) => ({ ...rule, ...(rule.match ? { match: { ...rule.match } } : {}) }));
    this.counts = rules.map(() => 0);
  }

  decide(request: FaultRequest): FaultDecision {
    const decision: FaultDecision = { fired: false, latencyMs: 0, reset: false, slowBodyMs: 0, statusAsInteger: false, expireTokens: false };
    this.rules.forEach((rule, i) => {
      const m = rule.match ?? {};
      if (m.path !== undefined && m.path !== request.path) return;
      if (m.pageIndex !== undefined && (request.path !== 'users' || m.pageIndex !== request.pageIndex)) return;
      if (m.customerId !== undefined && m.customerId.toLowerCase() !== request.customerId?.toLowerCase()) return;
      if (m.tenantId !== undefined && m.tenantId.toLowerCase() !== request.tenantId?.toLowerCase()) return;
      const count = (this.counts[i] ?? 0) + 1;
      this.counts[i] = count;
      if (m.nth !== undefined && count % m.nth !== 0) return;
      if (m.first !== undefined && count > m.first * (m.nth ?? 1)) return;
      decision.fired = true;
      decision.latencyMs += rule.latencyMs ?? 0;
      decision.slowBodyMs = Math.max(decision.slowBodyMs, rule.slowBodyMs ?? 0);
      if (rule.statusAsInteger) decision.statusAsInteger = true;
      if (rule.expireTokens) decision.expireTokens = true;
      // The first rule that replaces the response wins; later ones only add delays and flags.
      if (decision.reset || decision.status !== undefined) return;
      if (rule.reset) decision.reset = true;
      else if (rule.status !== undefined) {
        decision.status = rule.status;
        if (rule.retryAfter !== undefined) decision.retryAfter = rule.retryAfter;
        if (rule.body !== undefined) decision.body = rule.body;
      }
    });
    return decision;
  }
}
