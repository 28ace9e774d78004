import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CashError } from '../../domain/errors.js';
import { readStatusReport } from './reader.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof CashError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('readStatusReport', () => {
  it('reads a whole-group rejection with its reason (Nordea, pain.002.001.03)', () => {
    const report = readStatusReport(fixture('iso20022js_nordea_pain002.v3.group-reject.xml'));
    expect(report.version).toBe('pain.002.001.03');
    expect(report.messageId).toBe('XML990920150810101909283');
    expect(report.original).toEqual({
      messageId: 'MSGID-PS-TEST-0708-01',
      messageNameId: 'pain.001.001.03',
      creationDateTime: '2015-08-10T10:48:47',
    });
    expect(report.groupStatus).toBe('RJCT');
    expect(report.groupReasons).toEqual([{ code: 'DU01', additionalInformation: ['ISO Duplicate Message ID'] }]);
    expect(report.batches).toEqual([]);
    expect(report.verificationOfPayee).toBe(false);
  });

  it('reads a batch-level rejection without group status', () => {
    const report = readStatusReport(fixture('iso20022js_nordea_pain002.v3.payment-reject.xml'));
    expect(report.groupStatus).toBeUndefined();
    expect(report.batches).toHaveLength(1);
    expect(report.batches[0]).toMatchObject({
      paymentInformationId: 'PMTINFID-COM-SCE25-1707-01',
      status: 'RJCT',
      reasons: [{ code: 'NARR', additionalInformation: ['CAP Invalid code or combinations in CategoryPurpose or ServiceLevel'] }],
      transactions: [],
    });
  });

  it('reads every rejected transaction with instruction and end-to-end id', () => {
    const report = readStatusReport(fixture('iso20022js_nordea_pain002.v3.txn-reject.xml'));
    const transactions = report.batches[0]!.transactions;
    expect(transactions.map((t) => [t.originalInstructionId, t.originalEndToEndId, t.status, t.reasons[0]?.code])).toEqual([
      ['INSTRID-950-TEST2-2807-02', 'ENDTOENDID-950-TEST2-2807-02', 'RJCT', 'NARR'],
      ['INSTRID-950-TEST2-2807-01', 'ENDTOENDID-950-TEST2-2807-01', 'RJCT', 'NARR'],
    ]);
  });

  it('reads the Swiss .ch.02 variant: partially accepted batch, rejected transaction, umlauts kept', () => {
    const report = readStatusReport(fixture('moov_postfinance-ch_pain002.v3ch02.epo-b.xml'));
    expect(report.version).toBe('pain.002.001.03.ch.02');
    const batch = report.batches[0]!;
    expect(batch.status).toBe('PART');
    expect(batch.transactions[0]).toMatchObject({
      originalEndToEndId: 'EndToEndId-001-03-04',
      status: 'RJCT',
      reasons: [{ code: 'AC01', additionalInformation: ['1301813;Konto ungültig'] }],
      requestedCollectionDate: '2018-03-16',
    });
  });

  it('reads reasons at batch and transaction level in one single-line file', () => {
    const report = readStatusReport(fixture('moov_postfinance-ch_pain002.v3ch02.rjct.xml'));
    const batch = report.batches[0]!;
    expect(batch.reasons[0]).toMatchObject({ code: 'NARR', additionalInformation: ['1297193;Sammelauftrag ohne ausführbaren Einzelauftrag'] });
    expect(batch.transactions[0]?.reasons[0]?.code).toBe('AC01');
  });

  it('reads pain.002.001.10 with status counts, amounts, parties nested under Pty', () => {
    const report = readStatusReport(fixture('own_pain002.v10.mixed.xml'));
    expect(report.version).toBe('pain.002.001.10');
    expect(report.original).toMatchObject({ messageId: 'MSG-DD-1', numberOfTransactions: 4, controlSum: '100.00' });
    expect(report.statusCounts).toEqual([
      { status: 'ACCP', count: 2 },
      { status: 'RJCT', count: 2 },
    ]);
    expect(report.batches[0]!.transactions[0]).toEqual({
      statusId: 'STS-1',
      originalEndToEndId: 'E2E-2',
      status: 'RJCT',
      reasons: [{ code: 'AC04', additionalInformation: ['Konto erloschen'] }],
      amount: { value: '25.00', currency: 'EUR' },
      requestedCollectionDate: '2026-12-03',
      debtorName: 'Erika Mustermann',
      debtorIban: 'DE02120300000000202051',
    });
  });

  it('refuses a DOCTYPE instead of expanding entities', () => {
    expect(refusal(() => readStatusReport(fixture('own_doctype-entities.xml')))).toBe('XML_DOCTYPE_REFUSED');
  });

  it('refuses another message type, malformed XML and a report without original message id', () => {
    expect(refusal(() => readStatusReport(fixture('own_camt-namespace.xml')))).toBe('STATUS_REPORT_UNSUPPORTED');
    expect(refusal(() => readStatusReport('<Document><CstmrPmtStsRpt><GrpHdr>'))).toBe('XML_MALFORMED');
    expect(refusal(() => readStatusReport('<Document><CstmrPmtStsRpt><GrpHdr/></CstmrPmtStsRpt></Document>'))).toBe(
      'STATUS_REPORT_INCOMPLETE',
    );
    expect(refusal(() => readStatusReport('<Other/>'))).toBe('STATUS_REPORT_UNSUPPORTED');
  });

  it('reads the German DK namespace and the GBIC-suffixed one', () => {
    const report = (namespace: string) =>
      readStatusReport(
        `<Document xmlns="${namespace}"><CstmrPmtStsRpt><GrpHdr><MsgId>S</MsgId></GrpHdr>` +
          '<OrgnlGrpInfAndSts><OrgnlMsgId>M</OrgnlMsgId><GrpSts>ACCP</GrpSts></OrgnlGrpInfAndSts></CstmrPmtStsRpt></Document>',
      );
    expect(report('urn:iso:std:iso:20022:tech:xsd:pain.002.003.03').version).toBe('pain.002.003.03');
    expect(report('urn:iso:std:iso:20022:tech:xsd:pain.002.001.10_GBIC_4').version).toBe('pain.002.001.10');
  });

  it('reads a report declared in ISO-8859-1', () => {
    const text = readFileSync(new URL('./fixtures/moov_postfinance-ch_pain002.v3ch02.rjct.xml', import.meta.url), 'utf8');
    const latin1 = Buffer.from(text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1');
    const report = readStatusReport(latin1);
    expect(report.batches[0]!.transactions[0]!.reasons[0]!.additionalInformation).toEqual(['1301813;Konto ungültig']);
  });
});
