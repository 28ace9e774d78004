import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareRun, type PrepareOptions } from './prepare-run.js';
import type { RunTransaction, SepaRunInput } from './run-json-schema.js';
import { account, creditTransferRun, debit, directDebitRun, NOW, TODAY, transfer } from './test-support/runs.js';

const DD: PrepareOptions = { kind: 'direct-debit', format: 'pain.008.001.08', today: TODAY, now: NOW };
const CT: PrepareOptions = { kind: 'credit-transfer', format: 'pain.001.001.09', today: TODAY, now: NOW };

const codes = (run: SepaRunInput, options = DD): string[] => prepareRun(run, options).problems.map((p) => p.code);
const dd = (overrides: Partial<RunTransaction>): string[] => codes(directDebitRun([debit(overrides)]));
const ct = (overrides: Partial<RunTransaction>): string[] => codes(creditTransferRun([transfer(overrides)]), CT);

describe('EPC rules: each accepted and refused', () => {
  it('character set: transliterates with a warning, keeps clean text silent', () => {
    const clean = prepareRun(directDebitRun(), DD);
    expect(clean.warnings).toEqual([]);
    const dirty = prepareRun(directDebitRun([debit({ counterparty: { name: 'Zoë Ångström-Øster', iban: 'DE02120300000000202051' } })]), DD);
    expect(dirty.problems).toEqual([]);
    expect(dirty.warnings).toMatchObject([{ code: 'TEXT_TRANSLITERATED', field: 'debtor.name', transaction: 0 }]);
    expect([...dirty.run!.transactions()][0]!.counterparty.name).toBe('Zoe Angstroem-Oster');
  });

  it('names: 70 characters accepted as they are, a longer one shortened to 70 with a warning', () => {
    const name = (length: number) => ({ name: 'N'.repeat(length), iban: 'DE02120300000000202051' });
    expect(prepareRun(directDebitRun([debit({ counterparty: name(70) })]), DD).warnings).toEqual([]);
    const long = prepareRun(directDebitRun([debit({ counterparty: name(93) })], { initiatingParty: { name: 'I'.repeat(71) } }), DD);
    expect(long.problems).toEqual([]);
    expect(long.warnings.map((w) => [w.code, w.field])).toEqual([
      ['TEXT_SHORTENED', 'initiatingParty.name'],
      ['TEXT_SHORTENED', 'debtor.name'],
    ]);
    expect(long.run!.initiatingPartyName).toBe('I'.repeat(70));
    expect([...long.run!.transactions()][0]!.counterparty.name).toBe('N'.repeat(70));
  });

  it('remittance: 140 characters accepted; a longer text shortened while its reference stays, refused when it would be lost', () => {
    expect(dd({ remittanceInformation: 'R'.repeat(140) })).toEqual([]);
    const text = `INV-7 ${'x'.repeat(150)} RE-9`;
    const kept = prepareRun(directDebitRun([debit({ remittanceInformation: text, remittanceReference: 'INV-7' })]), DD);
    expect(kept.warnings.map((w) => w.code)).toEqual(['TEXT_SHORTENED']);
    expect([...kept.run!.transactions()][0]!.remittanceInformation).toBe(text.slice(0, 140));
    expect(dd({ remittanceInformation: text, remittanceReference: 'RE-9' })).toEqual(['REMITTANCE_REFERENCE_LOST']);
    // nothing declared to keep: shortened with the warning
    expect(dd({ remittanceInformation: text })).toEqual([]);
    const result = prepareRun(directDebitRun([debit({ creditorReference: 'RF18539007547034', remittanceInformation: 'R'.repeat(141) })]), DD);
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['REMITTANCE_TEXT_DROPPED']);
    expect([...result.run!.transactions()][0]!.remittanceInformation).toBeUndefined();
  });

  it('ids: 35 characters accepted, 36 refused; no leading or trailing "/", no "//", no spaces', () => {
    expect(dd({ endToEndId: 'E'.repeat(35) })).toEqual([]);
    expect(dd({ endToEndId: 'A/B-C.(1)' })).toEqual([]);
    for (const id of ['E'.repeat(36), '/E1', 'E1/', 'E//1', 'E 1']) expect(dd({ endToEndId: id })).toEqual(['ID_INVALID']);
    expect(codes(directDebitRun([debit()], { messageId: 'MSG//1' }))).toEqual(['ID_INVALID']);
    const mandate = debit().mandate!;
    expect(dd({ mandate: { ...mandate, id: 'M/' } })).toEqual(['ID_INVALID']);
  });

  it('end-to-end ids: unique accepted, a repeated one refused', () => {
    expect(codes(directDebitRun([debit({ endToEndId: 'A' }), debit({ endToEndId: 'B' })]))).toEqual([]);
    expect(codes(directDebitRun([debit({ endToEndId: 'A' }), debit({ endToEndId: 'A' })]))).toEqual(['END_TO_END_ID_DUPLICATE']);
  });

  it('addresses: structured and hybrid accepted; free lines only or without town refused', () => {
    const iban = 'DE02120300000000202051';
    const party = (address: object) => ({ name: 'A', iban, address });
    expect(dd({ counterparty: party({ street: 'Weg', buildingNumber: '1', postalCode: '12345', town: 'Ort', country: 'DE' }) })).toEqual([]);
    expect(dd({ counterparty: party({ town: 'Ort', country: 'DE', addressLines: ['Weg 1'] }) })).toEqual([]);
    expect(dd({ counterparty: party({ addressLines: ['Weg 1', '12345 Ort'] }) })).toEqual(['ADDRESS_UNSTRUCTURED']);
    expect(dd({ counterparty: party({ street: 'Weg', country: 'DE' }) })).toEqual(['ADDRESS_INCOMPLETE']);
    // a cut town or postal code would be a wrong address: refused; a street or free line is cut with a warning
    expect(dd({ counterparty: party({ town: 'T'.repeat(36), country: 'DE' }) })).toEqual(['TEXT_TOO_LONG']);
    expect(dd({ counterparty: party({ town: 'Ort', postalCode: '1'.repeat(17), country: 'DE' }) })).toEqual(['TEXT_TOO_LONG']);
    const long = prepareRun(directDebitRun([debit({ counterparty: party({ street: 'S'.repeat(71), town: 'Ort', country: 'DE', addressLines: ['L'.repeat(80)] }) })]), DD);
    expect(long.warnings.map((w) => [w.code, w.field])).toEqual([
      ['TEXT_SHORTENED', 'debtor.address.street'],
      ['TEXT_SHORTENED', 'debtor.address.addressLines[0]'],
    ]);
  });

  it('addresses in the 2009 format: a first line over 70 is cut in the street, keeping the number', () => {
    const counterparty = { name: 'A', iban: 'DE02120300000000202051', address: { street: 'S'.repeat(68), buildingNumber: '12a', town: 'Ort', country: 'DE' } };
    const legacy = prepareRun(directDebitRun([debit({ counterparty })]), { ...DD, format: 'pain.008.001.02' });
    expect(legacy.problems).toEqual([]);
    expect(legacy.warnings.map((w) => [w.code, w.field])).toEqual([['TEXT_SHORTENED', 'debtor.address']]);
    expect(legacy.warnings[0]!.message).toContain(`written as "${'S'.repeat(66)} 12a"`);
  });

  it('outside the EEA: BIC and address accepted, either missing refused', () => {
    const iban = 'CH9300762011623852957';
    const address = { town: 'Zuerich', country: 'CH' };
    expect(ct({ counterparty: { name: 'A', iban, bic: 'UBSWCHZH80A', address } })).toEqual([]);
    expect(ct({ counterparty: { name: 'A', iban, address } })).toEqual(['BIC_REQUIRED']);
    expect(ct({ counterparty: { name: 'A', iban, bic: 'UBSWCHZH80A' } })).toEqual(['ADDRESS_REQUIRED']);
  });

  it('amounts: 0.01 and 999999999.99 EUR accepted; zero, too large, too precise, negative and other currencies refused', () => {
    expect(dd({ amount: '0.01' })).toEqual([]);
    expect(dd({ amount: '999999999.99' })).toEqual([]);
    expect(dd({ amount: '0.00' })).toEqual(['AMOUNT_OUT_OF_RANGE']);
    expect(dd({ amount: '-5.00' })).toEqual(['AMOUNT_OUT_OF_RANGE']);
    expect(dd({ amount: '1000000000.00' })).toEqual(['AMOUNT_OUT_OF_RANGE']);
    expect(dd({ amount: '1.234' })).toEqual(['AMOUNT_TOO_PRECISE']);
    expect(dd({ amount: '1,50' })).toEqual(['AMOUNT_INVALID']);
    expect(dd({ currency: 'USD' })).toEqual(['CURRENCY_NOT_EUR']);
  });

  it('NbOfTxs and CtrlSum: the group and its blocks add up to the transactions, whatever the amounts', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 1n, max: 99_999_999_999n }), { minLength: 1, maxLength: 30 }), (minors) => {
        const txs = minors.map((m, i) => {
          const text = m.toString().padStart(3, '0');
          return debit({ endToEndId: `E-${i}`, amount: `${text.slice(0, -2)}.${text.slice(-2)}` });
        });
        const { run } = prepareRun(directDebitRun(txs), DD);
        const total = minors.reduce((a, b) => a + b, 0n);
        expect(run!.count).toBe(minors.length);
        expect(run!.totalMinor).toBe(total);
        expect(run!.blocks.reduce((a, b) => a + b.totalMinor, 0n)).toBe(total);
      }),
      { numRuns: 50 },
    );
  });

  it('IBAN and BIC: valid accepted, a wrong check digit or malformed BIC refused', () => {
    expect(dd({ counterparty: { name: 'A', iban: 'DE02 1203 0000 0000 2020 51', bic: 'BYLADEM1001' } })).toEqual([]);
    expect(dd({ counterparty: { name: 'A', iban: 'DE03120300000000202051' } })).toEqual(['IBAN_INVALID']);
    expect(dd({ counterparty: { name: 'A', iban: 'DE02120300000000202051', bic: 'BYLA1' } })).toEqual(['BIC_INVALID']);
    expect(codes(directDebitRun([debit()], { account: { ...account, iban: 'DE00370400440532013000' } }))).toEqual(['IBAN_INVALID']);
  });

  it('creditor identifier: valid accepted, wrong check digits or missing refused', () => {
    expect(codes(directDebitRun([debit()], { creditorId: 'DE98ZZZ09999999999' }))).toEqual([]);
    expect(codes(directDebitRun([debit()], { creditorId: 'DE97ZZZ09999999999' }))).toEqual(['CREDITOR_ID_INVALID']);
    expect(codes(directDebitRun([debit()], { creditorId: undefined }))).toEqual(['CREDITOR_ID_MISSING']);
  });

  it('RF creditor references: valid ISO 11649 accepted, wrong check digits refused', () => {
    expect(dd({ creditorReference: 'RF18 5390 0754 7034' })).toEqual([]);
    expect(dd({ creditorReference: 'RF19539007547034' })).toEqual(['CREDITOR_REFERENCE_INVALID']);
  });

  it('dates: TARGET2 business days accepted; weekends and TARGET2 holidays refused', () => {
    for (const day of ['2026-12-03', '2026-12-28', '2026-12-31', '2027-03-30', '2027-12-27']) {
      expect(codes(directDebitRun([debit()], { requestedDate: day }))).toEqual([]);
    }
    const closed = ['2026-12-05', '2026-12-06', '2026-12-25', '2027-01-01', '2027-03-26', '2027-03-29', '2028-05-01', '2028-12-26'];
    for (const day of closed) {
      expect(codes(directDebitRun([debit()], { requestedDate: day }))).toEqual(['DATE_NOT_BUSINESS_DAY']);
    }
    expect(codes(directDebitRun([debit()], { requestedDate: '2026-02-30' }))).toEqual(['DATE_INVALID']);
  });

  it('direct debits: the next business day accepted, today refused; credit transfers may execute today', () => {
    expect(codes(directDebitRun([debit()], { requestedDate: '2026-11-30' }))).toEqual([]);
    expect(codes(directDebitRun([debit()], { requestedDate: '2026-11-27' }))).toEqual(['DATE_TOO_EARLY']);
    expect(codes(creditTransferRun([transfer()], { requestedDate: '2026-11-27' }), CT)).toEqual([]);
    expect(codes(creditTransferRun([transfer()], { requestedDate: '2026-11-26' }), CT)).toEqual(['DATE_TOO_EARLY']);
  });

  it('mandates: required for direct debits, refused on credit transfers, not signed after the collection', () => {
    expect(dd({ mandate: undefined })).toEqual(['MANDATE_MISSING']);
    expect(ct({ mandate: debit().mandate! })).toEqual(['MANDATE_NOT_ALLOWED']);
    expect(dd({ mandate: { ...debit().mandate!, signatureDate: '2026-12-04' } })).toEqual(['MANDATE_SIGNED_AFTER_COLLECTION']);
  });
});

describe('refusing and skipping', () => {
  const mixed = directDebitRun([
    debit({ endToEndId: 'OK-1' }),
    debit({ endToEndId: 'BAD-1', counterparty: { name: 'X', iban: 'DE00000000000000000000' }, amount: '0' }),
    debit({ endToEndId: 'OK-2' }),
  ]);

  it('by default refuses the whole file and lists every problem of every transaction', () => {
    const result = prepareRun(mixed, DD);
    expect(result.run).toBeUndefined();
    expect(result.problems.map((p) => [p.endToEndId, p.code])).toEqual([
      ['BAD-1', 'AMOUNT_OUT_OF_RANGE'],
      ['BAD-1', 'IBAN_INVALID'],
    ]);
  });

  it('with skipInvalid writes the valid rest and lists the excluded ones', () => {
    const result = prepareRun(mixed, { ...DD, skipInvalid: true });
    expect(result.excluded).toEqual([1]);
    expect([...result.run!.transactions()].map((t) => t.endToEndId)).toEqual(['OK-1', 'OK-2']);
    expect(result.run!.count).toBe(2);
  });

  it('refuses a run without any valid transaction even with skipInvalid, and an empty run', () => {
    const bad = directDebitRun([debit({ amount: '0' })]);
    expect(prepareRun(bad, { ...DD, skipInvalid: true }).run).toBeUndefined();
    expect(codes(directDebitRun([]))).toEqual(['RUN_EMPTY']);
  });
});
