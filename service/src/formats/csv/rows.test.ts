import { describe, expect, it } from 'vitest';
import { parseRows } from './rows.js';

describe('parseRows', () => {
  it('finds the delimiter below lines that have none, ignoring delimiters inside quotes', () => {
    const text = 'Umsatzanzeige\n"Buchungstag";"Text, mit Komma";"Betrag"\n"01.12.26";"a, b, c, d";"1,00"\n';
    expect(parseRows(text, 'f.csv').map((r) => r.cells)).toEqual([
      ['Umsatzanzeige'],
      ['Buchungstag', 'Text, mit Komma', 'Betrag'],
      ['01.12.26', 'a, b, c, d', '1,00'],
    ]);
  });

  it('reads tabs and pipes, and gives each record the line it starts on', () => {
    expect(parseRows('a\tb\n1\t"x\ny"\n2\tz', 'f.csv').map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x\ny']],
      [4, ['2', 'z']],
    ]);
    expect(parseRows('a|b\n1|2', 'f.csv').map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('stops after the rows asked for', () => {
    expect(parseRows('a,b\n1,2\n3,4\n5,6', 'f.csv', 2)).toHaveLength(2);
  });
});
