// The response a fault rule's `status` stands for: the rule's body, or a JSON error like the
// service's own, with `Retry-After` only when the rule asked for it.
import type { Reply } from '../http/io.js';
import type { FaultDecision } from './types.js';

const DEFAULT_BODIES: Record<number, { error: string; message: string }> = {
  429: { error: 'too_many_requests', message: 'rate limit exceeded (sandbox fault)' },
  500: { error: 'internal_error', message: 'an unexpected error occurred (sandbox fault)' },
  502: { error: 'bad_gateway', message: 'the gateway received an invalid response from upstream (sandbox fault)' },
  503: { error: 'service_unavailable', message: 'the service is unavailable (sandbox fault)' },
  504: { error: 'gateway_timeout', message: 'the upstream service timed out (sandbox fault)' },
};

/** For the other statuses: what the class of status says. */
const classBody = (status: number) =>
  status >= 500
    ? { error: 'server_error', message: `the server failed with HTTP ${status} (sandbox fault)` }
    : { error: 'client_error', message: `the request was refused with HTTP ${status} (sandbox fault)` };

export function faultReply(decision: FaultDecision): Reply {
  const status = decision.status ?? 500;
  const headers: Record<string, string> = {};
  if (decision.retryAfter !== undefined) headers['retry-after'] = decision.retryAfter;
  if (decision.contentType !== undefined) headers['content-type'] = decision.contentType;
  return { status, headers, body: decision.body ?? DEFAULT_BODIES[status] ?? classBody(status) };
}
