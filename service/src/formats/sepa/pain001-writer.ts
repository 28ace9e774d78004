/**
 * Writes a prepared credit-transfer run as pain.001.001.09 (default) or pain.001.001.03, streamed
 * in chunks, one PmtInf block per execution date.
 */
import { isLegacyFormat, type PreparedRun, type PreparedTransaction } from './model.js';
import { namespaceOf, openPaymentInfo, writeAccount, writeAgent, writeGroupHeader, writeParty, writeRemittance } from './xml-parts.js';
import { XmlStream } from './xml-stream.js';

function writeTransaction(xml: XmlStream, run: PreparedRun, tx: PreparedTransaction): void {
  xml
    .start('CdtTrfTxInf')
    .start('PmtId')
    .leaf('EndToEndId', tx.endToEndId)
    .end()
    .start('Amt')
    .leaf('InstdAmt', tx.amount, { Ccy: 'EUR' })
    .end();
  // The creditor agent is optional in SEPA credit transfers: the IBAN alone routes the payment.
  if (tx.counterparty.bic) writeAgent(xml, 'CdtrAgt', tx.counterparty.bic, run.format);
  writeParty(xml, 'Cdtr', tx.counterparty, run.format);
  writeAccount(xml, 'CdtrAcct', tx.counterparty.iban);
  writeRemittance(xml, tx);
  xml.end();
}

export function* writePain001(run: PreparedRun): Generator<string> {
  const xml = new XmlStream();
  xml.declaration().start('Document', namespaceOf(run.format)).start('CstmrCdtTrfInitn');
  writeGroupHeader(xml, run);
  for (const block of run.blocks) {
    openPaymentInfo(xml, run, block, 'TRF');
    xml.end();
    if (isLegacyFormat(run.format)) xml.leaf('ReqdExctnDt', block.requestedDate);
    else xml.start('ReqdExctnDt').leaf('Dt', block.requestedDate).end();
    writeParty(xml, 'Dbtr', run.account, run.format);
    writeAccount(xml, 'DbtrAcct', run.account.iban);
    writeAgent(xml, 'DbtrAgt', run.account.bic, run.format);
    xml.leaf('ChrgBr', 'SLEV');
    for (const tx of run.transactions(block.key)) {
      writeTransaction(xml, run, tx);
      const chunk = xml.drain();
      if (chunk) yield chunk;
    }
    xml.end();
  }
  xml.end().end();
  const rest = xml.drain(true);
  if (rest) yield rest;
}
