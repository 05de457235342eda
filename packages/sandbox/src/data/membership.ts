// Who is in a tenant right now, and where. A user is named by its serial (see deriveUser): the
// tenant's own users are serials 0..users-1, users inserted by churn get the serials after them.
// Paging and the `userIds` filter read a tenant only through this, so an unchurned tenant and a
// churned one are served by the same code.
import type { TenantModel } from './tenancy.js';

export interface Membership {
  /** Users in the tenant now: `metadata.totalCount` of a whole-tenant request. */
  readonly size: number;
  /** Serials issued so far (present or deleted): an ID decodes to a serial below this or to none. */
  readonly issued: number;
  /** The serial of the user at a position, 0 <= position < size. */
  serialAt(position: number): number;
  /** The position of a serial, or undefined when that user is not in the tenant (now). */
  positionOf(serial: number): number | undefined;
}

/** A tenant nobody changed: position i holds serial i. Stores nothing. */
export function wholeTenant(tenant: TenantModel): Membership {
  const size = tenant.users;
  return {
    size,
    issued: size,
    serialAt: (position) => position,
    positionOf: (serial) => (serial < size ? serial : undefined),
  };
}
