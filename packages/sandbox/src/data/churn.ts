// Churn: a tenant whose users are inserted, deleted and moved while a client pages through it.
// The tenant is never stored: its order is a UserOrder of pieces and the history a compact log of
// (kind, serial), so a few thousand operations on a 10,000,000-user tenant cost a few hundred KB.
// Positions come from a hash of (tenant, operation number), so the same sequence of churn steps
// always makes the same changes.
import { hash32 } from './hash.js';
import type { Membership } from './membership.js';
import type { TenantModel } from './tenancy.js';
import { UserOrder } from './user-order.js';

/** One churn step: what changes in the tenant each time it is applied. */
export interface Churn {
  /** Users inserted (fresh IDs, never used before, full user objects). */
  inserts?: number;
  /** Users deleted (their IDs are gone for good). */
  deletes?: number;
  /** Users moved to another position (the reorder case). */
  moves?: number;
  /** `users` (default): the numbers above are counts. `fractionOfTenant`: fractions of the tenant's size now (at least 1 when > 0). */
  scale?: 'users' | 'fractionOfTenant';
  /** Where: `random` (default, seeded) positions; `start` inserts/deletes/moves to position 0; `end` at the last position. */
  at?: 'random' | 'start' | 'end';
}

export type ChurnKind = 'insert' | 'delete' | 'move';
const KIND_CODE: Record<ChurnKind, number> = { insert: 1, delete: 2, move: 3 };
const CODE_KIND: readonly ChurnKind[] = ['insert', 'insert', 'delete', 'move'];

/** Operations one tenant may take: the pieces and the log stay a few tens of MB at most. */
export const MAX_CHURN_OPERATIONS = 1_000_000;
const CHURN_SALT = 0xc4a2;

/** The append-only history of a tenant's churn: (kind, serial) per operation. */
export class ChurnLog {
  private kinds = new Uint8Array(256);
  private serials = new Uint32Array(256);
  /** Operation number of each inserted serial, by (serial - firstInserted). */
  private insertedAt = new Uint32Array(64);
  private insertedCount = 0;
  length = 0;

  constructor(readonly firstInserted: number) {}

  push(kind: ChurnKind, serial: number): void {
    if (this.length === this.kinds.length) {
      this.kinds = grow(this.kinds, new Uint8Array(this.length * 2));
      this.serials = grow(this.serials, new Uint32Array(this.length * 2));
    }
    if (kind === 'insert') {
      if (this.insertedCount === this.insertedAt.length) this.insertedAt = grow(this.insertedAt, new Uint32Array(this.insertedCount * 2));
      this.insertedAt[this.insertedCount++] = this.length;
    }
    this.kinds[this.length] = KIND_CODE[kind];
    this.serials[this.length] = serial;
    this.length++;
  }

  kindAt(op: number): ChurnKind {
    return CODE_KIND[this.kinds[op] ?? 0] ?? 'insert';
  }

  serialAt(op: number): number {
    return this.serials[op] ?? 0;
  }

  /** The operation that inserted a serial, or -1 for a serial the tenant had before churn began. */
  insertedAtOp(serial: number): number {
    const j = serial - this.firstInserted;
    return j >= 0 && j < this.insertedCount ? (this.insertedAt[j] ?? -1) : -1;
  }
}

function grow<T extends Uint8Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** A tenant under churn: its current membership, and the log of how it got there. */
export class TenantChurn implements Membership {
  readonly order: UserOrder;
  readonly log: ChurnLog;
  private nextSerial: number;

  /** `firstInserted`: the first serial to hand out (above every serial ever issued in this tenant). */
  constructor(
    readonly tenant: TenantModel,
    firstInserted: number,
  ) {
    this.order = new UserOrder(tenant.users, hash32(tenant.key, CHURN_SALT, 0x7ee));
    this.log = new ChurnLog(firstInserted);
    this.nextSerial = firstInserted;
  }

  get size(): number {
    return this.order.size;
  }

  get issued(): number {
    return this.nextSerial;
  }

  get operations(): number {
    return this.log.length;
  }

  serialAt(position: number): number {
    return this.order.serialAt(position);
  }

  positionOf(serial: number): number | undefined {
    return this.order.positionOf(serial);
  }

  /** Applies one churn step; returns the operations applied (a delete on an empty tenant, or a move in a tenant of one, is skipped). */
  apply(step: Churn): number {
    const count = (value: number | undefined): number => {
      if (!value) return 0;
      return step.scale === 'fractionOfTenant' ? Math.max(1, Math.round(value * this.size)) : value;
    };
    let inserts = count(step.inserts);
    let deletes = count(step.deletes);
    let moves = count(step.moves);
    if (this.operations + inserts + deletes + moves > MAX_CHURN_OPERATIONS) {
      throw new RangeError(
        `churn would take tenant ${this.tenant.tenantId} past ${MAX_CHURN_OPERATIONS} operations; resetChurn() starts it over`,
      );
    }
    const at = step.at ?? 'random';
    const before = this.operations;
    // Interleaved, as real edits are: an insert, a delete, a move, and again.
    while (inserts + deletes + moves > 0) {
      if (inserts > 0) {
        inserts--;
        this.insert(at);
      }
      if (deletes > 0) {
        deletes--;
        this.delete(at);
      }
      if (moves > 0) {
        moves--;
        this.move(at);
      }
    }
    return this.operations - before;
  }

  /** A number in [0, n) for the next operation; `draw` tells the draws of one operation apart. */
  private pick(n: number, draw: number): number {
    return hash32(this.tenant.key, CHURN_SALT, this.operations, draw) % n;
  }

  private insert(at: Churn['at']): void {
    const size = this.size;
    const position = at === 'start' ? 0 : at === 'end' ? size : this.pick(size + 1, 0);
    const serial = this.nextSerial++;
    this.order.insert(position, serial);
    this.log.push('insert', serial);
  }

  private delete(at: Churn['at']): void {
    const size = this.size;
    if (size === 0) return;
    const position = at === 'start' ? 0 : at === 'end' ? size - 1 : this.pick(size, 0);
    this.log.push('delete', this.order.remove(position));
  }

  private move(at: Churn['at']): void {
    const size = this.size;
    if (size < 2) return;
    let from: number;
    let to: number;
    if (at === 'start') {
      from = 1 + this.pick(size - 1, 0);
      to = 0;
    } else if (at === 'end') {
      from = this.pick(size - 1, 0);
      to = size - 1;
    } else {
      from = this.pick(size, 0);
      // Any position but the one it leaves: after the removal, `from` would put it back.
      to = this.pick(size - 1, 1);
      if (to >= from) to++;
    }
    const serial = this.order.remove(from);
    this.order.insert(to, serial);
    this.log.push('move', serial);
  }
}
