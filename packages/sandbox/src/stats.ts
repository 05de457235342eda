import type { SandboxStats } from './options.js';

export class StatsCounter {
  private value: SandboxStats = StatsCounter.empty();

  private static empty(): SandboxStats {
    return { tokenRequests: 0, apiRequests: 0, byStatus: {}, faultsInjected: 0 };
  }

  /** `api`: any of the API endpoints (users batch, one user, customers). */
  request(path: 'token' | 'api' | 'other'): void {
    if (path === 'token') this.value.tokenRequests++;
    else if (path === 'api') this.value.apiRequests++;
  }

  status(status: number): void {
    this.value.byStatus[status] = (this.value.byStatus[status] ?? 0) + 1;
  }

  fault(): void {
    this.value.faultsInjected++;
  }

  snapshot(): SandboxStats {
    return { ...this.value, byStatus: { ...this.value.byStatus } };
  }

  reset(): void {
    this.value = StatsCounter.empty();
  }
}
