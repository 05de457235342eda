// Command line to options. Only shape is checked here; values (GUIDs, ranges) are checked by the
// protocol's validators so the CLI and the library give the same messages.
import { parseArgs } from 'node:util';
import { ENVIRONMENT_NAMES, type EnvironmentName } from '../protocol/index.js';
import { FORMATS, type Format } from './formats/index.js';

export class UsageError extends Error {}

export interface CliArgs {
  help: boolean;
  version: boolean;
  customerId: string | undefined;
  tenantId: string | undefined;
  userIds: string | undefined;
  userIdsFile: string | undefined;
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

function integer(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${flag} must be a whole number (received "${value}")`);
  return Number(value);
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        customer: { type: 'string' },
        tenant: { type: 'string' },
        'user-ids': { type: 'string' },
        'user-ids-file': { type: 'string' },
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
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const format = values.format;
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (received "${format}")`);
  }
  const environment = values.environment;
  if (environment !== undefined && !(ENVIRONMENT_NAMES as readonly string[]).includes(environment)) {
    throw new UsageError(`--environment must be one of ${ENVIRONMENT_NAMES.join(', ')} (received "${environment}")`);
  }
  if (values['user-ids'] !== undefined && values['user-ids-file'] !== undefined) {
    throw new UsageError('give --user-ids or --user-ids-file, not both');
  }
  if (values['resume-from'] !== undefined && (values['user-ids'] !== undefined || values['user-ids-file'] !== undefined)) {
    throw new UsageError('--resume-from continues an export of every user; it does not apply to --user-ids');
  }
  if (values.sandbox && (environment !== undefined || values['base-url'] !== undefined || values['token-url'] !== undefined)) {
    throw new UsageError('--sandbox picks its own URLs: drop --environment, --base-url and --token-url');
  }
  return {
    help: values.help === true,
    version: values.version === true,
    customerId: values.customer,
    tenantId: values.tenant,
    userIds: values['user-ids'],
    userIdsFile: values['user-ids-file'],
    format: format as Format | undefined,
    pageSize: integer('--page-size', values['page-size']),
    concurrency: integer('--concurrency', values.concurrency),
    limit: integer('--limit', values.limit),
    resumeFrom: integer('--resume-from', values['resume-from']),
    strict: values.strict === true,
    environment: environment as EnvironmentName | undefined,
    baseUrl: values['base-url'],
    tokenUrl: values['token-url'],
    sandbox: values.sandbox === true,
    sandboxUsers: integer('--sandbox-users', values['sandbox-users']),
    summary: values.summary === true,
    verbose: values.verbose === true,
  };
}

/** Protocol field names as the flags a CLI user typed. */
export const FLAG_OF_FIELD: Record<string, string> = {
  customerId: '--customer',
  tenantId: '--tenant',
  userIds: '--user-ids',
  pageSize: '--page-size',
  concurrency: '--concurrency',
  limit: '--limit',
  resumeFrom: '--resume-from',
  baseUrl: '--base-url',
  tokenUrl: '--token-url',
  environment: '--environment',
};
