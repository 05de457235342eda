// Search "Find Users (Batch)": one result per user found, in the order asked; [] when none match.
import { parseUserIdList, planIdChunks, MAX_IDS_PER_REQUEST, withStatusLabels, type LabelledUser } from '@avepoint-graph-kit/core/protocol';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { customerIdField, tenantIdField, userIdsField } from '../input-fields.js';
import { SAMPLE_USER, USER_OUTPUT_FIELDS } from '../user-output.js';
import { callApi, usersClientFor } from '../users-client.js';
import { STEP_BUDGET_MS, withinStepBudget } from '../step-deadline.js';
import { rethrowForZapier } from '../zapier-errors.js';

/**
 * Zapier gives a step 30 seconds and a bounded response: 10 requests of 100 IDs (about 1 MB of
 * users) fit with room for a slow answer; more IDs belong in several steps or a Looping step.
 */
export const MAX_IDS_PER_SEARCH = 10 * MAX_IDS_PER_REQUEST;

type FindUsersInput = {
  customerId?: unknown;
  tenantId?: unknown;
  userIds?: unknown;
};

/** A list field gives an array; each entry may itself hold several IDs separated by commas. */
export function requestedIds(value: unknown): string[] {
  const entries = Array.isArray(value) ? value : [value];
  return entries.flatMap((entry, i) => parseUserIdList(entry, Array.isArray(value) ? `userIds[${i}]` : 'userIds'));
}

async function perform(z: ZObject, bundle: Bundle<FindUsersInput>): Promise<LabelledUser[]> {
  let userIds: string[];
  try {
    userIds = requestedIds(bundle.inputData.userIds);
  } catch (error) {
    return rethrowForZapier(z, error);
  }
  const unique = planIdChunks(userIds).unique.length;
  if (unique > MAX_IDS_PER_SEARCH) {
    throw new z.errors.Error(
      `Fix the "User IDs" field: ${unique} different IDs were given and one step reads at most ${MAX_IDS_PER_SEARCH} ` +
        '(Zapier ends a step after 30 seconds). Split the list over several steps or use Looping by Zapier.',
      'InvalidInput',
      400,
    );
  }
  if (userIds.length === 0) return [];
  const client = usersClientFor(z, bundle);
  const { users } = await callApi(z, () =>
    withinStepBudget(z, STEP_BUDGET_MS, 'Give fewer User IDs per step.', (signal) =>
      client.getUsersByIds({
        customerId: bundle.inputData.customerId as string,
        tenantId: bundle.inputData.tenantId as string,
        userIds,
        signal,
      }),
    ),
  );
  return users.map(withStatusLabels);
}

export const findUsers = {
  key: 'findUsers',
  noun: 'User',
  display: {
    label: 'Find Users (Batch)',
    description: "Finds users of a customer's tenant in AvePoint Elements by their IDs, up to 1,000 at once.",
  },
  operation: {
    inputFields: [customerIdField, tenantIdField, userIdsField],
    perform,
    sample: SAMPLE_USER,
    outputFields: USER_OUTPUT_FIELDS,
  },
} as const;
