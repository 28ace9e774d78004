import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInCharset, transliterate } from './charset.js';

describe('SEPA character set', () => {
  it('transliterates German, French, Nordic and Polish letters the conventional way', () => {
    expect(transliterate('Jürgen Größe').value).toBe('Juergen Groesse');
    expect(transliterate('Crème Brûlée Café').value).toBe('Creme Brulee Cafe');
    expect(transliterate('Søren Ærø').value).toBe('Soren AEro');
    expect(transliterate('Łódź').value).toBe('Lodz');
    expect(transliterate('Müller & Co. KG').value).toBe('Mueller + Co. KG');
  });

  it('reports whether anything changed', () => {
    expect(transliterate('Invoice 12/2026 (paid)')).toEqual({ value: 'Invoice 12/2026 (paid)', changed: false });
    expect(transliterate('Rechnung Nr. 5').changed).toBe(false);
    expect(transliterate('Rechnung #5').changed).toBe(true);
  });

  it('keeps umlauts, ß and & for banks with the German DK set', () => {
    expect(transliterate('Müller & Söhne', 'de')).toEqual({ value: 'Müller & Söhne', changed: false });
    expect(transliterate('Crème', 'de').value).toBe('Creme');
  });

  it('always yields text inside the chosen set, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        expect(isInCharset(transliterate(text).value)).toBe(true);
        expect(isInCharset(transliterate(text, 'de').value, 'de')).toBe(true);
      }),
    );
  });
});
