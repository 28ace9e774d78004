import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CashError } from '../../domain/errors.js';
import { detectEntriesFormat, readEntriesBytes, readEntriesFile } from './entries-file.js';

const csv = readFileSync(new URL('./__fixtures__/entries.csv', import.meta.url), 'utf8');

describe('entries file', () => {
  it('reads semicolon CSV with dotted columns into entry inputs, reporting bad lines with their line number', () => {
    const records = readEntriesFile(csv, 'csv');
    expect(records).toHaveLength(7);
    expect(records[1]).toEqual({
      line: 3,
      input: {
        number: 'RE-2026-0102',
        type: 'Debit',
        currency: 'EUR',
        amount: '2380.00',
        account: { number: 'C-2', name: 'Muster Logistik AG' },
        dueDate: '2026-12-20',
        paymentReference: 'RE-2026-0102',
      },
    });
    expect(records[5]).toMatchObject({ line: 7, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('type') } });
  });

  it('normalises text to NFC and refuses a NUL character, as the API does', () => {
    const text = [
      JSON.stringify({ number: 'Cafe\u0301-1', type: 'Debit', currency: 'EUR', amount: '1.00', account: { name: 'Cafe\u0301' } }),
      JSON.stringify({ number: 'N-2', type: 'Debit', currency: 'EUR', amount: '1.00', account: { name: 'a\u0000b' } }),
    ].join('\n');
    const [first, second] = readEntriesFile(text, 'jsonl');
    expect(first).toMatchObject({ line: 1, input: { number: 'Caf\u00e9-1', account: { name: 'Caf\u00e9' } } });
    expect(second).toEqual({ line: 2, error: { code: 'TEXT_NUL_BYTE', message: 'account.name: text must not contain a NUL character' } });
  });

  it('reads German decimal commas in semicolon files, and leaves ambiguous amounts for the domain to refuse', () => {
    const records = readEntriesFile(csv, 'csv');
    expect(records[0]).toMatchObject({ input: { amount: '119.00' } });
    expect(records[3]).toMatchObject({ input: { amount: '12.345' } });
    const amounts = readEntriesFile('number;type;currency;amount\nA;Debit;EUR;1.234.567,8\nB;Debit;EUR;1,234.56\nC;Debit;EUR;-0,5\n', 'csv');
    expect(amounts.map((r) => ('input' in r ? r.input.amount : r.error.code))).toEqual(['1234567.8', '1,234.56', '-0.5']);
  });

  it('keeps commas in comma-separated files as written', () => {
    const [record] = readEntriesFile('number,type,currency,amount\nA,Debit,EUR,"119,00"\n', 'csv');
    expect(record).toMatchObject({ input: { amount: '119,00' } });
  });

  it.each([
    ['entries-latin1.csv', 'Atelier Lumière SARL', 'Façade'],
    ['entries-windows1252.csv', 'Atelier Lumière SARL', 'Büro „Nord“ – 5 €'],
    ['entries-utf16le-bom.csv', 'Atelier Lumière SARL', 'Façade'],
    ['entries-utf16be-bom.csv', 'Atelier Lumière SARL', 'Façade'],
  ])('decodes %s as the spreadsheet saved it, keeping umlauts and accents', (file, name, title) => {
    const records = readEntriesBytes(readFileSync(new URL(`./__fixtures__/${file}`, import.meta.url)), { fileName: file });
    expect(records).toEqual([
      {
        line: 2,
        input: {
          number: 'RE-1',
          type: 'Debit',
          currency: 'EUR',
          amount: '1234.56',
          account: { number: 'C-1', name: 'Bäckerei Sonnenschein GmbH' },
          title: 'Brötchen für Dezember',
        },
      },
      { line: 3, input: { number: 'RE-2', type: 'Debit', currency: 'EUR', amount: '119.00', account: { number: 'C-2', name }, title } },
    ]);
  });

  it('takes a forced encoding over detection, and refuses an unknown one', () => {
    const bytes = readFileSync(new URL('./__fixtures__/entries-latin1.csv', import.meta.url));
    const [record] = readEntriesBytes(bytes, { encoding: 'cp850', format: 'csv' });
    expect(record).toMatchObject({ input: { account: { name: expect.not.stringContaining('ä') } } });
    expect(() => readEntriesBytes(bytes, { encoding: 'klingon' })).toThrow(expect.objectContaining({ code: 'STATEMENT_ENCODING_UNKNOWN' }));
  });

  it('reports a malformed CSV line with its number and a stable code, not the parser message', () => {
    const text = 'number;type;currency;amount\nA;Debit;EUR;1,00\nB;"Debit;EUR;2,00\nC;Debit;EUR;3,00\n';
    let error: unknown;
    try {
      readEntriesFile(text, 'csv');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CashError);
    expect(error).toMatchObject({ code: 'ENTRIES_CSV_MALFORMED', details: { line: 3 } });
    expect((error as Error).message).toBe('line 3: a quoted value is not closed; nothing was imported');
    expect(() => readEntriesFile('number;title\nA;"say "hi""\n', 'csv')).toThrow(
      expect.objectContaining({ code: 'ENTRIES_CSV_MALFORMED', message: 'line 2: a quote inside a value is not doubled (""); nothing was imported' }),
    );
  });

  it('refuses unknown CSV columns and malformed JSON lines', () => {
    expect(readEntriesFile('number,colour\n1,red\n', 'csv')[0]).toMatchObject({ error: { code: 'CSV_COLUMN_UNKNOWN' } });
    const lines = readEntriesFile('{"number":"1"\n\n{"number":"2","type":"Debit","currency":"EUR","amount":"1.00","account":{}}\n', 'jsonl');
    expect(lines.map((r) => r.line)).toEqual([1, 3]);
    expect(lines[0]).toMatchObject({ error: { code: 'JSON_MALFORMED' } });
  });

  it('detects the format from the name or the content', () => {
    expect(detectEntriesFormat('a.jsonl', '')).toBe('jsonl');
    expect(detectEntriesFormat('a.CSV', '')).toBe('csv');
    expect(detectEntriesFormat('upload', '  {"number":1}')).toBe('jsonl');
  });
});
