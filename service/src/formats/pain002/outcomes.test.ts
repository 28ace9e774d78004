import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapStatusOutcomes } from './outcomes.js';
import { readStatusReport } from './reader.js';

const report = (name: string) => readStatusReport(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

describe('mapStatusOutcomes', () => {
  const order = {
    messageId: 'MSG-DD-1',
    payments: [
      { endToEndId: 'E2E-1', paymentInformationId: 'MSG-DD-1-1' },
      { endToEndId: 'E2E-2', paymentInformationId: 'MSG-DD-1-1' },
      { endToEndId: 'E2E-3', paymentInformationId: 'MSG-DD-1-1' },
      { endToEndId: 'E2E-4', paymentInformationId: 'MSG-DD-1-2' },
    ],
  };

  it('fails exactly the rejected payments and accepts the rest of a partially accepted order', () => {
    const outcomes = mapStatusOutcomes(report('own_pain002.v10.mixed.xml'), order);
    expect(outcomes.order).toBe('Partially accepted');
    expect(outcomes.payments.map((p) => [p.endToEndId, p.outcome, p.level, p.reasons[0]?.code])).toEqual([
      ['E2E-1', 'accepted', 'batch', undefined],
      ['E2E-2', 'rejected', 'transaction', 'AC04'],
      ['E2E-3', 'accepted', 'batch', undefined],
      ['E2E-4', 'rejected', 'batch', 'MS03'],
    ]);
    expect(outcomes.unmatchedEndToEndIds).toEqual(['E2E-FROM-ELSEWHERE']);
  });

  it('rejects every payment when the whole group is rejected', () => {
    const outcomes = mapStatusOutcomes(report('iso20022js_nordea_pain002.v3.group-reject.xml'), {
      messageId: 'MSGID-PS-TEST-0708-01',
      payments: [{ endToEndId: 'A' }, { endToEndId: 'B' }],
    });
    expect(outcomes.order).toBe('Rejected');
    expect(outcomes.payments.every((p) => p.outcome === 'rejected' && p.reasons[0]?.code === 'DU01')).toBe(true);
  });

  it('leaves payments unknown when the report says nothing about them', () => {
    const outcomes = mapStatusOutcomes(report('iso20022js_nordea_pain002.v3.payment-reject.xml'), {
      messageId: 'MSGID-COM-SCE25-1707-01',
      payments: [
        { endToEndId: 'A', paymentInformationId: 'PMTINFID-COM-SCE25-1707-01' },
        { endToEndId: 'B', paymentInformationId: 'OTHER-BLOCK' },
      ],
    });
    expect(outcomes.payments.map((p) => p.outcome)).toEqual(['rejected', 'unknown']);
    expect(outcomes.order).toBe('Partially accepted');
  });

  it('accepts all payments of a technically accepted order', () => {
    const accepted = readStatusReport(
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt><GrpHdr><MsgId>S</MsgId></GrpHdr>' +
        '<OrgnlGrpInfAndSts><OrgnlMsgId>M</OrgnlMsgId><GrpSts>ACTC</GrpSts></OrgnlGrpInfAndSts></CstmrPmtStsRpt></Document>',
    );
    const outcomes = mapStatusOutcomes(accepted, { messageId: 'M', payments: [{ endToEndId: 'A' }] });
    expect(outcomes.order).toBe('Accepted');
  });

  it('refuses a report about another order', () => {
    expect(() => mapStatusOutcomes(report('own_pain002.v10.mixed.xml'), { messageId: 'OTHER', payments: [] })).toThrow(
      /MSG-DD-1/,
    );
  });
});
