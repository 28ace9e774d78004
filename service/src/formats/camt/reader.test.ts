import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatementItem } from '../statement/model.js';
import { readCamt, streamCamt } from './index.js';

const bytes = (path: string) => readFileSync(new URL(`./__fixtures__/${path}`, import.meta.url));
const read = (path: string) => readCamt(bytes(path), { fileName: path });

describe('camt reader: versions and message kinds', () => {
  it.each([
    ['camt052/viafintech_volksbank-de_camt052.v2.xml', 'camt.052.001.02', 'report'],
    ['camt052/moov_postfinance-ch_camt052.v4.xml', 'camt.052.001.04', 'report'],
    ['camt052/genkgo_camt052.v6.amount-zero.xml', 'camt.052.001.06', 'report'],
    ['camt052/genkgo_camt052.v8.xml', 'camt.052.001.08', 'report'],
    ['camt053/iso20022js_nordea_camt053.v2.xml', 'camt.053.001.02', 'statement'],
    ['camt053/moov_postfinance-ch_camt053.v4.xml', 'camt.053.001.04', 'statement'],
    ['camt053/viafintech_ubs-ch_camt053.v8.qrr.xml', 'camt.053.001.08', 'statement'],
    ['camt054/moov_postfinance-ch_camt054.v4.esr.xml', 'camt.054.001.04', 'notification'],
    ['camt054/genkgo_camt054.v8.uetr.xml', 'camt.054.001.08', 'notification'],
    ['own/prefixed-namespace_camt053.v13.xml', 'camt.053.001.13', 'statement'],
  ])('%s is read as %s', (path, format, kind) => {
    const file = read(path);
    expect(file.format).toBe(format);
    expect(file.statements.every((statement) => statement.kind === kind)).toBe(true);
  });

  it('reads a file without a namespace by its message element', () => {
    const file = read('own/no-namespace_camt054.xml');
    expect(file.format).toBe('camt.054');
    expect(file.statements[0]?.account).toMatchObject({ iban: null, other: '0532013000', currency: 'EUR' });
  });

  it('reads a misspelt namespace (iso:20023) and still takes its version', () => {
    expect(read('own/misspelt-namespace_camt052.xml').format).toBe('camt.052.001.08');
  });

  it('reads every statement of a multi-statement message', () => {
    const file = read('camt053/genkgo_camt053.v2.multi-statement.xml');
    expect(file.statements.map((s) => s.id)).toEqual(['253EURNL26VAYB8060476890', '254EURNL26VAYB8060476890']);
    expect(file.statements.map((s) => s.items.length)).toEqual([1, 1]);
  });
});

describe('camt reader: statement fields', () => {
  it('reads the v13 statement of the contract example: signed balances, parties in Pty, BICFI, RF reference', () => {
    const [statement] = read('own/prefixed-namespace_camt053.v13.xml').statements;
    expect(statement).toMatchObject({
      id: 'V13-STMT-1',
      electronicSequenceNumber: '215',
      messageId: 'V13-0001',
      account: { iban: 'DE89370400440532013000', currency: 'EUR', servicerBic: 'COBADEFFXXX' },
      openingBalance: { amount: '-12.30', date: '2026-11-02' },
      closingBalance: { amount: '100.00', date: '2026-11-02' },
    });
    expect(statement?.items[0]).toMatchObject({
      amount: '112.30',
      creditDebit: 'CRDT',
      reversal: false,
      status: 'BOOK',
      bookingDate: '2026-11-02',
      endToEndId: 'INV-2026-0042',
      uetr: '7f1e4b7c-3c8a-4f0e-9d57-1f2a3b4c5d6e',
      creditorReference: 'RF18539007547034',
      creditorReferenceType: 'RF',
      counterparty: { name: 'Müller & Söhne GmbH', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPPXXX' },
      bankTransactionCode: 'PMNT/RCDT/ESCT',
      accountServicerReference: '2026110200001',
    });
  });

  it('takes PRCD as the opening balance where OPBD is missing (German banks)', () => {
    const [statement] = read('own/latin1-identical-rows_camt053.v2.xml').statements;
    expect(statement?.openingBalance).toEqual({ amount: '0.00', date: '2026-11-03' });
  });

  it('reads dates given as DtTm with nanoseconds', () => {
    const [statement] = read('camt053/genkgo_camt053.v2.dt-and-dttm.xml').statements;
    expect(statement?.openingBalance?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(statement?.account.currency).toBe('RON');
  });

  it('reads an account identified by Othr/Id (Lithuanian settlement file, two pages of statements)', () => {
    const file = read('camt053/subite_lt-settlement_camt053.v8.multi-stmt.xml');
    expect(file.statements).toHaveLength(2);
    expect(file.statements[0]?.account.iban).toBeNull();
    expect(file.statements[0]?.account.other).toBeTruthy();
  });

  it('reads transaction summary control totals', () => {
    const [statement] = read('camt053/iso20022js_ing-nl_camt053.v2.xml').statements;
    expect(statement?.summary).toMatchObject({
      entries: { count: 9, sum: '1375.00' },
      credits: { count: 5, sum: '990.00' },
      debits: { count: 4, sum: '385.00' },
    });
  });
});

describe('camt reader: entries', () => {
  const ing = () => read('camt053/iso20022js_ing-nl_camt053.v2.xml').statements[0]!.items;

  it('gives one item per Ntry with batch details under details', () => {
    const items = read('camt054/moov_postfinance-ch_camt054.v4.batch6.xml').statements[0]!.items;
    expect(items).toHaveLength(1);
    expect(items[0]?.details).toHaveLength(6);
    expect(items[0]?.endToEndId).toBeNull();
    expect(items[0]?.details.every((detail) => detail.amount !== null)).toBe(true);
  });

  it('reads a reversed direct debit with its return reason, mandate and creditor id', () => {
    const reversal = ing().find((item) => item.reversal)!;
    expect(reversal).toMatchObject({
      amount: '30.00',
      creditDebit: 'DBIT',
      returnReason: 'MD06',
      mandateId: 'DDMdtINGBC',
      creditorId: 'NL11ZZZ111123333111',
      endToEndId: '5000300060007000',
      bankTransactionCode: 'PMNT/IDDT/UPDD',
    });
  });

  it('reads a returned transfer with its reason code (RRTN, AC04)', () => {
    expect(ing().find((item) => item.bankTransactionCode === 'PMNT/RCDT/RRTN')?.returnReason).toBe('AC04');
  });

  it('takes the debtor as counterparty of a credit and the creditor of a debit', () => {
    const items = read('camt053/viafintech_volksbank-de_camt053.v2.xml').statements[0]!.items;
    expect(items[0]).toMatchObject({ creditDebit: 'DBIT', counterparty: { name: 'Testkonto Nummer 2', iban: 'DE09300606010012345671' } });
    const credit = read('own/no-namespace_camt054.xml').statements[0]!.items[0]!;
    // A reversed collection: the original debtor is still the other side.
    expect(credit.counterparty?.name).toBe('Erika Mustermann');
  });

  it('reads Swiss QR and ISR references', () => {
    const ubs = read('camt053/viafintech_ubs-ch_camt053.v8.qrr.xml').statements[0]!.items;
    expect(ubs.map((item) => item.creditorReferenceType)).toEqual([null, 'RF', 'QRR']);
    const esr = read('camt054/moov_postfinance-ch_camt054.v4.esr.xml').statements[0]!.items[0]!;
    expect(esr.details.map((detail) => detail.creditorReferenceType)).toEqual(['ISR', 'ISR', 'ISR', 'ISR', 'ISR']);
  });

  it('reads the UETR of a v8 notification', () => {
    expect(read('camt054/genkgo_camt054.v8.uetr.xml').statements[0]!.items[0]!.uetr).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never passes the NOTPROVIDED placeholder on as an end-to-end id', () => {
    const all = [
      ...read('camt053/viafintech_ubs-ch_camt053.v8.qrr.xml').statements,
      ...read('camt053/iso20022js_goldmansachs-uk_camt053.v2.xml').statements,
    ].flatMap((statement) => statement.items.flatMap((item) => [item.endToEndId, ...item.details.map((d) => d.endToEndId)]));
    expect(all).not.toContain('NOTPROVIDED');
  });

  it('keeps the float artefact of a five-decimal amount instead of rounding', () => {
    const items = read('camt053/genkgo_camt053.v2.five-decimals.xml').statements[0]!.items;
    expect(items[0]?.amount).toMatch(/^\d+\.\d{2,5}$/);
  });

  it('keeps and reports an amount more precise than its currency (float artefact)', () => {
    const xml =
      '<Document><BkToCstmrAcctRpt><Rpt><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>' +
      '<Ntry><Amt Ccy="EUR">100.0000000000005</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry></Rpt></BkToCstmrAcctRpt></Document>';
    const [statement] = readCamt(Buffer.from(xml)).statements;
    expect(statement?.items[0]?.amount).toBe('100.0000000000005');
    expect(statement?.warnings).toMatchObject([{ code: 'AMOUNT_PRECISION', details: { amount: '100.0000000000005', currency: 'EUR' } }]);
  });

  it('reads a pending entry of an intraday report as PDNG', () => {
    const items = read('own/misspelt-namespace_camt052.xml').statements[0]!.items;
    expect(items.map((item) => item.status)).toEqual(['BOOK', 'PDNG']);
  });

  it('reads a batch booking without transaction details (camt.052 v8)', () => {
    const [item] = read('camt052/genkgo_camt052.v8.xml').statements[0]!.items;
    expect(item?.details).toEqual([]);
    expect(item?.batch?.count).toBeGreaterThan(0);
  });
});

describe('camt reader: encodings', () => {
  it('decodes a file declared ISO-8859-1', () => {
    const [item] = read('own/latin1-identical-rows_camt053.v2.xml').statements[0]!.items;
    expect(item?.remittanceInformation).toBe('Miete Küche Oktober');
    expect(item?.counterparty?.name).toBe('Jürgen Weiß');
  });

  it('reads UTF-8 with a byte-order mark and UTF-16', () => {
    const text = bytes('own/prefixed-namespace_camt053.v13.xml').toString('utf8');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace("encoding='UTF-8'", "encoding='UTF-16'"), 'utf16le')]);
    for (const input of [withBom, utf16]) {
      expect(readCamt(input).statements[0]!.items[0]!.counterparty?.name).toBe('Müller & Söhne GmbH');
    }
  });

  it('warns once when bytes are not valid in the declared encoding', () => {
    const latin1 = bytes('own/latin1-identical-rows_camt053.v2.xml');
    const file = readCamt(latin1, { encoding: 'utf-8' });
    expect(file.warnings?.map((w) => w.code)).toEqual(['ENCODING_REPLACED']);
  });
});

describe('camt reader: streaming', () => {
  const paths = [
    'camt053/iso20022js_ing-nl_camt053.v2.xml',
    'camt054/moov_postfinance-ch_camt054.v4.esr.xml',
    'own/latin1-identical-rows_camt053.v2.xml',
  ];

  it('gives the same model whatever the chunk boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 20 }), async (path, sizes) => {
        const input = bytes(path);
        const chunks: Uint8Array[] = [];
        let offset = 0;
        for (let i = 0; offset < input.length; i += 1) {
          const size = sizes[i % sizes.length]!;
          chunks.push(input.subarray(offset, offset + size));
          offset += size;
        }
        async function* source() {
          yield* chunks;
        }
        expect(await streamCamt(source())).toEqual(readCamt(input));
      }),
      { numRuns: 30 },
    );
  });

  it('hands items over one by one with keys and checks balances without keeping them', async () => {
    const seen: StatementItem[] = [];
    async function* source() {
      yield bytes('camt053/genkgo_camt053.v8.xml');
    }
    const file = await streamCamt(source(), { onItem: (item) => seen.push(item) });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.key).toMatch(/#0$/);
    expect(file.statements[0]?.items).toEqual([]);
    expect(file.statements[0]?.warnings.map((w) => w.code)).toEqual(['BALANCE_MISMATCH']);
  });
});
