import type { RunTransaction, SepaRunInput } from '../run-json-schema.js';

/** Friday 27 Nov 2026; the runs below collect or execute on Thursday 3 Dec 2026. */
export const TODAY = '2026-11-27';
export const NOW = new Date('2026-11-27T10:15:00Z');

export const debit = (overrides: Partial<RunTransaction> = {}): RunTransaction => ({
  endToEndId: 'INV-2026-0001',
  amount: '12.30',
  currency: 'EUR',
  counterparty: { name: 'Erika Mustermann', iban: 'DE02120300000000202051', bic: 'BYLADEM1001' },
  remittanceInformation: 'Invoice 2026-0001',
  mandate: { id: 'MND-0001', signatureDate: '2024-01-31', scheme: 'CORE', sequenceType: 'FRST' },
  ...overrides,
});

export const transfer = (overrides: Partial<RunTransaction> = {}): RunTransaction => ({
  endToEndId: 'PAY-2026-0001',
  amount: '250.00',
  currency: 'EUR',
  counterparty: { name: 'Lieferant GmbH', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' },
  remittanceInformation: 'Bill 4711',
  ...overrides,
});

export const account = {
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
  name: 'Example Cash GmbH',
  address: { street: 'Hauptstrasse', buildingNumber: '1', postalCode: '10115', town: 'Berlin', country: 'DE' },
};

export function directDebitRun(transactions: RunTransaction[] = [debit()], extra: Partial<SepaRunInput> = {}): SepaRunInput {
  return {
    messageId: 'MSG-DD-1',
    initiatingParty: { name: 'Example Cash GmbH' },
    account,
    creditorId: 'DE98ZZZ09999999999',
    requestedDate: '2026-12-03',
    batchBooking: true,
    transactions,
    ...extra,
  };
}

export function creditTransferRun(transactions: RunTransaction[] = [transfer()], extra: Partial<SepaRunInput> = {}): SepaRunInput {
  return {
    messageId: 'MSG-CT-1',
    initiatingParty: { name: 'Example Cash GmbH' },
    account,
    requestedDate: '2026-12-03',
    batchBooking: false,
    transactions,
    ...extra,
  };
}
