// openapi-fetch ships CommonJS with `exports.default`; our CommonJS build's interop hands over the
// whole exports object as the default import. Take the function from whichever shape arrived.
import createClientImport from 'openapi-fetch';

type CreateClient = typeof createClientImport;

export const createClient: CreateClient =
  typeof createClientImport === 'function' ? createClientImport : (createClientImport as unknown as { default: CreateClient }).default;
