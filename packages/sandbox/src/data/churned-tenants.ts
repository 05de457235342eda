// The churn state of a sandbox's tenants: created on a tenant's first churn step, so tenants
// nobody churns keep the storage-free wholeTenant() membership.
import { TenantChurn, type Churn } from './churn.js';
import { wholeTenant, type Membership } from './membership.js';
import type { TenantModel } from './tenancy.js';
import { createSnapshot, type ChurnHistory, type TenantSnapshot } from './tenant-snapshot.js';

interface Entry {
  churn: TenantChurn | undefined;
  epoch: object;
  /** Serials issued in earlier epochs stay retired: an ID is never handed out twice. */
  issued: number;
}

export class ChurnedTenants {
  private readonly entries = new Map<TenantModel, Entry>();

  private entry(tenant: TenantModel): Entry {
    let entry = this.entries.get(tenant);
    if (!entry) {
      entry = { churn: undefined, epoch: {}, issued: tenant.users };
      this.entries.set(tenant, entry);
    }
    return entry;
  }

  membership(tenant: TenantModel): Membership {
    return this.entries.get(tenant)?.churn ?? wholeTenant(tenant);
  }

  /** Applies a churn step to a tenant now; returns the operations applied. */
  apply(tenant: TenantModel, step: Churn): number {
    const entry = this.entry(tenant);
    entry.churn ??= new TenantChurn(tenant, entry.issued);
    return entry.churn.apply(step);
  }

  snapshot(tenant: TenantModel): TenantSnapshot {
    const entry = this.entry(tenant);
    const churn = entry.churn;
    const history: ChurnHistory = { log: churn?.log, epoch: entry.epoch };
    if (!churn) return createSnapshot(tenant, wholeTenant(tenant), 0, history);
    const order = churn.order.clone();
    const frozen: Membership = {
      size: order.size,
      issued: churn.issued,
      serialAt: (position) => order.serialAt(position),
      positionOf: (serial) => order.positionOf(serial),
    };
    return createSnapshot(tenant, frozen, churn.operations, history);
  }

  /** Back to the tenant as it started (a new history); inserted IDs are not reused. */
  reset(tenant?: TenantModel): void {
    for (const [t, entry] of this.entries) {
      if (tenant !== undefined && t !== tenant) continue;
      if (entry.churn) entry.issued = entry.churn.issued;
      entry.churn = undefined;
      entry.epoch = {};
    }
  }
}
