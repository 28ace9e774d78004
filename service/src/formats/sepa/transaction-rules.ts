/**
 * EPC rules for one transaction: amount range and currency, end-to-end id, remittance
 * information (one unstructured text of 140, shortened if its reference stays, or an ISO 11649 RF
 * reference), the counterparty, the mandate for direct debits, and the collection or execution date
 * on the TARGET2 calendar.
 */
import { formatMinor, storedMinor } from '../../domain/money.js';
import { CashError } from '../../domain/errors.js';
import { isValidCreditorReference, normaliseCreditorReference } from '../rf-reference.js';
import { idProblem, isValidCreditorId } from './identifiers.js';
import type { Issues } from './issues.js';
import type { PreparedAmendment, PreparedMandate, PreparedTransaction, SepaKind } from './model.js';
import { transliterate } from './charset.js';
import { cleanText, fitText, needsBicAndAddress, normaliseIban, prepareParty, sameBank, shortenedWarning, type TextContext } from './party-rules.js';
import type { RunMandate, RunTransaction } from './run-json-schema.js';
import { isIsoDate, isTarget2BusinessDay, nextBusinessDay, parseIsoDate, toIsoDate } from './target2-calendar.js';

export const MIN_AMOUNT = 1n;
export const MAX_AMOUNT = 99_999_999_999n;
export const MAX_REMITTANCE = 140;

export interface TransactionContext extends TextContext {
  readonly kind: SepaKind;
  readonly legacy: boolean;
  /** Today in the bank's calendar (ISO date), for the earliest allowed date. */
  readonly today: string;
  readonly runDate: string;
}

/** Checks an EPC identifier, reporting which rule it breaks. */
export function checkId(value: string, field: string, issues: Issues): void {
  const problem = idProblem(value);
  if (!problem) return;
  const reasons = {
    EMPTY: 'is empty',
    TOO_LONG: `has ${value.length} characters, at most 35 are allowed`,
    CHARSET: 'may only contain A-Z a-z 0-9 / - ? : ( ) . , \' + and no spaces',
    SLASH: 'must not start or end with "/" nor contain "//"',
  } as const;
  issues.problem('ID_INVALID', `${field} "${value}" ${reasons[problem]}`, field);
}

function prepareAmount(raw: RunTransaction, issues: Issues): bigint {
  if (raw.currency !== 'EUR') {
    issues.problem('CURRENCY_NOT_EUR', `SEPA payments are in EUR, not "${raw.currency}"`, 'currency');
    return 0n;
  }
  try {
    // the range check below reports SEPA's own limits for a file run
    const minor = storedMinor(raw.amount, 'EUR');
    if (minor < MIN_AMOUNT || minor > MAX_AMOUNT) {
      issues.problem('AMOUNT_OUT_OF_RANGE', `amount ${raw.amount} is outside 0.01 to 999999999.99 EUR`, 'amount');
    }
    return minor;
  } catch (error) {
    if (!(error instanceof CashError)) throw error;
    issues.problem(error.code, error.message, 'amount');
    return 0n;
  }
}

/** Checks a date as collection or execution date: a TARGET2 business day, early enough. */
export function checkRequestedDate(value: string, field: string, ctx: TransactionContext): void {
  const date = parseIsoDate(value);
  if (!date) {
    ctx.issues.problem('DATE_INVALID', `${field} "${value}" is not a calendar date`, field);
    return;
  }
  if (!isTarget2BusinessDay(date)) {
    ctx.issues.problem('DATE_NOT_BUSINESS_DAY', `${field} ${value} is not a TARGET2 business day`, field);
  }
  const today = parseIsoDate(ctx.today);
  if (!today) return;
  // Direct debits reach the debtor bank one interbank business day before the due date (D-1).
  const earliest = ctx.kind === 'direct-debit' ? nextBusinessDay(today) : today;
  if (date.getTime() < earliest.getTime()) {
    const what = ctx.kind === 'direct-debit' ? 'at least one business day after today' : 'today or later';
    ctx.issues.problem('DATE_TOO_EARLY', `${field} ${value} must be ${what} (earliest ${toIsoDate(earliest)})`, field);
  }
}

function prepareAmendment(
  raw: NonNullable<RunMandate['amendment']>,
  debtorIban: string,
  issues: Issues,
): PreparedAmendment | undefined {
  const amendment: { -readonly [K in keyof PreparedAmendment]: PreparedAmendment[K] } = {};
  if (raw.originalMandateId !== undefined) {
    checkId(raw.originalMandateId, 'mandate.amendment.originalMandateId', issues);
    amendment.originalMandateId = raw.originalMandateId;
  }
  if (raw.originalCreditorId !== undefined) {
    if (!isValidCreditorId(raw.originalCreditorId)) {
      issues.problem('CREDITOR_ID_INVALID', `original creditor id "${raw.originalCreditorId}" is not a valid SEPA creditor identifier`, 'mandate.amendment.originalCreditorId');
    }
    amendment.originalCreditorId = raw.originalCreditorId.replace(/\s+/g, '').toUpperCase();
  }
  if (raw.originalDebtorIban !== undefined) {
    const old = normaliseIban(raw.originalDebtorIban, 'mandate.amendment.originalDebtorIban', issues);
    amendment.originalDebtorAccount = sameBank(old, debtorIban) ? { iban: old } : 'SMNDA';
  }
  return Object.keys(amendment).length > 0 ? amendment : undefined;
}

function prepareMandate(raw: RunMandate, debtorIban: string, date: string, issues: Issues): PreparedMandate {
  checkId(raw.id, 'mandate.id', issues);
  if (!isIsoDate(raw.signatureDate)) {
    issues.problem('DATE_INVALID', `mandate.signatureDate "${raw.signatureDate}" is not a calendar date`, 'mandate.signatureDate');
  } else if (isIsoDate(date) && raw.signatureDate > date) {
    // ISO calendar dates compare correctly as text.
    issues.problem('MANDATE_SIGNED_AFTER_COLLECTION', `mandate ${raw.id} is signed on ${raw.signatureDate}, after the collection date ${date}`, 'mandate.signatureDate');
  }
  const amendment = raw.amendment ? prepareAmendment(raw.amendment, debtorIban, issues) : undefined;
  return {
    id: raw.id,
    signatureDate: raw.signatureDate,
    scheme: raw.scheme,
    sequenceType: raw.sequenceType,
    ...(amendment ? { amendment } : {}),
  };
}

/**
 * The unstructured remittance text, at most 140 characters. A longer one is cut with a warning, as
 * long as the reference the payee books by (invoice number, payment reference) stays in it; one
 * that would lose it is refused, so the payment is left out with the reason rather than sent
 * unrecognisable.
 */
function remittanceText(value: string, reference: string | undefined, ctx: TransactionContext): string {
  const field = 'remittanceInformation';
  const text = cleanText(value, field, ctx);
  if (text.length <= MAX_REMITTANCE) return text;
  const written = fitText(text, MAX_REMITTANCE);
  const kept = reference === undefined ? undefined : transliterate(reference, ctx.charset).value;
  if (kept !== undefined && !written.includes(kept)) {
    ctx.issues.problem(
      'REMITTANCE_REFERENCE_LOST',
      `${field} has ${text.length} characters, at most ${MAX_REMITTANCE} are allowed, and shortening it would lose the reference "${kept}"`,
      field,
    );
    return text;
  }
  shortenedWarning(field, text, written, MAX_REMITTANCE, ctx);
  return written;
}

export function prepareTransaction(
  raw: RunTransaction,
  index: number,
  endToEndId: string,
  ctx: TransactionContext,
): PreparedTransaction {
  const { issues } = ctx;
  checkId(endToEndId, 'endToEndId', issues);
  const amountMinor = prepareAmount(raw, issues);
  const role = ctx.kind === 'direct-debit' ? 'debtor' : 'creditor';
  const counterparty = prepareParty(raw.counterparty, role, ctx, ctx.legacy);
  if (needsBicAndAddress(counterparty.iban)) {
    if (!counterparty.bic) {
      issues.problem('BIC_REQUIRED', `${role}.bic is required for an IBAN of ${counterparty.iban.slice(0, 2)} (SEPA outside the EEA)`, `${role}.bic`);
    }
    if (!counterparty.address) {
      issues.problem('ADDRESS_REQUIRED', `${role}.address is required for an IBAN of ${counterparty.iban.slice(0, 2)} (SEPA outside the EEA)`, `${role}.address`);
    }
  }
  const requestedDate = raw.requestedDate ?? ctx.runDate;
  if (raw.requestedDate !== undefined) checkRequestedDate(raw.requestedDate, 'requestedDate', ctx);

  let creditorReference: string | undefined;
  if (raw.creditorReference !== undefined) {
    creditorReference = normaliseCreditorReference(raw.creditorReference);
    if (!isValidCreditorReference(creditorReference)) {
      issues.problem('CREDITOR_REFERENCE_INVALID', `creditorReference "${raw.creditorReference}" is not a valid ISO 11649 RF reference`, 'creditorReference');
    }
  }
  let remittanceInformation: string | undefined;
  if (raw.remittanceInformation !== undefined && raw.remittanceInformation.trim() !== '') {
    if (creditorReference) {
      // SEPA carries either structured or unstructured remittance, and the EPC subset of the
      // structured block holds the creditor reference only: the RF reference wins.
      issues.warning(
        'REMITTANCE_TEXT_DROPPED',
        `remittanceInformation "${raw.remittanceInformation}" is not sent: the RF creditor reference ${creditorReference} is`,
        'remittanceInformation',
      );
    } else {
      remittanceInformation = remittanceText(raw.remittanceInformation, raw.remittanceReference, ctx);
    }
  }

  let mandate: PreparedMandate | undefined;
  if (ctx.kind === 'direct-debit') {
    if (raw.mandate) mandate = prepareMandate(raw.mandate, counterparty.iban, requestedDate, issues);
    else issues.problem('MANDATE_MISSING', 'a direct debit needs a mandate', 'mandate');
  } else if (raw.mandate) {
    issues.problem('MANDATE_NOT_ALLOWED', 'a credit transfer has no mandate', 'mandate');
  }
  return {
    index,
    endToEndId,
    amountMinor,
    amount: amountMinor > 0n ? formatMinor(amountMinor, 'EUR') : raw.amount,
    requestedDate,
    counterparty,
    ...(remittanceInformation ? { remittanceInformation } : {}),
    ...(creditorReference ? { creditorReference } : {}),
    ...(mandate ? { mandate } : {}),
  };
}
