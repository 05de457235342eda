// What every output format implements, and the row it writes: a user, and for an export of
// several tenants the customer and tenant it belongs to.
import { withStatusLabels, type User } from '../../protocol/index.js';

export interface TenantOfRow {
  customerId: string;
  customerName: string | null;
  tenantId: string;
  tenantName: string | null;
}

export interface UserRow {
  user: User;
  /** Set when the export spans tenants (`--all-tenants`). */
  tenant?: TenantOfRow | undefined;
}

export interface UserWriter {
  /** A page of rows at once: one string per page rather than per user keeps a big export cheap. */
  writePage(rows: readonly UserRow[]): Promise<void>;
  end(): Promise<void>;
}

export interface WriterOptions {
  /** Add the customer and tenant columns (an export across tenants). */
  tenantColumns: boolean;
}

/** The tenant fields first, then the user's, with the labels of its status codes (as n8n and Zapier give them). */
export function rowObject(row: UserRow): Record<string, unknown> {
  const labelled = withStatusLabels(row.user);
  return row.tenant ? { ...row.tenant, ...labelled } : labelled;
}
