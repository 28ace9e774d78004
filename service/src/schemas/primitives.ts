import { Type, type TSchema } from '@sinclair/typebox';

/** Decimal amount as a string ("12.30"); the currency decides how many decimals are allowed. */
export const Amount = Type.String({
  description: 'Decimal amount as a string, e.g. "12.30"; never a number. At most the currency\'s decimals.',
  examples: ['119.00'],
  maxLength: 40,
});
export const SignedAmount = Type.String({
  description: 'Signed decimal amount as a string (sign convention: see the entry and entry item descriptions).',
  examples: ['-119.00'],
});
export const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code', examples: ['EUR'] });
export const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Calendar date', examples: ['2026-11-30'] });
export const Id = Type.String({ minLength: 1, maxLength: 64, description: 'Resource id (UUID)' });
export const Text = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

