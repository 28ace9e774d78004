/**
 * Typed errors with stable codes. The API maps `kind` to an HTTP status; the CLI prints `code`
 * and `message`. Codes are part of the public contract: never rename one.
 */
/**
 * `unavailable`: an outside system (an org, a bank, a provider) failed or could not be reached;
 * `too_large`: an upload over its limit.
 */
export type ErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unauthorized' | 'unavailable' | 'too_large';

export class CashError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'CashError';
    this.code = code;
    this.kind = kind;
    this.details = details;
  }
}

export const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  new CashError(code, 'invalid', message, details);

/** Input over a size limit (HTTP 413): refused before or while it is read, never held whole. */
export const tooLarge = (code: string, message: string, details?: Record<string, unknown>) =>
  new CashError(code, 'too_large', message, details);

export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new CashError(code, 'conflict', message, details);

export const unavailable = (code: string, message: string, details?: Record<string, unknown>) =>
  new CashError(code, 'unavailable', message, details);

export const notFound = (what: string, id: string) =>
  new CashError('NOT_FOUND', 'not_found', `${what} ${id} does not exist`, { what, id });
