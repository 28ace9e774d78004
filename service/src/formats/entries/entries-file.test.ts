import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectEntriesFormat, readEntriesFile } from './entries-file.js';

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

  it('keeps a decimal comma for the domain to refuse rather than guessing', () => {
    expect(readEntriesFile(csv, 'csv')[0]).toMatchObject({ input: { amount: '119,00' } });
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
