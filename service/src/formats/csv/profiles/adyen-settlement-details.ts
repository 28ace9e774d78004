import type { CsvProfile } from '../profile.js';

/**
 * Adyen "Settlement details report": one row per settled payment, refund, chargeback, fee,
 * payout or balance transfer of a settlement batch. The item amount is the net amount in the
 * settlement currency (what Adyen pays out), the gross goes to the transaction detail, and
 * commission, markup, scheme fees and interchange are the charges. One statement per batch,
 * merchant account and net currency.
 *
 * The modification reference is Adyen's unique id of a capture or refund; on fee, payout and
 * balance-transfer rows it is a label ("Balancetransfer") repeated within a batch, so it only
 * counts as the bank's reference where the row has a PSP reference.
 */
export const adyenSettlementDetailsProfile: CsvProfile = {
  id: 'adyen-settlement-details',
  description: 'Adyen Settlement details report (one statement per batch and net currency)',
  required: ['bookingDate', 'debit', 'credit', 'currency', 'statementId'],
  groupBy: ['statementId', 'accountOther', 'currency'],
  chargesSign: 'cost-positive',
  variants: [
    {
      name: 'en',
      columns: {
        bookingDate: ['Booking Date', 'Creation Date'],
        debit: ['Net Debit (NC)'],
        credit: ['Net Credit (NC)'],
        currency: ['Net Currency'],
        grossDebit: ['Gross Debit (GC)'],
        grossCredit: ['Gross Credit (GC)'],
        grossCurrency: ['Gross Currency'],
        accountServicerReference: ['Modification Reference'],
        accountServicerReferenceGuard: ['Psp Reference'],
        endToEndId: ['Merchant Reference'],
        remittance: ['Merchant Reference', 'Modification Merchant Reference'],
        type: ['Type'],
        statementId: ['Batch Number'],
        accountOther: ['Merchant Account'],
        additionalInformation: ['Payment Method'],
      },
      charges: ['Commission (NC)', 'Markup (NC)', 'Scheme Fees (NC)', 'Interchange (NC)'],
      dateOrder: 'YMD',
      decimalSeparator: '.',
    },
  ],
};
