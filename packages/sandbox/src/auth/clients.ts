// The app registrations the sandbox knows: like Elements' "API app registration", each app has
// a credential (secret or certificate), the permissions it was granted, and the customers it may read.
import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { hash32 } from '../data/hash.js';
import { guidFor } from '../data/guid.js';
import { selfSignedCertificate } from './self-signed.js';

export const USERS_READ_SCOPE = 'elements.um.user.read.all';
export const CUSTOMERS_READ_SCOPE = 'elements.customers.read.all';
/** Scopes the identity service knows; asking for any other is `invalid_scope`. */
export const KNOWN_SCOPES: readonly string[] = [USERS_READ_SCOPE, CUSTOMERS_READ_SCOPE];
/** What the demo apps were granted: everything the sandbox serves. */
const DEMO_SCOPES: readonly string[] = [USERS_READ_SCOPE, CUSTOMERS_READ_SCOPE];

export interface RegisteredClient {
  clientId: string;
  /** Set for apps that authenticate with a client secret. */
  secret?: string;
  /** Set for apps that authenticate with a certificate (RS256 client assertion). */
  publicKey?: KeyObject;
  /** SHA-1 thumbprint (40 hex digits) an assertion's `x5t` must match when it has one. */
  thumbprint?: string;
  scopes: readonly string[];
  customerIds: ReadonlySet<string>;
}

export interface CertificateCredential {
  clientId: string;
  privateKeyPem: string;
  /** The self-signed certificate registered for the app (what you would upload to Elements). */
  certificatePem: string;
  /** SHA-1 of the certificate (DER), as 40 upper-case hex digits: the thumbprint Elements shows. */
  certificateThumbprint: string;
}

export interface DemoClients {
  secretClient: RegisteredClient & { secret: string };
  certificateClient: RegisteredClient;
  /** Issued on first read (see createDemoClients). */
  readonly certificate: CertificateCredential;
  /** An app registered without any permission: its tokens get 403 everywhere. */
  unscopedClient: RegisteredClient & { secret: string };
  /** An app granted `elements.um.user.read.all` only: it reads users, and gets 403 on the customers endpoint. */
  usersOnlyClient: RegisteredClient & { secret: string };
}

interface IssuedCertificate {
  publicKey: KeyObject;
  thumbprint: string;
  credential: CertificateCredential;
}

function issueCertificate(clientId: string, now: number): IssuedCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const certificateFile = selfSignedCertificate({
    commonName: 'avepoint-sandbox demo app',
    publicKey,
    privateKey,
    serial: randomBytes(16),
    notBefore: new Date(now - 86_400_000),
    notAfter: new Date(now + 365 * 86_400_000),
  });
  const thumbprint = createHash('sha1').update(certificateFile.der).digest('hex').toUpperCase();
  const credential = {
    clientId,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem: certificateFile.pem,
    certificateThumbprint: thumbprint,
  };
  return { publicKey, thumbprint, credential };
}

export function createDemoClients(seed: number, inScopeCustomerIds: readonly string[], now: number): DemoClients {
  const key = hash32(seed, 0xc11e);
  const customers = new Set(inScopeCustomerIds.map((id) => id.toLowerCase()));
  // Secrets are random per run: a demo secret, but not one that anything can hard-code.
  const secretClient = {
    clientId: guidFor(key, 0),
    secret: `sbx_${randomBytes(24).toString('base64url')}`,
    scopes: DEMO_SCOPES,
    customerIds: customers,
  };
  const unscopedClient = {
    clientId: guidFor(key, 2),
    secret: `sbx_${randomBytes(24).toString('base64url')}`,
    scopes: [],
    customerIds: customers,
  };
  const usersOnlyClient = {
    clientId: guidFor(key, 3),
    secret: `sbx_${randomBytes(24).toString('base64url')}`,
    scopes: [USERS_READ_SCOPE],
    customerIds: customers,
  };
  // An RSA-2048 key takes about 100 ms to generate, most of a sandbox's start-up, and most
  // sandboxes (every fast test) never see the certificate client: it is issued on first use
  // (an assertion to verify, or `certificate` read), with the start time, so it is the same
  // certificate it would have been.
  const clientId = guidFor(key, 1);
  let issued: IssuedCertificate | undefined;
  const issue = (): IssuedCertificate => (issued ??= issueCertificate(clientId, now));
  const certificateClient: RegisteredClient = {
    clientId,
    get publicKey() {
      return issue().publicKey;
    },
    get thumbprint() {
      return issue().thumbprint;
    },
    scopes: DEMO_SCOPES,
    customerIds: customers,
  };
  return {
    secretClient,
    certificateClient,
    get certificate() {
      return issue().credential;
    },
    unscopedClient,
    usersOnlyClient,
  };
}
