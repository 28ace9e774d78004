/**
 * ISO 20022 / EPC reason codes of a rejected or returned direct debit that make its mandate
 * unusable: collecting again under it would fail the same way. Temporary or unspecified reasons
 * (AM04 insufficient funds, MS02/MS03, MD06 refund request) leave the mandate as it is.
 */
export const MANDATE_ENDING_REASONS: ReadonlySet<string> = new Set([
  'AC01', // incorrect account number
  'AC04', // closed account number
  'AC06', // blocked account
  'AC13', // invalid debtor account type (e.g. a consumer account under a B2B mandate)
  'AG01', // transaction forbidden on this account (no direct debits on it)
  'MD01', // no mandate
  'MD07', // end customer deceased
  'BE05', // unrecognised initiating party: the debtor bank does not know the creditor under this mandate
  'SL01', // specific service offered by the debtor agent (the debtor blocked this creditor)
]);

/** The first reason code that ends the mandate, if any. */
export function mandateEndingReason(codes: readonly (string | null | undefined)[]): string | undefined {
  return codes.map((c) => c?.toUpperCase()).find((c): c is string => c !== undefined && MANDATE_ENDING_REASONS.has(c));
}

/** How the deactivation reads, so that undoing the rejection can tell it ended the mandate. */
export const rejectionDeactivation = (endToEndId: string, reason: string): string => `rejected collection ${endToEndId}: ${reason}`;
