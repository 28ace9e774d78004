import { describe, expect, it } from 'vitest';
import { parseCsvProfile, readCsvWithProfile } from './index.js';
import { CSV_PROFILES } from './profiles/index.js';

/** A Dutch ING export as an operator would describe it: unsigned amounts with an "Af Bij" column. */
const ingNl = {
  id: 'ing-nl',
  description: 'ING Netherlands current account CSV',
  required: ['bookingDate', 'amount', 'direction'],
  groupBy: ['accountIban'],
  debitValues: ['AF'],
  defaultCurrency: 'EUR',
  variants: [
    {
      name: 'nl',
      columns: {
        bookingDate: ['Datum'],
        counterpartyName: ['Naam / Omschrijving'],
        accountIban: ['Rekening'],
        counterpartyIban: ['Tegenrekening'],
        type: ['Mutatiesoort'],
        direction: ['Af Bij'],
        amount: ['Bedrag (EUR)'],
        remittance: ['Mededelingen'],
      },
      dateOrder: 'auto',
      decimalSeparator: ',',
    },
  ],
};

const ingFile = Buffer.from(
  '"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen"\n' +
    '"20261201";"Albert Heijn";"NL91ABNA0417164300";"";"BA";"Af";"23,45";"Betaalautomaat";"Pasvolgnr: 001"\n' +
    '"20261202";"J. Janssen";"NL91ABNA0417164300";"NL44RABO0123456789";"OV";"Bij";"1.000,00";"Overschrijving";"Factuur 17"\n',
);

describe('CSV profiles as data', () => {
  it('accepts every built-in profile', () => {
    for (const profile of CSV_PROFILES) expect(parseCsvProfile(profile)).toBe(profile);
  });

  it('reads a bank that is only a JSON profile: unsigned amounts with a direction column', () => {
    const profile = parseCsvProfile(JSON.parse(JSON.stringify(ingNl)));
    const file = readCsvWithProfile(ingFile, profile);
    expect(file.format).toBe('csv:ing-nl');
    const [statement] = file.statements;
    expect(statement!.account).toEqual({ iban: 'NL91ABNA0417164300', other: null, currency: 'EUR' });
    expect(statement!.items.map((i) => [i.creditDebit, i.amount, i.counterparty?.name])).toEqual([
      ['DBIT', '23.45', 'Albert Heijn'],
      ['CRDT', '1000.00', 'J. Janssen'],
    ]);
    expect(statement!.items[1]!.counterparty!.iban).toBe('NL44RABO0123456789');
  });

  it.each([
    [{ ...ingNl, id: 'ING NL' }, '/id'],
    [{ ...ingNl, required: ['bookingDate', 'amout'] }, '/required/1'],
    [{ ...ingNl, variants: [{ ...ingNl.variants[0], decimalSeparator: ';' }] }, '/variants/0/decimalSeparator'],
    [{ ...ingNl, variants: [{ ...ingNl.variants[0], columns: { date: ['Datum'] } }] }, '/variants/0/columns'],
    [{ ...ingNl, extra: true }, ''],
  ])('refuses a broken profile, naming where (%#)', (profile, path) => {
    expect(() => parseCsvProfile(profile)).toThrow(expect.objectContaining({ code: 'CSV_PROFILE_INVALID' }));
    try {
      parseCsvProfile(profile);
    } catch (error) {
      expect(String((error as { details: { path: string } }).details.path)).toContain(path);
    }
  });
});
