// Shared test plumbing: real HTTP against a sandbox, and every users-endpoint response checked
// against spec/openapi.yaml through the contract validator.
import { expect } from 'vitest';
import { createContractValidator } from '../src/contract/index.js';
import type { Sandbox } from '../src/index.js';

export const contract = createContractValidator();

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

async function read<T>(res: Response): Promise<HttpResult<T>> {
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text !== '') body = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: body as T, text };
}

export async function tokenRequest(
  sb: Sandbox,
  form: Record<string, string>,
  init: RequestInit = {},
): Promise<HttpResult<Record<string, unknown>>> {
  const res = await fetch(sb.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(init.headers as Record<string, string> | undefined) },
    body: new URLSearchParams(form).toString(),
  });
  const result = await read<Record<string, unknown>>(res);
  expect(result.headers.get('x-request-id')).toBeTruthy();
  return result;
}

export async function secretToken(
  sb: Sandbox,
  client = { clientId: sb.clientId, clientSecret: sb.clientSecret },
  scope = 'elements.um.user.read.all',
): Promise<string> {
  const form: Record<string, string> = { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret };
  if (scope) form.scope = scope;
  const res = await tokenRequest(sb, form);
  expect(res.status).toBe(200);
  return res.body.access_token as string;
}

export interface UsersCall {
  token?: string | undefined;
  url?: string;
  query?: Record<string, string | number>;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  method?: string;
  /** For a 400 the sandbox gives on a rule of its own that the spec does not state (see the README). */
  beyondSpec?: true;
}

export interface UsersBody {
  data: Array<Record<string, unknown> & { id: string }>;
  metadata: { pageIndex: number; pageSize: number; totalCount: number };
}

/** One users-batch call; its response is validated against the spec whatever the status. */
export async function callUsers<T = UsersBody>(sb: Sandbox, call: UsersCall = {}): Promise<HttpResult<T>> {
  const url = new URL(call.url ?? sb.usersUrl());
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.append(k, String(v));
  const headers: Record<string, string> = { 'content-type': call.contentType ?? 'application/json' };
  if (call.token !== undefined) headers.authorization = `Bearer ${call.token}`;
  const payload = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  const res = await fetch(url, { method: call.method ?? 'POST', headers, ...(payload === undefined ? {} : { body: payload }) });
  const result = await read<T>(res);
  expect(result.headers.get('x-request-id')).toMatch(/\S/);
  if (result.status !== 405) {
    const verdict = contract.validateUsersBatchResponse(result.status, result.body);
    expect(verdict.errors, `contract for ${result.status}`).toEqual([]);
  }
  // The sandbox and the spec must agree on the request: what it serves is valid, what it refuses
  // with 400 is not (unless the test says the sandbox's rule goes beyond the spec).
  const path = /\/customers\/([^/]+)\/tenants\/([^/]+)\/users\/batch/.exec(url.pathname);
  if (path && call.rawBody === undefined && (result.status === 200 || result.status === 400)) {
    const request = contract.validateUsersBatchRequest({
      pathParams: { customerId: path[1], tenantId: path[2] },
      query: url.searchParams,
      body: call.body,
    });
    if (result.status === 200) expect(request.errors, 'a served request must be valid per the spec').toEqual([]);
    else expect(request.valid, 'a refused request must be invalid per the spec').toBe(call.beyondSpec === true);
  }
  return result;
}

/** The body of a 400, checked for the parameter it names. */
export function expectInvalidParameter(result: HttpResult<unknown>, parameter: string): void {
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ error: 'invalid_parameter', parameter });
  expect((result.body as { message: string }).message).toMatch(/\S/);
}

export interface CustomersBody {
  data: Array<{
    id: string;
    organization: string;
    ownerEmail: string;
    jobStatus: number;
    countryOrRegion: string;
    managementMode: number;
    tenants: Array<{ id: string; name: string }>;
  }>;
  metadata: { pageIndex: number; pageSize: number; totalCount: number };
}

export interface CustomersCall {
  token?: string | undefined;
  query?: Record<string, string | number>;
  body?: unknown;
  method?: string;
  /** For a 400 the sandbox gives on a rule of its own that the spec does not state. */
  beyondSpec?: true;
}

/** One customers-batch call; its response is validated against the spec, and so is the request when served or refused. */
export async function callCustomers<T = CustomersBody>(sb: Sandbox, call: CustomersCall = {}): Promise<HttpResult<T>> {
  const url = new URL(sb.customersUrl());
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.append(k, String(v));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (call.token !== undefined) headers.authorization = `Bearer ${call.token}`;
  const res = await fetch(url, {
    method: call.method ?? 'POST',
    headers,
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
  const result = await read<T>(res);
  expect(result.headers.get('x-request-id')).toMatch(/\S/);
  if (result.status !== 405) {
    expect(
      contract.validateCustomersResponse(result.status, result.body, result.headers.get('content-type') ?? undefined).errors,
      `contract for ${result.status}`,
    ).toEqual([]);
  }
  if (result.status === 200 || result.status === 400) {
    const request = contract.validateCustomersRequest({ query: url.searchParams, body: call.body });
    if (result.status === 200) expect(request.errors, 'a served request must be valid per the spec').toEqual([]);
    else expect(request.valid, 'a refused request must be invalid per the spec').toBe(call.beyondSpec === true);
  }
  return result;
}

export interface UserCall {
  token?: string | undefined;
  url: string;
  method?: string;
  beyondSpec?: true;
}

/** One one-user call; its response is validated against the spec whatever the status. */
export async function callUser<T = Record<string, unknown> & { id: string }>(sb: Sandbox, call: UserCall): Promise<HttpResult<T>> {
  const headers: Record<string, string> = {};
  if (call.token !== undefined) headers.authorization = `Bearer ${call.token}`;
  const res = await fetch(call.url, { method: call.method ?? 'GET', headers });
  const result = await read<T>(res);
  expect(result.headers.get('x-request-id')).toMatch(/\S/);
  if (result.status !== 405) {
    expect(
      contract.validateUserResponse(result.status, result.body, result.headers.get('content-type') ?? undefined).errors,
      `contract for ${result.status}`,
    ).toEqual([]);
  }
  const path = /\/customers\/([^/]+)\/tenants\/([^/]+)\/users\/([^/]+)$/.exec(new URL(call.url).pathname);
  if (path && (result.status === 200 || result.status === 400)) {
    const request = contract.validateUserRequest({
      pathParams: { customerId: path[1], tenantId: path[2], userId: decodeURIComponent(path[3] ?? '') },
    });
    if (result.status === 200) expect(request.errors, 'a served request must be valid per the spec').toEqual([]);
    else expect(request.valid, 'a refused request must be invalid per the spec').toBe(call.beyondSpec === true);
  }
  return result;
}
