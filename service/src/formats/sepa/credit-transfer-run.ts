/**
 * Builds a credit-transfer run from approved payables and approved refunds (pure; the store feeds
 * it). Unapproved records, missing or invalid bank details and other broken EPC rules put a record
 * on the excluded list with the reason instead of into the file.
 */
import { payableAmount } from '../../domain/entry.js';
import { formatMinor } from '../../domain/money.js';
import type { Refund } from '../../domain/refund.js';
import { isValidCreditorReference } from '../rf-reference.js';
import type { RunEntry } from './direct-debit-run.js';
import { excludedMessage, remittanceFor } from './direct-debit-run.js';
import type { CreditTransferFormat } from './model.js';
import {
  checkAssembled,
  earliestDate,
  requestedDateFor,
  type ExcludedRecord,
  type IncludedRecord,
} from './run-builder-support.js';
import type { RunAccount, RunCounterparty, RunTransaction, SepaRunInput } from './run-json-schema.js';

export type CreditTransferCandidate =
  | { readonly kind: 'payable'; readonly entry: RunEntry; readonly creditor?: RunCounterparty }
  | {
      readonly kind: 'refund';
      readonly refund: Pick<Refund, 'id' | 'currency' | 'amount' | 'status' | 'method' | 'reason'>;
      readonly creditor?: RunCounterparty;
      readonly remittanceInformation?: string;
    };

export interface CreditTransferRunRequest {
  readonly payer: { readonly name: string; readonly account: RunAccount };
  readonly candidates: Iterable<CreditTransferCandidate>;
  /** Payables due on or before this date are paid. */
  readonly until: string;
  readonly today: string;
  readonly messageId: string;
  readonly batchBooking: boolean;
  readonly format?: CreditTransferFormat;
  readonly endToEndIdFor: (recordId: string, index: number) => string;
}

export interface CreditTransferRunPlan {
  readonly run?: SepaRunInput;
  readonly included: readonly IncludedRecord[];
  readonly excluded: readonly ExcludedRecord[];
}

interface Assembly {
  recordId: string;
  amountMinor: bigint;
  dueDate: string | null;
  remittance: string;
  /** What the remittance text must keep when the rules shorten it (none for a refund's reason). */
  textReference?: string;
  /** A valid RF creditor reference, sent structured instead of the text. */
  reference?: string;
  creditor?: RunCounterparty;
}

/** What a candidate would pay, or why it cannot be paid; undefined when it is simply not due. */
function assemble(candidate: CreditTransferCandidate, until: string): Assembly | ExcludedRecord | undefined {
  if (candidate.kind === 'refund') {
    const { refund } = candidate;
    if (refund.method !== 'SEPA Credit Transfer' || refund.status === 'Prepared') {
      if (refund.status !== 'Prepared') return undefined;
      return { recordId: refund.id, code: 'REFUND_NOT_APPROVED', message: `refund ${refund.id} is not approved yet` };
    }
    if (refund.status !== 'Approved') return undefined;
    if (refund.currency !== 'EUR') {
      return { recordId: refund.id, code: 'CURRENCY_NOT_EUR', message: `refund ${refund.id} is in ${refund.currency}; SEPA transfers are in EUR` };
    }
    return {
      recordId: refund.id,
      amountMinor: refund.amount,
      dueDate: null,
      remittance: candidate.remittanceInformation ?? refund.reason ?? `Refund ${refund.id}`,
      ...(candidate.creditor ? { creditor: candidate.creditor } : {}),
    };
  }
  const { entry } = candidate;
  if (entry.type !== 'Credit' || entry.status !== 'Open') return undefined;
  if (entry.dueDate !== null && entry.dueDate > until) return undefined;
  const amountMinor = -payableAmount(entry);
  if (amountMinor <= 0n) return undefined;
  if (entry.excludeFromPaymentRun) {
    return { recordId: entry.id, code: 'ENTRY_EXCLUDED', message: excludedMessage(entry) };
  }
  if (entry.creditApproval !== 'approved') {
    return { recordId: entry.id, code: 'ENTRY_NOT_APPROVED', message: `payable ${entry.number} is not approved for payment` };
  }
  if (entry.currency !== 'EUR') {
    return { recordId: entry.id, code: 'CURRENCY_NOT_EUR', message: `entry ${entry.number} is in ${entry.currency}; SEPA transfers are in EUR` };
  }
  const reference = entry.paymentReference && isValidCreditorReference(entry.paymentReference) ? entry.paymentReference : undefined;
  return {
    recordId: entry.id,
    amountMinor,
    dueDate: entry.dueDate,
    remittance: reference ? '' : entry.paymentReference ?? remittanceFor(entry),
    ...(reference ? { reference } : { textReference: entry.paymentReference ?? entry.number }),
    ...(candidate.creditor ? { creditor: candidate.creditor } : {}),
  };
}

export function buildCreditTransferRun(request: CreditTransferRunRequest): CreditTransferRunPlan {
  const earliest = earliestDate('credit-transfer', request.today);
  const excluded: ExcludedRecord[] = [];
  const assembled: { recordId: string; transaction: RunTransaction; amountMinor: bigint }[] = [];
  for (const candidate of request.candidates) {
    const result = assemble(candidate, request.until);
    if (result === undefined) continue;
    if ('code' in result) {
      excluded.push(result);
      continue;
    }
    if (!result.creditor) {
      excluded.push({ recordId: result.recordId, code: 'CREDITOR_ACCOUNT_MISSING', message: `no bank account to pay ${result.recordId} to` });
      continue;
    }
    const transaction: RunTransaction = {
      endToEndId: request.endToEndIdFor(result.recordId, assembled.length),
      amount: formatMinor(result.amountMinor, 'EUR'),
      currency: 'EUR',
      counterparty: result.creditor,
      ...(result.remittance ? { remittanceInformation: result.remittance } : {}),
      ...(result.textReference ? { remittanceReference: result.textReference } : {}),
      ...(result.reference ? { creditorReference: result.reference } : {}),
      requestedDate: requestedDateFor(result.dueDate, earliest),
    };
    assembled.push({ recordId: result.recordId, transaction, amountMinor: result.amountMinor });
  }
  const checked = checkAssembled(
    {
      messageId: request.messageId,
      initiatingParty: { name: request.payer.name },
      account: request.payer.account,
      batchBooking: request.batchBooking,
    },
    assembled,
    { kind: 'credit-transfer', format: request.format ?? 'pain.001.001.09', today: request.today },
  );
  return {
    ...(checked.run ? { run: checked.run } : {}),
    included: checked.included,
    excluded: [...excluded, ...checked.excluded],
  };
}
