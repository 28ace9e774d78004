import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CashError } from '../src/domain/errors.js';
import { newEntry } from '../src/domain/new-entry.js';
import { detectEntriesFormat, readEntriesFile } from '../src/formats/entries/entries-file.js';
import { readStatusReport } from '../src/formats/pain002/index.js';
import { parseStatementFile, type StatementFormatOption } from '../src/formats/statement/parse.js';
import type { Structure } from './mutations.js';

/**
 * One reader under fuzzing: the files its inputs grow from, and how an input is fed to it through
 * the reader's public entry point. `run` resolves when the input was read and throws when it was
 * refused; the campaign sorts what it throws into typed errors and findings.
 */
export interface FuzzTarget {
  name: string;
  structure: Structure;
  seeds(): Buffer[];
  run(input: Buffer): unknown;
}

const formats = fileURLToPath(new URL('../src/formats/', import.meta.url));

function filesUnder(dir: string, keep: (name: string) => boolean = () => true): Buffer[] {
  const found: Buffer[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, keep));
    else if (name !== 'SOURCES.md' && keep(name)) found.push(readFileSync(path));
  }
  return found;
}

const statementReader = (name: string, format: StatementFormatOption, structure: Structure, seeds: () => Buffer[]): FuzzTarget => ({
  name,
  structure,
  seeds,
  run: (input) => parseStatementFile(input, { format, fileName: 'fuzz' }),
});

const csvSeeds = (profile: string) => () =>
  filesUnder(join(formats, 'csv/__fixtures__'), (file) => file.startsWith(profile) || file.startsWith('hostile-'));

const JSONL_SEED = [
  '{"number":"RE-1","type":"Debit","currency":"EUR","amount":"119.00","account":{"number":"C-1","name":"Bäckerei"},"dueDate":"2026-12-15"}',
  '{"number":"ER-7","type":"Credit","currency":"EUR","amount":"412.80","account":{"name":"Stadtwerke"},"creditApproval":"approved","excludeFromPaymentRun":true}',
  '{"number":"RE-2","type":"Debit","currency":"JPY","amount":"1000","account":{"id":"a1"},"contact":{"number":"K-9","name":"Ann"},"title":"t","paymentReference":"RF18539007547034","statementDate":"2026-11-30"}',
  '{"number":"RE-3","type":"Debit","currency":"XYZ","amount":"10.00","account":{}}',
  '',
].join('\n');

/**
 * The pure part of an entries import: reading the file, then the domain checks each line gets before
 * it is stored. The import refuses one line at a time, so a line's typed refusal does not end the file.
 */
function importEachLine(input: Buffer, fileName: string): number {
  const text = input.toString('utf8');
  let accepted = 0;
  for (const record of readEntriesFile(text, detectEntriesFormat(fileName, text))) {
    if (!('input' in record)) continue;
    try {
      newEntry(record.input);
      accepted++;
    } catch (error) {
      if (!(error instanceof CashError)) throw error;
    }
  }
  return accepted;
}

export const TARGETS: readonly FuzzTarget[] = [
  statementReader('camt', 'camt', 'xml', () => filesUnder(join(formats, 'camt/__fixtures__'))),
  statementReader('mt940', 'mt940', 'lines', () => filesUnder(join(formats, 'mt940/__fixtures__'))),
  statementReader('csv:generic', 'csv:generic', 'lines', csvSeeds('generic')),
  statementReader('csv:paypal', 'csv:paypal', 'lines', csvSeeds('paypal')),
  statementReader('csv:adyen-settlement-details', 'csv:adyen-settlement-details', 'lines', csvSeeds('adyen')),
  {
    name: 'pain002',
    structure: 'xml',
    seeds: () => filesUnder(join(formats, 'pain002/fixtures')),
    run: (input) => readStatusReport(input),
  },
  {
    name: 'entries:csv',
    structure: 'lines',
    seeds: () => filesUnder(join(formats, 'entries/__fixtures__')),
    run: (input) => importEachLine(input, 'entries.csv'),
  },
  {
    name: 'entries:jsonl',
    structure: 'lines',
    seeds: () => [Buffer.from(JSONL_SEED)],
    run: (input) => importEachLine(input, 'entries.jsonl'),
  },
];
