// AvePoint's environments (facts.md) and the rules for a custom base URL.
import { AvePointInputError } from './errors/avepoint-errors.js';

export type EnvironmentName = 'commercial' | 'gov' | 'aos2' | 'fedramp';

export interface Environment {
  readonly label: string;
  readonly tokenUrl: string;
  readonly baseUrl: string;
}

export const ENVIRONMENTS: Readonly<Record<EnvironmentName, Environment>> = Object.freeze({
  commercial: {
    label: 'Commercial',
    tokenUrl: 'https://identity.avepointonlineservices.com/connect/token',
    baseUrl: 'https://graph.avepointonlineservices.com',
  },
  gov: {
    label: 'U.S. Government',
    tokenUrl: 'https://identity-gov.avepointonlineservices.com/connect/token',
    baseUrl: 'https://graph-gov.avepointonlineservices.com',
  },
  aos2: {
    label: 'AOS2',
    tokenUrl: 'https://identity-aos2.avepointonlineservices.com/connect/token',
    baseUrl: 'https://graph-aos2.avepointonlineservices.com',
  },
  fedramp: {
    label: 'FedRAMP Cloud (Project Hosts)',
    tokenUrl: 'https://identity.online15.net/connect/token',
    baseUrl: 'https://graphusgovapi.online15.net',
  },
});

export const ENVIRONMENT_NAMES = Object.keys(ENVIRONMENTS) as EnvironmentName[];

/** The one permission the users batch endpoint needs. */
export const USERS_READ_SCOPE = 'elements.um.user.read.all';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) || hostname.endsWith('.localhost');
}

// Errors are thrown outside the catch: n8n's community-node lint (require-node-api-error), which
// the node's copy of this file must pass, forbids throwing anything but n8n's errors inside one.
function urlOrUndefined(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * Parses a base or token URL. Plain http is refused except on loopback: the client sends a
 * secret or a bearer token to these hosts, and a sandbox is the only honest reason for http.
 */
export function parseServiceUrl(field: string, value: unknown): URL {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AvePointInputError(field, 'must be an absolute https URL');
  }
  const url = urlOrUndefined(value.trim());
  if (!url) {
    throw new AvePointInputError(field, 'must be an absolute https URL', JSON.stringify(value));
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new AvePointInputError(field, 'must use https (plain http is allowed only for loopback hosts such as 127.0.0.1)', url.origin);
  }
  if (url.username || url.password) {
    throw new AvePointInputError(field, 'must not contain credentials');
  }
  return url;
}

/** The base URL without a trailing slash, so paths can be appended. */
const trimSlash = (url: URL): string => url.href.replace(/\/+$/, '');

export function resolveEndpoints(options: {
  environment?: EnvironmentName | undefined;
  baseUrl?: string | undefined;
  tokenUrl?: string | undefined;
}): { baseUrl: string; tokenUrl: string } {
  const { environment, baseUrl, tokenUrl } = options;
  if (environment !== undefined) {
    const env = (ENVIRONMENTS as Record<string, Environment | undefined>)[environment];
    if (!env) {
      throw new AvePointInputError('environment', `must be one of ${ENVIRONMENT_NAMES.join(', ')}`, JSON.stringify(environment));
    }
    return {
      baseUrl: baseUrl === undefined ? env.baseUrl : trimSlash(parseServiceUrl('baseUrl', baseUrl)),
      tokenUrl: tokenUrl === undefined ? env.tokenUrl : parseServiceUrl('tokenUrl', tokenUrl).href,
    };
  }
  if (baseUrl === undefined && tokenUrl === undefined) {
    return { baseUrl: ENVIRONMENTS.commercial.baseUrl, tokenUrl: ENVIRONMENTS.commercial.tokenUrl };
  }
  if (baseUrl === undefined) throw new AvePointInputError('baseUrl', 'is required with tokenUrl when no environment is given');
  return {
    baseUrl: trimSlash(parseServiceUrl('baseUrl', baseUrl)),
    // A bring-your-own token needs no token URL; the client checks that when it needs one.
    tokenUrl: tokenUrl === undefined ? '' : parseServiceUrl('tokenUrl', tokenUrl).href,
  };
}

/** The extra choice credential forms offer beside AvePoint's environments: a sandbox or a proxy. */
export const CUSTOM_ENVIRONMENT = 'custom';

export type EnvironmentChoice = EnvironmentName | typeof CUSTOM_ENVIRONMENT;

const filled = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * The endpoints of a credential form (n8n's credential, Zapier's auth fields): an environment
 * (empty means commercial) or Custom with both URLs. A named environment ignores the URL fields,
 * so a value left over from Custom never receives the secret.
 */
export function resolveEnvironmentChoice(form: { environment?: unknown; baseUrl?: unknown; tokenUrl?: unknown }): {
  baseUrl: string;
  tokenUrl: string;
} {
  const environment = filled(form.environment) ?? 'commercial';
  if (environment !== CUSTOM_ENVIRONMENT) return resolveEndpoints({ environment: environment as EnvironmentName });
  const baseUrl = filled(form.baseUrl);
  const tokenUrl = filled(form.tokenUrl);
  if (baseUrl === undefined) throw new AvePointInputError('baseUrl', 'is required for a custom environment');
  if (tokenUrl === undefined) throw new AvePointInputError('tokenUrl', 'is required for a custom environment');
  return resolveEndpoints({ baseUrl, tokenUrl });
}
