// The demo certificate client's certificate: a real X.509 certificate that Node parses, that
// verifies with its own key, and whose SHA-1 fingerprint is the advertised thumbprint.
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ users: 1 });
});
afterAll(() => sb.close());

describe('the demo certificate', () => {
  it('parses as X.509, is self-signed, and matches the private key', () => {
    const cert = new X509Certificate(sb.certificate.certificatePem);
    expect(cert.subject).toContain('CN=avepoint-sandbox demo app');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.checkPrivateKey(createPrivateKey(sb.certificate.privateKeyPem))).toBe(true);
    const spki = (k: ReturnType<typeof createPublicKey>) => k.export({ type: 'spki', format: 'der' }).toString('hex');
    expect(spki(cert.publicKey)).toBe(spki(createPublicKey(sb.certificate.privateKeyPem)));
  });

  it('has the advertised SHA-1 thumbprint and is valid now', () => {
    const cert = new X509Certificate(sb.certificate.certificatePem);
    expect(cert.fingerprint.replace(/:/g, '')).toBe(sb.certificate.certificateThumbprint);
    expect(sb.certificate.certificateThumbprint).toMatch(/^[0-9A-F]{40}$/);
    const now = Date.now();
    expect(new Date(cert.validFrom).getTime()).toBeLessThan(now);
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(now);
  });
});
