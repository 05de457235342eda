// The one-user view of a user: everything the batch view has (derived by deriveUser, so the two
// can never disagree), plus the fields only the one-user endpoint serves, each a pure function of
// (seed, tenant, serial) like the rest.
import { hash32, pick, unit } from './hash.js';
import { ALTERNATE_EMAIL_DOMAINS, OFFICE_DETAILS, USER_TEMPLATES } from './office-details.js';
import type { TenantModel } from './tenancy.js';
import { DAY_MS, deriveUser, isoDay, officeOf, userAt } from './users.js';
import { NOT_SET_DATE } from './vocabulary.js';

/** A user as the one-user endpoint serves it (the spec's `UserDetail`, `status` as the documented array). */
export interface SandboxUserDetail {
  id: string;
  manager: string | null;
  firstName: string;
  lastName: string;
  displayName: string;
  jobTitle: string | null;
  employeeId: string | null;
  /** The sample's shape: an array (the field table's "string" is tolerated by clients, not served). */
  alternateEmailAddress: string[];
  company: string;
  department: string | null;
  /** Absent when the batch view has no `location` either. */
  location?: string;
  passwordNeverExpire: boolean;
  lastChangeDate: string;
  /** Whole years from `birthday` to AGE_REFERENCE_DATE; null when the birthday is not set. */
  age: number | null;
  isTestUser: boolean;
  officePhone: string | null;
  mobile: string | null;
  birthday: string;
  mail: string | null;
  usageLocation: string;
  preferredLanguage: string;
  enforceStart: boolean;
  enforceStartDateTime: string;
  enforceEnd: boolean;
  enforceEndDateTime: string;
  postalCode: string;
  /** The batch view's `countryOrRegion`. */
  countryRegion: string;
  state: string;
  address: string;
  loginName: string;
  status: number[];
  fax: string | null;
  isExternal: boolean;
  sponsor: string | null;
  template: string;
  city: string;
}

/**
 * Ages are computed against a fixed day, not the clock: the same seed must give the same answer
 * on every run and every day.
 */
export const AGE_REFERENCE_DATE = '2026-01-01T00:00:00Z';
const AGE_REFERENCE_MS = Date.parse(AGE_REFERENCE_DATE);
const BIRTH_EPOCH = Date.UTC(1958, 0, 1);
const CHANGE_EPOCH = Date.UTC(2024, 0, 1);

// Field salts, apart from deriveUser's (which stop at 20).
const D = {
  manager: 101,
  altCount: 102,
  altDomain: 103,
  neverExpire: 104,
  changed: 105,
  birthday: 106,
  birthdayUnset: 107,
  officePhone: 108,
  officePhoneNull: 109,
  postal: 110,
  street: 111,
  houseNumber: 112,
  fax: 113,
  external: 114,
  sponsor: 115,
  template: 116,
} as const;

function yearsBetween(fromMs: number, toMs: number): number {
  const from = new Date(fromMs);
  const to = new Date(toMs);
  let years = to.getUTCFullYear() - from.getUTCFullYear();
  if (to.getUTCMonth() < from.getUTCMonth() || (to.getUTCMonth() === from.getUTCMonth() && to.getUTCDate() < from.getUTCDate())) years--;
  return years;
}

function fillDigits(shape: string, key: number, index: number): string {
  let n = 0;
  return shape.replace(/#/g, () => String(hash32(key, index, D.postal, n++) % 10));
}

/** Another user of the tenant as it started, or null: the first user has no manager, nor has a tenant of one. */
function managerOf(tenant: TenantModel, serial: number): string | null {
  if (serial === 0 || tenant.users < 2) return null;
  // Managers come from the first tenth of the tenant, so a tenant has a few of them, not one per user.
  const pool = Math.max(1, Math.min(tenant.users - 1, Math.ceil(tenant.users / 10)));
  let manager = hash32(tenant.key, serial, D.manager) % pool;
  if (manager === serial) manager = 0;
  return userAt(tenant, manager).displayName;
}

/** The user with a serial (see deriveUser), unchecked, as the one-user endpoint serves it. */
export function deriveUserDetail(tenant: TenantModel, serial: number): SandboxUserDetail {
  const k = tenant.key;
  const user = deriveUser(tenant, serial);
  const [city, , phonePrefix] = officeOf(tenant, serial);
  const office = OFFICE_DETAILS[city];
  if (!office) throw new Error(`no office details for ${city}`);
  const local = user.userPrincipalName.split('@')[0] ?? user.userPrincipalName;

  const alternates = hash32(k, serial, D.altCount) % 3;
  const alternateEmailAddress: string[] = [];
  for (let i = 0; i < alternates; i++)
    alternateEmailAddress.push(`${local}${i > 0 ? i + 1 : ''}@${pick(ALTERNATE_EMAIL_DOMAINS, hash32(k, serial, D.altDomain, i))}`);

  const birthdayUnset = unit(k, serial, D.birthdayUnset) < 0.08;
  const birthMs = BIRTH_EPOCH + (hash32(k, serial, D.birthday) % (45 * 365)) * DAY_MS;
  const isExternal = !user.isTestUser && unit(k, serial, D.external) < 0.04;
  const manager = managerOf(tenant, serial);
  const startSet = user.startDate !== null && user.startDate !== NOT_SET_DATE;
  const endSet = user.endDate !== null && user.endDate !== NOT_SET_DATE;

  const detail: SandboxUserDetail = {
    id: user.id,
    manager,
    firstName: user.firstName,
    lastName: user.lastName,
    displayName: user.displayName,
    jobTitle: user.jobTitle,
    employeeId: user.employeeId,
    alternateEmailAddress,
    company: user.company,
    department: user.department,
    passwordNeverExpire: user.isTestUser || unit(k, serial, D.neverExpire) < 0.1,
    lastChangeDate: isoDay(CHANGE_EPOCH + (hash32(k, serial, D.changed) % 730) * DAY_MS),
    age: birthdayUnset ? null : yearsBetween(birthMs, AGE_REFERENCE_MS),
    isTestUser: user.isTestUser,
    officePhone:
      unit(k, serial, D.officePhoneNull) < 0.2
        ? null
        : `${phonePrefix} ${String(hash32(k, serial, D.officePhone) % 10_000_000).padStart(7, '0')}`,
    mobile: user.mobile,
    birthday: birthdayUnset ? NOT_SET_DATE : isoDay(birthMs),
    mail: user.mail,
    usageLocation: office.usageLocation,
    preferredLanguage: office.preferredLanguage,
    enforceStart: startSet,
    enforceStartDateTime: startSet ? (user.startDate as string) : NOT_SET_DATE,
    enforceEnd: endSet,
    enforceEndDateTime: endSet ? (user.endDate as string) : NOT_SET_DATE,
    postalCode: fillDigits(office.postalCode, k, serial),
    countryRegion: user.countryOrRegion,
    state: office.state,
    address: `${1 + (hash32(k, serial, D.houseNumber) % 240)} ${pick(office.streets, hash32(k, serial, D.street))}`,
    loginName: user.userPrincipalName,
    status: user.status,
    fax: unit(k, serial, D.fax) < 0.9 ? null : `${phonePrefix} ${String(hash32(k, serial, D.fax, 1) % 10_000_000).padStart(7, '0')}`,
    isExternal,
    sponsor: isExternal ? manager : null,
    template: user.isTestUser ? 'Test account' : pick(USER_TEMPLATES, hash32(k, serial, D.template)),
    city,
  };
  if (user.location !== undefined) detail.location = user.location;
  return detail;
}
