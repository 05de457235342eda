// Type-level proof of the public API: what callers may pass and what they get back.
import type { ClientPathsWithMethod } from 'openapi-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type AvePointApiError,
  type AvePointError,
  createUsersClient,
  type AvePointErrorCode,
  type Credentials,
  type User,
  type UserStatusCode,
  type UsersByIdsResult,
  type UsersClient,
  type UsersPage,
} from '../src/index.js';
import * as protocol from '../src/protocol/index.js';

declare const client: UsersClient;
const ids = { customerId: 'c', tenantId: 't' };

describe('public API types', () => {
  it('createUsersClient takes an environment or URLs and one of three credentials', () => {
    expectTypeOf(createUsersClient).returns.toEqualTypeOf<UsersClient>();
    createUsersClient({ environment: 'gov', credentials: { clientId: 'a', clientSecret: 'b' } });
    createUsersClient({
      baseUrl: 'http://127.0.0.1:1',
      tokenUrl: 'http://127.0.0.1:1/t',
      credentials: { clientId: 'a', privateKeyPem: 'k' },
    });
    createUsersClient({ credentials: { accessToken: async () => 'x' }, retry: false, timeoutMs: 1000 });
    // @ts-expect-error an unknown environment
    createUsersClient({ environment: 'mars', credentials: { accessToken: 'x' } });
    // @ts-expect-error credentials are required
    createUsersClient({ environment: 'gov' });
    // @ts-expect-error a token must be a string or a function returning a promise of one
    createUsersClient({ credentials: { accessToken: 42 } });
    expectTypeOf<{ clientId: string; clientSecret: string }>().toMatchTypeOf<Credentials>();
  });

  it('getUsersPage resolves to a page of normalized users', () => {
    expectTypeOf(client.getUsersPage(ids)).resolves.toEqualTypeOf<UsersPage>();
    expectTypeOf<UsersPage['users']>().toEqualTypeOf<User[]>();
    expectTypeOf<User['status']>().toEqualTypeOf<UserStatusCode[]>();
    expectTypeOf<User['id']>().toEqualTypeOf<string>();
    // @ts-expect-error pageIndex is a number
    void client.getUsersPage({ ...ids, pageIndex: '2' });
  });

  it('listUsers is an async iterable of users; getUsersByIds gives users and notFound', () => {
    expectTypeOf(client.listUsers(ids)).toMatchTypeOf<AsyncIterable<User>>();
    expectTypeOf(client.getUsersByIds({ ...ids, userIds: ['a'] })).resolves.toEqualTypeOf<UsersByIdsResult>();
    expectTypeOf<UsersByIdsResult>().toEqualTypeOf<{ users: User[]; notFound: string[] }>();
    client.listUsers({ ...ids, concurrency: 8, limit: 10, signal: AbortSignal.timeout(1) });
  });

  it('errors carry a code from a closed set', () => {
    expectTypeOf<AvePointError['code']>().toEqualTypeOf<AvePointErrorCode>();
    expectTypeOf<AvePointApiError>().toMatchTypeOf<AvePointError>();
    expectTypeOf<AvePointApiError['status']>().toEqualTypeOf<number>();
    expectTypeOf<AvePointApiError['retryCount']>().toEqualTypeOf<number>();
  });

  it('the raw typed client knows the endpoint', () => {
    // The spec has two POST paths now; Parameters<> of the generic POST collapses to never, so ask openapi-fetch.
    type Post = ClientPathsWithMethod<UsersClient['api'], 'post'>;
    expectTypeOf<'/partner/external/v3/um/customers/{customerId}/tenants/{tenantId}/users/batch'>().toMatchTypeOf<Post>();
  });

  it('the root entry re-exports the protocol errors and user types, the same ones', () => {
    expectTypeOf(protocol.AvePointApiError).toEqualTypeOf<typeof import('../src/index.js').AvePointApiError>();
    expectTypeOf<protocol.User>().toEqualTypeOf<import('../src/index.js').User>();
  });
});

describe('listUsersPages', () => {
  it('yields pages of normalized users', () => {
    expectTypeOf(client.listUsersPages({ customerId: 'c', tenantId: 't', limit: 5 })).toMatchTypeOf<AsyncIterable<UsersPage>>();
  });
});
