import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStatementFile } from '../src/formats/statement/parse.js';
import { sharedDir } from './shared-dir.js';

/**
 * Every bank/PSP CSV export of the shared fixture set (all from AGPL sources, so they stay out of
 * the repository) must be recognised by its header and read through its profile: one item per
 * data row, balances where the export has a balance column, and the balance check silent.
 */
const folder = join(sharedDir(), 'fixtures', 'csv');
const files = existsSync(folder) ? readdirSync(folder) : [];

const PROFILE: Record<string, string> = {
  'oca_adyen_settlement-detail-report_batch238.csv': 'csv:adyen-settlement-details',
  'oca_adyen_settlement-detail-report_batch380.csv': 'csv:adyen-settlement-details',
  'oca_generic-bank_statement_en.csv': 'csv:generic',
  'oca_paypal_activity_en.csv': 'csv:paypal',
  'oca_paypal_statement_en.csv': 'csv:paypal',
  'oca_paypal_statement_es.csv': 'csv:paypal',
};

const dataRows = (text: string) => text.split(/\r?\n/).filter((line) => line.trim() !== '').length - 1;

describe('CSV conformance over the shared fixtures', () => {
  it('finds the fixture set', () => {
    expect(files.sort()).toEqual(Object.keys(PROFILE).sort());
  });

  it.each(files)('recognises and reads %s', async (name) => {
    const input = readFileSync(join(folder, name));
    const file = await parseStatementFile(input, { fileName: name });
    expect(file.format).toBe(PROFILE[name]);
    const items = file.statements.flatMap((s) => s.items);
    expect(items).toHaveLength(dataRows(input.toString('utf8')));
    for (const statement of file.statements) {
      expect(statement.warnings).toEqual([]);
      const keys = statement.items.map((i) => i.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
    const again = await parseStatementFile(input, { fileName: name });
    expect(again.statements.map((s) => s.items.map((i) => i.key))).toEqual(file.statements.map((s) => s.items.map((i) => i.key)));
  });

  it('derives PayPal balances per currency from the balance column', async () => {
    const file = await parseStatementFile(readFileSync(join(folder, 'oca_paypal_activity_en.csv')));
    expect(file.statements.map((s) => [s.account.currency, s.openingBalance?.amount, s.closingBalance?.amount])).toEqual([
      ['USD', '0.00', '1.90'],
      ['EUR', '0.00', '43.34'],
      ['AUD', '0.00', '0.00'],
    ]);
    const sale = file.statements[0]!.items.find((i) => i.accountServicerReference === 'TID4')!;
    expect(sale).toMatchObject({ amount: '1580.68', charges: '73.07', endToEndId: '31', counterparty: { name: 'PARTNER2' } });
    expect(sale.details[0]!.amount).toBe('1653.75');
  });

  it('reads Spanish PayPal headers with decimal commas', async () => {
    const file = await parseStatementFile(readFileSync(join(folder, 'oca_paypal_statement_es.csv')));
    expect(file.statements[0]).toMatchObject({ openingBalance: { amount: '4579.22' }, closingBalance: { amount: '4710.30' } });
    expect(file.statements[0]!.items[0]).toMatchObject({ amount: '47.59', charges: '1.78', bookingDate: '2020-01-02' });
  });

  it('reads an Adyen batch: fees summed into charges, one statement per batch', async () => {
    const file = await parseStatementFile(readFileSync(join(folder, 'oca_adyen_settlement-detail-report_batch380.csv')));
    expect(file.statements.map((s) => s.id)).toEqual(['380']);
    const first = file.statements[0]!.items[0]!;
    expect(first).toMatchObject({ amount: '31.15', charges: '0.30', endToEndId: 'CM1000028854', proprietaryBankTransactionCode: 'Settled' });
  });
});
