import { describe, expect, it } from 'vitest';
import { splitFields, type Field, type Line } from './fields.js';
import { splitSegments } from './swift-blocks.js';

const fields = (body: string, preamble: Line[] = []): Field[] => [...splitFields(body, 1, 'f.sta', preamble)];
const tags = (body: string) => fields(body).map((f) => f.tag);

describe('splitFields', () => {
  it('splits tags with their continuation lines and line numbers, for CRLF, LF and lone CR', () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      const [, statementLine, info] = fields([':20:X', ':61:260101C1,NTRFNONREF', 'SUPP', ':86:A', 'B'].join(eol));
      expect(statementLine).toEqual({ tag: '61', line: 2, lines: ['260101C1,NTRFNONREF', 'SUPP'] });
      expect(info).toEqual({ tag: '86', line: 4, lines: ['A', 'B'] });
    }
  });

  it('joins a tag broken over two lines (":" then "86:")', () => {
    expect(tags(':20:X\n:61:260101C1,NTRF\n:\n86:166?00TEXT')).toEqual(['20', '61', '86']);
  });

  it('treats a lone "-" as the end of a statement only before a tag or the end', () => {
    expect(tags(':20:X\n:86:/MARF/MND\n-\nEV01//CSID/NL\n-\n:20:Y')).toEqual(['20', '86', '-', '20']);
    expect(fields(':86:/MARF/MND\n-\nEV01')[0]!.lines).toEqual(['/MARF/MND', '-', 'EV01']);
  });

  it('collects bank preambles and skips blank lines', () => {
    const preamble: Line[] = [];
    expect(fields('ABNANL2A\n940\n\n:940:\n:20:X\n\n:25:Y', preamble).map((f) => f.tag)).toEqual(['20', '25']);
    expect(preamble.map((l) => l.text)).toEqual(['ABNANL2A', '940', ':940:']);
  });

  it('refuses an unknown tag, naming file and line', () => {
    expect(() => fields(':20:X\n:25:Y\n:77Z:what')).toThrow('f.sta, line 3: unknown MT940 field tag ":77Z:"');
  });
});

describe('splitSegments', () => {
  it('returns a plain file as one segment', () => {
    expect(splitSegments(':20:X\n:25:Y')).toEqual([{ body: ':20:X\n:25:Y', firstLine: 1, senderBic: null }]);
  });

  it('takes block 4 of each message, its line and the sending bank, dropping SOH/ETX', () => {
    const text =
      '\u0001{1:F01POFICHBEAXXX0000000000}{2:I940XXXXXXXXXXXXN}{4:\r\n:20:A\r\n-}\u0003' +
      '\u0001{1:F01OWNBDEFFAXXX0000000000}{2:O9401200261231COBADEFFAXXX00000000002612311200N}{4:\r\n:20:B\r\n-}{5:{CHK:1}}\u0003';
    const segments = splitSegments(text);
    expect(segments.map((s) => [s.body.trim(), s.firstLine, s.senderBic])).toEqual([
      [':20:A', 1, 'POFICHBE'],
      [':20:B', 3, 'COBADEFF'],
    ]);
  });

  it('reads a message whose block 4 is never closed up to the end of the file', () => {
    const [segment] = splitSegments('{1:F01INGBNL2ABXXX0000000000}\n{2:I940INGBNL2AXXXN}\n{4:\n:20:P\n:62F:C140220EUR1,');
    expect(segment).toMatchObject({ firstLine: 3, senderBic: 'INGBNL2A' });
    expect(segment!.body.trim()).toBe(':20:P\n:62F:C140220EUR1,');
  });
});
