/**
 * What the finders need to know about one bank item, worked out once: direction, amount, dates and
 * the tokens of its remittance text.
 */
import { invalid } from '../domain/errors.js';
import { exponentOf, parseMinor } from '../domain/money.js';
import { ibanKey, nameTokens, stripLeadingZeros, tokens } from './normalise.js';
import type { Pattern } from './pattern.js';
import type { BankItemInput } from './types.js';

export interface Window {
  /** Separator-free concatenation of 1..4 neighbouring tokens. */
  exact: string;
  /** The same with padding zeros dropped per token. */
  padded: string;
  /** Its digits without leading zeros. */
  digits: string;
  start: number;
  end: number;
}

export interface ItemContext {
  readonly input: BankItemInput;
  readonly id: string;
  readonly incoming: boolean;
  readonly currency: string | null;
  readonly bookingDate: string | null;
  readonly booked: boolean;
  readonly text: string;
  readonly iban: string | null;
  readonly counterpartyName: string[];
  /** The item amount in minor units of a currency, or null when it has more decimals than the currency allows. */
  amountIn(currency: string): bigint | null;
  /** Lookup windows of a text, worked out once per item and text. */
  windowsOf(text: string): Window[];
}

const MAX_WINDOW_TOKENS = 4;
const MAX_KEY_LENGTH = 35;

export function itemContext(input: BankItemInput): ItemContext {
  if (!input || typeof input.id !== 'string') throw invalid('ITEM_INVALID', 'an item needs an "id"');
  if (input.creditDebit !== 'CRDT' && input.creditDebit !== 'DBIT') {
    throw invalid('ITEM_INVALID', `item ${input.id}: "creditDebit" must be "CRDT" or "DBIT"`, { id: input.id });
  }
  if (typeof input.amount !== 'string' || !/^\d+(?:\.\d+)?$/.test(input.amount.trim())) {
    throw invalid('ITEM_INVALID', `item ${input.id}: "amount" must be a positive decimal string`, { id: input.id });
  }
  const amounts = new Map<string, bigint | null>();
  const windowCache = new Map<string, Window[]>();
  const text = input.remittanceInformation ?? '';
  return {
    input,
    id: input.id,
    incoming: input.creditDebit === 'CRDT',
    currency: input.currency ?? null,
    bookingDate: (input.bookingDate ?? input.valueDate ?? null)?.slice(0, 10) ?? null,
    booked: input.status === undefined || input.status === null || input.status === 'BOOK',
    text,
    iban: ibanKey(input.counterparty?.iban),
    counterpartyName: nameTokens(input.counterparty?.name),
    amountIn(currency: string): bigint | null {
      let minor = amounts.get(currency);
      if (minor === undefined) {
        exponentOf(currency);
        try {
          minor = parseMinor(input.amount, currency);
        } catch {
          minor = null;
        }
        amounts.set(currency, minor);
      }
      return minor;
    },
    windowsOf(text: string): Window[] {
      let found = windowCache.get(text);
      if (!found) {
        found = windows(text);
        windowCache.set(text, found);
      }
      return found;
    },
  };
}

/** Every run of 1..4 neighbouring tokens of a text, as lookup keys. */
export function windows(text: string): Window[] {
  const parts = tokens(text);
  const stripped = parts.map(stripLeadingZeros);
  const digitsOf = parts.map((p) => p.replace(/\D+/g, ''));
  const result: Window[] = [];
  for (let start = 0; start < parts.length; start += 1) {
    let length = 0;
    for (let end = start; end < Math.min(parts.length, start + MAX_WINDOW_TOKENS); end += 1) {
      length += parts[end]!.length;
      if (length > MAX_KEY_LENGTH) break;
      // join() gives flat strings: hashing them for the lookups is cheaper than hashing concatenations.
      result.push({
        exact: parts.slice(start, end + 1).join(''),
        padded: stripped.slice(start, end + 1).join(''),
        digits: digitsOf.slice(start, end + 1).join('').replace(/^0+/, ''),
        start,
        end,
      });
    }
  }
  return result;
}

/** The texts a parser pattern extracts: each match's first capture group, or the whole match. */
export function extract(text: string, pattern: Pattern | null): string[] {
  return pattern ? pattern.extract(text) : [text];
}
