/**
 * `npm run fuzz [-- --reader NAME[,NAME…]] [--runs N] [--seed N] [--out DIR]` fuzzes every reader (or
 * the named ones) and prints, per reader, the inputs, how they ended, inputs per second and the peak
 * heap. Findings are written to DIR (a temporary directory by default); the exit code is 1 when there
 * are any.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCampaign, type CampaignResult } from './campaign.js';
import { TARGETS } from './targets.js';

const { values } = parseArgs({
  options: {
    reader: { type: 'string' },
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '20261206' },
    out: { type: 'string', default: join(tmpdir(), 'cash-fuzz') },
    help: { type: 'boolean', default: false },
  },
});
const known = TARGETS.map((t) => t.name);
if (values.help) {
  process.stdout.write(`usage: npm run fuzz -- [--reader ${known.join('|')}[,…]] [--runs N] [--seed N] [--out DIR]\n`);
  process.exit(0);
}
const readers = values.reader ? values.reader.split(',') : known;
const unknown = readers.filter((r) => !known.includes(r));
if (unknown.length > 0) {
  process.stderr.write(`unknown reader(s) ${unknown.join(', ')}; known: ${known.join(', ')}\n`);
  process.exit(2);
}
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  process.stderr.write('--runs must be a positive whole number and --seed a whole number\n');
  process.exit(2);
}

const row = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(30) : String(c).padStart(10))).join(' ');
const header = row(['reader', 'inputs', 'parsed', 'typed err', 'findings', 'inputs/s', 'peak MB']);

function report(result: CampaignResult): string {
  const perSecond = Math.round(result.inputs / result.seconds);
  const findings = result.findings.length;
  return row([result.target, result.inputs, result.parsed, result.typed, findings, perSecond, result.peakHeapMb.toFixed(1)]);
}

process.stdout.write(`seed ${seed}, ${runs} inputs per reader\n${header}\n`);
const results: CampaignResult[] = [];
for (const reader of readers) {
  const result = await runCampaign({
    target: reader,
    runs,
    seed,
    onProgress: (done, parsed, typed, crashed) =>
      process.stderr.write(`${reader}: ${done} inputs, ${parsed} parsed, ${typed} typed errors, ${crashed} crashed\n`),
  });
  results.push(result);
  process.stdout.write(`${report(result)}\n`);
}

let findings = 0;
for (const result of results) {
  const codes = Object.entries(result.codes).sort((a, b) => b[1] - a[1]);
  process.stdout.write(`\n${result.target}: ${result.seconds.toFixed(1)} s, heap after GC ${result.baseHeapMb.toFixed(1)} → ${result.peakHeapMb.toFixed(1)} MB`);
  if (result.slowOnce > 0) process.stdout.write(`, ${result.slowOnce} input(s) slow once but not again`);
  process.stdout.write(`\n  typed errors: ${codes.map(([code, n]) => `${code} ${n}`).join(', ') || 'none'}\n`);
  for (const finding of result.findings) {
    findings++;
    mkdirSync(values.out, { recursive: true });
    const file = join(values.out, `${result.target.replace(/[^a-z0-9-]/gi, '_')}-${finding.kind}-${finding.index}`);
    writeFileSync(`${file}.input`, finding.input);
    writeFileSync(`${file}.min`, finding.minimised);
    process.stdout.write(
      `  FINDING ${finding.kind} at input ${finding.index} (${finding.recipe}; ${finding.repeats} more alike): ` +
        `${finding.error.name}: ${finding.error.message}\n    ${finding.error.stack.split('\n').slice(1, 3).join('\n    ')}\n` +
        `    input ${file}.input (${finding.input.length} bytes), minimised ${file}.min (${finding.minimised.length} bytes)\n`,
    );
  }
}
process.exitCode = findings > 0 ? 1 : 0;
