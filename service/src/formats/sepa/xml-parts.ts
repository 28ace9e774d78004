/**
 * Building blocks shared by the pain.001 and pain.008 writers, in the shape of each message
 * version: BICFI (2019) or BIC (2009), structured addresses (2019) or country plus two lines (2009).
 */
import { formatMinor } from '../../domain/money.js';
import {
  isLegacyFormat,
  type PreparedAddress,
  type PreparedParty,
  type PreparedRun,
  type PreparedTransaction,
  type SepaFormat,
} from './model.js';
import { legacyAddressLines } from './party-rules.js';
import type { XmlStream } from './xml-stream.js';

export const amountText = (minor: bigint): string => formatMinor(minor, 'EUR');

export function namespaceOf(format: SepaFormat): Record<string, string> {
  return {
    xmlns: `urn:iso:std:iso:20022:tech:xsd:${format}`,
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  };
}

export function writeAddress(xml: XmlStream, address: PreparedAddress | undefined, format: SepaFormat): void {
  if (!address) return;
  xml.start('PstlAdr');
  if (isLegacyFormat(format)) {
    xml.leaf('Ctry', address.country);
    for (const line of legacyAddressLines(address)) xml.leaf('AdrLine', line);
  } else {
    xml
      .leaf('StrtNm', address.street)
      .leaf('BldgNb', address.buildingNumber)
      .leaf('PstCd', address.postalCode)
      .leaf('TwnNm', address.town)
      .leaf('Ctry', address.country);
    for (const line of address.lines) xml.leaf('AdrLine', line);
  }
  xml.end();
}

/** A party's name and address (Dbtr, Cdtr). */
export function writeParty(xml: XmlStream, element: string, party: PreparedParty, format: SepaFormat): void {
  xml.start(element).leaf('Nm', party.name);
  writeAddress(xml, party.address, format);
  xml.end();
}

export function writeAccount(xml: XmlStream, element: string, iban: string): void {
  xml.start(element).start('Id').leaf('IBAN', iban).end().end();
}

/** A bank by BIC, or "NOTPROVIDED" where the message requires an agent and the IBAN suffices. */
export function writeAgent(xml: XmlStream, element: string, bic: string | undefined, format: SepaFormat): void {
  xml.start(element).start('FinInstnId');
  if (bic) xml.leaf(isLegacyFormat(format) ? 'BIC' : 'BICFI', bic);
  else xml.start('Othr').leaf('Id', 'NOTPROVIDED').end();
  xml.end().end();
}

/** One unstructured text, or an RF creditor reference as structured remittance. */
export function writeRemittance(xml: XmlStream, tx: PreparedTransaction): void {
  if (!tx.creditorReference && !tx.remittanceInformation) return;
  xml.start('RmtInf');
  if (tx.creditorReference) {
    xml
      .start('Strd')
      .start('CdtrRefInf')
      .start('Tp')
      .start('CdOrPrtry')
      .leaf('Cd', 'SCOR')
      .end()
      .end()
      .leaf('Ref', tx.creditorReference)
      .end()
      .end();
  } else {
    xml.leaf('Ustrd', tx.remittanceInformation);
  }
  xml.end();
}

export function writeCreditorSchemeId(xml: XmlStream, element: string, creditorId: string): void {
  xml
    .start(element)
    .start('Id')
    .start('PrvtId')
    .start('Othr')
    .leaf('Id', creditorId)
    .start('SchmeNm')
    .leaf('Prtry', 'SEPA')
    .end()
    .end()
    .end()
    .end()
    .end();
}

/** The group header both messages share: message id, time, and the control count and sum. */
export function writeGroupHeader(xml: XmlStream, run: PreparedRun): void {
  xml
    .start('GrpHdr')
    .leaf('MsgId', run.messageId)
    .leaf('CreDtTm', run.creationDateTime)
    .leaf('NbOfTxs', String(run.count))
    .leaf('CtrlSum', amountText(run.totalMinor))
    .start('InitgPty')
    .leaf('Nm', run.initiatingPartyName)
    .end()
    .end();
}

/**
 * Opens a payment-information block up to its SEPA service level; `PmtTpInf` stays open for the
 * caller (direct debits add their scheme and sequence type there).
 */
export function openPaymentInfo(xml: XmlStream, run: PreparedRun, block: PreparedRun['blocks'][number], method: 'TRF' | 'DD'): void {
  xml
    .start('PmtInf')
    .leaf('PmtInfId', block.id)
    .leaf('PmtMtd', method)
    .leaf('BtchBookg', run.batchBooking ? 'true' : 'false')
    .leaf('NbOfTxs', String(block.count))
    .leaf('CtrlSum', amountText(block.totalMinor))
    .start('PmtTpInf')
    .start('SvcLvl')
    .leaf('Cd', 'SEPA')
    .end();
}
