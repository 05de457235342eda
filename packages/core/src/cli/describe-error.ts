// One line a person can act on, for any failure, with every known secret and any bearer token
// removed (redact is the last line of defence; the errors themselves carry none).
import { AvePointError, AvePointInputError, redact } from '../protocol/index.js';
import { FLAG_OF_FIELD, UsageError } from './args.js';
import { SandboxMissingError } from './embedded-sandbox.js';

export function describeError(error: unknown, secrets: readonly string[]): string {
  let text: string;
  if (error instanceof AvePointInputError) {
    const flag = FLAG_OF_FIELD[error.field.replace(/\[\d+\]$/, '')];
    text = flag ? `${flag}: ${error.message}` : error.message;
  } else if (error instanceof AvePointError) {
    const retries = error.retryCount > 0 ? `, after ${error.retryCount} ${error.retryCount === 1 ? 'retry' : 'retries'}` : '';
    const resume =
      error.resumeFrom !== undefined && error.resumeFrom > 1
        ? `; to continue the export, run it again with --resume-from ${error.resumeFrom}`
        : '';
    text = `${error.code}: ${error.message}${retries}${resume}`;
  } else if (error instanceof UsageError || error instanceof SandboxMissingError) {
    text = error.message;
  } else if (error instanceof Error) {
    text = `unexpected error: ${error.message}`;
  } else {
    text = `unexpected error: ${String(error)}`;
  }
  return redact(text, secrets);
}

export function exitCodeOf(error: unknown): number {
  return error instanceof UsageError || error instanceof AvePointInputError || error instanceof SandboxMissingError ? 2 : 1;
}
