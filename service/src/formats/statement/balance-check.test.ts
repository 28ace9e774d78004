import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCamt } from '../camt/index.js';
import { checkStatement } from './balance-check.js';
import type { Statement, StatementItem } from './model.js';

const fixture = (path: string) => readFileSync(new URL(`../camt/__fixtures__/${path}`, import.meta.url));
const firstStatement = (path: string) => readCamt(fixture(path), { fileName: path }).statements[0]!;

function item(amount: string, creditDebit: 'CRDT' | 'DBIT', extra: Partial<StatementItem> = {}): StatementItem {
  return {
    amount,
    currency: 'EUR',
    creditDebit,
    reversal: false,
    status: 'BOOK',
    bookingDate: '2026-11-02',
    valueDate: '2026-11-02',
    remittanceInformation: null,
    endToEndId: null,
    creditorReference: null,
    counterparty: null,
    bankTransactionCode: null,
    details: [],
    ...extra,
  };
}

function statement(opening: string, closing: string, items: StatementItem[]): Statement {
  return {
    id: 'S1',
    account: { iban: 'DE89370400440532013000', other: null, currency: 'EUR' },
    openingBalance: { amount: opening, date: '2026-11-02' },
    closingBalance: { amount: closing, date: '2026-11-02' },
    items,
    warnings: [],
  };
}

describe('balance check', () => {
  it('passes the consistent bank samples silently', () => {
    for (const path of [
      'camt053/iso20022js_ing-nl_camt053.v2.xml',
      'camt053/viafintech_volksbank-de_camt053.v2.xml',
      'camt053/moov_siauliu-lt_camt053.v2.xml',
      'camt053/iso-mdr-example_camt053.v2.xml',
    ]) {
      expect(checkStatement(firstStatement(path)), path).toEqual([]);
    }
  });

  it('reports the difference when opening + items is not the closing balance (debit closing in the v8 sample)', () => {
    const [warning] = checkStatement(firstStatement('camt053/genkgo_camt053.v8.xml'));
    expect(warning).toMatchObject({
      code: 'BALANCE_MISMATCH',
      details: { opening: '18.15', bookedItems: '8.85', expectedClosing: '27.00', closing: '-27.00', difference: '-54.00' },
    });
  });

  it('starts from a signed debit opening balance', () => {
    expect(checkStatement(statement('-12.30', '100.00', [item('112.30', 'CRDT')]))).toEqual([]);
  });

  it('leaves pending and information-only entries out of the booked balance', () => {
    const items = [item('10.00', 'DBIT'), item('99.00', 'CRDT', { status: 'PDNG' }), item('5.00', 'CRDT', { status: 'INFO' })];
    expect(checkStatement(statement('50.00', '40.00', items))).toEqual([]);
  });

  it('takes a reversal in the direction it is booked', () => {
    const items = [item('30.00', 'CRDT'), item('30.00', 'DBIT', { reversal: true })];
    expect(checkStatement(statement('0.00', '0.00', items))).toEqual([]);
  });

  it('reports a difference far below a cent instead of rounding it away', () => {
    const [warning] = checkStatement(statement('100.0000000000005', '66.00', [item('34.00', 'DBIT')]));
    expect(warning?.details?.difference).toBe('-0.0000000000005');
  });

  it('does not sum items in another currency against the balances', () => {
    const [warning] = checkStatement(firstStatement('camt053/viafintech_ubs-ch_camt053.v8.qrr.xml'));
    expect(warning).toMatchObject({ code: 'BALANCE_NOT_CHECKED', details: { currency: 'CHF', otherCurrencies: 'EUR' } });
  });

  it('reports control totals the file states but its entries do not give (ING batch sample)', () => {
    const warnings = checkStatement(firstStatement('camt053/viafintech_ing-nl_camt053.v2.batch.xml'));
    expect(warnings.filter((w) => w.code === 'CONTROL_TOTAL_MISMATCH').map((w) => w.details?.field)).toEqual([
      'entries count',
      'entries sum',
      'credits count',
      'credits sum',
      'debits count',
      'debits sum',
    ]);
    expect(warnings.find((w) => w.details?.field === 'entries count')?.details).toMatchObject({ stated: 35, actual: 3 });
  });

  it('checks a batch against its listed transactions', () => {
    const detail = (amount: string) => ({
      amount,
      currency: 'EUR',
      creditDebit: 'DBIT' as const,
      endToEndId: null,
      mandateId: null,
      creditorId: null,
      uetr: null,
      accountServicerReference: null,
      remittanceInformation: null,
      creditorReference: null,
      counterparty: null,
      returnReason: null,
    });
    const batch = item('6.00', 'DBIT', {
      batch: { count: 3, amount: null, paymentInformationId: 'P1', messageId: null },
      details: [detail('3.50'), detail('2.00')],
    });
    const codes = checkStatement(statement('10.00', '4.00', [batch])).map((w) => [w.code, w.details?.difference ?? null]);
    expect(codes).toEqual([
      ['BATCH_COUNT_MISMATCH', null],
      ['BATCH_AMOUNT_MISMATCH', '0.50'],
    ]);
  });

  it('finds the Volksbank collective booking consistent with its two transactions', () => {
    const statement = firstStatement('camt053/viafintech_volksbank-de_camt053.v2.xml');
    expect(statement.items.at(-1)?.details.map((d) => d.amount)).toEqual(['3.50', '2.50']);
    expect(checkStatement(statement)).toEqual([]);
  });
});
