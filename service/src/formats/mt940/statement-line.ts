import type { CreditDebit } from '../statement/model.js';
import { entryDate, parseYymmdd, type SwiftDate } from './dates.js';

/**
 * Field :61: "value date, [entry date], mark, [funds code], amount, type, reference for the
 * account owner, [//bank reference], [newline supplementary details]".
 * Marks: C, D, and RC/RD for the reversal of a credit (a debit booking) or of a debit (a credit
 * booking). "CR"/"DR" as German banks write them are C/D with the funds code R (third letter of EUR).
 */
export interface StatementLine {
  valueDate: SwiftDate;
  entryDate: SwiftDate | null;
  creditDebit: CreditDebit;
  reversal: boolean;
  /** As written, decimal comma. */
  amount: string;
  /** "NTRF", "NMSC", "FMSC", …; null when the bank leaves it out. */
  typeCode: string | null;
  customerReference: string | null;
  bankReference: string | null;
  supplementary: string | null;
}

// SWIFT writes a decimal comma; some exporters write a point, which must not end the amount early.
const LINE = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d+(?:[,.]\d*)?)(.*)$/;
const TYPE_CODE = /^[NFS][A-Z0-9]{3}|^[A-Z][A-Z0-9 ]{3}/;

export function parseStatementLine(lines: string[]): StatementLine | undefined {
  // A line break may even split the amount ("…1126CR" / "30,00N062NONREF"): retry joined.
  const first = lines[0] ?? '';
  return (
    parseFirst(first, supplementaryFrom(lines, 1)) ??
    (lines.length > 1 ? parseFirst(`${first}${lines[1]!}`, supplementaryFrom(lines, 2)) : undefined)
  );
}

function supplementaryFrom(lines: string[], from: number): string | null {
  let text = '';
  for (let i = from; i < lines.length; i += 1) text += lines[i]!;
  return text.trim() || null;
}

function parseFirst(text: string, supplementary: string | null): StatementLine | undefined {
  const match = LINE.exec(text.trim());
  if (!match) return undefined;
  const [, value, entry, mark, , amount, rest = ''] = match;
  const valueDate = parseYymmdd(value!);
  if (!valueDate) return undefined;
  const booked = entry ? entryDate(entry, valueDate.iso) : null;
  if (booked === undefined) return undefined;
  let remainder = rest;
  let typeCode: string | null = null;
  if (!/^NONREF(\/\/|$)/.test(remainder)) {
    const type = TYPE_CODE.exec(remainder);
    if (type) {
      typeCode = type[0].trim();
      remainder = remainder.slice(type[0].length);
    }
  }
  const split = remainder.indexOf('//');
  const customer = (split >= 0 ? remainder.slice(0, split) : remainder).trim();
  const bank = split >= 0 ? remainder.slice(split + 2).trim() : '';
  return {
    valueDate,
    entryDate: booked,
    creditDebit: mark === 'C' || mark === 'RD' ? 'CRDT' : 'DBIT',
    reversal: mark === 'RC' || mark === 'RD',
    amount: amount!,
    typeCode,
    customerReference: meaningful(customer),
    bankReference: meaningful(bank),
    supplementary,
  };
}

/** "NONREF" is no reference; Dutch banks write "EREF"/"PREF"/… to point at the :86: field. */
const PLACEHOLDERS = new Set(['NONREF', 'EREF', 'PREF', 'MARF', 'KREF', 'NOTPROVIDED']);

function meaningful(reference: string): string | null {
  if (!reference) return null;
  return reference.length > 11 || !PLACEHOLDERS.has(reference.toUpperCase()) ? reference : null;
}
