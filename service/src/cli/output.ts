import { CashError } from '../domain/errors.js';

/** Prints an error for a person (code and message, never a stack trace) and returns the exit code. */
export function reportCliError(error: unknown): number {
  if (error instanceof CashError) {
    process.stderr.write(`error ${error.code}: ${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message}\n`);
  return 1;
}
