import { invalid } from '../domain/errors.js';

/** The most a `--limit` may ask for: one command prints at most this many rows. */
export const MAX_CLI_LIMIT = 10_000;

export const LIMIT_HELP = `at most this many (1–${MAX_CLI_LIMIT})`;

/** The most one page of a paged list holds, as the API pages it. */
export const MAX_PAGE_LIMIT = 500;

/** A `--limit` value: a whole number from 1 to `max`, written in digits; anything else is refused, never rounded. */
export function parseLimit(raw: string, max = MAX_CLI_LIMIT): number {
  const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    throw invalid('LIMIT_INVALID', `--limit must be a whole number from 1 to ${max}, not "${raw}"`, { limit: raw });
  }
  return value;
}
