import { describe, expect, it } from 'vitest';
import { newEntry } from './new-entry.js';

const base = { number: 'INV-1', type: 'Debit' as const, currency: 'EUR', amount: '119.00', account: { name: 'Muster GmbH' } };

describe('new entry', () => {
  it('signs receivables positive and payables negative, and gates payables behind credit approval', () => {
    expect(newEntry(base)).toMatchObject({ openAmount: 11900n, initialAmount: 11900n, status: 'Open', creditApproval: null });
    expect(newEntry({ ...base, type: 'Credit' })).toMatchObject({ openAmount: -11900n, creditApproval: 'unapproved' });
  });

  it.each([
    [{ amount: '-5.00' }, /positive/],
    [{ amount: '0' }, /positive/],
    [{ amount: '1.001' }, /more decimals/],
    [{ currency: 'ABC' }, /ISO 4217/],
    [{ type: 'Receivable' }, /Debit \(receivable\) or Credit/],
    [{ number: ' ' }, /needs a number/],
    [{ account: {} }, /needs the account/],
    [{ dueDate: '2026-02-30' }, /calendar date/],
    [{ creditApproval: 'maybe' }, /credit approval/],
  ])('refuses %o', (override, message) => {
    expect(() => newEntry({ ...base, ...(override as object) } as never)).toThrow(message);
  });
});
