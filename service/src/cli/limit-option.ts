import { invalid } from '../domain/errors.js';

/** The most a `--limit` may ask for: one command prints at most this many rows. */
export const MAX_CLI_LIMIT = 10_000;

export const LIMIT_HELP = `at most this many (1–${MAX_CLI_LIMIT})`;

/** A `--limit` value: a whole number from 1 to MAX_CLI_LIMIT, written in digits; anything else is refused, never rounded. */
export function parseLimit(raw: string): number {
  const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_CLI_LIMIT) {
    throw invalid('LIMIT_INVALID', `--limit must be a whole number from 1 to ${MAX_CLI_LIMIT}, not "${raw}"`, { limit: raw });
  }
  return value;
}
