/**
 * Unique mandate references from a configurable pattern, e.g. "{ENTITY}-{YYYY}-{SEQ:6}" gives
 * "ACME-2026-000042". Tokens: {SEQ:n} the running number padded to n digits, {YYYY} {YY} {MM} {DD}
 * from the signature date, and any {NAME} from the given values (customer number, entity code …).
 * The result must satisfy the SEPA identifier rules; taken references are skipped.
 */
import { invalid } from '../errors.js';
import { idProblem } from '../../formats/sepa/identifiers.js';

export interface ReferenceInput {
  /** The next running number to try. */
  readonly sequence: number;
  /** ISO date the date tokens come from, usually the signature date. */
  readonly date: string;
  readonly values?: Readonly<Record<string, string>>;
}

const TOKEN = /\{([A-Z]+)(?::(\d+))?\}/g;
const MAX_ATTEMPTS = 10_000;

export function formatReference(pattern: string, input: ReferenceInput): string {
  if (!/\{SEQ(?::\d+)?\}/.test(pattern)) {
    throw invalid('MANDATE_PATTERN_INVALID', `pattern "${pattern}" needs a {SEQ} token to make references unique`);
  }
  const [year = '', month = '', day = ''] = input.date.split('-');
  return pattern.replace(TOKEN, (token, name: string, width?: string) => {
    switch (name) {
      case 'SEQ':
        return String(input.sequence).padStart(Number(width ?? 1), '0');
      case 'YYYY':
        return year;
      case 'YY':
        return year.slice(2);
      case 'MM':
        return month;
      case 'DD':
        return day;
      default: {
        const value = input.values?.[name];
        if (value === undefined) throw invalid('MANDATE_PATTERN_INVALID', `pattern token ${token} has no value`);
        return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
      }
    }
  });
}

/** The first reference from `input.sequence` on that is valid and not taken; with its sequence. */
export function nextMandateReference(
  pattern: string,
  input: ReferenceInput,
  isTaken: (reference: string) => boolean,
): { reference: string; sequence: number } {
  for (let sequence = input.sequence; sequence < input.sequence + MAX_ATTEMPTS; sequence += 1) {
    const reference = formatReference(pattern, { ...input, sequence });
    const problem = idProblem(reference);
    if (problem) {
      throw invalid('MANDATE_PATTERN_INVALID', `pattern "${pattern}" gives "${reference}", which breaks the SEPA identifier rules (${problem})`);
    }
    if (!isTaken(reference)) return { reference, sequence };
  }
  throw invalid('MANDATE_REFERENCE_EXHAUSTED', `no free reference for pattern "${pattern}" after ${MAX_ATTEMPTS} attempts`);
}
