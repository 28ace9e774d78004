import { classifyReference } from '../statement/creditor-reference.js';
import { dutchPairs, isDutchStructured, parseDutch } from './dutch.js';
import { parseFreeText } from './free-text.js';
import { parseGerman } from './german.js';
import type { Information } from './information.js';

/** SWIFT lines hold 65 characters; a full line was wrapped, a shorter one ended on purpose. */
const SWIFT_LINE = 65;
const TAG_WIDTH = ':86:'.length;
const RF_IN_TEXT = /\bRF\d{2}(?: ?[0-9A-Z]{1,4}){1,6}\b/;
const CHARGES = /\/CHGS\/([A-Z]{3})?(\d+(?:[,.]\d*)?)\//;

/**
 * Reads an :86: field in whichever dialect it is written. Structured dialects wrap anywhere,
 * even inside a subfield mark, so their lines are joined without separator; free text keeps a
 * space where a line ended short of the SWIFT width.
 */
export function readInformation(lines: string[]): Information {
  const tight = lines.length === 1 ? lines[0]! : lines.join('');
  let info: Information | undefined = parseGerman(tight);
  if (!info) info = isDutchStructured(tight) ? parseDutch(tight) : parseFreeText(joinFreeText(lines));
  if (!info.charges && tight.includes('/CHGS/')) {
    const charges = CHARGES.exec(tight);
    if (charges) info.charges = `${charges[1] ?? ''}${charges[2]!}`;
  }
  if (!info.creditorReference && info.remittance?.includes('RF')) {
    const rf = RF_IN_TEXT.exec(info.remittance);
    const classified = rf ? classifyReference(rf[0], null) : undefined;
    if (classified?.type === 'RF') {
      info.creditorReference = classified.reference;
      info.creditorReferenceType = 'RF';
    }
  }
  return info;
}

function joinFreeText(lines: string[]): string {
  let text = lines[0] ?? '';
  for (let n = 1; n < lines.length; n += 1) {
    const previous = lines[n - 1]!.length + (n === 1 ? TAG_WIDTH : 0);
    text += previous >= SWIFT_LINE ? lines[n]! : ` ${lines[n]!}`;
  }
  return text;
}

/**
 * Statement-level :86: after the closing balance. ING states control totals there:
 * "/SUM/debit count/credit count/debit sum/credit sum/".
 */
export function readStatementSummary(lines: string[]): { debits: [number, string]; credits: [number, string] } | null {
  const tight = lines.join('');
  if (!tight.startsWith('/SUM/')) return null;
  const sum = dutchPairs(tight).find(([key]) => key === 'SUM')?.[1].split('/');
  if (!sum || sum.length < 4 || !sum.slice(0, 2).every((v) => /^\d+$/.test(v))) return null;
  return {
    debits: [Number(sum[0]), sum[2]!],
    credits: [Number(sum[1]), sum[3]!],
  };
}
