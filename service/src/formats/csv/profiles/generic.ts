import type { CsvProfile } from '../profile.js';

/**
 * A bank CSV with the usual column names in English, German, Dutch, French or Spanish: a date,
 * a signed amount (or debit and credit columns) and whatever else the bank adds.
 */
const COMMON = {
  valueDate: ['Value Date', 'Valuta', 'Valutadatum', 'Wertstellung', 'Rentedatum', 'Date de valeur', 'Fecha valor'],
  debit: ['Debit', 'Soll', 'Af', 'Débit', 'Cargo'],
  credit: ['Credit', 'Haben', 'Bij', 'Crédit', 'Abono'],
  direction: ['Af Bij', 'Debit/Credit', 'Credit/Debit', 'Soll/Haben', 'S/H', 'CdtDbtInd'],
  currency: ['Currency', 'Währung', 'Waehrung', 'Munt', 'Valuta code', 'Devise', 'Divisa', 'Moneda'],
  balance: ['Balance', 'Saldo', 'Kontostand', 'Solde'],
  remittance: [
    'Label', 'Description', 'Purpose', 'Reference Text', 'Verwendungszweck', 'Buchungstext',
    'Omschrijving', 'Mededelingen', 'Libellé', 'Concepto',
  ],
  endToEndId: ['End-to-End Id', 'EndToEndId', 'End to End Reference', 'Ende-zu-Ende-Referenz', 'Kundenreferenz (End-to-End)'],
  accountServicerReference: ['Bank Reference', 'Transaction Id', 'Transaction ID', 'Bankreferenz'],
  counterpartyName: [
    'Partner Name', 'Counterparty', 'Counterparty Name', 'Name', 'Beguenstigter/Zahlungspflichtiger',
    'Begünstigter/Zahlungspflichtiger', 'Auftraggeber/Empfänger', 'Naam / Omschrijving', 'Tegenpartij',
  ],
  counterpartyIban: ['Counterparty IBAN', 'IBAN', 'Kontonummer/IBAN', 'Tegenrekening'],
  counterpartyBic: ['Counterparty BIC', 'BIC', 'BIC (SWIFT-Code)'],
  counterpartyOther: ['Bank Account', 'Account', 'Kontonummer'],
  mandateId: ['Mandate Reference', 'Mandatsreferenz'],
  creditorId: ['Creditor ID', 'Gläubiger ID', 'Glaeubiger ID'],
  type: ['Type', 'Transaction Type', 'Umsatzart', 'Buchungstext', 'Mutatiesoort', 'Code'],
  status: ['Status', 'Info'],
  accountIban: ['Account IBAN', 'Auftragskonto', 'Rekening'],
};

export const genericProfile: CsvProfile = {
  id: 'generic',
  description: 'Bank CSV with common column names (EN, DE, NL, FR, ES); signed amount or debit/credit',
  required: ['bookingDate'],
  groupBy: ['accountIban', 'currency'],
  debitValues: ['AF', 'D', 'DR', 'DEBIT', 'DBIT', 'S', 'SOLL'],
  statusMap: {
    BOOKED: 'BOOK', PENDING: 'PDNG', 'UMSATZ GEBUCHT': 'BOOK', 'UMSATZ VORGEMERKT': 'PDNG', VORGEMERKT: 'PDNG',
    GEBUCHT: 'BOOK',
  },
  variants: [
    {
      name: 'en',
      columns: { ...COMMON, bookingDate: ['Date', 'Booking Date', 'Transaction Date'], amount: ['Amount'] },
      dateOrder: 'auto',
      dateOrderFallback: 'MDY',
      decimalSeparator: '.',
    },
    {
      name: 'de',
      columns: { ...COMMON, bookingDate: ['Buchungstag', 'Buchungsdatum', 'Datum'], amount: ['Betrag', 'Umsatz'] },
      dateOrder: 'DMY',
      decimalSeparator: ',',
    },
    {
      name: 'nl',
      columns: { ...COMMON, bookingDate: ['Boekdatum', 'Datum', 'Transactiedatum'], amount: ['Bedrag', 'Bedrag (EUR)'] },
      dateOrder: 'auto',
      dateOrderFallback: 'DMY',
      decimalSeparator: ',',
    },
    {
      name: 'fr',
      columns: { ...COMMON, bookingDate: ["Date d'opération", 'Date'], amount: ['Montant'] },
      dateOrder: 'DMY',
      decimalSeparator: ',',
    },
    {
      name: 'es',
      columns: { ...COMMON, bookingDate: ['Fecha', 'Fecha operación'], amount: ['Importe'] },
      dateOrder: 'DMY',
      decimalSeparator: ',',
    },
  ],
};
