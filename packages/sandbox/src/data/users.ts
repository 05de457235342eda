// Derives the user at an index of a tenant. No user is stored: the same (seed, tenant, index)
// always gives the same user, so paging a million-user tenant runs in constant memory.
import { guidFor, indexOfGuid } from './guid.js';
import { hash32, pick, unit } from './hash.js';
import { DEPARTMENTS, FIRST_NAMES, LAST_NAMES, NOT_SET_DATE, OFFICES } from './vocabulary.js';

/** A user as the sandbox serves it (the spec's `User`, with `status` as the documented array). */
/** What a user's data derives from: the tenant as tenancy.ts models it (a subset, so that the
 * tenancy can use offices without the two files importing each other). */
export interface UserSource {
  /** Mixes seed, customer and tenant into every user hash. */
  key: number;
  users: number;
  domain: string;
  company: string;
}

export interface SandboxUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  firstName: string;
  lastName: string;
  department: string | null;
  mobile: string | null;
  jobTitle: string | null;
  mail: string | null;
  /** Absent for some users: the API omits fields as well as nulling them. */
  location?: string;
  employeeId: string | null;
  status: number[];
  isTestUser: boolean;
  age: number | null;
  startDate: string | null;
  endDate: string | null;
  company: string;
  countryOrRegion: string;
}

const NAME_COMBOS = FIRST_NAMES.length * LAST_NAMES.length;
// Coprime with NAME_COMBOS, so index -> name is a permutation inside each block of NAME_COMBOS.
const NAME_STRIDE = 7919;

// Field salts: each field draws from its own hash stream.
const F = {
  status: 1,
  statusCount: 2,
  statusCode: 3,
  test: 4,
  dept: 5,
  title: 6,
  office: 7,
  mobile: 8,
  mobileNull: 9,
  mail: 10,
  location: 11,
  employee: 12,
  age: 13,
  ageNull: 14,
  start: 15,
  end: 16,
  endKind: 17,
  deptNull: 18,
  titleNull: 19,
  statusCode2: 20,
} as const;

const localParts = new Map<string, string>();
/** The UPN form of a name ("Søren" -> "soren", "O'Brien" -> "obrien"), memoized: names repeat. */
function asciiLocal(name: string): string {
  let local = localParts.get(name);
  if (local === undefined) {
    local = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ø/g, 'o')
      .replace(/[^A-Za-z0-9-]/g, '')
      .toLowerCase();
    localParts.set(name, local);
  }
  return local;
}

export const DAY_MS = 86_400_000;
const START_EPOCH = Date.UTC(2014, 0, 1);
const isoDays = new Map<number, string>();
/** Midnight UTC of a day as the API writes dates; memoized, as only a few thousand days occur. */
export function isoDay(ms: number): string {
  let text = isoDays.get(ms);
  if (text === undefined) {
    text = `${new Date(ms).toISOString().slice(0, 10)}T00:00:00Z`;
    isoDays.set(ms, text);
  }
  return text;
}

/** The office of a user (city, country or region, phone prefix): what `location` and `countryOrRegion` come from. */
export function officeOf(tenant: UserSource, index: number): readonly [string, string, string] {
  return pick(OFFICES, hash32(tenant.key, index, F.office));
}

export function userId(tenant: UserSource, index: number): string {
  return guidFor(tenant.key, index);
}

/** The index of a user ID in the tenant, or undefined when the tenant has no such user. */
export function userIndexOf(tenant: UserSource, id: string): number | undefined {
  return indexOfGuid(tenant.key, id, tenant.users);
}

function statusesOf(key: number, index: number, isTestUser: boolean): number[] {
  const codes = new Set<number>();
  // The first nine users carry codes 0..8 in turn, so every code appears in any tenant of >= 9 users.
  if (index < 8) codes.add(index);
  if (isTestUser) codes.add(8);
  if (unit(key, index, F.status) < 0.45) {
    codes.add(hash32(key, index, F.statusCode) % 8);
    if (unit(key, index, F.statusCount) < 0.25) codes.add(hash32(key, index, F.statusCode2) % 8);
  }
  return [...codes].sort((a, b) => a - b);
}

export function userAt(tenant: UserSource, index: number): SandboxUser {
  if (!Number.isInteger(index) || index < 0 || index >= tenant.users) {
    throw new RangeError(`user index must be an integer from 0 to ${tenant.users - 1}`);
  }
  return deriveUser(tenant, index);
}

/**
 * The user with a serial number, unchecked. Serials below `tenant.users` are the tenant's own
 * users; churn issues the serials above them to inserted users, so an inserted user is derived
 * exactly like the others and its ID (which encodes the serial) was never anyone else's.
 */
export function deriveUser(tenant: UserSource, index: number): SandboxUser {
  const k = tenant.key;
  const nameSlot = ((index % NAME_COMBOS) * NAME_STRIDE + (k % NAME_COMBOS)) % NAME_COMBOS;
  const firstName = pick(FIRST_NAMES, nameSlot % FIRST_NAMES.length);
  const lastName = pick(LAST_NAMES, Math.floor(nameSlot / FIRST_NAMES.length));
  const round = Math.floor(index / NAME_COMBOS);
  const isTestUser = index === 8 || unit(k, index, F.test) < 0.03;
  const local = `${isTestUser ? 'test.' : ''}${asciiLocal(firstName)}.${asciiLocal(lastName)}${round > 0 ? round + 1 : ''}`;
  const upn = `${local}@${tenant.domain}`;

  const [department, titles] = pick(DEPARTMENTS, hash32(k, index, F.dept));
  const [city, country, phonePrefix] = officeOf(tenant, index);
  const status = statusesOf(k, index, isTestUser);

  const startRoll = unit(k, index, F.start);
  const startDate = startRoll < 0.5 ? NOT_SET_DATE : isoDay(START_EPOCH + (hash32(k, index, F.start, 1) % 4300) * DAY_MS);
  const endRoll = unit(k, index, F.endKind);
  const pendingExit = status.includes(1) || status.includes(7);
  const endDate =
    endRoll < 0.04
      ? null
      : pendingExit || endRoll > 0.85
        ? isoDay(Date.UTC(2026, 0, 1) + (hash32(k, index, F.end) % 700) * DAY_MS)
        : NOT_SET_DATE;

  const user: SandboxUser = {
    id: userId(tenant, index),
    userPrincipalName: upn,
    displayName: isTestUser ? `${firstName} ${lastName} (Test)` : `${firstName} ${lastName}`,
    firstName,
    lastName,
    department: isTestUser ? 'IT' : unit(k, index, F.deptNull) < 0.04 ? null : department,
    mobile:
      unit(k, index, F.mobileNull) < 0.3 ? null : `${phonePrefix} ${String(hash32(k, index, F.mobile) % 10_000_000).padStart(7, '0')}`,
    jobTitle: isTestUser ? 'Test account' : unit(k, index, F.titleNull) < 0.05 ? null : pick(titles, hash32(k, index, F.title)),
    mail: unit(k, index, F.mail) < 0.05 ? null : upn,
    employeeId: isTestUser ? null : String(100_000 + (hash32(k, index, F.employee) % 900_000)),
    status,
    isTestUser,
    age: unit(k, index, F.ageNull) < 0.03 ? null : hash32(k, index, F.age) % 400,
    startDate,
    endDate,
    company: tenant.company,
    countryOrRegion: country,
  };
  if (unit(k, index, F.location) >= 0.07) user.location = city;
  return user;
}
