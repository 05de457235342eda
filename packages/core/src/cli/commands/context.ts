// What every command gets: the client, where to write, how to report, and the target resolved from
// --customer/--tenant (GUIDs as given, names through the customers listing).
import type { UsersClient } from '../../client/create-users-client.js';
import { resolveCustomer, resolveTenant, validateGuid, GUID_PATTERN, type Customer } from '../../protocol/index.js';
import type { CliArgs } from '../args.js';
import type { Format } from '../formats/index.js';
import type { TextSink } from '../text-sink.js';

export interface CommandContext {
  args: CliArgs;
  client: UsersClient;
  format: Format;
  out: TextSink;
  stderr: { write(text: string): unknown; isTTY?: boolean };
  say: (text: string) => void;
  now: () => number;
  signal: AbortSignal | undefined;
}

export interface Target {
  customerId: string;
  tenantId: string;
  customerName?: string | null;
  tenantName?: string | null;
}

const isGuid = (value: string): boolean => GUID_PATTERN.test(value.trim());

async function customersNamed(client: UsersClient, customer: string | undefined, signal: AbortSignal | undefined): Promise<Customer[]> {
  const customers: Customer[] = [];
  const ids = customer !== undefined && isGuid(customer) ? [customer.trim()] : undefined;
  for await (const c of client.listCustomers({ customerIds: ids, signal })) customers.push(c);
  return customers;
}

/** The customer --customer names (a GUID needs no listing). */
export async function resolveCustomerArg(
  client: UsersClient,
  customer: string,
  signal: AbortSignal | undefined,
): Promise<{ id: string; name: string | null }> {
  if (isGuid(customer)) return { id: validateGuid('customerId', customer), name: null };
  const found = resolveCustomer(await customersNamed(client, undefined, signal), customer);
  return { id: found.id, name: found.organization };
}

/**
 * The tenant of --customer and --tenant. Two GUIDs are taken as they are; a name is looked up in
 * the customers listing (which needs the elements.customers.read.all permission).
 */
export async function resolveTarget(
  client: UsersClient,
  customer: string | undefined,
  tenant: string | undefined,
  signal: AbortSignal | undefined,
): Promise<Target> {
  if (tenant === undefined) throw new Error('unreachable: --tenant is checked before');
  if (customer !== undefined && isGuid(customer) && isGuid(tenant)) {
    return { customerId: validateGuid('customerId', customer), tenantId: validateGuid('tenantId', tenant) };
  }
  let customers = await customersNamed(client, customer, signal);
  if (customer !== undefined) customers = [resolveCustomer(customers, customer)];
  const found = resolveTenant(customers, tenant);
  return {
    customerId: found.customer.id,
    tenantId: found.tenant.id,
    customerName: found.customer.organization,
    tenantName: found.tenant.name,
  };
}
