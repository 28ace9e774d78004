/**
 * Mandate amendments: a changed IBAN, mandate reference or creditor identifier must be reported
 * with the next collection (AmdmntInd with the original values), after which the bank knows the new
 * data. Several changes before one collection report the values the bank last saw.
 */
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { invalid } from '../errors.js';
import { idProblem } from '../../formats/sepa/identifiers.js';
import type { RunMandate } from '../../formats/sepa/run-json-schema.js';
import { sequenceTypeFor } from './lifecycle.js';
import type { Mandate, MandateAmendment } from './mandate.js';

export interface MandateChanges {
  readonly reference?: string;
  readonly iban?: string;
  readonly bic?: string;
  readonly accountHolder?: string;
}

export function amendMandate(mandate: Mandate, changes: MandateChanges): Mandate {
  const pending: { -readonly [K in keyof MandateAmendment]: MandateAmendment[K] } = { ...mandate.amendment };
  let next: Mandate = mandate;
  if (changes.reference !== undefined && changes.reference !== mandate.reference) {
    const problem = idProblem(changes.reference);
    if (problem) throw invalid('MANDATE_INVALID', `reference "${changes.reference}" breaks the SEPA identifier rules (${problem})`);
    pending.originalReference ??= mandate.reference;
    next = { ...next, reference: changes.reference };
  }
  if (changes.iban !== undefined) {
    const iban = electronicFormatIBAN(changes.iban) ?? '';
    if (!isValidIBAN(iban)) throw invalid('MANDATE_INVALID', `IBAN "${changes.iban}" is not valid`);
    if (iban !== mandate.iban) {
      pending.originalIban ??= mandate.iban;
      next = { ...next, iban };
    }
  }
  if (changes.bic !== undefined) next = { ...next, bic: changes.bic.replace(/\s+/g, '').toUpperCase() };
  if (changes.accountHolder !== undefined) next = { ...next, accountHolder: changes.accountHolder.trim() };
  // A change back to what the bank knows is no amendment any more.
  if (pending.originalReference === next.reference) delete pending.originalReference;
  if (pending.originalIban === next.iban) delete pending.originalIban;
  const { amendment: _old, ...rest } = next;
  return Object.keys(pending).length > 0 ? { ...rest, amendment: pending } : rest;
}

/** Records that the creditor's identifier changed, to be reported with each mandate's next collection. */
export function amendCreditorId(mandate: Mandate, previousCreditorId: string): Mandate {
  return { ...mandate, amendment: { originalCreditorId: previousCreditorId, ...mandate.amendment } };
}

/** The mandate part of a RUN.json transaction for its next collection. */
export function runMandateFor(mandate: Mandate): RunMandate {
  const amendment = mandate.amendment;
  return {
    id: mandate.reference,
    signatureDate: mandate.signatureDate,
    scheme: mandate.scheme,
    sequenceType: sequenceTypeFor(mandate),
    ...(amendment && Object.keys(amendment).length > 0
      ? {
          amendment: {
            ...(amendment.originalReference ? { originalMandateId: amendment.originalReference } : {}),
            ...(amendment.originalCreditorId ? { originalCreditorId: amendment.originalCreditorId } : {}),
            ...(amendment.originalIban ? { originalDebtorIban: amendment.originalIban } : {}),
          },
        }
      : {}),
  };
}
