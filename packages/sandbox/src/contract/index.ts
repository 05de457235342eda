// The contract validator: JSON Schema 2020-12 (ajv) compiled from spec/openapi.yaml, for the
// requests and responses of every operation of the spec. Shared by the sandbox's, core's, n8n's
// and Zapier's tests, so they all check against the spec itself rather than a copy of it.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import {
  CUSTOMERS_BATCH_PATH,
  loadSpec,
  OPERATIONS,
  pointerSegment,
  resolvePointer,
  specLocation,
  USER_PATH,
  USERS_BATCH_PATH,
  type OperationId,
} from './spec.js';

export { USERS_BATCH_PATH, USER_PATH, CUSTOMERS_BATCH_PATH, OPERATIONS, loadSpec, specLocation };
export type { OperationId };

export interface ContractResult {
  valid: boolean;
  errors: string[];
}

export interface RequestInput {
  pathParams?: Record<string, unknown>;
  /** Query values as sent: strings (from a URL) or numbers. */
  query?: Record<string, unknown> | URLSearchParams;
  /** The parsed JSON body, or undefined for no body. */
  body?: unknown;
}

export interface UsersBatchRequestInput extends RequestInput {
  pathParams: { customerId?: unknown; tenantId?: unknown };
}

export interface UserRequestInput extends RequestInput {
  pathParams: { customerId?: unknown; tenantId?: unknown; userId?: unknown };
}

export interface ContractValidator {
  validateUsersBatchResponse(status: number, body: unknown, mediaType?: string): ContractResult;
  validateUsersBatchRequest(input: UsersBatchRequestInput): ContractResult;
  validateCustomersResponse(status: number, body: unknown, mediaType?: string): ContractResult;
  validateCustomersRequest(input: RequestInput): ContractResult;
  validateUserResponse(status: number, body: unknown, mediaType?: string): ContractResult;
  validateUserRequest(input: UserRequestInput): ContractResult;
  /**
   * Any operation's response. `mediaType` (a Content-Type) picks the declared media type, `*` and
   * `type/*` ranges included; `application/json` when absent. A media type the response does not
   * declare is an error.
   */
  validateResponse(operationId: OperationId, status: number, body: unknown, mediaType?: string): ContractResult;
  validateRequest(operationId: OperationId, input: RequestInput): ContractResult;
  /** The statuses the spec documents for the users batch endpoint (e.g. '200', '429'). */
  documentedStatuses: readonly string[];
  /** The statuses the spec documents for an operation. */
  documentedStatusesOf(operationId: OperationId): readonly string[];
}

interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  pointer: string;
}

interface OperationValidators {
  label: string;
  parameters: Map<ParameterObject, ValidateFunction>;
  bodyRequired: boolean;
  body: ValidateFunction | undefined;
  /** status -> media type -> validator (undefined: the response has no schema for it). */
  responses: Map<string, Map<string, ValidateFunction | undefined>>;
}

// ajv-formats is CommonJS with `exports.default`: take whichever shape the loader handed us.
type FormatsPlugin = (ajv: Ajv2020) => unknown;
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? addFormatsModule) as unknown as FormatsPlugin;

const SPEC_ID = 'https://avepoint-graph-kit.invalid/openapi.json';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `text/plain; charset=utf-8` matches `text/plain`, `text/*` and `*\/*`; the first declared match wins, as exact types come first in the spec. */
function mediaTypeMatches(received: string, declared: string): boolean {
  const [type = '', subtype = ''] = received.split(';')[0]!.trim().toLowerCase().split('/');
  const [dType = '', dSubtype = ''] = declared.toLowerCase().split('/');
  return (dType === '*' || dType === type) && (dSubtype === '*' || dSubtype === subtype || subtype.endsWith(`+${dSubtype}`));
}

export function createContractValidator(options: { specFile?: string } = {}): ContractValidator {
  const doc = loadSpec(options.specFile);
  // OpenAPI keywords such as `example` and `x-enum-varnames` are not JSON Schema: tolerate them.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, SPEC_ID);
  const compile = (pointer: string): ValidateFunction => ajv.compile({ $ref: `${SPEC_ID}${pointer}` });

  function operationValidators(path: string, method: string): OperationValidators {
    const pathPointer = `#/paths/${pointerSegment(path)}`;
    const operationPointer = `${pathPointer}/${method}`;
    const operation = resolvePointer(doc, operationPointer);
    if (!isRecord(operation)) throw new Error(`the spec has no ${method.toUpperCase()} ${path}`);

    // Path-level then operation-level parameters, each followed through its $ref to where its schema lives.
    const parameters: ParameterObject[] = [];
    for (const [ownerPointer, list] of [
      [pathPointer, resolvePointer(doc, pathPointer)],
      [operationPointer, operation],
    ] as const) {
      const params = isRecord(list) ? list.parameters : undefined;
      if (!Array.isArray(params)) continue;
      params.forEach((param: unknown, i) => {
        const pointer = isRecord(param) && typeof param.$ref === 'string' ? param.$ref : `${ownerPointer}/parameters/${i}`;
        const resolved = resolvePointer(doc, pointer);
        if (!isRecord(resolved) || typeof resolved.name !== 'string' || typeof resolved.in !== 'string')
          throw new Error(`bad parameter at ${pointer}`);
        parameters.push({ name: resolved.name, in: resolved.in, required: resolved.required === true, pointer });
      });
    }

    const requestBody = isRecord(operation.requestBody) ? operation.requestBody : undefined;
    const responses = new Map<string, Map<string, ValidateFunction | undefined>>();
    for (const [status, entry] of Object.entries(isRecord(operation.responses) ? operation.responses : {})) {
      const pointer = isRecord(entry) && typeof entry.$ref === 'string' ? entry.$ref : `${operationPointer}/responses/${status}`;
      const response = resolvePointer(doc, pointer);
      const content = isRecord(response) && isRecord(response.content) ? response.content : {};
      const media = new Map<string, ValidateFunction | undefined>();
      for (const [type, value] of Object.entries(content)) {
        media.set(
          type,
          isRecord(value) && value.schema !== undefined ? compile(`${pointer}/content/${pointerSegment(type)}/schema`) : undefined,
        );
      }
      responses.set(status, media);
    }
    return {
      label: `${method.toUpperCase()} ${path}`,
      parameters: new Map(parameters.map((p) => [p, compile(`${p.pointer}/schema`)])),
      bodyRequired: requestBody?.required === true,
      body: requestBody ? compile(`${operationPointer}/requestBody/content/application~1json/schema`) : undefined,
      responses,
    };
  }

  const operations = new Map<OperationId, OperationValidators>(
    (Object.keys(OPERATIONS) as OperationId[]).map((id) => [id, operationValidators(OPERATIONS[id].path, OPERATIONS[id].method)]),
  );
  const validatorsOf = (id: OperationId): OperationValidators => {
    const found = operations.get(id);
    if (!found) throw new RangeError(`unknown operation ${String(id)}`);
    return found;
  };

  const describe = (where: string, validate: ValidateFunction): string[] =>
    (validate.errors ?? []).map(
      (e) =>
        `${where}${e.instancePath || ''} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? `: ${JSON.stringify(e.params.allowedValues)}` : ''}`,
    );

  function validateResponse(id: OperationId, status: number, body: unknown, mediaType = 'application/json'): ContractResult {
    const op = validatorsOf(id);
    const media = op.responses.get(String(status)) ?? op.responses.get('default');
    if (!media) return { valid: false, errors: [`status ${status} is not documented for ${op.label}`] };
    // A response without content declares no body to check.
    if (media.size === 0) return { valid: true, errors: [] };
    const declared = [...media.keys()].find((type) => mediaTypeMatches(mediaType, type));
    if (declared === undefined) return { valid: false, errors: [`media type ${mediaType} is not documented for ${status} of ${op.label}`] };
    const validate = media.get(declared);
    if (!validate) return { valid: true, errors: [] };
    return validate(body) ? { valid: true, errors: [] } : { valid: false, errors: describe('response', validate) };
  }

  function validateRequest(id: OperationId, input: RequestInput): ContractResult {
    const op = validatorsOf(id);
    const errors: string[] = [];
    const query = input.query instanceof URLSearchParams ? Object.fromEntries(input.query) : (input.query ?? {});
    if (input.query instanceof URLSearchParams) {
      for (const name of new Set(input.query.keys())) if (input.query.getAll(name).length > 1) errors.push(`query.${name} is repeated`);
    }
    const sources: Record<string, Record<string, unknown>> = { path: { ...input.pathParams }, query };
    for (const [param, validate] of op.parameters) {
      const value = sources[param.in]?.[param.name];
      if (value === undefined) {
        if (param.required) errors.push(`${param.in}.${param.name} is required`);
        continue;
      }
      // Query and path values travel as text: read integers the way a server would.
      const typed = typeof value === 'string' && /^-?\d+$/.test(value) && param.in === 'query' ? Number(value) : value;
      if (!validate(typed)) errors.push(...describe(`${param.in}.${param.name}`, validate));
    }
    const known = new Set([...op.parameters.keys()].filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of Object.keys(query)) if (!known.has(name)) errors.push(`query.${name} is not a parameter of this operation`);
    if (input.body === undefined) {
      if (op.bodyRequired) errors.push('body is required');
    } else if (!op.body) {
      errors.push('body is not part of this operation');
    } else if (!op.body(input.body)) {
      errors.push(...describe('body', op.body));
    }
    return { valid: errors.length === 0, errors };
  }

  const documentedStatusesOf = (id: OperationId): readonly string[] => [...validatorsOf(id).responses.keys()];

  return {
    documentedStatuses: documentedStatusesOf('getUsersBatch'),
    documentedStatusesOf,
    validateResponse,
    validateRequest,
    validateUsersBatchResponse: (status, body, mediaType) => validateResponse('getUsersBatch', status, body, mediaType),
    validateUsersBatchRequest: (input) => validateRequest('getUsersBatch', input),
    validateCustomersResponse: (status, body, mediaType) => validateResponse('listCustomers', status, body, mediaType),
    validateCustomersRequest: (input) => validateRequest('listCustomers', input),
    validateUserResponse: (status, body, mediaType) => validateResponse('getUser', status, body, mediaType),
    validateUserRequest: (input) => validateRequest('getUser', input),
  };
}
