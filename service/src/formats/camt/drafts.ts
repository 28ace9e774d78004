import type { Decimal } from '../statement/amount.js';
import type { CreditDebit } from '../statement/model.js';

/**
 * What the reader collects while inside an element, before it is turned into the model. Fields
 * are raw strings from the file; conversion and defaults happen once, when the element closes.
 */
export interface AmountValue {
  value: Decimal;
  currency: string | null;
  /** Where the amount stood, for error and warning messages. */
  line: number;
}

export interface PartyDraft {
  name?: string;
  iban?: string;
  other?: string;
  bic?: string;
  schemeId?: string;
  creditorId?: string;
}

export interface DetailDraft {
  amount?: AmountValue;
  txAmount?: AmountValue;
  creditDebit?: CreditDebit;
  refs: Record<string, string>;
  parties: Record<string, PartyDraft>;
  unstructured: string[];
  reference?: string;
  referenceType?: string;
  pendingReferenceType?: string;
  returnReason?: string;
  charges?: AmountValue;
  domain?: string;
  family?: string;
  subFamily?: string;
  proprietaryCode?: string;
  purpose?: string;
  additionalInformation?: string;
}

export interface EntryDraft {
  line: number;
  amount?: AmountValue;
  creditDebit?: string;
  reversal?: string;
  status?: string;
  bookingDate?: string;
  valueDate?: string;
  accountServicerReference?: string;
  entryReference?: string;
  domain?: string;
  family?: string;
  subFamily?: string;
  proprietaryCode?: string;
  additionalInformation?: string;
  charges?: AmountValue;
  batchCount?: string;
  batchAmount?: AmountValue;
  batchPaymentInformationId?: string;
  batchMessageId?: string;
  details: DetailDraft[];
}

export interface BalanceDraft {
  code?: string;
  amount?: AmountValue;
  creditDebit?: string;
  date?: string;
}

export const newDetail = (): DetailDraft => ({ refs: {}, parties: {}, unstructured: [] });
