/**
 * A SEPA direct-debit mandate held on a payment instrument: the debtor's authorisation for a
 * creditor to collect. Dates are ISO calendar dates. The collection history the rulebook cares
 * about (first collection done, last collection date) and a pending amendment travel with it.
 */
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { invalid } from '../errors.js';
import { idProblem } from '../../formats/sepa/identifiers.js';
import { isIsoDate } from '../../formats/sepa/target2-calendar.js';

export type MandateScheme = 'CORE' | 'B2B';
/** Recurrent mandates allow a series of collections; one-off mandates exactly one. */
export type MandateType = 'RECURRENT' | 'ONE_OFF';

/** What a mandate looked like before an amendment, until the next collection reports it. */
export interface MandateAmendment {
  readonly originalReference?: string;
  readonly originalIban?: string;
  readonly originalCreditorId?: string;
}

export interface Mandate {
  /** The unique mandate reference (MndtId), at most 35 characters. */
  readonly reference: string;
  readonly scheme: MandateScheme;
  readonly type: MandateType;
  readonly signatureDate: string;
  readonly accountHolder: string;
  readonly iban: string;
  readonly bic?: string;
  readonly active: boolean;
  /** Last day a collection may fall on, when the mandate was given for a limited time. */
  readonly validUntil?: string;
  readonly deactivationReason?: string;
  /** Due date of the last collection submitted under this mandate. */
  readonly lastCollectionDate?: string;
  /** The creditor asks for the last collection: it goes out as FNAL and the mandate ends. */
  readonly finalCollectionRequested?: boolean;
  readonly amendment?: MandateAmendment;
}

export interface NewMandate {
  readonly reference: string;
  readonly scheme: MandateScheme;
  readonly type?: MandateType;
  readonly signatureDate: string;
  readonly accountHolder: string;
  readonly iban: string;
  readonly bic?: string;
  readonly validUntil?: string;
}

/** Checks and normalises a new mandate; refuses it with every problem named. */
export function createMandate(input: NewMandate, today: string): Mandate {
  const problems: string[] = [];
  const idIssue = idProblem(input.reference);
  if (idIssue) problems.push(`reference "${input.reference}" breaks the SEPA identifier rules (${idIssue})`);
  const iban = electronicFormatIBAN(input.iban) ?? '';
  if (!isValidIBAN(iban)) problems.push(`IBAN "${input.iban}" is not valid`);
  const bic = input.bic?.replace(/\s+/g, '').toUpperCase();
  if (bic && !isValidBIC(bic)) problems.push(`BIC "${input.bic}" is not valid`);
  if (input.accountHolder.trim() === '' || input.accountHolder.length > 70) {
    problems.push('account holder must have 1 to 70 characters');
  }
  if (!isIsoDate(input.signatureDate)) problems.push(`signature date "${input.signatureDate}" is not a date`);
  else if (input.signatureDate > today) problems.push(`signature date ${input.signatureDate} is in the future`);
  if (input.validUntil !== undefined && (!isIsoDate(input.validUntil) || input.validUntil < input.signatureDate)) {
    problems.push(`valid-until "${input.validUntil}" must be a date on or after the signature date`);
  }
  if (problems.length > 0) {
    throw invalid('MANDATE_INVALID', `the mandate is not valid: ${problems.join('; ')}`, { problems });
  }
  return {
    reference: input.reference,
    scheme: input.scheme,
    type: input.type ?? 'RECURRENT',
    signatureDate: input.signatureDate,
    accountHolder: input.accountHolder.trim(),
    iban,
    ...(bic ? { bic } : {}),
    active: true,
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
  };
}

export function deactivateMandate(mandate: Mandate, reason: string): Mandate {
  return { ...mandate, active: false, deactivationReason: reason };
}
