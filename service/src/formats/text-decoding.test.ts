import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, encodingWarning } from './text-decoding.js';

const samples: [string, string][] = [
  ['cp850', 'Überweisung an MÜLLER GMBH, Straße 5, für Bürobedarf'],
  ['cp852', 'Zapłata za fakturę, Łódź, ul. Świętokrzyska'],
  ['iso-8859-15', 'Rechnung über 100 € für Škoda'],
  ['windows-1252', '„Angebot“ für Café – 50 €'],
];

describe('decodeText', () => {
  it.each(samples)('detects %s', (encoding, text) => {
    const decoded = decodeText(iconv.encode(text, encoding));
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe(encoding);
  });

  it.each([
    ['iso-8859-1', 'Øresund'],
    ['iso-8859-1', 'Jürgen Weiß'],
    ['cp850', 'ÄRZTE GMBH'],
    ['cp850', 'Crédit Agricole'],
    ['cp852', 'Śląsk'],
    ['iso-8859-15', '100 €'],
    ['windows-1252', '100 €'],
  ])('reads a short %s text "%s" right, where one or two letters decide', (encoding, text) => {
    expect(decodeText(iconv.encode(text, encoding)).text).toBe(text);
  });

  it('prefers the Western reading where one letter is all there is to go by', () => {
    // 0x9D is "Ł" in CP852 and "Ø" in CP850; the product's banks are mostly Western European.
    expect(decodeText(iconv.encode('Łukasz', 'cp852')).text).toBe('Øukasz');
  });

  it.each([
    ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Datum;Betrag\n01.12.26;-19,99 €', 'utf-16le')])],
    ['utf-16be with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('Datum;Betrag\n01.12.26;-19,99 €', 'utf-16be')])],
    ['utf-16le without BOM', iconv.encode('Datum;Betrag\n01.12.26;-19,99', 'utf-16le')],
  ])('reads %s, as spreadsheet programs save "Unicode" CSV', (_, bytes) => {
    expect(decodeText(bytes).text).toMatch(/^Datum;Betrag\n01\.12\.26;-19,99/);
  });

  it('takes valid UTF-8 as UTF-8 and drops a byte order mark', () => {
    expect(decodeText(Buffer.from('\ufeffGrüße €', 'utf8'))).toEqual({ text: 'Grüße €', encoding: 'utf-8', guessed: false });
  });

  it('reads Latin-1 umlauts as such, not as DOS box drawing', () => {
    expect(decodeText(iconv.encode('Müller Gärtnerei Köln', 'latin1')).text).toBe('Müller Gärtnerei Köln');
  });

  it('says when it guessed, so that the user can choose another encoding', () => {
    expect(encodingWarning(decodeText(iconv.encode('Grüße', 'cp850')), 'a.sta')).toEqual([
      {
        code: 'ENCODING_GUESSED',
        message: 'a.sta is not UTF-8; read as cp850 (choose another with --encoding)',
        details: { encoding: 'cp850' },
      },
    ]);
    expect(encodingWarning(decodeText(Buffer.from('Grüße')), 'a.sta')).toEqual([]);
    expect(encodingWarning(decodeText(iconv.encode('Grüße', 'cp850'), 'cp850'), 'a.sta')).toEqual([]);
  });

  it('uses the encoding the caller names', () => {
    expect(decodeText(iconv.encode('Grüße', 'cp850'), 'cp850').text).toBe('Grüße');
  });

  it('refuses an encoding it does not know, naming the file', () => {
    expect(() => decodeText(Buffer.from('x'), 'ebcdic-klingon', 'a.sta')).toThrow(/a\.sta: unknown encoding/);
  });
});
