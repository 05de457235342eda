// Trigger "New User": polls a tenant and lists its users newest first, for Zapier's dedupe on `id`.
//
// The API documents no creation date and no sort order; its pages are read as insertion order
// (the last page holds the newest users), so the poll reads the tenant's last pages and reverses
// them. A tenant of up to MAX_POLL_PAGES pages is read whole, so a new user is seen wherever the
// API lists it; in a bigger tenant the newest MAX_POLL_PAGES pages are watched. The reading is
// core's listing (each user once, in order), started where the watched pages begin.
//
// The status filter keeps the users with any of the chosen statuses (core's hasStatus). Zapier
// dedupes on what a poll returns, so a user the filter left out is not remembered: they trigger
// on the first poll that sees them with one of the statuses.
import {
  MAX_PAGE_SIZE,
  effectivePageSize,
  hasStatus,
  pageCount,
  validateStatusFilter,
  type User,
  withStatusLabels,
  type LabelledUser,
} from '@avepoint-graph-kit/core/protocol';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { customerIdField, statusFilterField, tenantIdField } from '../input-fields.js';
import { SAMPLE_USER, USER_OUTPUT_FIELDS } from '../user-output.js';
import { STEP_BUDGET_MS, withinStepBudget } from '../step-deadline.js';
import { callApi, usersClientFor } from '../users-client.js';
import { rethrowForZapier } from '../zapier-errors.js';

/** 10 pages of 100: ten requests and about 1 MB per poll, inside Zapier's 30 s and size limits. */
export const MAX_POLL_PAGES = 10;

type NewUserInput = {
  customerId?: unknown;
  tenantId?: unknown;
  statuses?: unknown;
};

/** The page indexes a poll reads, oldest first: the last `maxPages` pages of the tenant. */
export function pollPages(totalCount: number, pageSize: number, maxPages: number = MAX_POLL_PAGES): number[] {
  const last = pageCount(totalCount, pageSize);
  const pages: number[] = [];
  for (let index = Math.max(1, last - maxPages + 1); index <= last; index++) pages.push(index);
  return pages;
}

async function perform(z: ZObject, bundle: Bundle<NewUserInput>): Promise<LabelledUser[]> {
  // Checked before anything is sent: a status that names nothing fails naming the field.
  let statuses;
  try {
    statuses = validateStatusFilter(bundle.inputData.statuses, statusFilterField.key);
  } catch (error) {
    return rethrowForZapier(z, error);
  }
  const client = usersClientFor(z, bundle);
  const where = { customerId: bundle.inputData.customerId as string, tenantId: bundle.inputData.tenantId as string };
  const users = await callApi(z, () =>
    withinStepBudget(z, STEP_BUDGET_MS, 'Try again later; if it persists, the tenant may be too slow to poll.', async (signal) => {
      const first = await client.getUsersPage({ ...where, pageIndex: 1, pageSize: MAX_PAGE_SIZE }, { signal });
      // The Zap editor's "test trigger" shows a few samples: the newest page is enough.
      const maxPages = bundle.meta?.isLoadingSample ? 1 : MAX_POLL_PAGES;
      // The pages are those of the size the service really serves (AvePoint documents 100 and 50).
      const pageSize = effectivePageSize(MAX_PAGE_SIZE, { items: first.users, totalCount: first.totalCount });
      const pages = pollPages(first.totalCount, pageSize, maxPages);
      if (pages.length === 0) return [];
      const read: User[] = [];
      // One page at a time: a poll is not in a hurry, and the tenant's rate limit is shared.
      const listing = client.listUsersPages({
        ...where,
        pageSize,
        concurrency: 1,
        resumeFrom: pages[0],
        limit: pages.length * pageSize,
        signal,
      });
      for await (const page of listing) read.push(...page.users);
      return read;
    }),
  );
  const wanted = statuses === undefined ? users : users.filter((user) => hasStatus(user, statuses));
  return wanted.reverse().map(withStatusLabels);
}

export const newUser = {
  key: 'newUser',
  noun: 'User',
  display: {
    label: 'New User',
    description:
      "Triggers when a user is added to a customer's tenant in AvePoint Elements; optionally only for users with given statuses.",
  },
  operation: {
    type: 'polling',
    inputFields: [customerIdField, tenantIdField, statusFilterField],
    perform,
    sample: SAMPLE_USER,
    outputFields: USER_OUTPUT_FIELDS,
  },
} as const;
