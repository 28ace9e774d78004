/**
 * A pain.002.001.10 status report as a bank sends it back for one of our orders: the group status
 * and, per payment-information block, the transactions it names with their status and reason.
 */
export interface ReportedTransaction {
  endToEndId: string;
  status: string;
  reason?: string;
  info?: string;
}

export function statusReport(
  originalMessageId: string,
  groupStatus: string,
  blocks: { paymentInformationId: string; status?: string; transactions: ReportedTransaction[] }[],
  groupReason?: string,
): string {
  const reason = (code?: string, info?: string) =>
    code ? `<StsRsnInf><Rsn><Cd>${code}</Cd></Rsn>${info ? `<AddtlInf>${info}</AddtlInf>` : ''}</StsRsnInf>` : '';
  const tx = (t: ReportedTransaction) =>
    `<TxInfAndSts><OrgnlEndToEndId>${t.endToEndId}</OrgnlEndToEndId><TxSts>${t.status}</TxSts>${reason(t.reason, t.info)}</TxInfAndSts>`;
  const block = (b: (typeof blocks)[number]) =>
    `<OrgnlPmtInfAndSts><OrgnlPmtInfId>${b.paymentInformationId}</OrgnlPmtInfId>${b.status ? `<PmtInfSts>${b.status}</PmtInfSts>` : ''}${b.transactions.map(tx).join('')}</OrgnlPmtInfAndSts>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
<GrpHdr><MsgId>STS-${originalMessageId.slice(-12)}</MsgId><CreDtTm>2026-11-30T08:00:00</CreDtTm></GrpHdr>
<OrgnlGrpInfAndSts><OrgnlMsgId>${originalMessageId}</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.08</OrgnlMsgNmId><GrpSts>${groupStatus}</GrpSts>${reason(groupReason)}</OrgnlGrpInfAndSts>
${blocks.map(block).join('\n')}
</CstmrPmtStsRpt></Document>`;
}
