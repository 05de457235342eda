// Command line to options. Only shape is checked here; values (GUIDs, ranges, status names) are
// checked by the protocol's validators, so the CLI and the library give the same messages.
import { parseArgs } from 'node:util';
import { ENVIRONMENT_NAMES, validateStatusFilter, type EnvironmentName, type UserStatusCode } from '../protocol/index.js';
import { FORMATS, type Format } from './formats/index.js';

export class UsageError extends Error {}

export type Command = 'export' | 'customers' | 'get';

export interface CliArgs {
  command: Command;
  /** `get <userId>`: the user. */
  userId: string | undefined;
  help: boolean;
  version: boolean;
  /** A GUID or a name (resolved through the customers listing). */
  customer: string | undefined;
  tenant: string | undefined;
  allTenants: boolean;
  userIds: string | undefined;
  userIdsFile: string | undefined;
  status: UserStatusCode[] | undefined;
  format: Format | undefined;
  pageSize: number | undefined;
  concurrency: number | undefined;
  limit: number | undefined;
  resumeFrom: number | undefined;
  strict: boolean;
  environment: EnvironmentName | undefined;
  baseUrl: string | undefined;
  tokenUrl: string | undefined;
  sandbox: boolean;
  sandboxUsers: number | undefined;
  summary: boolean;
  verbose: boolean;
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  customer: { type: 'string' },
  tenant: { type: 'string' },
  'all-tenants': { type: 'boolean' },
  'user-ids': { type: 'string' },
  'user-ids-file': { type: 'string' },
  status: { type: 'string' },
  format: { type: 'string' },
  'page-size': { type: 'string' },
  concurrency: { type: 'string' },
  limit: { type: 'string' },
  'resume-from': { type: 'string' },
  strict: { type: 'boolean' },
  environment: { type: 'string' },
  'base-url': { type: 'string' },
  'token-url': { type: 'string' },
  sandbox: { type: 'boolean' },
  'sandbox-users': { type: 'string' },
  summary: { type: 'boolean' },
  verbose: { type: 'boolean' },
} as const;

function integer(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim()) || Number(value) < min)
    throw new UsageError(`${flag} must be a whole number of ${min} or more (received "${value}")`);
  return Number(value);
}

/**
 * `--limit -5` reads to parseArgs as two flags ("-5" looks like one); joined into `--limit=-5`, the
 * value reaches the check above and gets a message that says what is wrong with it.
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    const next = argv[i + 1];
    if (name && (OPTIONS as Record<string, { type: string }>)[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: joinNegativeValues(argv), strict: true, allowPositionals: true, options: OPTIONS }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [first, ...rest] = positionals;
  const command: Command = first === 'customers' || first === 'get' ? first : 'export';
  if (command === 'export' && first !== undefined)
    throw new UsageError(`unknown command "${first}"; the commands are: (none: export users), customers, get <userId>`);
  if (command === 'customers' && rest.length > 0) throw new UsageError('customers takes no arguments');
  if (command === 'get' && rest.length !== 1)
    throw new UsageError('get takes one user ID: avepoint-users get <userId> --customer <id or name> --tenant <id or name>');

  // Case-insensitive: "CSV" is a format people type.
  const format = values.format?.trim().toLowerCase();
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (received "${values.format}")`);
  }
  const environment = values.environment?.trim().toLowerCase();
  if (environment !== undefined && !(ENVIRONMENT_NAMES as readonly string[]).includes(environment)) {
    throw new UsageError(`--environment must be one of ${ENVIRONMENT_NAMES.join(', ')} (received "${values.environment}")`);
  }
  if (values['user-ids'] !== undefined && values['user-ids-file'] !== undefined) {
    throw new UsageError('give --user-ids or --user-ids-file, not both');
  }
  if (
    values['resume-from'] !== undefined &&
    (values['user-ids'] !== undefined || values['user-ids-file'] !== undefined || values['all-tenants'])
  ) {
    throw new UsageError('--resume-from continues an export of one tenant; it does not apply to --user-ids or --all-tenants');
  }
  if (values['all-tenants'] && (values.tenant !== undefined || values['user-ids'] !== undefined || values['user-ids-file'] !== undefined)) {
    throw new UsageError('--all-tenants reads every tenant (of --customer, if given): drop --tenant and --user-ids');
  }
  if (values.sandbox && (environment !== undefined || values['base-url'] !== undefined || values['token-url'] !== undefined)) {
    throw new UsageError('--sandbox picks its own URLs: drop --environment, --base-url and --token-url');
  }
  return {
    command,
    userId: command === 'get' ? rest[0] : undefined,
    help: values.help === true,
    version: values.version === true,
    customer: values.customer,
    tenant: values.tenant,
    allTenants: values['all-tenants'] === true,
    userIds: values['user-ids'],
    userIdsFile: values['user-ids-file'],
    status: validateStatusFilter(values.status, 'status'),
    format: format as Format | undefined,
    pageSize: integer('--page-size', values['page-size'], 1),
    concurrency: integer('--concurrency', values.concurrency, 1),
    limit: integer('--limit', values.limit, 1),
    resumeFrom: integer('--resume-from', values['resume-from'], 1),
    strict: values.strict === true,
    environment: environment as EnvironmentName | undefined,
    baseUrl: values['base-url'],
    tokenUrl: values['token-url'],
    sandbox: values.sandbox === true,
    sandboxUsers: integer('--sandbox-users', values['sandbox-users'], 0),
    summary: values.summary === true,
    verbose: values.verbose === true,
  };
}

/** Protocol field names as the flags a CLI user typed. */
export const FLAG_OF_FIELD: Record<string, string> = {
  customerId: '--customer',
  tenantId: '--tenant',
  userIds: '--user-ids',
  userId: 'the user ID',
  status: '--status',
  pageSize: '--page-size',
  concurrency: '--concurrency',
  limit: '--limit',
  resumeFrom: '--resume-from',
  baseUrl: '--base-url',
  tokenUrl: '--token-url',
  environment: '--environment',
};
