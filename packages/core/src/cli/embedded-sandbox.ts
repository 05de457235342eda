// --sandbox: a local AvePoint on 127.0.0.1 from @avepoint-graph-kit/sandbox, loaded only when
// asked for. The package is an optional peer dependency: library users never download it, the
// workspace and the demo have it, and anyone else gets a message saying how to add it.

/** The little of the sandbox's API the CLI uses (kept structural so the CLI builds without it). */
export interface EmbeddedSandbox {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  customers: Array<{ customerId: string; tenants: Array<{ tenantId: string; users: number }> }>;
  stats(): { tokenRequests: number; apiRequests: number; byStatus: Record<number, number>; faultsInjected: number };
  close(): Promise<void>;
}

interface SandboxModule {
  startSandbox(options: { users?: number }): Promise<EmbeddedSandbox>;
}

// A variable, so bundlers leave the import to run time.
const SANDBOX_PACKAGE = '@avepoint-graph-kit/sandbox';

export class SandboxMissingError extends Error {}

export async function startEmbeddedSandbox(users: number | undefined): Promise<EmbeddedSandbox> {
  let mod: SandboxModule;
  try {
    mod = (await import(SANDBOX_PACKAGE)) as SandboxModule;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new SandboxMissingError(
        `--sandbox needs ${SANDBOX_PACKAGE}: install it next to this package (npm install -D ${SANDBOX_PACKAGE})`,
      );
    }
    throw error;
  }
  return mod.startSandbox(users === undefined ? {} : { users });
}
