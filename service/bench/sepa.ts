/**
 * `npm run bench -- sepa [count]`: writes a pain.008.001.08 with `count` (default 100,000)
 * direct debits with our streaming writer and with the `sepa` npm package (sepa.js, which builds a
 * DOM and serialises it), side by side in the same run. Each writer runs in its own child process so
 * that peak memory (max RSS) belongs to that writer alone. Ours also runs at a tenth of the count to
 * show that its memory does not grow with the number of transactions.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { prepareRun } from '../src/formats/sepa/prepare-run.js';
import type { RunTransaction, SepaRunInput } from '../src/formats/sepa/run-json-schema.js';
import { writeRun } from '../src/formats/sepa/write-run.js';

const DATE = '2030-01-03';
const DEBTORS = [
  { iban: 'DE02120300000000202051', bic: 'BYLADEM1001' },
  { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
  { iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' },
  { iban: 'AT611904300234573201', bic: 'BKAUATWWXXX' },
];

/** Deterministic amounts between 0.01 and 100.00 EUR, as minor units. */
const minorOf = (i: number): number => (i * 7919) % 10_000 + 1;
const decimal = (minor: number): string => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

/** A re-iterable source: each pass generates the transactions afresh, nothing is kept. */
function transactions(count: number): Iterable<RunTransaction> {
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < count; i += 1) {
        yield {
          endToEndId: `E2E-${i}`,
          amount: decimal(minorOf(i)),
          currency: 'EUR',
          counterparty: { name: `Debtor ${i}`, ...DEBTORS[i % DEBTORS.length]! },
          remittanceInformation: `Invoice ${i}`,
          mandate: { id: `MND-${i}`, signatureDate: '2024-01-31', scheme: 'CORE', sequenceType: i % 10 === 0 ? 'FRST' : 'RCUR' },
        };
      }
    },
  };
}

function benchRun(source: Iterable<RunTransaction>): SepaRunInput {
  return {
    messageId: 'BENCH-1',
    initiatingParty: { name: 'Example Cash GmbH' },
    account: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', name: 'Example Cash GmbH' },
    creditorId: 'DE98ZZZ09999999999',
    requestedDate: DATE,
    batchBooking: true,
    transactions: source,
  };
}

async function ours(count: number, out: string, fromArray: boolean): Promise<void> {
  const source = fromArray ? [...transactions(count)] : transactions(count);
  const result = prepareRun(benchRun(source), { kind: 'direct-debit', format: 'pain.008.001.08', today: '2029-12-27' });
  if (!result.run) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  await pipeline(Readable.from(writeRun(result.run)), createWriteStream(out));
}

async function sepaJs(count: number, out: string): Promise<void> {
  const SEPA = await import('sepa');
  const doc = new SEPA.Document('pain.008.001.08');
  doc.grpHdr.id = 'BENCH-1';
  doc.grpHdr.created = new Date();
  doc.grpHdr.initiatorName = 'Example Cash GmbH';
  const infos = new Map<string, ReturnType<typeof doc.createPaymentInfo>>();
  for (const sequenceType of ['FRST', 'RCUR']) {
    const info = doc.createPaymentInfo();
    info.collectionDate = new Date(`${DATE}T00:00:00Z`);
    info.creditorIBAN = 'DE89370400440532013000';
    info.creditorBIC = 'COBADEFFXXX';
    info.creditorName = 'Example Cash GmbH';
    info.creditorId = 'DE98ZZZ09999999999';
    info.batchBooking = true;
    info.sequenceType = sequenceType as 'FRST' | 'RCUR';
    doc.addPaymentInfo(info);
    infos.set(sequenceType, info);
  }
  let i = 0;
  for (const tx of transactions(count)) {
    const info = infos.get(tx.mandate!.sequenceType)!;
    const t = info.createTransaction();
    t.debtorName = tx.counterparty.name;
    t.debtorIBAN = tx.counterparty.iban;
    t.debtorBIC = tx.counterparty.bic!;
    t.mandateId = tx.mandate!.id;
    t.mandateSignatureDate = new Date('2024-01-31T00:00:00Z');
    // sepa.js takes amounts as JavaScript numbers; that is its API, not ours.
    t.amount = minorOf(i) / 100;
    t.remittanceInfo = tx.remittanceInformation!;
    t.end2endId = tx.endToEndId!;
    info.addTransaction(t);
    i += 1;
  }
  const stream = createWriteStream(out);
  stream.end(doc.toString());
  await new Promise<void>((resolve, reject) => stream.on('finish', () => resolve()).on('error', reject));
}

interface Measurement {
  readonly writer: string;
  readonly count: number;
  readonly ms: number;
  readonly peakRssMb: number;
  readonly baseRssMb: number;
  readonly fileMb: number;
}

async function child(writer: string, count: number, out: string): Promise<void> {
  const baseRss = process.memoryUsage().rss;
  const start = performance.now();
  if (writer === 'sepa.js') await sepaJs(count, out);
  else await ours(count, out, writer === 'ours (array input)');
  const ms = performance.now() - start;
  const measurement: Measurement = {
    writer,
    count,
    ms,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    baseRssMb: baseRss / 1024 / 1024,
    fileMb: statSync(out).size / 1024 / 1024,
  };
  process.stdout.write(JSON.stringify(measurement));
}

function measure(writer: string, count: number, dir: string, nodeOptions: string[] = []): Measurement {
  const out = join(dir, `${writer.replace(/\W+/g, '-')}-${count}.xml`);
  const result = spawnSync(
    process.execPath,
    [...nodeOptions, '--import', 'tsx', fileURLToPath(import.meta.url), '--child', writer, String(count), out],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (result.status !== 0) throw new Error(`${writer} failed: ${result.stderr}`);
  const measurement = JSON.parse(result.stdout) as Measurement;
  return nodeOptions.length > 0 ? { ...measurement, writer: `${writer} ${nodeOptions.join(' ')}` } : measurement;
}

export async function run(args: string[]): Promise<void> {
  const count = Number.parseInt(args[0] ?? '100000', 10);
  const dir = mkdtempSync(join(tmpdir(), 'bench-sepa-'));
  try {
    const rows = [
      measure('ours (streamed source)', Math.max(1, Math.floor(count / 10)), dir),
      measure('ours (streamed source)', count, dir),
      // The same run with the JavaScript heap capped at 48 MB: it completes, so memory is bounded.
      measure('ours (streamed source)', count, dir, ['--max-old-space-size=48']),
      measure('ours (array input)', count, dir),
      measure('sepa.js', Math.max(1, Math.floor(count / 10)), dir),
      measure('sepa.js', count, dir),
    ];
    process.stdout.write(`pain.008.001.08, Node ${process.version}, one child process per row\n\n`);
    process.stdout.write('| writer | transactions | time (ms) | peak RSS (MB) | RSS at start (MB) | file (MB) |\n| --- | ---: | ---: | ---: | ---: | ---: |\n');
    for (const r of rows) {
      process.stdout.write(
        `| ${r.writer} | ${r.count} | ${r.ms.toFixed(0)} | ${r.peakRssMb.toFixed(0)} | ${r.baseRssMb.toFixed(0)} | ${r.fileMb.toFixed(1)} |\n`,
      );
    }
    const ourTime = rows[1]!.ms;
    const peerTime = rows[5]!.ms;
    process.stdout.write(`\nspeed-up at ${count}: ${(peerTime / ourTime).toFixed(1)}x (sepa.js time / our time)\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await child(process.argv[3]!, Number(process.argv[4]), process.argv[5]!);
}
