import { FormatRegistry, Type, type TSchema } from '@sinclair/typebox';

/** A real calendar date (2026-02-30 is not one); the API's validator checks `format: date` the same way. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', isCalendarDate);

/** Decimal amount as a string ("12.30"); the currency decides how many decimals are allowed. */
export const Amount = Type.String({
  description:
    'Decimal amount as a string, e.g. "12.30"; never a number. Digits, an optional "." with at most the currency\'s ' +
    'decimals, an optional leading "-"; no spaces, "+", exponent or separators. An amount sent has at most 9 digits before the point (999999999.99).',
  examples: ['119.00'],
  maxLength: 40,
});
export const SignedAmount = Type.String({
  description: 'Signed decimal amount as a string (sign convention: see the entry and entry item descriptions).',
  examples: ['-119.00'],
});
export const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code', examples: ['EUR'] });
export const DateString = Type.String({ format: 'date', description: 'Calendar date', examples: ['2026-11-30'] });
export const Id = Type.String({ minLength: 1, maxLength: 64, description: 'Resource id (UUID)' });
export const Text = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

