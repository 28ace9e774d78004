import type { StatementItem, TransactionDetail } from '../statement/model.js';
import { swiftAmount } from './amounts.js';
import type { Information } from './information.js';
import { makeParty } from './parties.js';
import type { StatementLine } from './statement-line.js';

const ORIGINAL_AMOUNT = /\/OCMT\/([A-Z]{3})(\d+(?:,\d*)?)\//;
const TRANSACTION_CODE = /\/TRCD\/([^/]+)\//;
const ACCOUNT_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;

/**
 * One booked entry from its :61: line and :86: information. The amount is unsigned with the
 * direction in creditDebit; the single transaction detail repeats the references, as camt's
 * TxDtls does for a plain entry.
 */
export function buildItem(
  line: StatementLine,
  info: Information,
  currency: string | null,
): StatementItem | undefined {
  const amount = swiftAmount(line.amount, currency);
  if (amount === undefined) return undefined;
  const supplementary = line.supplementary;
  // Rabobank puts the counter account on the :61: continuation line.
  const supplementaryAccount = supplementary && ACCOUNT_SHAPE.test(supplementary) ? supplementary : null;
  const fromLine = makeParty(null, supplementaryAccount, null);
  const counterparty =
    info.counterparty && fromLine && !info.counterparty.iban && !info.counterparty.other
      ? { ...info.counterparty, iban: fromLine.iban, other: fromLine.other ?? null }
      : (info.counterparty ?? fromLine);
  const bankCode =
    info.transactionCode ?? (supplementary ? TRANSACTION_CODE.exec(supplementary)?.[1] : undefined) ?? null;
  const proprietary = line.typeCode && bankCode ? `${line.typeCode}+${bankCode}` : (line.typeCode ?? bankCode);
  const additional = joinPresent(info.postingText, info.other, supplementaryAccount ? null : supplementary);
  const charges = info.charges ? chargesAmount(info.charges, currency) : null;
  const original = supplementary ? ORIGINAL_AMOUNT.exec(supplementary) : null;
  const originalAmount = original ? swiftAmount(original[2]!, original[1]!) : undefined;

  const detail: TransactionDetail = {
    amount: originalAmount ?? amount,
    currency: originalAmount ? original![1]! : currency,
    creditDebit: line.creditDebit,
    endToEndId: info.endToEndId,
    instructionId: info.customerReference ?? line.customerReference,
    mandateId: info.mandateId,
    creditorId: info.creditorId,
    uetr: null,
    accountServicerReference: line.bankReference,
    remittanceInformation: info.remittance,
    creditorReference: info.creditorReference,
    creditorReferenceType: info.creditorReferenceType,
    counterparty,
    ultimateCounterparty: info.ultimateCounterparty,
    returnReason: info.returnReason,
    charges,
    proprietaryBankTransactionCode: proprietary,
    purpose: info.purpose,
  };
  return {
    amount,
    currency,
    creditDebit: line.creditDebit,
    reversal: line.reversal,
    status: 'BOOK',
    bookingDate: line.entryDate?.iso ?? line.valueDate.iso,
    valueDate: line.valueDate.iso,
    remittanceInformation: info.remittance,
    endToEndId: info.endToEndId,
    creditorReference: info.creditorReference,
    creditorReferenceType: info.creditorReferenceType,
    counterparty,
    ultimateCounterparty: info.ultimateCounterparty,
    bankTransactionCode: null,
    proprietaryBankTransactionCode: proprietary,
    accountServicerReference: line.bankReference,
    entryReference: null,
    mandateId: info.mandateId,
    creditorId: info.creditorId,
    uetr: null,
    returnReason: info.returnReason,
    charges,
    additionalInformation: additional,
    batch: info.paymentInformationId
      ? { count: null, amount: null, paymentInformationId: info.paymentInformationId, messageId: null }
      : null,
    details: [detail],
  };
}

function joinPresent(...parts: (string | null)[]): string | null {
  let text: string | null = null;
  for (const part of parts) if (part) text = text === null ? part : `${text} | ${part}`;
  return text;
}

/** "EUR0,5" or "0,5" → "0.50" in the given currency. */
function chargesAmount(raw: string, currency: string | null): string | null {
  const match = /^([A-Z]{3})?(\d+(?:,\d*)?)$/.exec(raw);
  if (!match) return null;
  return swiftAmount(match[2]!, match[1] ?? currency) ?? null;
}
