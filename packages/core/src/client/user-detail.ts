// One user in full (the one-user endpoint).
import {
  apiErrorFromResponse,
  buildUserRequest,
  normalizeUserDetail,
  requestIdOf,
  validateGuid,
  type UserDetail,
} from '../protocol/index.js';
import type { Send } from '../transport/http.js';
import { parseBody } from './users-page.js';

export interface GetUserRequest {
  customerId: string;
  tenantId: string;
  userId: string;
}

export function validateGetUserInput(input: GetUserRequest): GetUserRequest {
  const i = (typeof input === 'object' && input !== null ? input : {}) as Partial<GetUserRequest>;
  return {
    customerId: validateGuid('customerId', i.customerId),
    tenantId: validateGuid('tenantId', i.tenantId),
    userId: validateGuid('userId', i.userId),
  };
}

/** A 404 is NOT_FOUND ("AvePoint knows no such user..."), as every other status keeps its meaning. */
export async function requestUserDetail(
  send: Send,
  baseUrl: string,
  input: GetUserRequest,
  signal: AbortSignal | undefined,
): Promise<UserDetail> {
  const request = buildUserRequest(input);
  const response = await send({
    url: `${baseUrl.replace(/\/+$/, '')}${request.path}`,
    method: request.method,
    headers: request.headers,
    body: undefined,
    signal,
    redirect: 'manual',
  });
  if (response.status < 200 || response.status >= 300) {
    throw apiErrorFromResponse({ status: response.status, headers: response.headers, body: parseBody(response), resource: 'user' });
  }
  return normalizeUserDetail(parseBody(response), { status: response.status, requestId: requestIdOf(response.headers), owned: true });
}
