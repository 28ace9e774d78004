import { describe, expect, it } from 'vitest';
import { child, children, parseXmlTree, textAt, type XmlElement } from '../pain002/xml-tree.js';
import { CREDIT_TRANSFER_FORMATS, DIRECT_DEBIT_FORMATS, type SepaFormat, type SepaKind } from './model.js';
import { prepareRun } from './prepare-run.js';
import type { SepaRunInput } from './run-json-schema.js';
import { debit, directDebitRun, NOW, TODAY } from './test-support/runs.js';
import { creditTransferVariants, directDebitVariants } from './test-support/variants.js';
import { xsdErrors } from './test-support/xsd.js';
import { writeRunToString } from './write-run.js';

function write(run: SepaRunInput, kind: SepaKind, format: SepaFormat): string {
  const result = prepareRun(run, { kind, format, today: TODAY, now: NOW });
  expect(result.problems).toEqual([]);
  return writeRunToString(result.run!);
}

const documentOf = (xml: string): XmlElement => child(parseXmlTree(xml), children(parseXmlTree(xml), 'CstmrDrctDbtInitn').length ? 'CstmrDrctDbtInitn' : 'CstmrCdtTrfInitn')!;

describe('every written file validates against its official XSD', () => {
  for (const format of DIRECT_DEBIT_FORMATS) {
    it.each(Object.entries(directDebitVariants))(`${format}: %s`, async (_name, run) => {
      const xml = write(run, 'direct-debit', format);
      expect(await xsdErrors(xml, format)).toEqual([]);
    });
  }
  for (const format of CREDIT_TRANSFER_FORMATS) {
    it.each(Object.entries(creditTransferVariants))(`${format}: %s`, async (_name, run) => {
      const xml = write(run, 'credit-transfer', format);
      expect(await xsdErrors(xml, format)).toEqual([]);
    });
  }
});

describe('what the files say', () => {
  it('puts each sequence type and scheme in its own block, with counts and control sums that add up', () => {
    const xml = write(
      directDebitRun([
        debit({ endToEndId: 'E-1', amount: '10.10' }),
        debit({ endToEndId: 'E-2', amount: '20.20', mandate: { id: 'M-2', signatureDate: '2023-05-01', scheme: 'CORE', sequenceType: 'RCUR' } }),
        debit({ endToEndId: 'E-3', amount: '0.01', mandate: { id: 'M-3', signatureDate: '2023-05-01', scheme: 'B2B', sequenceType: 'RCUR' } }),
        debit({ endToEndId: 'E-4', amount: '5.00', mandate: { id: 'M-4', signatureDate: '2023-05-01', scheme: 'CORE', sequenceType: 'RCUR' } }),
      ]),
      'direct-debit',
      'pain.008.001.08',
    );
    const doc = documentOf(xml);
    expect(textAt(doc, 'GrpHdr', 'NbOfTxs')).toBe('4');
    expect(textAt(doc, 'GrpHdr', 'CtrlSum')).toBe('35.31');
    const blocks = children(doc, 'PmtInf').map((b) => [
      textAt(b, 'PmtTpInf', 'LclInstrm', 'Cd'),
      textAt(b, 'PmtTpInf', 'SeqTp'),
      textAt(b, 'NbOfTxs'),
      textAt(b, 'CtrlSum'),
      children(b, 'DrctDbtTxInf').map((t) => textAt(t, 'PmtId', 'EndToEndId')),
    ]);
    expect(blocks).toEqual([
      ['CORE', 'FRST', '1', '10.10', ['E-1']],
      ['CORE', 'RCUR', '2', '25.20', ['E-2', 'E-4']],
      ['B2B', 'RCUR', '1', '0.01', ['E-3']],
    ]);
  });

  it('marks a move to another bank with SMNDA and a move within the bank with the old IBAN', () => {
    const other = documentOf(write(directDebitVariants['amendment: new account at another bank (SMNDA)']!, 'direct-debit', 'pain.008.001.08'));
    const mandate = child(child(child(child(other, 'PmtInf'), 'DrctDbtTxInf'), 'DrctDbtTx'), 'MndtRltdInf');
    expect(textAt(mandate, 'AmdmntInd')).toBe('true');
    expect(textAt(mandate, 'AmdmntInfDtls', 'OrgnlDbtrAcct', 'Id', 'Othr', 'Id')).toBe('SMNDA');
    const same = documentOf(write(directDebitVariants['amendment: new account at the same bank']!, 'direct-debit', 'pain.008.001.02'));
    const sameMandate = child(child(child(child(same, 'PmtInf'), 'DrctDbtTxInf'), 'DrctDbtTx'), 'MndtRltdInf');
    expect(textAt(sameMandate, 'AmdmntInfDtls', 'OrgnlDbtrAcct', 'Id', 'IBAN')).toBe('DE95120300000000123456');
  });

  it('writes structured addresses in 2019 versions and country plus two lines in 2009 versions', () => {
    const run = creditTransferVariants['Swiss creditor with structured address and BIC']!;
    const modern = child(child(child(documentOf(write(run, 'credit-transfer', 'pain.001.001.09')), 'PmtInf'), 'CdtTrfTxInf'), 'Cdtr');
    expect(child(modern, 'PstlAdr')!.children.map((c) => [c.name, c.text])).toEqual([
      ['StrtNm', 'Bahnhofstrasse'],
      ['BldgNb', '10'],
      ['PstCd', '8001'],
      ['TwnNm', 'Zuerich'],
      ['Ctry', 'CH'],
    ]);
    expect(textAt(modern, 'Nm')).toBe('Mueller + Soehne AG');
    const legacy = child(child(child(documentOf(write(run, 'credit-transfer', 'pain.001.001.03')), 'PmtInf'), 'CdtTrfTxInf'), 'Cdtr');
    expect(child(legacy, 'PstlAdr')!.children.map((c) => [c.name, c.text])).toEqual([
      ['Ctry', 'CH'],
      ['AdrLine', 'Bahnhofstrasse 10'],
      ['AdrLine', '8001 Zuerich'],
    ]);
  });

  it('keeps umlauts for a bank with the German character set and escapes XML characters', () => {
    const xml = write(creditTransferVariants['German extended character set']!, 'credit-transfer', 'pain.001.001.09');
    expect(xml).toContain('<Ustrd>Rechnung für März &amp; April</Ustrd>');
  });

  it('writes an RF reference as structured remittance and nothing unstructured', () => {
    const doc = documentOf(write(directDebitVariants['RF creditor reference (text dropped)']!, 'direct-debit', 'pain.008.001.08'));
    const remittance = child(child(child(doc, 'PmtInf'), 'DrctDbtTxInf'), 'RmtInf');
    expect(textAt(remittance, 'Strd', 'CdtrRefInf', 'Tp', 'CdOrPrtry', 'Cd')).toBe('SCOR');
    expect(textAt(remittance, 'Strd', 'CdtrRefInf', 'Ref')).toBe('RF18539007547034');
    expect(textAt(remittance, 'Strd', 'AddtlRmtInf')).toBeUndefined();
    expect(textAt(remittance, 'Ustrd')).toBeUndefined();
  });

  it('uses BICFI in 2019 versions, BIC in 2009 versions and NOTPROVIDED where no BIC is known', () => {
    const run = directDebitVariants['debtor without BIC, creditor account without BIC and address']!;
    const modern = write(run, 'direct-debit', 'pain.008.001.08');
    expect(modern).toContain('<Id>NOTPROVIDED</Id>');
    expect(write(directDebitRun(), 'direct-debit', 'pain.008.001.08')).toContain('<BICFI>BYLADEM1001</BICFI>');
    expect(write(directDebitRun(), 'direct-debit', 'pain.008.001.02')).toContain('<BIC>BYLADEM1001</BIC>');
  });

  it('generates unique end-to-end ids from the message id where the run gives none', () => {
    const result = prepareRun(directDebitRun([debit({ endToEndId: undefined }), debit({ endToEndId: 'NOTPROVIDED' })]), {
      kind: 'direct-debit',
      format: 'pain.008.001.08',
      today: TODAY,
      now: NOW,
    });
    expect([...result.run!.transactions()].map((t) => t.endToEndId)).toEqual(['MSG-DD-1-1', 'MSG-DD-1-2']);
  });
});
