// Last line of defence for anything printed: secrets replaced wherever they appear.

const MIN_SECRET_LENGTH = 4;

export function redact(text: string, secrets: ReadonlyArray<string | undefined | null>): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    out = out.split(secret).join('[REDACTED]');
  }
  // Bearer tokens seen in any text, even ones the caller did not list.
  return out.replace(/(Bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, '$1[REDACTED]');
}
