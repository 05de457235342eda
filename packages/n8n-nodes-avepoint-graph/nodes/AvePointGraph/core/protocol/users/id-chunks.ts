// Generated from packages/core/src/protocol/users/id-chunks.ts: do not edit; run `node scripts/copy-core-protocol.mjs` (or `pnpm generate`).
// Long ID lists: de-duplicated, split into requests the API accepts, answered in the caller's order.
import type { User } from './user.js';
import { MAX_PAGE_SIZE, idKey } from '../validate.js';

export const MAX_IDS_PER_REQUEST = MAX_PAGE_SIZE;

export function planIdChunks(ids: readonly string[], size: number = MAX_IDS_PER_REQUEST): { unique: string[]; chunks: string[][] } {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('chunk size must be a positive integer');
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const id of ids) {
    const key = idKey(id);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(id);
  }
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += size) chunks.push(unique.slice(i, i + size));
  return { unique, chunks };
}

/** Users in the order asked (each once), and the asked IDs the tenant does not have. */
export function matchRequestedIds(requested: readonly string[], users: readonly User[]): { users: User[]; notFound: string[] } {
  const byId = new Map<string, User>();
  for (const user of users) byId.set(idKey(user.id), user);
  const found: User[] = [];
  const notFound: string[] = [];
  const seen = new Set<string>();
  for (const id of requested) {
    const key = idKey(id);
    if (seen.has(key)) continue;
    seen.add(key);
    const user = byId.get(key);
    if (user) found.push(user);
    else notFound.push(id);
  }
  return { users: found, notFound };
}
