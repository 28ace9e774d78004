/**
 * Writes a prepared direct-debit run as pain.008.001.08 (default) or pain.008.001.02, streamed in
 * chunks. One PmtInf block per collection date, scheme and sequence type; counts and control sums
 * come from the preparation, so they always match what is written.
 */
import type { PreparedMandate, PreparedRun, PreparedTransaction } from './model.js';
import {
  namespaceOf,
  openPaymentInfo,
  writeAccount,
  writeAgent,
  writeCreditorSchemeId,
  writeGroupHeader,
  writeParty,
  writeRemittance,
} from './xml-parts.js';
import { XmlStream } from './xml-stream.js';

function writeMandate(xml: XmlStream, mandate: PreparedMandate): void {
  const amendment = mandate.amendment;
  xml
    .start('DrctDbtTx')
    .start('MndtRltdInf')
    .leaf('MndtId', mandate.id)
    .leaf('DtOfSgntr', mandate.signatureDate)
    .leaf('AmdmntInd', amendment ? 'true' : 'false');
  if (amendment) {
    xml.start('AmdmntInfDtls').leaf('OrgnlMndtId', amendment.originalMandateId);
    if (amendment.originalCreditorId) writeCreditorSchemeId(xml, 'OrgnlCdtrSchmeId', amendment.originalCreditorId);
    const account = amendment.originalDebtorAccount;
    if (account === 'SMNDA') xml.start('OrgnlDbtrAcct').start('Id').start('Othr').leaf('Id', 'SMNDA').end().end().end();
    else if (account) writeAccount(xml, 'OrgnlDbtrAcct', account.iban);
    xml.end();
  }
  xml.end().end();
}

function writeTransaction(xml: XmlStream, run: PreparedRun, tx: PreparedTransaction): void {
  xml
    .start('DrctDbtTxInf')
    .start('PmtId')
    .leaf('EndToEndId', tx.endToEndId)
    .end()
    .leaf('InstdAmt', tx.amount, { Ccy: 'EUR' });
  writeMandate(xml, tx.mandate!);
  writeAgent(xml, 'DbtrAgt', tx.counterparty.bic, run.format);
  writeParty(xml, 'Dbtr', tx.counterparty, run.format);
  writeAccount(xml, 'DbtrAcct', tx.counterparty.iban);
  writeRemittance(xml, tx);
  xml.end();
}

export function* writePain008(run: PreparedRun): Generator<string> {
  const xml = new XmlStream();
  xml.declaration().start('Document', namespaceOf(run.format)).start('CstmrDrctDbtInitn');
  writeGroupHeader(xml, run);
  for (const block of run.blocks) {
    openPaymentInfo(xml, run, block, 'DD');
    xml
      .start('LclInstrm')
      .leaf('Cd', block.scheme)
      .end()
      .leaf('SeqTp', block.sequenceType)
      .end()
      .leaf('ReqdColltnDt', block.requestedDate);
    writeParty(xml, 'Cdtr', run.account, run.format);
    writeAccount(xml, 'CdtrAcct', run.account.iban);
    writeAgent(xml, 'CdtrAgt', run.account.bic, run.format);
    xml.leaf('ChrgBr', 'SLEV');
    writeCreditorSchemeId(xml, 'CdtrSchmeId', run.creditorId!);
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
