import { describe, expect, it } from 'vitest';
import { readInformation } from './information-field.js';

const read = (...texts: string[]) => readInformation(texts);

describe('readInformation (:86:)', () => {
  it('reads German subfields: posting text, purpose, counterparty with BIC and IBAN', () => {
    const info = read('166?00GUTSCHRIFT?109310?20Rechnung 4711?21vom 1.12.?30COBADEFFXXX?31DE89370400440532013000?32Erika Muster?33mann');
    expect(info).toMatchObject({
      transactionCode: '166',
      postingText: 'GUTSCHRIFT',
      remittance: 'Rechnung 4711 vom 1.12.',
      counterparty: { name: 'Erika Mustermann', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', other: null },
    });
  });

  it('keeps a German bank code with the account number when there is no IBAN', () => {
    expect(read('051?00Gutschrift?3020010020?310012345678?32MEIER').counterparty).toEqual({
      name: 'MEIER',
      iban: null,
      bic: null,
      other: '20010020/0012345678',
    });
  });

  it('reads every SEPA keyword, also when split across subfields and lines', () => {
    const info = read(
      '171?00SEPA-LASTSCHRIFT?20EREF+E2E-1?21KREF+K-7?22MREF+M-1?23CRED+DE98ZZZ0999999',
      '9999?24SVWZ+Beitrag Dezem?25ber?26ABWA+Alte Firma GmbH?27DEBT+X1',
    );
    expect(info.other).toBe('DEBT+X1');
    expect(info).toMatchObject({
      endToEndId: 'E2E-1',
      customerReference: 'K-7',
      mandateId: 'M-1',
      creditorId: 'DE98ZZZ09999999999',
      remittance: 'Beitrag Dezember',
      ultimateCounterparty: { name: 'Alte Firma GmbH' },
    });
  });

  it('treats NOTPROVIDED as no reference', () => {
    expect(read('166?20EREF+NOTPROVIDED?21SVWZ+Miete').endToEndId).toBeNull();
  });

  it('finds an RF creditor reference in the remittance text', () => {
    expect(read('166?20SVWZ+RF18 5390 0754 7034')).toMatchObject({
      creditorReference: 'RF18539007547034',
      creditorReferenceType: 'RF',
    });
    expect(read('166?20SVWZ+RF19 5390 0754 7034').creditorReference).toBeNull();
  });

  it('reads Dutch ABN AMRO fields, wrapped mid-word', () => {
    const info = read('/TRTP/SEPA INCASSO/CSID/NL36ZZZ123456780000/NAME/X B.V./MARF/M-59/REMI/Factuur 1', '2/IBAN/NL91ABNA0417164300/BIC/ABNANL2A/EREF/NOTPROV', 'IDED');
    expect(info).toMatchObject({
      postingText: 'SEPA INCASSO',
      creditorId: 'NL36ZZZ123456780000',
      mandateId: 'M-59',
      remittance: 'Factuur 12',
      endToEndId: null,
      counterparty: { name: 'X B.V.', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' },
    });
  });

  it('reads ING /CNTP/, /RTRN/ and structured /REMI/STRD/', () => {
    expect(read('/RTRN/MS03//EREF/E-1//CNTP/NL91ABNA0417164300/ABNANL2A/J. Janssen/Utrecht///REMI/USTD//Factuur 9/')).toMatchObject({
      returnReason: 'MS03',
      endToEndId: 'E-1',
      remittance: 'Factuur 9',
      counterparty: { name: 'J. Janssen', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' },
    });
    expect(read('/EREF/E-2//REMI/STRD/CUR/9001123412341234/')).toMatchObject({
      creditorReference: '9001123412341234',
      creditorReferenceType: 'CUR',
      remittance: null,
    });
  });

  it('reads Rabobank ordering and ultimate parties', () => {
    expect(read('/ORDP//NAME/R. Smith/ADDR/Green market 74/ULTD//NAME/Smith Holding/REMI/Rent')).toMatchObject({
      counterparty: { name: 'R. Smith' },
      ultimateCounterparty: { name: 'Smith Holding' },
      remittance: 'Rent',
    });
  });

  it('keeps line breaks of short free-text lines as spaces and joins full 65-character lines', () => {
    expect(read('999foo', 'Test Überweisung').remittance).toBe('foo Test Überweisung');
    const full = 'GIRO AUS ONLINE-SIC 80701 AUFTRAGGEBER: XXXXXXXXX XXX XXXXXXXXSTR';
    expect(read(full, 'ASSE 111').remittance).toBe(`${full}ASSE 111`);
  });

  it('reads charges from /CHGS/', () => {
    expect(read('020?20LINE?25/CHGS/EUR0,5/').charges).toBe('EUR0,5');
  });
});
