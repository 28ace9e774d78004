import type { Party } from '../statement/model.js';

/** What the reader takes from an :86: information field, whatever its dialect. */
export interface Information {
  /** Posting text: DK ?00, Dutch /TRTP/, a layout's leading type word. */
  postingText: string | null;
  /** German business transaction code (Geschäftsvorfallcode), "166". */
  transactionCode: string | null;
  remittance: string | null;
  endToEndId: string | null;
  mandateId: string | null;
  creditorId: string | null;
  /** SEPA KREF+ (the ordering customer's reference). */
  customerReference: string | null;
  /** Dutch /PREF/: the payment information id of a batch. */
  paymentInformationId: string | null;
  counterparty: Party | null;
  ultimateCounterparty: Party | null;
  returnReason: string | null;
  creditorReference: string | null;
  creditorReferenceType: string | null;
  /** Charges as "CCY amount", e.g. from /CHGS/EUR0,5/. */
  charges: string | null;
  purpose: string | null;
  /** Text that belongs to the booking but to none of the fields above. */
  other: string | null;
}

export const emptyInformation = (): Information => ({
  postingText: null,
  transactionCode: null,
  remittance: null,
  endToEndId: null,
  mandateId: null,
  creditorId: null,
  customerReference: null,
  paymentInformationId: null,
  counterparty: null,
  ultimateCounterparty: null,
  returnReason: null,
  creditorReference: null,
  creditorReferenceType: null,
  charges: null,
  purpose: null,
  other: null,
});

/** Collapses the spaces that wrapping and padding leave; empty becomes null. */
export function clean(text: string | null | undefined): string | null {
  if (!text) return null;
  const value = (/\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
  return value ? value : null;
}

/** SEPA says "NOTPROVIDED" where a reference is absent. */
export function reference(text: string | null | undefined): string | null {
  const value = clean(text);
  return value && value.toUpperCase() !== 'NOTPROVIDED' ? value : null;
}
