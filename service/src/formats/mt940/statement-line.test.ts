import { describe, expect, it } from 'vitest';
import { parseStatementLine } from './statement-line.js';

const parse = (...texts: string[]) => parseStatementLine(texts);

describe('parseStatementLine (:61:)', () => {
  it('reads value date, entry date, mark, amount, type and both references', () => {
    expect(parse('1612151215C109,65N654NONREF//BANK-1', 'supplementary text')).toEqual({
      valueDate: { iso: '2016-12-15', corrected: null },
      entryDate: { iso: '2016-12-15', corrected: null },
      creditDebit: 'CRDT',
      reversal: false,
      amount: '109,65',
      typeCode: 'N654',
      customerReference: null,
      bankReference: 'BANK-1',
      supplementary: 'supplementary text',
    });
  });

  it.each([
    ['C', 'CRDT', false],
    ['D', 'DBIT', false],
    ['RC', 'DBIT', true],
    ['RD', 'CRDT', true],
    // German banks: C/D followed by the funds code R (third letter of EUR).
    ['CR', 'CRDT', false],
    ['DR', 'DBIT', false],
    ['RCR', 'DBIT', true],
  ])('reads the mark %s as %s (reversal %s)', (mark, creditDebit, reversal) => {
    expect(parse(`260101${mark}10,00NTRFNONREF`)).toMatchObject({ creditDebit, reversal, amount: '10,00' });
  });

  it('takes the entry date into the next year across the year end, and back', () => {
    expect(parse('2612310102C1,NTRFNONREF')!.entryDate!.iso).toBe('2027-01-02');
    expect(parse('2701021231C1,NTRFNONREF')!.entryDate!.iso).toBe('2026-12-31');
  });

  it('reads lines without entry date, without type code, and with amounts lacking decimals', () => {
    expect(parse('151208D000000000098,99N102EREF')).toMatchObject({
      entryDate: null,
      amount: '000000000098,99',
      typeCode: 'N102',
      customerReference: null,
    });
    expect(parse('2009020902D20,00NONREF')).toMatchObject({ typeCode: null, customerReference: null });
    expect(parse('1312091209C79,FMSC01916//NONREF')).toMatchObject({
      amount: '79,',
      typeCode: 'FMSC',
      customerReference: '01916',
      bankReference: null,
    });
    expect(parse('121123D10,00NIT NONREF')).toMatchObject({ typeCode: 'NIT' });
  });

  it('reads a decimal point where an exporter writes one, instead of cutting the amount', () => {
    expect(parse('260101C100.50NTRFNONREF')).toMatchObject({ amount: '100.50', typeCode: 'NTRF' });
  });

  it('joins a line that a break splits inside the amount', () => {
    expect(parse('1811261126CR', '30,00N062NONREF')).toMatchObject({ amount: '30,00', typeCode: 'N062', supplementary: null });
  });

  it('refuses what is not a statement line', () => {
    expect(parse('26XX01C10,00NTRF')).toBeUndefined();
    expect(parse('261301C10,00NTRF')).toBeUndefined();
    expect(parse('260101X10,00NTRF')).toBeUndefined();
  });
});
