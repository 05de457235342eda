// `avepoint-users customers`: the partner's customers with their tenants.
import type { Customer } from '../../protocol/index.js';
import { writeCustomers } from '../formats/customers.js';
import type { CommandContext } from './context.js';

export async function listCustomersCommand(ctx: CommandContext): Promise<number> {
  const customers: Customer[] = [];
  for await (const customer of ctx.client.listCustomers({
    pageSize: ctx.args.pageSize,
    concurrency: ctx.args.concurrency,
    signal: ctx.signal,
  })) {
    customers.push(customer);
    if (ctx.args.limit !== undefined && customers.length >= ctx.args.limit) break;
  }
  await writeCustomers(ctx.format, ctx.out, customers);
  return customers.length;
}
