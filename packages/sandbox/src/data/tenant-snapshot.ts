// A frozen view of one tenant's membership, for tests that compute expectations without HTTP:
// who is in it and where, and what churn changed since an earlier snapshot.
import type { ChurnLog } from './churn.js';
import { indexOfGuid } from './guid.js';
import type { Membership } from './membership.js';
import type { TenantModel } from './tenancy.js';
import { deriveUser, userId, type SandboxUser } from './users.js';

/** What churn did between two snapshots, as IDs in the order it happened. */
export interface ChurnChanges {
  /** Users inserted since (some may have been deleted again: they are in `deleted` too). */
  inserted: string[];
  deleted: string[];
  /** Users moved to another position (a user moved twice is listed twice). */
  moved: string[];
}

export interface TenantSnapshot {
  readonly customerId: string;
  readonly tenantId: string;
  /** Churn operations (inserts + deletes + moves) applied to the tenant before this snapshot. */
  readonly operations: number;
  /** Users in the tenant: what a whole-tenant request answers as `metadata.totalCount`. */
  readonly totalCount: number;
  /** The ID at a position (0-based, as served: page p of size s starts at (p - 1) * s). */
  idAt(position: number): string;
  /** The user at a position, exactly as served (status as an array). */
  userAt(position: number): SandboxUser;
  /** The IDs at positions [start, end), in tenant order; all of them by default. */
  ids(start?: number, end?: number): string[];
  /** The position of an ID (any case), or undefined when the tenant does not have it. */
  positionOf(id: string): number | undefined;
  has(id: string): boolean;
  /** What changed from `since` (an earlier snapshot of this tenant, or an `operations` count) to this one. */
  changesSince(since: TenantSnapshot | number): ChurnChanges;
  /**
   * The IDs present at `since` and at every moment up to this snapshot, in tenant order: every
   * one of them must come out of a listing that ran in between. (A deleted ID never comes back,
   * so these are this snapshot's IDs less the ones inserted after `since`.)
   */
  idsPresentThroughout(since: TenantSnapshot | number): string[];
}

/** The tenant's history, as far as a snapshot may read it. */
export interface ChurnHistory {
  log: ChurnLog | undefined;
  /** Identifies one churn history: resetChurn() starts a new one. */
  epoch: object;
}

const epochs = new WeakMap<TenantSnapshot, object>();

export function createSnapshot(tenant: TenantModel, membership: Membership, operations: number, history: ChurnHistory): TenantSnapshot {
  const { size } = membership;
  const checkPosition = (position: number): void => {
    if (!Number.isInteger(position) || position < 0 || position >= size)
      throw new RangeError(`position must be an integer from 0 to ${size - 1}`);
  };
  const opsOf = (since: TenantSnapshot | number): number => {
    if (typeof since === 'number') {
      if (!Number.isInteger(since) || since < 0 || since > operations)
        throw new RangeError(`since must be an operation count from 0 to ${operations}`);
      return since;
    }
    if (since.tenantId !== tenant.tenantId || since.customerId !== tenant.customerId)
      throw new RangeError('since is a snapshot of another tenant');
    if (epochs.get(since) !== history.epoch) throw new RangeError('since was taken before resetChurn()');
    if (since.operations > operations) throw new RangeError('since is later than this snapshot');
    return since.operations;
  };
  const snapshot: TenantSnapshot = {
    customerId: tenant.customerId,
    tenantId: tenant.tenantId,
    operations,
    totalCount: size,
    idAt(position) {
      checkPosition(position);
      return userId(tenant, membership.serialAt(position));
    },
    userAt(position) {
      checkPosition(position);
      return deriveUser(tenant, membership.serialAt(position));
    },
    ids(start = 0, end = size) {
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > size || start > end)
        throw new RangeError(`ids(start, end) needs 0 <= start <= end <= ${size}`);
      const out: string[] = [];
      for (let p = start; p < end; p++) out.push(userId(tenant, membership.serialAt(p)));
      return out;
    },
    positionOf(id) {
      const serial = indexOfGuid(tenant.key, id, membership.issued);
      return serial === undefined ? undefined : membership.positionOf(serial);
    },
    has(id) {
      return snapshot.positionOf(id) !== undefined;
    },
    changesSince(since) {
      const from = opsOf(since);
      const changes: ChurnChanges = { inserted: [], deleted: [], moved: [] };
      const { log } = history;
      if (!log) return changes;
      for (let op = from; op < operations; op++) {
        const kind = log.kindAt(op);
        changes[kind === 'insert' ? 'inserted' : kind === 'delete' ? 'deleted' : 'moved'].push(userId(tenant, log.serialAt(op)));
      }
      return changes;
    },
    idsPresentThroughout(since) {
      const from = opsOf(since);
      const { log } = history;
      const out: string[] = [];
      for (let p = 0; p < size; p++) {
        const serial = membership.serialAt(p);
        if (!log || log.insertedAtOp(serial) < from) out.push(userId(tenant, serial));
      }
      return out;
    },
  };
  epochs.set(snapshot, history.epoch);
  return Object.freeze(snapshot);
}
