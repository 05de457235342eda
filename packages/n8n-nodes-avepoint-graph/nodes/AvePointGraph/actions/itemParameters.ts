import { AvePointInputError } from '../core/protocol';
import type { IExecuteFunctions, NodeParameterValueType } from 'n8n-workflow';

const hasExpression = (value: unknown): boolean => {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
};

/**
 * getNodeParameter per item, but a parameter without an expression is resolved once: n8n resolves
 * every read, and constants read for each of 1,000 items cost more time than the requests saved.
 */
export function itemParameters(ctx: IExecuteFunctions) {
	const raw = ctx.getNode().parameters;
	const constants = new Map<string, unknown>();
	return (name: string, itemIndex: number, fallback?: NodeParameterValueType | object): unknown => {
		if (hasExpression(raw[name])) return ctx.getNodeParameter(name, itemIndex, fallback);
		if (!constants.has(name)) constants.set(name, ctx.getNodeParameter(name, itemIndex, fallback));
		return constants.get(name);
	};
}

/**
 * The value of a resource locator (version 2's Customer and Tenant: `{ __rl, mode, value }`), or
 * the parameter as it is (version 1's strings, or a string mapped by an expression).
 */
export function locatorValue(value: unknown): unknown {
	if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'value' in value)
		return (value as { value: unknown }).value;
	return value;
}

/** How much of each user an item gets: version 2's Output choice (Simplified, Raw, Selected Fields). */
export type Output =
	{ mode: 'simplified' } | { mode: 'raw' } | { mode: 'fields'; fields: string[] };

/** The Output choice of an item, with Selected Fields checked against the fields the operation has. */
export function readOutput(
	param: ReturnType<typeof itemParameters>,
	itemIndex: number,
	fieldNames: readonly string[],
): Output {
	const mode = param('output', itemIndex, 'simplified');
	if (mode === 'raw' || mode === 'simplified') return { mode };
	if (mode !== 'fields')
		throw new AvePointInputError(
			'output',
			'must be Simplified, Raw or Selected Fields',
			JSON.stringify(mode),
		);
	const fields = param('fields', itemIndex, []);
	if (!Array.isArray(fields) || fields.some((f) => !fieldNames.includes(f as string))) {
		throw new AvePointInputError('fields', `must name fields among ${fieldNames.join(', ')}`);
	}
	return { mode, fields: fields as string[] };
}
