// Matches requests against fault rules. Each rule counts the requests it matched on its own,
// so `nth` and `first` mean "of the requests this rule is about", not of all traffic.
import { hash32, unit } from '../data/hash.js';
import { checkFaultRule, isUsersOnly } from './rule-checks.js';
import type { FaultDecision, FaultPath, FaultRule } from './types.js';

export { checkFaultRule };

export interface FaultRequest {
  path: FaultPath;
  pageIndex?: number;
  customerId?: string;
  tenantId?: string;
}

const DEFAULT_BOMB_BYTES = 1024 ** 3;
// Salts of a rule's draws: whether it fires, and which outcome it picks.
const FIRE = 1;
const PICK = 2;

export function emptyDecision(): FaultDecision {
  return {
    fired: false,
    latencyMs: 0,
    reset: false,
    slowBodyMs: 0,
    statusAsInteger: false,
    expireTokens: false,
    churn: [],
    page: { ignorePageIndex: false },
  };
}

/** A copy the caller's later edits do not reach (the body is sent as given, so it is not copied). */
function copyRule(rule: FaultRule): FaultRule {
  const copy: FaultRule = { ...rule };
  if (rule.match) copy.match = { ...rule.match };
  if (rule.oneOf) copy.oneOf = [...rule.oneOf];
  if (rule.churn) copy.churn = { ...rule.churn };
  if (rule.hugeBody) copy.hugeBody = { ...rule.hugeBody };
  if (rule.compressionBomb) copy.compressionBomb = { ...rule.compressionBomb };
  if (rule.corruptBody) copy.corruptBody = { ...rule.corruptBody };
  if (rule.truncateBody) copy.truncateBody = { ...rule.truncateBody };
  if (rule.totalCount !== null && typeof rule.totalCount === 'object') copy.totalCount = { ...rule.totalCount };
  return copy;
}

export class FaultRules {
  private rules: FaultRule[] = [];
  private counts: number[] = [];
  private fires: number[] = [];
  private usersOnly: boolean[] = [];

  /** `seed`: the sandbox's seed, the default seed of the rules' random draws. */
  constructor(private readonly seed = 1) {}

  set(rules: readonly FaultRule[]): void {
    rules.forEach(checkFaultRule);
    this.rules = rules.map(copyRule);
    this.counts = rules.map(() => 0);
    this.fires = rules.map(() => 0);
    this.usersOnly = rules.map(isUsersOnly);
  }

  decide(request: FaultRequest): FaultDecision {
    const decision = emptyDecision();
    this.rules.forEach((rule, i) => {
      const m = rule.match ?? {};
      const path = m.path ?? (this.usersOnly[i] ? 'users' : undefined);
      if (path !== undefined && path !== request.path) return;
      if (m.pageIndex !== undefined && ((request.path !== 'users' && request.path !== 'customers') || m.pageIndex !== request.pageIndex))
        return;
      if (m.customerId !== undefined && m.customerId.toLowerCase() !== request.customerId?.toLowerCase()) return;
      if (m.tenantId !== undefined && m.tenantId.toLowerCase() !== request.tenantId?.toLowerCase()) return;
      const count = (this.counts[i] ?? 0) + 1;
      this.counts[i] = count;
      if (m.nth !== undefined && count % m.nth !== 0) return;
      if (m.first !== undefined && count > m.first * (m.nth ?? 1)) return;
      const seedKey = hash32(rule.seed ?? this.seed, 0xfa17, i);
      if (m.probability !== undefined && unit(seedKey, count, FIRE) >= m.probability) return;
      const fired = this.fires[i] ?? 0;
      this.fires[i] = fired + 1;
      decision.fired = true;
      decision.latencyMs += rule.latencyMs ?? 0;
      decision.slowBodyMs = Math.max(decision.slowBodyMs, rule.slowBodyMs ?? 0);
      if (rule.statusAsInteger) decision.statusAsInteger = true;
      if (rule.expireTokens) decision.expireTokens = true;
      if (rule.churn) decision.churn.push(rule.churn);
      // For everything below, the first rule that sets it wins.
      if (rule.corruptBody && decision.corruptBody === undefined) decision.corruptBody = rule.corruptBody.encoding ?? 'gzip';
      if (rule.truncateBody && decision.truncateAfter === undefined) decision.truncateAfter = rule.truncateBody.afterBytes ?? 'half';
      const page = decision.page;
      if (rule.totalCount !== undefined && page.totalCount === undefined) {
        const lie = rule.totalCount;
        page.totalCount =
          lie !== null && typeof lie === 'object' ? { add: (lie.add ?? 0) + (lie.addPerRequest ?? 0) * fired } : { value: lie };
      }
      if (rule.servePageSize !== undefined && page.servePageSize === undefined) page.servePageSize = rule.servePageSize;
      if (rule.ignorePageIndex) page.ignorePageIndex = true;
      // The first rule that replaces the response decides it; later ones only add delays and flags.
      if (decision.reset || decision.status !== undefined || decision.replaceBody) return;
      const outcome = rule.oneOf ? rule.oneOf[hash32(seedKey, count, PICK) % rule.oneOf.length] : undefined;
      if (rule.reset || outcome === 'reset') decision.reset = true;
      else if (outcome !== undefined || rule.status !== undefined) {
        const status = outcome ?? rule.status;
        if (status !== undefined) decision.status = status;
        if (rule.retryAfter !== undefined) decision.retryAfter = rule.retryAfter;
        if (rule.body !== undefined) decision.body = rule.body;
        if (rule.contentType !== undefined) decision.contentType = rule.contentType;
      } else if (rule.hugeBody) {
        decision.replaceBody = { kind: 'huge', bytes: rule.hugeBody.bytes, contentLength: rule.hugeBody.contentLength ?? true };
      } else if (rule.compressionBomb) {
        const bomb = rule.compressionBomb;
        decision.replaceBody = {
          kind: 'bomb',
          encoding: bomb.encoding ?? 'gzip',
          decompressedBytes: bomb.decompressedBytes ?? DEFAULT_BOMB_BYTES,
          layers: bomb.layers ?? 1,
        };
      }
    });
    return decision;
  }
}
