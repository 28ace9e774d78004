/**
 * Builds a direct-debit run from open receivables and their mandates (pure; the store feeds it).
 * An entry due within the horizon goes in with its outstanding amount less what pending payments
 * already bring; one that cannot (no or unusable mandate, wrong currency, EPC rule broken, no
 * creditor identifier) is listed as excluded with the reason, never silently dropped.
 */
import { payableAmount, type Entry } from '../../domain/entry.js';
import { formatMinor } from '../../domain/money.js';
import { runMandateFor } from '../../domain/mandates/amendment.js';
import { collectionRefusal } from '../../domain/mandates/lifecycle.js';
import type { Mandate } from '../../domain/mandates/mandate.js';
import { isValidCreditorReference } from '../rf-reference.js';
import type { DirectDebitFormat } from './model.js';
import {
  checkAssembled,
  earliestDate,
  requestedDateFor,
  type ExcludedRecord,
  type IncludedRecord,
} from './run-builder-support.js';
import type { RunAccount, RunAddress, RunTransaction, SepaRunInput } from './run-json-schema.js';

export type RunEntry = Entry;

export interface DirectDebitCandidate {
  readonly entry: RunEntry;
  /** The active mandate of the entry's payment instrument, if there is one. */
  readonly mandate?: Mandate;
  readonly debtorAddress?: RunAddress;
}

/** The collecting business entity: creditor name, creditor identifier and bank account. */
export interface CollectingEntity {
  readonly name: string;
  readonly creditorId?: string;
  readonly account: RunAccount;
}

export interface DirectDebitRunRequest {
  readonly entity: CollectingEntity;
  readonly candidates: Iterable<DirectDebitCandidate>;
  /** Entries due on or before this date are collected. */
  readonly until: string;
  readonly today: string;
  readonly messageId: string;
  readonly batchBooking: boolean;
  readonly format?: DirectDebitFormat;
  /** The end-to-end id to store on the payment for this entry (unique, SEPA id rules). */
  readonly endToEndIdFor: (entry: RunEntry, index: number) => string;
}

export interface IncludedCollection extends IncludedRecord {
  readonly mandateReference: string;
  readonly sequenceType: string;
}

export interface DirectDebitRunPlan {
  /** The run to write; absent when nothing can be collected. */
  readonly run?: SepaRunInput;
  readonly included: readonly IncludedCollection[];
  readonly excluded: readonly ExcludedRecord[];
}

/** Why an entry someone excluded stays out, with the reason recorded on it. */
export const excludedMessage = (entry: Pick<RunEntry, 'number' | 'errorMessages'>): string =>
  `entry ${entry.number} is excluded from payment runs${entry.errorMessages.length > 0 ? `: ${entry.errorMessages.join('; ')}` : ''}`;

/** Remittance text from the entry: its number, which the payer books by, then its title (the rules shorten it to 140). */
export const remittanceFor = (entry: Pick<RunEntry, 'number' | 'title'>): string => [entry.number, entry.title].filter(Boolean).join(' ');

export function buildDirectDebitRun(request: DirectDebitRunRequest): DirectDebitRunPlan {
  const earliest = earliestDate('direct-debit', request.today);
  const excluded: ExcludedRecord[] = [];
  const assembled: { recordId: string; transaction: RunTransaction; amountMinor: bigint; mandate: Mandate }[] = [];
  let index = 0;
  for (const { entry, mandate, debtorAddress } of request.candidates) {
    if (entry.type !== 'Debit' || entry.status !== 'Open') continue;
    if (entry.dueDate !== null && entry.dueDate > request.until) continue;
    const amountMinor = payableAmount(entry);
    if (amountMinor <= 0n) continue;
    const exclude = (code: string, message: string) => excluded.push({ recordId: entry.id, code, message });
    if (entry.excludeFromPaymentRun) {
      exclude('ENTRY_EXCLUDED', excludedMessage(entry));
      continue;
    }
    if (entry.currency !== 'EUR') {
      exclude('CURRENCY_NOT_EUR', `entry ${entry.number} is in ${entry.currency}; SEPA direct debits are in EUR`);
      continue;
    }
    if (!mandate) {
      exclude('MANDATE_MISSING', `entry ${entry.number} has no active SEPA mandate`);
      continue;
    }
    const requestedDate = requestedDateFor(entry.dueDate, earliest);
    const refusal = collectionRefusal(mandate, requestedDate);
    if (refusal) {
      exclude(
        refusal,
        refusal === 'MANDATE_INACTIVE' && mandate.deactivationReason
          ? `mandate ${mandate.reference} is inactive: ${mandate.deactivationReason}`
          : `mandate ${mandate.reference} cannot be collected on ${requestedDate} (${refusal})`,
      );
      continue;
    }
    const reference = entry.paymentReference && isValidCreditorReference(entry.paymentReference) ? entry.paymentReference : undefined;
    const transaction: RunTransaction = {
      endToEndId: request.endToEndIdFor(entry, index),
      amount: formatMinor(amountMinor, 'EUR'),
      currency: 'EUR',
      counterparty: {
        name: mandate.accountHolder,
        iban: mandate.iban,
        ...(mandate.bic ? { bic: mandate.bic } : {}),
        ...(debtorAddress ? { address: debtorAddress } : {}),
      },
      remittanceInformation: remittanceFor(entry),
      remittanceReference: entry.number,
      ...(reference ? { creditorReference: reference } : {}),
      requestedDate,
      mandate: runMandateFor(mandate),
    };
    assembled.push({ recordId: entry.id, transaction, amountMinor, mandate });
    index += 1;
  }
  const checked = checkAssembled(
    {
      messageId: request.messageId,
      initiatingParty: { name: request.entity.name },
      account: request.entity.account,
      ...(request.entity.creditorId ? { creditorId: request.entity.creditorId } : {}),
      batchBooking: request.batchBooking,
    },
    assembled,
    { kind: 'direct-debit', format: request.format ?? 'pain.008.001.08', today: request.today },
  );
  const byRecord = new Map(assembled.map((a) => [a.recordId, a]));
  return {
    ...(checked.run ? { run: checked.run } : {}),
    included: checked.included.map((i) => {
      const mandate = byRecord.get(i.recordId)!.transaction.mandate!;
      return { ...i, mandateReference: mandate.id, sequenceType: mandate.sequenceType };
    }),
    excluded: [...excluded, ...checked.excluded],
  };
}
