// `avepoint-users get <userId>`: one user in full.
import { validateGuid, type UserDetail } from '../../protocol/index.js';
import { UsageError } from '../args.js';
import { csvCell } from '../formats/csv.js';
import { writeTable } from '../formats/table.js';
import { resolveTarget, type CommandContext } from './context.js';

export async function getUserCommand(ctx: CommandContext): Promise<UserDetail> {
  const { args, client } = ctx;
  const userId = validateGuid('userId', args.userId);
  if (args.tenant === undefined) throw new UsageError('get needs --tenant (and --customer): the tenant the user belongs to');
  const target = await resolveTarget(client, args.customer, args.tenant, ctx.signal);
  const user = await client.getUser({ customerId: target.customerId, tenantId: target.tenantId, userId }, { signal: ctx.signal });
  const entries = Object.entries(user);
  switch (ctx.format) {
    case 'json':
      await ctx.out.write(`${JSON.stringify(user, null, 2)}\n`);
      break;
    case 'ndjson':
      await ctx.out.write(`${JSON.stringify(user)}\n`);
      break;
    case 'csv':
      await ctx.out.write(
        `${entries.map(([key]) => csvCell(key)).join(',')}\r\n${entries.map(([, v]) => csvCell(Array.isArray(v) ? v.join(';') : v)).join(',')}\r\n`,
      );
      break;
    case 'table':
      await writeTable(
        ctx.out,
        ['Field', 'Value'],
        entries.map(([key, value]) => [
          key,
          value === null || value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value),
        ]),
      );
      return user;
  }
  await ctx.out.flush();
  return user;
}
