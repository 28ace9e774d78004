import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkStatement } from '../statement/balance-check.js';
import type { StatementFile } from '../statement/model.js';
import { readMt940 } from './index.js';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url));
const read = (name: string): StatementFile => readMt940(fixture(name), { fileName: name });
const balanceWarnings = (file: StatementFile) =>
  file.statements.flatMap((s) => checkStatement(s)).filter((w) => w.code === 'BALANCE_MISMATCH');

describe('readMt940 on real bank files', () => {
  it('reads an ABN AMRO statement with Dutch /TRTP/ structures wrapped across lines', () => {
    const file = read('fruitl00p_abnamro-nl.sta');
    expect(file.format).toBe('mt940');
    const [statement] = file.statements;
    expect(statement!.account).toMatchObject({ other: '534334164', currency: 'EUR', servicerBic: 'ABNANL2A' });
    expect(statement!.openingBalance).toEqual({ amount: '1124.58', date: '2016-12-14' });
    expect(statement!.closingBalance).toEqual({ amount: '1171.60', date: '2016-12-15' });
    const [credit, debit] = statement!.items;
    expect(credit).toMatchObject({
      amount: '109.65',
      creditDebit: 'CRDT',
      remittanceInformation: 'RES.NR 00042',
      endToEndId: null,
      counterparty: { name: 'HR K XXXXXXX EN/OF MW H XXXXXXX', bic: 'INGBNL2A' },
      additionalInformation: 'SEPA OVERBOEKING',
    });
    expect(debit).toMatchObject({
      amount: '62.63',
      creditDebit: 'DBIT',
      endToEndId: '012345678912361000',
      mandateId: '000000059990',
      creditorId: 'NL36ZZZ123456780000',
      remittanceInformation: '/INV/1511682351 1.12.2016',
    });
    expect(balanceWarnings(file)).toEqual([]);
  });

  it('reads German ?-subfields into counterparty, remittance and the DK transaction code', () => {
    const [statement] = read('fruitl00p_kontist-de.sta').statements;
    expect(statement!.account.iban).toBe('DE85110101002482488293');
    expect(statement!.items).toHaveLength(6);
    expect(statement!.items[0]).toMatchObject({
      amount: '50.00',
      creditDebit: 'CRDT',
      proprietaryBankTransactionCode: 'NTRF+166',
      counterparty: { name: 'CHRISTIAN BENDT', iban: 'DE59320500000001908722', bic: 'SPKRDE33XXX' },
    });
    expect(statement!.items[1]!.counterparty!.name).toBe('Lucien Schünke');
    expect(statement!.items[2]!.remittanceInformation).toBe('Rechnung-Nr.: INV-00002 v. 13.02.21');
  });

  it('reads SEPA keywords split across ?2x subfields', () => {
    const [item] = read('wolph_de-gv-codes.sta').statements[0]!.items;
    expect(item).toMatchObject({
      endToEndId: '1234567890123 PAYPAL',
      mandateId: '12AB234CD6E7F',
      creditorId: 'AB12CDE0000000000000000034',
      proprietaryBankTransactionCode: 'NMSC+835',
    });
    expect(item!.remittanceInformation).toMatch(/^\. SPOTIFY, Ihr Einkauf ?bei SPOTIFY$/);
  });

  it('reads ?-subfield marks that a line break splits ("?" / "23")', () => {
    const [item] = read('jejik_bayernlb-de.txt').statements[0]!.items;
    expect(item!.endToEndId).toBe('A17022021.392492.376552.391933');
    expect(item!.accountServicerReference).toBe('0000000000000001');
    expect(item!.details[0]!.instructionId).toBe('SEPA-20210217210');
  });

  it('stitches a statement split over messages with :62M:/:60M: interim balances', () => {
    const file = read('fruitl00p_sparkasse-de.sta');
    expect(file.statements.map((s) => [s.openingBalance?.amount, s.closingBalance?.amount, s.items.length])).toEqual([
      ['1818.90', '2624.22', 8],
      ['2624.22', '2734.22', 2],
    ]);
    expect(balanceWarnings(file)).toEqual([]);
  });

  it('stitches a continuation page of any size (200,000 items)', () => {
    const page = (n: number, opening: string, closing: string, count: number) =>
      [`:20:P${n}`, ':25:DE89370400440532013000', `:28C:1/${n}`, opening, ...Array(count).fill(':61:261201C1,NTRF'), closing].join('\n');
    const text = [
      page(1, ':60F:C261201EUR0,', ':62M:C261201EUR1,', 1),
      page(2, ':60M:C261201EUR1,', ':62F:C261201EUR200001,', 200_000),
    ].join('\n-\n');
    const [statement, ...rest] = readMt940(Buffer.from(text)).statements;
    expect(rest).toEqual([]);
    expect(statement!.items).toHaveLength(200_001);
    expect(checkStatement(statement!)).toEqual([]);
  });

  it('keeps statements apart where a :60M: follows a final :62F:', () => {
    const file = read('jejik_sparkasse-de.interim-balance.txt');
    expect(file.statements).toHaveLength(3);
    expect(file.statements[2]!.items).toEqual([]);
    expect(file.statements[0]!.items[0]!.ultimateCounterparty!.name).toContain('Aral Tankstelle');
  });

  it('reads SWIFT envelopes with SOH/ETX bytes and reports the PostFinance balance difference', () => {
    const file = read('jejik_postfinance-ch.txt');
    expect(file.statements).toHaveLength(1);
    const [statement] = file.statements;
    expect(statement!.account).toMatchObject({ other: '123456789', currency: 'CHF', servicerBic: 'POFICHBE' });
    expect(statement!.items.map((i) => i.amount)).toEqual(['79.70', '149.50', '79.90', '10.10']);
    expect(statement!.items[0]!.remittanceInformation).toBe(
      'GIRO AUS ONLINE-SIC 80532 AUFTRAGGEBER: JANE DOE EXAMPLESTRASSE 10 1234 XXXX 131209CH98765432 MITTEILUNGEN: RECHNUNG XXXXXXXXXXXX',
    );
    // The file's own figures disagree: 0 + 79.70 + 149.50 - 79.90 + 10.10 = 159.40, not 159.60.
    expect(balanceWarnings(file).map((w) => w.details?.difference)).toEqual(['0.20']);
  });

  it('reads the counter IBAN Rabobank puts on the :61: continuation line and /PREF/ batches', () => {
    const [statement] = read('fruitl00p_rabobank-nl.sta').statements;
    expect(statement!.items[0]).toMatchObject({
      endToEndId: '08-12-2015 10:22 0030001100999991',
      counterparty: { name: 'Rabobank RCKV', iban: 'NL44RABO0123456789' },
    });
    expect(statement!.items[1]!.batch).toMatchObject({ paymentInformationId: 'PmtInfId-20151208-987' });
  });

  it('reads colon-separated Penta texts with the counterparty account at the end', () => {
    const [statement] = read('fruitl00p_penta-de.sta').statements;
    expect(statement!.items).toHaveLength(30);
    expect(statement!.items[5]).toMatchObject({
      remittanceInformation: 'Rechnung Nr 7983',
      counterparty: { name: 'SRB Steuerberatungsgesellschaft mbH', iban: 'DE70210512750155069677' },
      additionalInformation: 'SEPA CREDIT TRANSFER',
    });
    expect(balanceWarnings(read('fruitl00p_penta-de.sta'))).toEqual([]);
  });

  it('reads Triodos ">" subfields and several statements per file', () => {
    const file = read('fruitl00p_triodos-nl.sta');
    expect(file.statements.map((s) => s.account.other)).toEqual(['0666666666', '0999999999']);
    expect(file.statements[0]!.items[0]!.remittanceInformation).toBe(
      'TENAAMSTELLING TEGENREKENING EN ADRES TEGENREKENING EN PLAATS TEGENREKENING EN EEN LANGE OMSCHRIJVING VAN DE TRANSACTIE',
    );
    expect(balanceWarnings(file)).toEqual([]);
  });

  it('reads charges and the original amount from /CHGS/ and /OCMT/', () => {
    const [statement] = read('wolph_multiline-86.sta').statements;
    expect(statement!.account).toMatchObject({ servicerBic: 'BILLLULLXXX', other: 'NUMERO DE COMPTE IBAN 2' });
    expect(statement!.items[0]).toMatchObject({ amount: '5.00', charges: '0.50', accountServicerReference: 'MUL0408041114005' });
    expect(statement!.items[0]!.details[0]).toMatchObject({ amount: '4.50', currency: 'EUR' });
  });

  it('keeps a statement line that follows the end mark, with a warning instead of dropping it', () => {
    const file = read('wolph_multiline-86.sta');
    expect(file.statements).toHaveLength(2);
    expect(file.statements[1]!.items[0]).toMatchObject({ amount: '119.00', bookingDate: '2022-12-20', valueDate: '2022-12-19' });
    expect(file.statements[1]!.warnings.map((w) => w.code)).toEqual(['STATEMENT_HEADER_MISSING']);
  });

  it('reads a 30 February value date as the last day of February, with a warning', () => {
    const [statement] = read('wolph_february-30.sta').statements;
    expect(statement!.items[0]!.valueDate).toBe('2016-02-29');
    expect(statement!.items[0]!.bookingDate).toBe('2016-03-01');
    expect(statement!.warnings[0]).toMatchObject({ code: 'DATE_CORRECTED' });
  });

  it('joins a :61: line and an ":86:" tag that line breaks split', () => {
    const [statement] = read('wolph_de-sparkasse-wrapped-tags.sta').statements;
    expect(statement!.items[0]).toMatchObject({
      amount: '30.00',
      creditDebit: 'CRDT',
      remittanceInformation: 'Test',
      additionalInformation: 'GUTSCHR. UEBERWEISUNG',
    });
  });

  it('reads an MT942 interim report: pending items, floor limit currency, control totals', () => {
    const file = read('wolph_mt942.sta');
    expect(file.format).toBe('mt942');
    const [statement] = file.statements;
    expect(statement!.kind).toBe('report');
    expect(statement!.creationDateTime).toBe('2016-10-30T17:30:00+00:00');
    expect(statement!.account.currency).toBe('EUR');
    expect(statement!.summary).toEqual({ debits: { count: 1, sum: '2.30' } });
    expect(statement!.items[0]).toMatchObject({ amount: '0.42', status: 'PDNG', accountServicerReference: '055001022000001' });
    // The file states a debit sum of 2.30 for one entry of 0.42: the check reports it.
    expect(checkStatement(statement!).map((w) => w.code)).toContain('CONTROL_TOTAL_MISMATCH');
  });

  it('reads non-ASCII bytes inside references of an otherwise plain file', () => {
    const file = read('wolph-betterplace_binary-char.sta');
    expect(file.statements[0]!.id).toBe('STAR1ÜTßUMS');
    expect(balanceWarnings(file)).toEqual([]);
  });

  it('balances every statement of the files whose figures are consistent', () => {
    for (const name of [
      'fruitl00p_bunq-nl.sta',
      'fruitl00p_kontist-de.sta',
      'jejik_bnpparibas-de.txt',
      'jejik_raiffeisen-kaernten-at.txt',
      'jejik_volksbank-de.txt',
      'wolph_de-gv-codes.sta',
    ]) {
      expect(balanceWarnings(read(name)), name).toEqual([]);
    }
  });
});

describe('readMt940 on own edge-case files', () => {
  it('reads an envelope with reversal marks RC/RD, a year-crossing entry date and an RF reference', () => {
    const [statement] = read('own/envelope-reversals.sta').statements;
    expect(statement!.account).toMatchObject({ iban: 'DE89370400440532013000', servicerBic: 'COBADEFF' });
    const [credit, reversedCredit, reversedDebit] = statement!.items;
    expect(credit).toMatchObject({
      creditDebit: 'CRDT',
      reversal: false,
      bookingDate: '2027-01-02',
      valueDate: '2026-12-31',
      endToEndId: 'E2E-2026-0001',
      creditorReference: 'RF18539007547034',
      creditorReferenceType: 'RF',
      accountServicerReference: 'BANKREF0001',
      ultimateCounterparty: { name: 'Max Muster Holding' },
    });
    expect(credit!.details[0]!.instructionId).toBe('KREF-4711');
    expect(reversedCredit).toMatchObject({ creditDebit: 'DBIT', reversal: true, returnReason: 'AM04' });
    expect(reversedDebit).toMatchObject({
      creditDebit: 'CRDT',
      reversal: true,
      mandateId: 'MANDATE-9',
      creditorId: 'DE98ZZZ09999999999',
      returnReason: 'MD06',
    });
    expect(statement!.closingAvailableBalance).toEqual({ amount: '1220.00', date: '2026-12-31' });
    expect(checkStatement(statement!)).toEqual([]);
  });

  it.each([
    ['own/cp850-sparkasse-de.sta', 'MÜLLER GMBH & CO. KG', 'Bürobedarf für Straße 5'],
    ['own/cp852-bank-pl.sta', null, 'Zapłata za fakturę 7/2026 Łódź ul. Świętokrzyska'],
    ['own/iso-8859-15-de.sta', 'Günther Weiß', 'Rechnung über 100 € für Škoda'],
    ['own/windows-1252-de.sta', 'Zoë Dupré', '„Angebot“ für Café – 50 €'],
  ])('detects the code page of %s', (name, counterparty, remittance) => {
    const [item] = read(name).statements[0]!.items;
    expect(item!.remittanceInformation).toBe(remittance);
    expect(item!.counterparty?.name ?? null).toBe(counterparty);
  });

  it('decodes with the encoding the caller chooses', () => {
    const file = readMt940(fixture('own/cp850-sparkasse-de.sta'), { encoding: 'cp437' });
    expect(file.statements[0]!.items[0]!.counterparty!.name).toBe('MÜLLER GMBH & CO. KG');
    const wrong = readMt940(fixture('own/cp850-sparkasse-de.sta'), { encoding: 'iso-8859-1' });
    expect(wrong.statements[0]!.items[0]!.counterparty!.name).not.toBe('MÜLLER GMBH & CO. KG');
  });

  it.each([
    ['own/hostile-unknown-tag.sta', /line 4: unknown MT940 field tag ":99X:"/],
    ['own/hostile-broken-statement-line.sta', /line 4: :61: "26XX01C1O,00NTRFNONREF" is not a statement line/],
    ['own/hostile-broken-balance.sta', /line 3: :60F: "X261130EUR1\.000,00" is not a balance/],
    ['own/hostile-binary.sta', /no MT940\/MT942 fields/],
  ])('refuses %s with an error naming the file and line', (name, message) => {
    expect(() => read(name)).toThrow(message);
    try {
      read(name);
    } catch (error) {
      expect(error).toMatchObject({ code: 'STATEMENT_MALFORMED', details: { file: name } });
      expect((error as Error).message.startsWith(name)).toBe(true);
    }
  });

  it('refuses an unknown encoding name', () => {
    expect(() => readMt940(fixture('own/cp850-sparkasse-de.sta'), { encoding: 'klingon-1' })).toThrow(
      expect.objectContaining({ code: 'STATEMENT_ENCODING_UNKNOWN' }),
    );
  });
});
