import type { Balance, ControlTotals } from '../statement/model.js';
import { swiftAmount } from './amounts.js';
import { parseYymmdd, type SwiftDate } from './dates.js';

/** A balance field (:60F:, :60M:, :62F:, :62M:, :64:, :65:): mark, date, currency, amount. */
export interface ParsedBalance {
  balance: Balance;
  currency: string;
  date: SwiftDate;
}

const BALANCE = /^([CD])(\d{6})([A-Z]{3})(\d+(?:[,.]\d*)?)\s*$/;

export function parseBalance(value: string): ParsedBalance | undefined {
  const match = BALANCE.exec(value.trim());
  if (!match) return undefined;
  const [, mark, yymmdd, currency, raw] = match;
  const date = parseYymmdd(yymmdd!);
  const amount = swiftAmount(raw!, currency!);
  if (!date || amount === undefined) return undefined;
  const zero = /^0+(\.0*)?$/.test(amount);
  const signed = mark === 'D' && !zero ? `-${amount}` : amount;
  return { balance: { amount: signed, date: date.iso }, currency: currency!, date };
}

/** MT942 :90D:/:90C: number and sum of debit or credit entries, e.g. "1EUR2,30". */
export function parseTotals(value: string): (ControlTotals & { currency: string }) | undefined {
  const match = /^(\d+)([A-Z]{3})(\d+(?:[,.]\d*)?)\s*$/.exec(value.trim());
  if (!match) return undefined;
  const sum = swiftAmount(match[3]!, match[2]!);
  if (sum === undefined) return undefined;
  return { count: Number(match[1]), sum, currency: match[2]! };
}

/** MT942 :34F: floor limit, e.g. "EURD0,00"; only its currency matters to the statement. */
export function floorLimitCurrency(value: string): string | undefined {
  return /^([A-Z]{3})/.exec(value.trim())?.[1];
}
