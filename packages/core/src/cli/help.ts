export const HELP = `avepoint-users: read the users of AvePoint Elements customer tenants

Usage:
  avepoint-users --customer <id|name> --tenant <id|name> [options]   export a tenant's users
  avepoint-users --all-tenants [--customer <id|name>] [options]       every tenant (of one customer)
  avepoint-users customers [options]                                  the customers and their tenants
  avepoint-users get <userId> --customer <id|name> --tenant <id|name> one user in full
  avepoint-users --sandbox [options]        read from an embedded local sandbox

Which users:
  --customer <id|name>       customer ID, or its name (exact, any case; must be unique)
  --tenant <id|name>         tenant ID, or its name (within --customer, or among all tenants)
  --all-tenants              every tenant of --customer, or of every customer (adds customer and
                             tenant columns; a tenant that fails is reported and the rest goes on)
  --user-ids <a,b,...>       only these users (any number; chunked, in the order given)
  --user-ids-file <file>     read the IDs from a file (commas, spaces or new lines)
  --status <a,b,...>         only users with any of these statuses: mfa-disabled, sign-in-blocked,
                             password-expired, high-risk, medium-risk, compliance, inactive,
                             pending-deletion, test-user (or their codes 0 to 8)
  --limit <n>                stop after n users
  --resume-from <page>       continue a failed export at this page (the error says which; same --page-size)
  --strict                   fail (exit 1) if the tenant kept changing and no pass read it unchanged

Names need the app's elements.customers.read.all permission (to list customers); IDs do not.

Output (users on stdout; progress and messages on stderr):
  --format <f>               table | json | ndjson | csv (default: table on a terminal, else ndjson;
                             json for get); json and ndjson carry statusLabels beside status
  --summary                  print a summary line on stderr at the end
  --verbose                  log retries on stderr

Paging:
  --page-size <1..100>       users per request (default 100)
  --concurrency <1..16>      pages read at once (default 4)

Service:
  --environment <name>       commercial (default) | gov | aos2 | fedramp
  --base-url <url>           API base URL (sandbox or proxy); with --token-url
  --token-url <url>          OAuth token endpoint
  --sandbox                  start a sandbox on 127.0.0.1 (needs @avepoint-graph-kit/sandbox) and read from it
  --sandbox-users <n>        users in the sandbox's first tenant (default 250)

Credentials (environment variables):
  AVEPOINT_CLIENT_ID and AVEPOINT_CLIENT_SECRET            client secret
  AVEPOINT_CLIENT_ID and AVEPOINT_PRIVATE_KEY_FILE         certificate (PEM private key file)
    [AVEPOINT_CERTIFICATE_THUMBPRINT]                       SHA-1 thumbprint, sent as x5t
  AVEPOINT_ACCESS_TOKEN                                    a token you already have

If the tenant changes during an export, it is read again (up to 3 passes) and users missed the
first time are added; each user is written once. A tenant still changing after that is reported
on stderr (and is an error with --strict).

Exit status: 0 done, 1 the service or the network failed (or a tenant of --all-tenants failed,
or --strict and the tenant kept changing), 2 bad usage or input.
`;
