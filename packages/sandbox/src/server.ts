// startSandbox(): the request handling that ties the identity service, the users API and the
// fault injection together, served on 127.0.0.1 over HTTP, in process through `sandbox.fetch`, or
// both: one handler, so the two answer alike.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleCustomersRequest } from './api/customers-endpoint.js';
import { findUserDetail, handleUserRequest } from './api/user-endpoint.js';
import { handleUsersRequest } from './api/users-endpoint.js';
import { JtiCache } from './auth/client-assertion.js';
import { createDemoClients, KNOWN_SCOPES, type RegisteredClient } from './auth/clients.js';
import { handleTokenRequest } from './auth/token-endpoint.js';
import { TokenStore } from './auth/token-store.js';
import { ChurnedTenants } from './data/churned-tenants.js';
import { customerRecord } from './data/customers.js';
import { deriveUserDetail } from './data/user-detail.js';
import { buildCustomers, defaultLayout, type CustomerModel, type TenantModel } from './data/tenancy.js';
import { userAt } from './data/users.js';
import { MAX_PAGE_SIZE } from './api/parameters.js';
import { checkRateLimit, TokenBucket } from './faults/rate-limit.js';
import { checkChurn } from './faults/rule-checks.js';
import { FaultRules } from './faults/rules.js';
import { faultReply } from './faults/fault-reply.js';
import { sendReplacementBody } from './faults/body-faults.js';
import { BombFactory } from './faults/compression-bomb.js';
import type { Churn, FaultDecision, RateLimit } from './faults/types.js';
import { discoveryReply } from './auth/discovery.js';
import type { SandboxRequest, SandboxResponse } from './http/exchange.js';
import { createInProcessFetch, IN_PROCESS_ORIGIN } from './http/in-process-fetch.js';
import { BodyTooLargeError, end, isJsonContentType, jsonError, readBody, requestIdOf, type Reply } from './http/io.js';
import { route, TOKEN_PATH } from './routes.js';
import { sendReply, type SendFaults } from './send-reply.js';
import type { Sandbox, SandboxOptions } from './options.js';
import { RequestRecorder, type RecordedRequest } from './recorder.js';
import { StatsCounter } from './stats.js';
import { Timers } from './timers.js';

export { TOKEN_PATH, DISCOVERY_PATH } from './routes.js';

/** Most `customerIds` in one request: the spec's maxItems. */
const MAX_CUSTOMER_IDS = 100;

/** The tenant a users path names, as the endpoint will find it (IDs are case-insensitive). */
function tenantOfPath(customers: readonly CustomerModel[], customerId: string, tenantId: string): TenantModel | undefined {
  try {
    const c = decodeURIComponent(customerId).toLowerCase();
    const t = decodeURIComponent(tenantId).toLowerCase();
    return customers.find((customer) => customer.customerId === c)?.tenants.find((tenant) => tenant.tenantId === t);
  } catch {
    return undefined;
  }
}

function sendFaultsOf(decision: FaultDecision): SendFaults {
  const faults: SendFaults = {};
  if (decision.corruptBody !== undefined) faults.corruptBody = decision.corruptBody;
  if (decision.truncateAfter !== undefined) faults.truncateAfter = decision.truncateAfter;
  return faults;
}

function positiveInteger(name: string, value: number | undefined, fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer from ${min} to ${max}`);
  return value;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const listen = options.listen ?? true;
  if (!listen && (options.port !== undefined || options.host !== undefined))
    throw new RangeError(`${options.port !== undefined ? 'port' : 'host'} has no meaning with listen: false`);
  const host = options.host ?? '127.0.0.1';
  const port = positiveInteger('port', options.port, 0, 0, 65535);
  const seed = positiveInteger('seed', options.seed, 1, 0, 2 ** 32 - 1);
  const users = positiveInteger('users', options.users, 250, 0);
  const tokenTtlSeconds = positiveInteger('tokenTtlSeconds', options.tokenTtlSeconds, 3600, 1);
  const defaultPageSize = positiveInteger('defaultPageSize', options.defaultPageSize, 100, 1, MAX_PAGE_SIZE);
  const maxUserIds = positiveInteger('maxUserIds', options.maxUserIds, 100, 1);
  const maxServedPageSize = positiveInteger('maxServedPageSize', options.maxServedPageSize, MAX_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  const now = options.clock ?? Date.now;
  const onError =
    options.onError ??
    ((error: unknown) =>
      process.stderr.write(
        `avepoint-sandbox: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      ));

  const customers = buildCustomers(seed, options.customers ?? defaultLayout(users));
  const demo = createDemoClients(
    seed,
    customers.filter((c) => c.inScope).map((c) => c.customerId),
    now(),
  );
  const clients = new Map<string, RegisteredClient>(
    [demo.secretClient, demo.certificateClient, demo.unscopedClient, demo.usersOnlyClient].map((client) => [client.clientId, client]),
  );
  const store = new TokenStore();
  const jtis = new JtiCache();
  const faults = new FaultRules(seed);
  faults.set(options.faults ?? []);
  let bucket: TokenBucket | undefined = options.rateLimit ? new TokenBucket(options.rateLimit, now()) : undefined;
  const stats = new StatsCounter();
  const recorder = new RequestRecorder();
  const timers = new Timers(options.sleep);
  const churned = new ChurnedTenants();
  const bombs = new BombFactory();
  let closed = false;

  // Filled in once the port is known (at once in process).
  let baseUrl = '';
  let tokenUrl = '';

  const customerModelAt = (customerIdx: number): CustomerModel => {
    const customer = customers[customerIdx];
    if (!customer) throw new RangeError(`no customer ${customerIdx}`);
    return customer;
  };

  const tenantAt = (customerIdx: number, tenantIdx: number): TenantModel => {
    const tenant = customers[customerIdx]?.tenants[tenantIdx];
    if (!tenant) throw new RangeError(`no tenant ${tenantIdx} in customer ${customerIdx}`);
    return tenant;
  };

  async function send(
    res: SandboxResponse,
    requestId: string,
    reply: Reply,
    slowBodyMs: number,
    entry?: RecordedRequest,
    sendFaults?: SendFaults,
  ): Promise<void> {
    stats.status(reply.status);
    if (entry) entry.status = reply.status;
    await sendReply(res, reply, { 'x-request-id': requestId }, slowBodyMs, timers, () => closed, sendFaults);
  }

  const churnTenant = (tenant: TenantModel, step: Churn): number => churned.apply(tenant, step);

  async function handle(req: SandboxRequest, res: SandboxResponse): Promise<void> {
    const requestId = requestIdOf(req, randomUUID);
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const target = route(url.pathname);
    stats.request(
      target.kind === 'token'
        ? 'token'
        : target.kind === 'users' || target.kind === 'user' || target.kind === 'customers'
          ? 'api'
          : 'other',
    );

    let body: string;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        await send(res, requestId, jsonError(413, 'payload_too_large', error.message), 0);
        req.socket?.destroy();
        return;
      }
      throw error;
    }

    const entry = recorder.record(req, requestId, url, target, body);
    if (target.kind === 'discovery') {
      await send(res, requestId, discoveryReply(req.method ?? 'GET', baseUrl, tokenUrl), 0, entry);
      return;
    }
    if (target.kind === 'other') {
      await send(res, requestId, jsonError(404, 'not_found', `no route for ${req.method ?? 'GET'} ${url.pathname}`), 0, entry);
      return;
    }

    const pageIndexRaw = url.searchParams.get('pageIndex');
    const pageIndex = pageIndexRaw !== null && /^\d+$/.test(pageIndexRaw) ? Number(pageIndexRaw) : undefined;
    const decision = faults.decide({
      path: target.kind,
      ...(target.kind === 'users' || target.kind === 'customers' ? { pageIndex: pageIndex ?? 1 } : {}),
      ...(target.kind === 'users' || target.kind === 'user' ? { customerId: target.customerId, tenantId: target.tenantId } : {}),
    });
    if (decision.fired) {
      stats.fault();
      entry.faulted = true;
    }
    const tenant = target.kind === 'users' ? tenantOfPath(customers, target.customerId, target.tenantId) : undefined;
    // The tenant changes as the request arrives, so this request already sees the change.
    if (tenant) for (const step of decision.churn) churnTenant(tenant, step);
    if (decision.expireTokens) store.expireAll(now());
    await timers.sleep(decision.latencyMs);
    if (closed) return;
    if (decision.reset) {
      // A reset as a peer or a gateway sends it (RST: the client sees ECONNRESET), not a close.
      if (req.socket.resetAndDestroy) req.socket.resetAndDestroy();
      else req.socket.destroy();
      return;
    }
    const sendFaults = sendFaultsOf(decision);
    if (decision.status !== undefined) {
      await send(res, requestId, faultReply(decision), decision.slowBodyMs, entry, sendFaults);
      return;
    }
    if (decision.replaceBody) {
      stats.status(200);
      entry.status = 200;
      const bodyTenant =
        tenant ??
        customers[0]?.tenants[0] ??
        buildCustomers(seed, [{ name: 'Sandbox', inScope: false, tenants: [{ users: 0 }] }])[0]?.tenants[0];
      if (!bodyTenant) throw new Error('unreachable: a layout of one tenant has a tenant');
      const size = Number(url.searchParams.get('pageSize'));
      const shape = {
        pageIndex: decision.page.ignorePageIndex ? 1 : (pageIndex ?? 1),
        pageSize: Number.isInteger(size) && size >= 1 && size <= MAX_PAGE_SIZE ? size : defaultPageSize,
        totalCount: churned.membership(bodyTenant).size,
      };
      await sendReplacementBody(res, decision.replaceBody, {
        bombs,
        tenant: bodyTenant,
        shape,
        headers: { 'x-request-id': requestId },
        isClosed: () => closed,
        ...(decision.truncateAfter === undefined ? {} : { truncateAfter: decision.truncateAfter }),
      });
      return;
    }
    if (bucket && (bucket.limit.path ?? 'users') === target.kind) {
      const verdict = bucket.take(now());
      if (!verdict.allowed) {
        stats.fault();
        entry.faulted = true;
        const reply = jsonError(429, 'too_many_requests', 'rate limit exceeded');
        reply.headers = { 'retry-after': String(verdict.retryAfterSeconds) };
        await send(res, requestId, reply, 0, entry, sendFaults);
        return;
      }
    }

    const method = req.method ?? 'GET';
    const authorization = req.headers.authorization;
    const membership = (t: TenantModel) => churned.membership(t);
    let reply: Reply;
    if (target.kind === 'token') {
      reply = handleTokenRequest(
        { method, contentType: req.headers['content-type'], authorization, body },
        { clients, tokenUrl, now, tokenTtlSeconds, store, jtis },
      );
    } else if (target.kind === 'customers') {
      reply = handleCustomersRequest(
        { method, authorization, query: url.searchParams, body, isJson: isJsonContentType(req), lies: decision.page },
        { customers, store, now, maxCustomerIds: MAX_CUSTOMER_IDS, maxServedPageSize },
      );
    } else if (target.kind === 'user') {
      reply = handleUserRequest(
        {
          method,
          authorization,
          customerId: target.customerId,
          tenantId: target.tenantId,
          userId: target.userId,
          statusAsInteger: decision.statusAsInteger,
        },
        { customers, store, now, membership },
      );
    } else {
      reply = handleUsersRequest(
        {
          method,
          authorization,
          customerId: target.customerId,
          tenantId: target.tenantId,
          query: url.searchParams,
          body,
          isJson: isJsonContentType(req),
          statusAsInteger: decision.statusAsInteger,
          lies: decision.page,
        },
        { customers, store, now, defaultPageSize, maxUserIds, maxServedPageSize, membership },
      );
    }
    await send(res, requestId, reply, decision.slowBodyMs, entry, sendFaults);
  }

  const serve = (req: SandboxRequest, res: SandboxResponse): Promise<void> =>
    handle(req, res).catch((error: unknown) => {
      // A bug in the sandbox must not kill the test run: report it, answer 500 when still possible.
      onError(error);
      if (!res.headersSent && !res.destroyed) end(res, 500, { 'content-type': 'application/json' }, Buffer.from('{"error":"sandbox_bug"}'));
      else res.destroy();
    });

  let server: Server | undefined;
  if (listen) {
    const listening = createServer({ keepAliveTimeout: 5000 }, (req, res) => void serve(req, res));
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(port, host, () => {
        listening.off('error', reject);
        resolve();
      });
    });
    const address = listening.address() as AddressInfo;
    const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    baseUrl = `http://${hostForUrl}:${address.port}`;
    server = listening;
  } else {
    baseUrl = IN_PROCESS_ORIGIN;
  }
  tokenUrl = `${baseUrl}${TOKEN_PATH}`;
  const inProcess = createInProcessFetch({ origin: new URL(baseUrl).origin, serve, isClosed: () => closed });

  return {
    baseUrl,
    tokenUrl,
    clientId: demo.secretClient.clientId,
    clientSecret: demo.secretClient.secret,
    get certificate() {
      return demo.certificate;
    },
    unscopedClient: { clientId: demo.unscopedClient.clientId, clientSecret: demo.unscopedClient.secret },
    usersOnlyClient: { clientId: demo.usersOnlyClient.clientId, clientSecret: demo.usersOnlyClient.secret },
    scopes: [...KNOWN_SCOPES],
    customers: customers.map((c) => ({
      customerId: c.customerId,
      name: c.name,
      inScope: c.inScope,
      tenants: c.tenants.map((t) => ({ tenantId: t.tenantId, users: t.users, domain: t.domain, name: t.name })),
    })),
    usersUrl(customerIdx = 0, tenantIdx = 0) {
      const tenant = tenantAt(customerIdx, tenantIdx);
      return `${baseUrl}/partner/external/v3/um/customers/${tenant.customerId}/tenants/${tenant.tenantId}/users/batch`;
    },
    customersUrl: () => `${baseUrl}/partner/external/v3/general/customers/batch`,
    userUrl(customerIdx, tenantIdx, user) {
      const tenant = tenantAt(customerIdx, tenantIdx);
      const id = typeof user === 'number' ? userAt(tenant, user).id : user;
      return `${baseUrl}/partner/external/v3/um/customers/${tenant.customerId}/tenants/${tenant.tenantId}/users/${encodeURIComponent(id)}`;
    },
    customerAt: (customerIdx) => customerRecord(customerModelAt(customerIdx)),
    setFaults(rules) {
      faults.set(rules);
    },
    setRateLimit(limit: RateLimit | undefined) {
      if (limit) checkRateLimit(limit);
      bucket = limit ? new TokenBucket(limit, now()) : undefined;
    },
    expireTokens() {
      store.expireAll(now());
    },
    requests: () => recorder.list(),
    clearRequests: () => recorder.clear(),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    userAt: (customerIdx, tenantIdx, index) => userAt(tenantAt(customerIdx, tenantIdx), index),
    userDetailAt(customerIdx, tenantIdx, index) {
      const tenant = tenantAt(customerIdx, tenantIdx);
      userAt(tenant, index); // the same range check as userAt
      return deriveUserDetail(tenant, index);
    },
    userDetailOf(customerIdx, tenantIdx, id) {
      const tenant = tenantAt(customerIdx, tenantIdx);
      return findUserDetail(tenant, churned.membership(tenant), id);
    },
    tenantSnapshot: (customerIdx = 0, tenantIdx = 0) => churned.snapshot(tenantAt(customerIdx, tenantIdx)),
    applyChurn(customerIdx, tenantIdx, step) {
      checkChurn(step, 'churn');
      const tenant = tenantAt(customerIdx, tenantIdx);
      churnTenant(tenant, step);
      return churned.snapshot(tenant);
    },
    resetChurn(customerIdx?: number, tenantIdx?: number) {
      churned.reset(customerIdx === undefined ? undefined : tenantAt(customerIdx, tenantIdx ?? 0));
    },
    fetch: inProcess.fetch,
    async close() {
      if (closed) return;
      closed = true;
      timers.cancelAll();
      bombs.close();
      inProcess.closeAll();
      if (!server) return;
      const listening = server;
      await new Promise<void>((resolve) => {
        listening.close(() => resolve());
        listening.closeAllConnections();
      });
    },
  };
}
