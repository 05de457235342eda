// The contract validator: JSON Schema 2020-12 (ajv) compiled from spec/openapi.yaml, for the
// users batch endpoint's requests and responses. Shared by the sandbox's, core's, n8n's and
// Zapier's tests, so they all check against the spec itself rather than a copy of it.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadSpec, pointerSegment, resolvePointer, specLocation, USERS_BATCH_PATH, type SpecDocument } from './spec.js';

export { USERS_BATCH_PATH, loadSpec, specLocation };

export interface ContractResult {
  valid: boolean;
  errors: string[];
}

export interface UsersBatchRequestInput {
  pathParams: { customerId?: unknown; tenantId?: unknown };
  /** Query values as sent: strings (from a URL) or numbers. */
  query?: Record<string, unknown> | URLSearchParams;
  /** The parsed JSON body, or undefined for no body. */
  body?: unknown;
}

export interface ContractValidator {
  validateUsersBatchResponse(status: number, body: unknown): ContractResult;
  validateUsersBatchRequest(input: UsersBatchRequestInput): ContractResult;
  /** The statuses the spec documents for the endpoint (e.g. '200', '429'). */
  documentedStatuses: readonly string[];
}

interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  pointer: string;
}

// ajv-formats is CommonJS with `exports.default`: take whichever shape the loader handed us.
type FormatsPlugin = (ajv: Ajv2020) => unknown;
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? addFormatsModule) as unknown as FormatsPlugin;

const SPEC_ID = 'https://avepoint-graph-kit.invalid/openapi.json';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function createContractValidator(options: { specFile?: string } = {}): ContractValidator {
  const doc = loadSpec(options.specFile);
  // OpenAPI keywords such as `example` and `x-enum-varnames` are not JSON Schema: tolerate them.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, SPEC_ID);
  const compile = (pointer: string): ValidateFunction => ajv.compile({ $ref: `${SPEC_ID}${pointer}` });

  const pathPointer = `#/paths/${pointerSegment(USERS_BATCH_PATH)}`;
  const operationPointer = `${pathPointer}/post`;
  const operation = resolvePointer(doc, operationPointer);
  if (!isRecord(operation)) throw new Error(`the spec has no POST ${USERS_BATCH_PATH}`);

  // Path-level then operation-level parameters, each followed through its $ref to where its schema lives.
  const parameters: ParameterObject[] = [];
  for (const [ownerPointer, list] of [[pathPointer, resolvePointer(doc, pathPointer)], [operationPointer, operation]] as const) {
    const params = isRecord(list) ? list.parameters : undefined;
    if (!Array.isArray(params)) continue;
    params.forEach((param: unknown, i) => {
      const pointer = isRecord(param) && typeof param.$ref === 'string' ? param.$ref : `${ownerPointer}/parameters/${i}`;
      const resolved = resolvePointer(doc, pointer);
      if (!isRecord(resolved) || typeof resolved.name !== 'string' || typeof resolved.in !== 'string') throw new Error(`bad parameter at ${pointer}`);
      parameters.push({ name: resolved.name, in: resolved.in, required: resolved.required === true, pointer });
    });
  }
  const parameterValidators = new Map(parameters.map((p) => [p, compile(`${p.pointer}/schema`)]));

  const requestBody = isRecord(operation.requestBody) ? operation.requestBody : undefined;
  const bodyRequired = requestBody?.required === true;
  const bodyValidator = requestBody ? compile(`${operationPointer}/requestBody/content/application~1json/schema`) : undefined;

  const responses = isRecord(operation.responses) ? operation.responses : {};
  const documentedStatuses = Object.keys(responses);
  const responseValidators = new Map<string, ValidateFunction | undefined>();
  for (const status of documentedStatuses) {
    const entry = responses[status];
    const pointer = isRecord(entry) && typeof entry.$ref === 'string' ? entry.$ref : `${operationPointer}/responses/${status}`;
    const response = resolvePointer(doc, pointer);
    const content = isRecord(response) && isRecord(response.content) ? response.content : undefined;
    responseValidators.set(status, content && isRecord(content['application/json']) ? compile(`${pointer}/content/application~1json/schema`) : undefined);
  }

  const describe = (where: string, validate: ValidateFunction): string[] =>
    (validate.errors ?? []).map((e) => `${where}${e.instancePath || ''} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? `: ${JSON.stringify(e.params.allowedValues)}` : ''}`);

  return {
    documentedStatuses,
    validateUsersBatchResponse(status, body) {
      const key = String(status);
      const validate = responseValidators.has(key) ? responseValidators.get(key) : responseValidators.get('default');
      if (!responseValidators.has(key) && !responseValidators.has('default')) {
        return { valid: false, errors: [`status ${status} is not documented for POST ${USERS_BATCH_PATH}`] };
      }
      if (!validate) return { valid: true, errors: [] };
      return validate(body) ? { valid: true, errors: [] } : { valid: false, errors: describe('response', validate) };
    },
    validateUsersBatchRequest(input) {
      const errors: string[] = [];
      const query = input.query instanceof URLSearchParams ? Object.fromEntries(input.query) : (input.query ?? {});
      if (input.query instanceof URLSearchParams) {
        for (const name of new Set(input.query.keys())) if (input.query.getAll(name).length > 1) errors.push(`query.${name} is repeated`);
      }
      const sources: Record<string, Record<string, unknown>> = { path: { ...input.pathParams }, query };
      for (const [param, validate] of parameterValidators) {
        const value = sources[param.in]?.[param.name];
        if (value === undefined) {
          if (param.required) errors.push(`${param.in}.${param.name} is required`);
          continue;
        }
        // Query and path values travel as text: read integers the way a server would.
        const typed = typeof value === 'string' && /^-?\d+$/.test(value) && param.in === 'query' ? Number(value) : value;
        if (!validate(typed)) errors.push(...describe(`${param.in}.${param.name}`, validate));
      }
      const known = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));
      for (const name of Object.keys(query)) if (!known.has(name)) errors.push(`query.${name} is not a parameter of this operation`);
      if (input.body === undefined) {
        if (bodyRequired) errors.push('body is required');
      } else if (bodyValidator && !bodyValidator(input.body)) {
        errors.push(...describe('body', bodyValidator));
      }
      return { valid: errors.length === 0, errors };
    },
  };
}
