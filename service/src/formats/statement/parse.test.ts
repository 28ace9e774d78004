import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CashError } from '../../domain/errors.js';
import { detectFormat } from './detect.js';
import { parseStatementFile } from './parse.js';

const camt = (path: string) => readFileSync(new URL(`../camt/__fixtures__/${path}`, import.meta.url));

const MT940 = [
  ':20:STARTUMSE',
  ':25:DE89370400440532013000',
  ':28C:00001/001',
  ':60F:C261102EUR100,00',
  ':61:2611021102CR12,30NTRFNONREF//BANKREF1',
  ':86:166?00SEPA-GUTSCHRIFT?20EREF+INV-1?21SVWZ+Invoice 1',
  ':62F:C261102EUR112,30',
  '-',
].join('\r\n');

async function rejection(run: () => Promise<unknown>): Promise<CashError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CashError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('format detection', () => {
  it('tells XML from SWIFT text and leaves the rest to CSV profiles', () => {
    expect(detectFormat(camt('camt053/iso20022js_nordea_camt053.v2.xml'))).toBe('camt');
    expect(detectFormat(Buffer.from(`\uFEFF  ${'<?xml version="1.0"?><Document/>'}`))).toBe('camt');
    expect(detectFormat(Buffer.from(MT940))).toBe('mt940');
    expect(detectFormat(Buffer.from(`{1:F01BANKDEFFAXXX0000000000}{2:O940}{4:\r\n${MT940}}`))).toBe('mt940');
    expect(detectFormat(Buffer.from('Date;Amount;Text\n02.11.2026;12,30;Rent\n'))).toBe('unknown');
  });
});

describe('parseStatementFile', () => {
  it('reads camt by detection, checks balances and keys every item', async () => {
    const file = await parseStatementFile(camt('camt053/genkgo_camt053.v8.xml'), { fileName: 'v8.xml' });
    expect(file.format).toBe('camt.053.001.08');
    const [statement] = file.statements;
    expect(statement?.warnings.map((w) => w.code)).toEqual(['BALANCE_MISMATCH']);
    expect(statement?.items.every((item) => item.key?.endsWith('#0'))).toBe(true);
  });

  it('dispatches MT940 to its reader and applies the same checks', async () => {
    const file = await parseStatementFile(Buffer.from(MT940), { fileName: 'day.sta' });
    expect(file.format).toMatch(/^mt94[02]$/);
    const [statement] = file.statements;
    expect(statement?.items[0]?.amount).toBe('12.30');
    expect(statement?.items[0]?.key).toBeTruthy();
    expect(statement?.warnings.filter((w) => w.code === 'BALANCE_MISMATCH')).toEqual([]);
  });

  it('reports a balance mismatch of an MT940 file too', async () => {
    const broken = MT940.replace(':62F:C261102EUR112,30', ':62F:C261102EUR112,40');
    const file = await parseStatementFile(Buffer.from(broken));
    const mismatch = file.statements[0]?.warnings.find((w) => w.code === 'BALANCE_MISMATCH');
    expect(mismatch?.details?.difference).toBe('0.10');
  });

  it('honours an explicit format', async () => {
    const error = await rejection(() => parseStatementFile(Buffer.from(MT940), { format: 'camt', fileName: 'x.sta' }));
    expect(error.code).toBe('STATEMENT_MALFORMED');
    expect(error.message).toMatch(/^x\.sta: line 1: not an XML document: it starts with ":20:STARTUMSE/);
  });

  it('refuses an unknown format option, an empty file and an oversized one', async () => {
    const input = camt('camt053/iso20022js_nordea_camt053.v2.xml');
    expect((await rejection(() => parseStatementFile(input, { format: 'ofx' as 'camt' }))).code).toBe('STATEMENT_FORMAT_UNKNOWN');
    expect((await rejection(() => parseStatementFile(Buffer.alloc(0)))).code).toBe('STATEMENT_MALFORMED');
    expect((await rejection(() => parseStatementFile(input, { maxBytes: 100 }))).code).toBe('STATEMENT_TOO_LARGE');
  });

  it('refuses a file of no known format and names the CSV profiles to choose from', async () => {
    const error = await rejection(() => parseStatementFile(Buffer.from('%PDF-1.7\n'), { fileName: 'scan.pdf' }));
    expect(error.code).toBe('STATEMENT_FORMAT_UNKNOWN');
    expect(error.message).toMatch(/^scan\.pdf: .*--format csv:PROFILE \(.*generic/);
  });
});
