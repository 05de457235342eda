export const HELP = `avepoint-users: export the users of an AvePoint Elements customer tenant

Usage:
  avepoint-users --customer <id> --tenant <id> [options]
  avepoint-users --sandbox [options]        read from an embedded local sandbox

Which users:
  --customer <guid>          customer ID
  --tenant <guid>            tenant ID of that customer
  --user-ids <a,b,...>       only these users (any number; chunked, in the order given)
  --user-ids-file <file>     read the IDs from a file (commas, spaces or new lines)
  --limit <n>                stop after n users
  --resume-from <page>       continue a failed export at this page (the error says which; same --page-size)
  --strict                   fail (exit 1) if the tenant kept changing and no pass read it unchanged

Output (users on stdout; progress and messages on stderr):
  --format <f>               table | json | ndjson | csv (default: table on a terminal, else ndjson)
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

Exit status: 0 done, 1 the service or the network failed (or --strict and the tenant kept
changing), 2 bad usage or input.
`;
