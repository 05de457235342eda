// Search "Find User": one user in full by ID; [] when the tenant has no such user (Zapier's
// convention for a search that found nothing, so "continue if nothing is found" and
// find-or-create work).
import { AvePointApiError, withStatusLabels } from '@avepoint-graph-kit/core/protocol';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { customerIdField, tenantIdField, userIdField } from '../input-fields.js';
import { STEP_BUDGET_MS, withinStepBudget } from '../step-deadline.js';
import { SAMPLE_USER_DETAIL, USER_DETAIL_OUTPUT_FIELDS, type LabelledUserDetail } from '../user-detail-output.js';
import { callApi, usersClientFor } from '../users-client.js';

type FindUserInput = {
  customerId?: unknown;
  tenantId?: unknown;
  userId?: unknown;
};

async function perform(z: ZObject, bundle: Bundle<FindUserInput>): Promise<LabelledUserDetail[]> {
  const client = usersClientFor(z, bundle);
  const where = { customerId: bundle.inputData.customerId as string, tenantId: bundle.inputData.tenantId as string };
  const found = await callApi(z, () =>
    withinStepBudget(z, STEP_BUDGET_MS, 'Try again later.', async (signal) => {
      try {
        return await client.getUser({ ...where, userId: bundle.inputData.userId as string }, { signal });
      } catch (error) {
        if (!(error instanceof AvePointApiError && error.code === 'NOT_FOUND')) throw error;
        // The one-user endpoint answers 404 alike for an unknown user, tenant or customer. Only
        // the first is "not found": a wrong tenant must fail the step, not let a Zap go on as if
        // the user did not exist. One page of one user proves the tenant (or fails naming it).
        await client.getUsersPage({ ...where, pageIndex: 1, pageSize: 1 }, { signal });
        return undefined;
      }
    }),
  );
  return found === undefined ? [] : [withStatusLabels(found)];
}

export const findUser = {
  key: 'findUser',
  noun: 'User',
  display: {
    label: 'Find User',
    description:
      "Finds one user of a customer's tenant in AvePoint Elements by ID, with every field: manager, addresses, phones, sign-in settings and status.",
  },
  operation: {
    inputFields: [customerIdField, tenantIdField, userIdField],
    perform,
    sample: SAMPLE_USER_DETAIL,
    outputFields: USER_DETAIL_OUTPUT_FIELDS,
  },
} as const;
