import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CashError } from '../../domain/errors.js';
import { readEntriesFile } from './entries-file.js';

/** Inputs `npm run fuzz` found (minimised): CSV the parser cannot read must end in a typed error, not the parser's own. */
const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/fuzz/${name}`, import.meta.url), 'utf8');

describe('entries file (fuzz findings)', () => {
  it.each([
    ['unclosed-quote.csv', 1],
    ['quote-inside-cell.csv', 2],
  ])('refuses %s with ENTRIES_CSV_MALFORMED and the line', (name, line) => {
    let thrown: unknown;
    try {
      readEntriesFile(fixture(name), 'csv');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CashError);
    expect(thrown).toMatchObject({ code: 'ENTRIES_CSV_MALFORMED', kind: 'invalid', details: { line } });
  });
});
