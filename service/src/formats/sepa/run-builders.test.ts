import { describe, expect, it } from 'vitest';
import type { Mandate } from '../../domain/mandates/mandate.js';
import { entry } from '../../domain/test-support/builders.js';
import { mapStatusOutcomes } from '../pain002/outcomes.js';
import { readStatusReport } from '../pain002/reader.js';
import { buildCreditTransferRun } from './credit-transfer-run.js';
import { buildDirectDebitRun, type CollectingEntity } from './direct-debit-run.js';
import { prepareRun } from './prepare-run.js';
import { account } from './test-support/runs.js';
import { xsdErrors } from './test-support/xsd.js';
import { writeRunToString } from './write-run.js';

const TODAY = '2026-11-27';
const entity: CollectingEntity = { name: 'Example Cash GmbH', creditorId: 'DE98ZZZ09999999999', account };

const mandate = (reference: string, overrides: Partial<Mandate> = {}): Mandate => ({
  reference,
  scheme: 'CORE',
  type: 'RECURRENT',
  signatureDate: '2025-03-01',
  accountHolder: `Holder of ${reference}`,
  iban: 'DE02120300000000202051',
  active: true,
  ...overrides,
});

const e2e = (e: { number: string }) => `E2E-${e.number}`;

describe('buildDirectDebitRun', () => {
  const candidates = [
    { entry: entry('1', { amount: '40.00', dueDate: '2026-12-01' }), mandate: mandate('M-1') },
    { entry: entry('2', { amount: '25.00', dueDate: '2026-11-20' }), mandate: mandate('M-2', { lastCollectionDate: '2026-10-01' }) },
    { entry: entry('3', { amount: '10.00', dueDate: '2026-12-01' }) },
    { entry: entry('4', { amount: '10.00', dueDate: '2027-02-01' }), mandate: mandate('M-4') },
    { entry: entry('5', { amount: '10.00', dueDate: '2026-12-01', excludeFromPaymentRun: true }), mandate: mandate('M-5') },
    { entry: entry('6', { amount: '10.00', dueDate: '2026-12-01' }), mandate: mandate('M-6', { iban: 'DE00120300000000202051' }) },
    { entry: entry('7', { amount: '10.00', dueDate: '2026-12-01' }), mandate: mandate('M-7', { signatureDate: '2022-01-01' }) },
    { entry: entry('8', { amount: '10.00', dueDate: '2026-12-01', currency: 'CHF' }), mandate: mandate('M-8') },
  ];
  const plan = buildDirectDebitRun({
    entity,
    candidates,
    until: '2026-12-31',
    today: TODAY,
    messageId: 'RUN-2026-11-27',
    batchBooking: true,
    endToEndIdFor: e2e,
  });

  it('collects due entries with usable mandates, with dates on business days and the right sequence types', () => {
    expect(plan.included.map((i) => [i.recordId, i.endToEndId, i.amount, i.requestedDate, i.sequenceType])).toEqual([
      ['1', 'E2E-INV-1', '40.00', '2026-12-01', 'FRST'],
      ['2', 'E2E-INV-2', '25.00', '2026-11-30', 'RCUR'],
    ]);
  });

  it('lists every entry that cannot go into the run with its reason, and leaves entries not yet due alone', () => {
    expect(plan.excluded.map((e) => [e.recordId, e.code])).toEqual([
      ['3', 'MANDATE_MISSING'],
      ['5', 'ENTRY_EXCLUDED'],
      ['7', 'MANDATE_EXPIRED'],
      ['8', 'CURRENCY_NOT_EUR'],
      ['6', 'IBAN_INVALID'],
    ]);
    expect(plan.included.concat(plan.excluded as never[]).some((r) => r.recordId === '4')).toBe(false);
  });

  it('produces a schema-valid file, and a rejection of one transaction fails exactly that payment', async () => {
    const prepared = prepareRun(plan.run!, { kind: 'direct-debit', format: 'pain.008.001.08', today: TODAY });
    const xml = writeRunToString(prepared.run!);
    expect(await xsdErrors(xml, 'pain.008.001.08')).toEqual([]);
    const blocks = prepared.run!.blocks;
    const payments = [...prepared.run!.transactions()].map((t) => ({
      endToEndId: t.endToEndId,
      paymentInformationId: blocks.find((b) => b.requestedDate === t.requestedDate && b.sequenceType === t.mandate!.sequenceType)!.id,
    }));
    const report = readStatusReport(
      `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
        <GrpHdr><MsgId>STS-1</MsgId><CreDtTm>2026-11-30T08:00:00</CreDtTm></GrpHdr>
        <OrgnlGrpInfAndSts><OrgnlMsgId>RUN-2026-11-27</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.08</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
        <OrgnlPmtInfAndSts><OrgnlPmtInfId>${payments[1]!.paymentInformationId}</OrgnlPmtInfId>
          <TxInfAndSts><OrgnlEndToEndId>E2E-INV-2</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AM04</Cd></Rsn></StsRsnInf></TxInfAndSts>
        </OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>`,
    );
    const outcomes = mapStatusOutcomes(report, { messageId: 'RUN-2026-11-27', payments });
    expect(outcomes.payments.map((p) => [p.endToEndId, p.outcome, p.reasons[0]?.code])).toEqual([
      ['E2E-INV-1', 'accepted', undefined],
      ['E2E-INV-2', 'rejected', 'AM04'],
    ]);
  });

  it('excludes everything, with the reason, when the business entity has no creditor identifier', () => {
    const without = buildDirectDebitRun({ entity: { ...entity, creditorId: undefined }, candidates: candidates.slice(0, 2), until: '2026-12-31', today: TODAY, messageId: 'R', batchBooking: true, endToEndIdFor: e2e });
    expect(without.run).toBeUndefined();
    expect(without.excluded.map((e) => e.code)).toEqual(['CREDITOR_ID_MISSING', 'CREDITOR_ID_MISSING']);
  });

  it('gives each entry its own reason when none of them can be collected', () => {
    const result = buildDirectDebitRun({ entity, candidates: [candidates[5]!], until: '2026-12-31', today: TODAY, messageId: 'R', batchBooking: true, endToEndIdFor: e2e });
    expect(result.run).toBeUndefined();
    expect(result.excluded.map((e) => [e.recordId, e.code])).toEqual([['6', 'IBAN_INVALID']]);
  });

  it('collects only what pending payments do not already bring', () => {
    const partly = { ...entry('9', { amount: '40.00', dueDate: '2026-12-01' }), expectedAmount: -15_00n };
    const result = buildDirectDebitRun({ entity, candidates: [{ entry: partly, mandate: mandate('M-9') }], until: '2026-12-31', today: TODAY, messageId: 'R', batchBooking: true, endToEndIdFor: e2e });
    expect(result.included[0]!.amount).toBe('25.00');
  });
});

describe('buildCreditTransferRun', () => {
  const creditor = { name: 'Lieferant GmbH', iban: 'NL91ABNA0417164300' };
  const payable = (id: string, input: Parameters<typeof entry>[1] = {}) =>
    entry(id, { type: 'Credit', amount: '120.00', dueDate: '2026-12-04', creditApproval: 'approved', ...input });

  it('pays approved payables and approved refunds and lists the unapproved and unpayable ones', async () => {
    const plan = buildCreditTransferRun({
      payer: { name: 'Example Cash GmbH', account },
      candidates: [
        { kind: 'payable', entry: payable('P1'), creditor },
        { kind: 'payable', entry: payable('P2', { creditApproval: 'unapproved' }), creditor },
        { kind: 'payable', entry: payable('P3', { paymentReference: 'RF18539007547034' }), creditor },
        { kind: 'payable', entry: payable('P4') },
        {
          kind: 'refund',
          refund: { id: 'R1', currency: 'EUR', amount: 5_00n, status: 'Approved', method: 'SEPA Credit Transfer', reason: 'Double payment' },
          creditor: { name: 'Erika Mustermann', iban: 'DE02120300000000202051' },
        },
        {
          kind: 'refund',
          refund: { id: 'R2', currency: 'EUR', amount: 5_00n, status: 'Prepared', method: 'SEPA Credit Transfer', reason: null },
          creditor,
        },
      ],
      until: '2026-12-31',
      today: TODAY,
      messageId: 'CT-2026-11-27',
      batchBooking: false,
      endToEndIdFor: (id) => `E2E-${id}`,
    });
    expect(plan.included.map((i) => [i.recordId, i.amount, i.requestedDate])).toEqual([
      ['P1', '120.00', '2026-12-04'],
      ['P3', '120.00', '2026-12-04'],
      ['R1', '5.00', '2026-11-27'],
    ]);
    expect(plan.excluded.map((e) => [e.recordId, e.code])).toEqual([
      ['P2', 'ENTRY_NOT_APPROVED'],
      ['P4', 'CREDITOR_ACCOUNT_MISSING'],
      ['R2', 'REFUND_NOT_APPROVED'],
    ]);
    const prepared = prepareRun(plan.run!, { kind: 'credit-transfer', format: 'pain.001.001.09', today: TODAY });
    expect(prepared.run!.blocks.map((b) => [b.requestedDate, b.count])).toEqual([
      ['2026-12-04', 2],
      ['2026-11-27', 1],
    ]);
    expect(await xsdErrors(writeRunToString(prepared.run!), 'pain.001.001.09')).toEqual([]);
  });
});

describe('texts longer than the EPC maximum', () => {
  const longName = 'Wohnungseigentuemergemeinschaft Am Schlosspark Haus A bis F vertreten durch die Hausverwalter'; // 93, as in the report
  const street = 'Strasse des Siebzehnten Juni zwischen Ernst-Reuter-Platz und Brandenburger Tor'; // 78
  const addressLine = 'Hinterhaus, Seitenfluegel links, dritter Hof, Aufgang C, vierte Etage bei Familie Schmidt-Mueller'; // 97

  it('shortens a debtor name and address to 70 characters with a warning and collects the entry', async () => {
    for (const format of ['pain.008.001.08', 'pain.008.001.02'] as const) {
      const plan = buildDirectDebitRun({
        entity,
        candidates: [
          {
            entry: entry('1', { amount: '40.00', dueDate: '2026-12-01' }),
            mandate: mandate('M-1', { accountHolder: longName }),
            debtorAddress: { street, buildingNumber: '1', postalCode: '10557', town: 'Berlin', country: 'DE', addressLines: [addressLine] },
          },
        ],
        until: '2026-12-31',
        today: TODAY,
        messageId: 'RUN-LONG',
        batchBooking: true,
        format,
        endToEndIdFor: e2e,
      });
      expect(plan.excluded).toEqual([]);
      expect(plan.included.map((i) => i.recordId)).toEqual(['1']);
      const prepared = prepareRun(plan.run!, { kind: 'direct-debit', format, today: TODAY });
      expect(prepared.problems).toEqual([]);
      const shortened = prepared.warnings.filter((w) => w.code === 'TEXT_SHORTENED').map((w) => w.field);
      expect(shortened).toEqual(expect.arrayContaining(['debtor.name', 'debtor.address.street', 'debtor.address.addressLines[0]']));
      const [written] = [...prepared.run!.transactions()];
      expect(written!.counterparty.name).toBe(longName.slice(0, 70).trimEnd());
      expect(written!.counterparty.address!.street!.length).toBeLessThanOrEqual(70);
      const xml = writeRunToString(prepared.run!);
      expect(xml).toContain(`<Nm>${longName.slice(0, 70).trimEnd()}</Nm>`);
      expect(await xsdErrors(xml, format)).toEqual([]);
    }
  });

  it('shortens a remittance text that keeps the entry number with a warning', async () => {
    const title = 'Wartung und Instandhaltung der Aufzugsanlagen, Brandmeldeanlagen und Lueftungstechnik fuer das Objekt Am Schlosspark, Abrechnungszeitraum Q4';
    const plan = buildDirectDebitRun({
      entity,
      candidates: [{ entry: entry('1', { amount: '40.00', dueDate: '2026-12-01', title }), mandate: mandate('M-1') }],
      until: '2026-12-31',
      today: TODAY,
      messageId: 'RUN-TEXT',
      batchBooking: true,
      endToEndIdFor: e2e,
    });
    expect(plan.excluded).toEqual([]);
    const prepared = prepareRun(plan.run!, { kind: 'direct-debit', format: 'pain.008.001.08', today: TODAY });
    expect(prepared.warnings).toMatchObject([{ code: 'TEXT_SHORTENED', field: 'remittanceInformation' }]);
    const text = [...prepared.run!.transactions()][0]!.remittanceInformation!;
    expect(text.length).toBeLessThanOrEqual(140);
    expect(text.startsWith('INV-1 Wartung')).toBe(true);
    expect(await xsdErrors(writeRunToString(prepared.run!), 'pain.008.001.08')).toEqual([]);
  });

  it('excludes a payable whose remittance text would lose the payment reference, with the reason, and pays the rest', async () => {
    const reference = `Lieferantenrechnung 2026-118 Bestellung 4500012345 Lieferschein 80001234 Kostenstelle 4711 Projekt Schlosspark Haus A bis F Abschlag 3 von 5 Rest`; // 145
    const plan = buildCreditTransferRun({
      payer: { name: 'Example Cash GmbH', account },
      candidates: [
        { kind: 'payable', entry: entry('P1', { type: 'Credit', amount: '120.00', dueDate: '2026-12-04', creditApproval: 'approved', paymentReference: reference }), creditor: { name: longName, iban: 'NL91ABNA0417164300' } },
        { kind: 'payable', entry: entry('P2', { type: 'Credit', amount: '80.00', dueDate: '2026-12-04', creditApproval: 'approved' }), creditor: { name: longName, iban: 'NL91ABNA0417164300' } },
      ],
      until: '2026-12-31',
      today: TODAY,
      messageId: 'CT-LONG',
      batchBooking: false,
      endToEndIdFor: (id) => `E2E-${id}`,
    });
    expect(plan.excluded).toMatchObject([{ recordId: 'P1', code: 'REMITTANCE_REFERENCE_LOST', message: expect.stringContaining('Lieferantenrechnung 2026-118') }]);
    expect(plan.included.map((i) => i.recordId)).toEqual(['P2']);
    const prepared = prepareRun(plan.run!, { kind: 'credit-transfer', format: 'pain.001.001.09', today: TODAY });
    expect(prepared.warnings.map((w) => [w.code, w.field])).toEqual([['TEXT_SHORTENED', 'creditor.name']]);
    expect(await xsdErrors(writeRunToString(prepared.run!), 'pain.001.001.09')).toEqual([]);
  });
});
