import type { SepaRunInput } from '../run-json-schema.js';
import { account, creditTransferRun, debit, directDebitRun, transfer } from './runs.js';

const swissDebtor = {
  name: 'Müller & Söhne AG',
  iban: 'CH9300762011623852957',
  bic: 'UBSWCHZH80A',
  address: { street: 'Bahnhofstrasse', buildingNumber: '10', postalCode: '8001', town: 'Zürich', country: 'CH' },
};

/** Every option the direct-debit writer has, each in its own run. */
export const directDebitVariants: Record<string, SepaRunInput> = {
  'one FRST collection': directDebitRun(),
  'no batch booking': directDebitRun([debit()], { batchBooking: false }),
  'all sequence types and both schemes in separate blocks': directDebitRun([
    debit({ endToEndId: 'E-1' }),
    debit({ endToEndId: 'E-2', mandate: { id: 'M-2', signatureDate: '2023-05-01', scheme: 'CORE', sequenceType: 'RCUR' } }),
    debit({ endToEndId: 'E-3', mandate: { id: 'M-3', signatureDate: '2023-05-01', scheme: 'CORE', sequenceType: 'OOFF' } }),
    debit({ endToEndId: 'E-4', mandate: { id: 'M-4', signatureDate: '2023-05-01', scheme: 'B2B', sequenceType: 'FNAL' } }),
    debit({ endToEndId: 'E-5', mandate: { id: 'M-5', signatureDate: '2023-05-01', scheme: 'CORE', sequenceType: 'RCUR' } }),
  ]),
  'debtor without BIC, creditor account without BIC and address': directDebitRun(
    [debit({ counterparty: { name: 'Erika Mustermann', iban: 'DE02120300000000202051' } })],
    { account: { iban: account.iban, name: account.name } },
  ),
  'Swiss debtor with structured address and BIC': directDebitRun([debit({ counterparty: swissDebtor })]),
  'hybrid address': directDebitRun([
    debit({
      counterparty: {
        name: 'Hans Beispiel',
        iban: 'AT611904300234573201',
        address: { town: 'Wien', country: 'AT', addressLines: ['Stiege 2, Tür 14', 'c/o Beispiel KG'] },
      },
    }),
  ]),
  'RF creditor reference (text dropped)': directDebitRun([debit({ creditorReference: 'RF18 5390 0754 7034', remittanceInformation: 'Abo Dezember' })]),
  'RF creditor reference alone': directDebitRun([debit({ creditorReference: 'RF18539007547034', remittanceInformation: undefined })]),
  'amendment: new mandate id and creditor id': directDebitRun([
    debit({
      mandate: {
        id: 'MND-0001-B',
        signatureDate: '2024-01-31',
        scheme: 'CORE',
        sequenceType: 'RCUR',
        amendment: { originalMandateId: 'MND-0001', originalCreditorId: 'DE98ZZZ09999999999' },
      },
    }),
  ]),
  'amendment: new account at the same bank': directDebitRun([
    debit({
      mandate: {
        id: 'MND-0001',
        signatureDate: '2024-01-31',
        scheme: 'CORE',
        sequenceType: 'RCUR',
        amendment: { originalDebtorIban: 'DE95120300000000123456' },
      },
    }),
  ]),
  'amendment: new account at another bank (SMNDA)': directDebitRun([
    debit({
      mandate: {
        id: 'MND-0001',
        signatureDate: '2024-01-31',
        scheme: 'CORE',
        sequenceType: 'RCUR',
        amendment: { originalDebtorIban: 'DE89370400440532013000' },
      },
    }),
  ]),
  'German extended character set': directDebitRun([debit({ counterparty: { name: 'Jürgen Größe', iban: 'DE02120300000000202051' } })], {
    account: { ...account, charset: 'de' },
  }),
  'per-transaction collection dates': directDebitRun([debit({ endToEndId: 'E-1' }), debit({ endToEndId: 'E-2', requestedDate: '2026-12-07' })]),
};

export const creditTransferVariants: Record<string, SepaRunInput> = {
  'one transfer': creditTransferRun(),
  'batch booking': creditTransferRun([transfer()], { batchBooking: true }),
  'creditor without BIC, debtor account without BIC': creditTransferRun(
    [transfer({ counterparty: { name: 'Lieferant GmbH', iban: 'NL91ABNA0417164300' } })],
    { account: { iban: account.iban, name: account.name } },
  ),
  'Swiss creditor with structured address and BIC': creditTransferRun([transfer({ counterparty: swissDebtor })]),
  'hybrid address': creditTransferRun([
    transfer({
      counterparty: { name: 'Hans Beispiel', iban: 'AT611904300234573201', address: { town: 'Wien', country: 'AT', addressLines: ['Hof 3'] } },
    }),
  ]),
  'RF creditor reference': creditTransferRun([transfer({ creditorReference: 'RF18539007547034' })]),
  'German extended character set': creditTransferRun([transfer({ remittanceInformation: 'Rechnung für März & April' })], {
    account: { ...account, charset: 'de' },
  }),
  'two execution dates': creditTransferRun([transfer({ endToEndId: 'P-1' }), transfer({ endToEndId: 'P-2', requestedDate: '2026-12-04' })]),
};

