// Credentials from the environment, never from flags (flags end up in shell history and `ps`).
import { readFile } from 'node:fs/promises';
import type { Credentials } from '../auth/credentials.js';
import { UsageError } from './args.js';

export interface EnvCredentials {
  credentials: Credentials;
  /** Every secret value in play, for redacting anything printed. */
  secrets: string[];
}

export async function credentialsFromEnv(env: Record<string, string | undefined>): Promise<EnvCredentials> {
  const clientId = env.AVEPOINT_CLIENT_ID?.trim();
  const secret = env.AVEPOINT_CLIENT_SECRET;
  const keyFile = env.AVEPOINT_PRIVATE_KEY_FILE;
  const token = env.AVEPOINT_ACCESS_TOKEN;
  if (clientId && secret) return { credentials: { clientId, clientSecret: secret }, secrets: [secret] };
  if (clientId && keyFile) {
    let privateKeyPem: string;
    try {
      privateKeyPem = await readFile(keyFile, 'utf8');
    } catch {
      throw new UsageError(`AVEPOINT_PRIVATE_KEY_FILE: cannot read ${keyFile}`);
    }
    const thumbprint = env.AVEPOINT_CERTIFICATE_THUMBPRINT?.trim();
    return {
      credentials: { clientId, privateKeyPem, ...(thumbprint ? { certificateThumbprint: thumbprint } : {}) },
      secrets: [privateKeyPem, ...privateKeyPem.split(/\r?\n/).filter((line) => line.length >= 16 && !line.startsWith('-----'))],
    };
  }
  if (token) return { credentials: { accessToken: token }, secrets: [token] };
  // Say which variable is missing: half a credential is the usual mistake.
  if (clientId)
    throw new UsageError('AVEPOINT_CLIENT_ID is set, but neither AVEPOINT_CLIENT_SECRET nor AVEPOINT_PRIVATE_KEY_FILE is: set one of them');
  if (secret) throw new UsageError("AVEPOINT_CLIENT_SECRET is set, but AVEPOINT_CLIENT_ID is not: set it to the app's client ID");
  if (keyFile) throw new UsageError("AVEPOINT_PRIVATE_KEY_FILE is set, but AVEPOINT_CLIENT_ID is not: set it to the app's client ID");
  throw new UsageError(
    'no credentials: set AVEPOINT_CLIENT_ID with AVEPOINT_CLIENT_SECRET or AVEPOINT_PRIVATE_KEY_FILE, or AVEPOINT_ACCESS_TOKEN (or use --sandbox)',
  );
}
