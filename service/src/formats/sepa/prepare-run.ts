/**
 * Applies every EPC rule to a run before anything is written. By default one invalid transaction
 * refuses the whole file and every problem is listed; with `skipInvalid` the valid rest is kept and
 * the others are reported as excluded. The source is read twice (check, then write), never held as
 * XML, so a run of any size is prepared with memory for its ids only.
 */
import { randomUUID } from 'node:crypto';
import { isValidCreditorId } from './identifiers.js';
import { DiscardedIssues, Issues } from './issues.js';
import {
  isLegacyFormat,
  type PaymentBlock,
  type PreparedRun,
  type PreparedTransaction,
  type SepaFormat,
  type SepaIssue,
  type SepaKind,
} from './model.js';
import { MAX_NAME, prepareParty, shortenedText } from './party-rules.js';
import type { RunTransaction, SepaRunInput } from './run-json-schema.js';
import { checkId, checkRequestedDate, prepareTransaction, type TransactionContext } from './transaction-rules.js';

export interface PrepareOptions {
  readonly kind: SepaKind;
  readonly format: SepaFormat;
  /** Today's date (ISO) for the earliest collection or execution date. */
  readonly today: string;
  /** Creation time written to the file; defaults to now. */
  readonly now?: Date;
  readonly skipInvalid?: boolean;
}

export interface PrepareResult {
  /** Absent when the file is refused. */
  readonly run?: PreparedRun;
  readonly problems: readonly SepaIssue[];
  readonly warnings: readonly SepaIssue[];
  /** Positions of the transactions left out (only with skipInvalid). */
  readonly excluded: readonly number[];
}

const PLACEHOLDER_ID = 'NOTPROVIDED';

function generatedMessageId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `CM-${stamp}-${randomUUID().slice(0, 8)}`;
}

/** Generated end-to-end ids carry the message id, so they are unique across files too. */
const generatedEndToEndId = (messageId: string, index: number): string => `${messageId.slice(0, 24)}-${index + 1}`;

/** One payment-information block per date, and for direct debits per scheme and sequence type. */
const blockKeyOf = (raw: RunTransaction, runDate: string, kind: SepaKind): string => {
  const date = raw.requestedDate ?? runDate;
  return kind === 'direct-debit' && raw.mandate ? `${date}|${raw.mandate.scheme}|${raw.mandate.sequenceType}` : date;
};

export function prepareRun(input: SepaRunInput, options: PrepareOptions): PrepareResult {
  const { kind, format } = options;
  const legacy = isLegacyFormat(format);
  const now = options.now ?? new Date();
  const charset = input.account.charset ?? 'epc';
  const file = new Issues();
  const warnings: SepaIssue[] = [];
  const problems: SepaIssue[] = [];

  const messageId = input.messageId ?? generatedMessageId(now);
  checkId(messageId, 'messageId', file);
  const fileCtx: TransactionContext = { issues: file, charset, kind, legacy, today: options.today, runDate: input.requestedDate };
  const initiatingPartyName = shortenedText(input.initiatingParty.name, 'initiatingParty.name', MAX_NAME, fileCtx);
  const account = prepareParty(input.account, 'account', fileCtx, legacy);
  checkRequestedDate(input.requestedDate, 'requestedDate', fileCtx);
  let creditorId: string | undefined;
  if (kind === 'direct-debit') {
    creditorId = input.creditorId?.replace(/\s+/g, '').toUpperCase();
    if (!creditorId) file.problem('CREDITOR_ID_MISSING', 'a direct-debit run needs the creditor identifier', 'creditorId');
    else if (!isValidCreditorId(creditorId)) {
      file.problem('CREDITOR_ID_INVALID', `creditorId "${input.creditorId}" is not a valid SEPA creditor identifier`, 'creditorId');
    }
  } else if (input.creditorId !== undefined) {
    file.warning('CREDITOR_ID_IGNORED', 'creditorId is only used for direct debits', 'creditorId');
  }

  const seen = new Set<string>();
  const excluded = new Set<number>();
  const blocks = new Map<string, { count: number; totalMinor: bigint; sample: PreparedTransaction }>();
  let index = 0;
  for (const raw of input.transactions) {
    const issues = new Issues(index);
    const provided = raw.endToEndId && raw.endToEndId !== PLACEHOLDER_ID ? raw.endToEndId : undefined;
    const endToEndId = provided ?? generatedEndToEndId(messageId, index);
    const tx = prepareTransaction(raw, index, endToEndId, { ...fileCtx, issues });
    if (seen.has(endToEndId)) {
      issues.problem('END_TO_END_ID_DUPLICATE', `endToEndId "${endToEndId}" is used more than once`, 'endToEndId');
    }
    seen.add(endToEndId);
    for (const w of issues.warnings) warnings.push({ ...w, endToEndId });
    if (issues.failed) {
      for (const p of issues.problems) problems.push({ ...p, endToEndId });
      excluded.add(index);
    } else {
      const key = blockKeyOf(raw, input.requestedDate, kind);
      const block = blocks.get(key);
      if (block) {
        block.count += 1;
        block.totalMinor += tx.amountMinor;
      } else blocks.set(key, { count: 1, totalMinor: tx.amountMinor, sample: tx });
    }
    index += 1;
  }
  if (index === 0) file.problem('RUN_EMPTY', 'the run has no transactions', 'transactions');
  else if (blocks.size === 0 && options.skipInvalid) file.problem('RUN_NOTHING_VALID', 'no transaction of the run is valid', 'transactions');

  const allProblems = [...file.problems, ...problems];
  const allWarnings = [...file.warnings, ...warnings];
  const refused = file.failed || (problems.length > 0 && !options.skipInvalid);
  if (refused) return { problems: allProblems, warnings: allWarnings, excluded: options.skipInvalid ? [...excluded] : [] };

  const paymentBlocks: PaymentBlock[] = [...blocks.entries()].map(([key, block], i) => ({
    key,
    id: `${messageId.slice(0, 30)}-${i + 1}`,
    requestedDate: block.sample.requestedDate,
    ...(block.sample.mandate
      ? { scheme: block.sample.mandate.scheme, sequenceType: block.sample.mandate.sequenceType }
      : {}),
    count: block.count,
    totalMinor: block.totalMinor,
  }));

  // Writing normalises each transaction again from the source instead of keeping it: the checks
  // passed already, so the costly validity tests are skipped (trusted).
  const trusted: TransactionContext = { ...fileCtx, issues: new DiscardedIssues(), trusted: true };
  function* transactions(blockKey?: string): Iterable<PreparedTransaction> {
    let i = 0;
    for (const raw of input.transactions) {
      if (!excluded.has(i) && (blockKey === undefined || blockKeyOf(raw, input.requestedDate, kind) === blockKey)) {
        const provided = raw.endToEndId && raw.endToEndId !== PLACEHOLDER_ID ? raw.endToEndId : undefined;
        yield prepareTransaction(raw, i, provided ?? generatedEndToEndId(messageId, i), trusted);
      }
      i += 1;
    }
  }

  const run: PreparedRun = {
    kind,
    format,
    messageId,
    creationDateTime: now.toISOString().slice(0, 19),
    initiatingPartyName,
    account,
    charset,
    ...(creditorId ? { creditorId } : {}),
    batchBooking: input.batchBooking ?? true,
    blocks: paymentBlocks,
    count: paymentBlocks.reduce((n, b) => n + b.count, 0),
    totalMinor: paymentBlocks.reduce((n, b) => n + b.totalMinor, 0n),
    transactions,
  };
  return { run, problems: allProblems, warnings: allWarnings, excluded: [...excluded] };
}
