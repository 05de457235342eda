// Core's errors as Zapier's: each status gets the fix the Zap builder should make, and Zapier's
// own errors pass through core's wrapping unchanged.
import { AvePointError, CUSTOMERS_READ_SCOPE, apiErrorFromResponse, parseTokenResponse } from '@avepoint-graph-kit/core/protocol';
import { describe, expect, it } from 'vitest';
import type { ZObject } from 'zapier-platform-core';
import { rethrowForZapier } from '../src/zapier-errors.js';
import { appTester, detailsOf, failure } from './helpers/sandbox.js';

/** Runs rethrowForZapier inside the app tester, so `z.errors` are Zapier's real classes. */
const rethrown = (make: (z: ZObject) => unknown) => failure(appTester((z: ZObject) => rethrowForZapier(z, make(z)), {}));

describe('rethrowForZapier', () => {
  it.each([
    [400, 'BAD_REQUEST', /Check the Customer ID, Tenant ID and User IDs fields/],
    [403, 'FORBIDDEN', /Settings > API app registration.*elements\.um\.user\.read\.all/],
    [404, 'NOT_FOUND', /Check the Customer ID and Tenant ID fields/],
    [503, 'UNAVAILABLE', /unavailable/],
  ])('HTTP %i becomes code %s with a message that says what to do', async (status, code, fix) => {
    const error = await rethrown(() => apiErrorFromResponse({ status, body: { message: 'from the server' } }));
    const details = detailsOf(error);
    expect(details).toMatchObject({ code, status });
    expect(details.message).toMatch(fix);
    expect(details.message).toContain('from the server');
  });

  it.each([
    [
      'the identity service refusing the scope (invalid_scope)',
      () => parseTokenResponse(400, { error: 'invalid_scope' }, CUSTOMERS_READ_SCOPE),
    ],
    [
      'the customers endpoint refusing a token without it (403)',
      () => apiErrorFromResponse({ status: 403, body: { error: 'insufficient_scope' }, resource: 'customers' }),
    ],
  ])('a missing customers permission, from %s, names the permission, where to grant it and the typed-ID way round', async (_why, make) => {
    const error = await rethrown(() => {
      try {
        return make();
      } catch (thrown) {
        return thrown;
      }
    });
    expect(error.name).toBe('AppError');
    const details = detailsOf(error);
    expect(details).toMatchObject({ code: 'MissingPermission', status: 403 });
    expect(details.message).toMatch(
      /"elements\.customers\.read\.all".*Customer ID and Tenant ID as custom values.*Settings > API app registration/,
    );
  });

  it("finds Zapier's own error under core's transport wrapping and rethrows it as is", async () => {
    const error = await rethrown(
      (z) => new AvePointError('NETWORK_ERROR', 'Could not reach', { cause: new z.errors.ThrottledError('slow down', 12) }),
    );
    expect(error.name).toBe('ThrottledError');
    expect(detailsOf(error).delay).toBe(12);
  });

  it('leaves errors it does not know alone', async () => {
    const error = await rethrown(() => new TypeError('a bug'));
    expect(error).toBeInstanceOf(TypeError);
  });
});
