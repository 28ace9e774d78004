/** Builders for matching tests: a small ledger in the `cash match` shapes, with overridable fields. */
import type { BankItemInput, OpenEntryInput } from './types.js';

export const MUELLER = { id: 'acc-mueller', number: 'K10023', name: 'Müller Bau GmbH', ibans: ['DE89370400440532013000'] };
export const SCHMIDT = { id: 'acc-schmidt', number: 'K10077', name: 'Schmidt Druck AG', ibans: ['DE02120300000000202051'] };
export const SUPPLIER = { id: 'acc-supplier', number: 'L20001', name: 'Papier Nord KG', ibans: ['DE02500105170137075030'] };

export function entry(overrides: Partial<OpenEntryInput> & { id: string }): OpenEntryInput {
  return {
    number: `RE-2026-${overrides.id.replace(/\D/g, '').padStart(6, '0')}`,
    type: 'Debit',
    currency: 'EUR',
    openAmount: '100.00',
    statementDate: '2026-03-01',
    dueDate: '2026-03-15',
    account: MUELLER,
    ...overrides,
  };
}

export function item(overrides: Partial<BankItemInput> = {}): BankItemInput {
  return {
    id: 'item-1',
    amount: '100.00',
    creditDebit: 'CRDT',
    status: 'BOOK',
    bookingDate: '2026-03-10',
    valueDate: '2026-03-10',
    counterparty: null,
    remittanceInformation: null,
    endToEndId: null,
    creditorReference: null,
    bankTransactionCode: 'PMNT-RCDT-ESCT',
    ...overrides,
  };
}

export const payer = (account: { name: string; ibans: string[] }) => ({ name: account.name, iban: account.ibans[0]!, bic: null });
export const stranger = { name: 'Erika Mustermann', iban: 'DE75512108001245126199', bic: null };
