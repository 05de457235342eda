// zapier-platform-schema ships no types; the tests use only its validator.
declare module 'zapier-platform-schema' {
  export function validateAppDefinition(definition: unknown): { errors: Array<{ property: string; message: string }> };
}
