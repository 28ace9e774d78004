import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMinor } from '../../domain/money.js';
import { checkStatement } from '../statement/balance-check.js';
import { detectCsvProfile, listCsvProfiles, readCsv } from './index.js';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url));

describe('readCsv', () => {
  it('lists the built-in profiles', () => {
    expect(listCsvProfiles().map((p) => p.id)).toEqual(['adyen-settlement-details', 'paypal', 'generic']);
    expect(listCsvProfiles().find((p) => p.id === 'paypal')!.languages).toEqual(['en', 'de', 'es', 'fr', 'nl']);
  });

  it('reads a German bank export (semicolons, Windows-1252, decimal comma, two-digit years)', () => {
    const file = readCsv(fixture('generic-de-sparkasse-cp1252.csv'), 'generic');
    expect(file.format).toBe('csv:generic');
    const [statement] = file.statements;
    expect(statement!.account).toEqual({ iban: 'DE89370400440532013000', other: null, currency: 'EUR' });
    const [debit, credit, rent, sameRent, pending] = statement!.items;
    expect(debit).toMatchObject({
      amount: '39.90',
      creditDebit: 'DBIT',
      bookingDate: '2026-12-01',
      endToEndId: 'E2E-SEPA-0001',
      mandateId: 'MANDAT-0815',
      creditorId: 'DE98ZZZ09999999999',
      proprietaryBankTransactionCode: 'FOLGELASTSCHRIFT',
      counterparty: { name: 'Fitnessstudio Müller GmbH', iban: 'DE02120300000000202051', bic: 'BYLADEM1001' },
    });
    expect(credit).toMatchObject({
      amount: '1250.00',
      creditDebit: 'CRDT',
      creditorReference: 'RF18539007547034',
      creditorReferenceType: 'RF',
      counterparty: { name: 'Bäckerei Groß & Söhne' },
    });
    expect(rent!.endToEndId).toBeNull();
    // Two genuinely identical rows stay two items.
    expect(sameRent).toEqual(rent);
    expect(pending).toMatchObject({ status: 'PDNG', amount: '60.01' });
  });

  it('reads debit/credit columns, the account above the header, and balances', () => {
    const [statement] = readCsv(fixture('generic-en-debit-credit.csv'), 'generic').statements;
    expect(statement!.account.iban).toBe('GB33BUKB20201555555555');
    expect(statement!.items.map((i) => [i.creditDebit, i.amount, i.accountServicerReference])).toEqual([
      ['CRDT', '1000.00', 'BR-0001'],
      ['DBIT', '2.50', 'BR-0002'],
      ['CRDT', '99.99', 'BR-0003'],
    ]);
    expect(statement!.items[2]!.remittanceInformation).toBe('Invoice 17, thank you');
    expect(statement!.openingBalance).toEqual({ amount: '500.00', date: '2026-12-01' });
    expect(statement!.closingBalance).toEqual({ amount: '1597.49', date: '2026-12-03' });
    expect(checkStatement(statement!)).toEqual([]);
  });

  it('reads a German PayPal export listed newest first: net amounts, gross, fees, one statement per currency', () => {
    const file = readCsv(fixture('paypal-de-newest-first.csv'), 'paypal');
    expect(file.statements.map((s) => [s.account.currency, s.openingBalance?.amount, s.closingBalance?.amount])).toEqual([
      ['EUR', '1084.30', '170.41'],
      ['USD', '0.00', '0.00'],
    ]);
    for (const statement of file.statements) expect(checkStatement(statement)).toEqual([]);
    // The merchant's own PayPal account: recipient of money in, sender of money out.
    expect(file.statements.map((s) => s.account.other)).toEqual(['shop@example.com', 'shop@example.com']);
    const sale = file.statements[0]!.items[1]!;
    expect(sale).toMatchObject({
      amount: '116.39',
      creditDebit: 'CRDT',
      charges: '2.61',
      endToEndId: 'R-2026-1004',
      accountServicerReference: '9AB00004',
      remittanceInformation: 'Bestellung 1004',
      counterparty: { name: 'Käthe Schröder', other: 'kaethe@example.de' },
    });
    expect(sale.details[0]).toMatchObject({ amount: '119.00', currency: 'EUR', creditDebit: 'CRDT' });
    const refund = file.statements[0]!.items[3]!;
    expect(refund).toMatchObject({ creditDebit: 'DBIT', amount: '47.80', charges: '-1.20', counterparty: { other: 'max@example.de' } });
  });

  it('reads an Adyen settlement batch: net amounts, gross in the payment currency, summed fees', () => {
    const [statement] = readCsv(fixture('adyen-settlement-details-batch42.csv'), 'adyen-settlement-details').statements;
    expect(statement).toMatchObject({ id: '42', account: { other: 'ExampleShop_EUR', currency: 'EUR' } });
    const byType = Object.fromEntries(statement!.items.map((i) => [`${i.proprietaryBankTransactionCode}:${i.amount}`, i]));
    expect(byType['Settled:98.10']).toMatchObject({ charges: '1.90', endToEndId: 'ORDER-1001', accountServicerReference: '8816000000000101' });
    expect(byType['Settled:19.60']!.details[0]).toMatchObject({ amount: '21.60', currency: 'USD' });
    expect(byType['Chargeback:52.00']).toMatchObject({ creditDebit: 'DBIT', charges: '2.00' });
    // Label-like modification references of fee and transfer rows are no bank references.
    expect(byType['Balancetransfer:10.00']!.accountServicerReference).toBeNull();
    expect(byType['Balancetransfer:0.00']).toMatchObject({ creditDebit: 'DBIT', accountServicerReference: null });
    // A settled batch nets to zero: the payout and the transfer to the next batch take the rest.
    const net = statement!.items.reduce((sum, i) => sum + (i.creditDebit === 'CRDT' ? 1n : -1n) * parseMinor(i.amount, 'EUR'), 0n);
    expect(net).toBe(0n);
  });

  it('recognises each profile from the header row', () => {
    expect(detectCsvProfile(fixture('adyen-settlement-details-batch42.csv'))).toBe('adyen-settlement-details');
    expect(detectCsvProfile(fixture('paypal-de-newest-first.csv'))).toBe('paypal');
    expect(detectCsvProfile(fixture('generic-de-sparkasse-cp1252.csv'))).toBe('generic');
    expect(detectCsvProfile(fixture('hostile-no-header.csv'))).toBeNull();
  });

  it.each([
    ['hostile-bad-amount.csv', /hostile-bad-amount\.csv, line 3, column 3 \(amount\): "12\.3\.4" is not an amount/],
    ['hostile-bad-date.csv', /hostile-bad-date\.csv, line 3, column 1 \(bookingDate\): "2026-13-45" is not a date/],
    ['hostile-no-header.csv', /no header row with the columns of CSV profile "generic"/],
    ['hostile-unclosed-quote.csv', /hostile-unclosed-quote\.csv, line 3: not a readable CSV file/],
  ])('refuses %s naming file, line and column', (name, message) => {
    expect(() => readCsv(fixture(name), 'generic', { fileName: name })).toThrow(message);
    expect(() => readCsv(fixture(name), 'generic', { fileName: name })).toThrow(
      expect.objectContaining({ code: 'STATEMENT_MALFORMED' }),
    );
  });

  it('refuses an unknown profile, listing the known ones', () => {
    expect(() => readCsv(Buffer.from('a,b'), 'bank-of-nowhere')).toThrow(
      expect.objectContaining({ code: 'CSV_PROFILE_UNKNOWN', message: expect.stringContaining('paypal') }),
    );
  });
});
