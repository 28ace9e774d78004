/**
 * Shared steps of building a run from ledger records: the collection or execution date on the
 * TARGET2 calendar, and checking the assembled run with the EPC rules so that whatever they refuse
 * is listed as excluded (with the reason) instead of refusing the whole run.
 */
import type { SepaFormat, SepaIssue, SepaKind } from './model.js';
import { prepareRun } from './prepare-run.js';
import type { RunTransaction, SepaRunInput } from './run-json-schema.js';
import { isTarget2BusinessDay, nextBusinessDay, parseIsoDate, toIsoDate } from './target2-calendar.js';

export interface ExcludedRecord {
  readonly recordId: string;
  readonly code: string;
  readonly message: string;
}

export interface IncludedRecord {
  readonly recordId: string;
  readonly endToEndId: string;
  readonly amount: string;
  readonly amountMinor: bigint;
  readonly requestedDate: string;
}

/** The due date moved to the earliest allowed day and then to a TARGET2 business day. */
export function requestedDateFor(dueDate: string | null, earliest: string): string {
  const wanted = dueDate !== null && dueDate > earliest ? dueDate : earliest;
  let date = parseIsoDate(wanted)!;
  while (!isTarget2BusinessDay(date)) date = nextBusinessDay(date);
  return toIsoDate(date);
}

/** Direct debits are presented at least one business day ahead; transfers may execute today. */
export function earliestDate(kind: SepaKind, today: string): string {
  const date = parseIsoDate(today)!;
  if (kind === 'direct-debit') return toIsoDate(nextBusinessDay(date));
  return isTarget2BusinessDay(date) ? today : toIsoDate(nextBusinessDay(date));
}

const describe = (issues: readonly SepaIssue[]): string => issues.map((i) => i.message).join('; ');

/**
 * Applies the EPC rules to the assembled transactions; returns the run of those that pass and
 * moves the others to the excluded list. File-level problems (creditor id, own account) exclude all.
 */
export function checkAssembled(
  base: Omit<SepaRunInput, 'transactions' | 'requestedDate'>,
  assembled: readonly { readonly recordId: string; readonly transaction: RunTransaction; readonly amountMinor: bigint }[],
  options: { readonly kind: SepaKind; readonly format: SepaFormat; readonly today: string },
): { run?: SepaRunInput; included: IncludedRecord[]; excluded: ExcludedRecord[] } {
  if (assembled.length === 0) return { included: [], excluded: [] };
  const requestedDate = assembled[0]!.transaction.requestedDate!;
  const input: SepaRunInput = { ...base, requestedDate, transactions: assembled.map((a) => a.transaction) };
  const result = prepareRun(input, { ...options, skipInvalid: true });
  // "Nothing valid" only sums up the transactions' own problems, which are listed one by one.
  const fileProblems = result.problems.filter((p) => p.transaction === undefined && p.code !== 'RUN_NOTHING_VALID');
  if (fileProblems.length > 0) {
    const code = fileProblems[0]!.code;
    return { included: [], excluded: assembled.map((a) => ({ recordId: a.recordId, code, message: describe(fileProblems) })) };
  }
  const excludedIndices = new Set(result.excluded);
  const excluded = result.excluded.map((index) => {
    const problems = result.problems.filter((p) => p.transaction === index);
    return { recordId: assembled[index]!.recordId, code: problems[0]!.code, message: describe(problems) };
  });
  const kept = assembled.filter((_, index) => !excludedIndices.has(index));
  const included = kept.map((a) => ({
    recordId: a.recordId,
    endToEndId: a.transaction.endToEndId!,
    amount: a.transaction.amount,
    amountMinor: a.amountMinor,
    requestedDate: a.transaction.requestedDate!,
  }));
  if (kept.length === 0) return { included, excluded };
  return {
    run: { ...input, requestedDate: kept[0]!.transaction.requestedDate!, transactions: kept.map((a) => a.transaction) },
    included,
    excluded,
  };
}
