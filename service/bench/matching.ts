/**
 * `npm run bench -- matching [--quality] [--scale] [--sizes 10000,100000,1000000] [--baseline-seconds 60]`
 *
 * Quality: a labelled corpus (seed 20261127, 20,000 open entries, 5,000 items) matched with the
 * default configurations; precision, automatic settlement rate, suggestion recall and false
 * automatic settlements on ambiguous items, per case.
 * Scale: corpora of 10k/100k/1M entries (items = entries / 5) written as JSON Lines and matched
 * through `cash match` in a child process (wall time and peak memory from /usr/bin/time), next to
 * the brute-force baseline on the same corpus in this process, stopped after a time budget.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Matcher, type MatchResult } from '../src/matching/index.js';
import { bruteForce } from './matching-baseline.js';
import { generateCorpus, type Corpus } from './matching-corpus.js';
import { evaluate, metricsTable } from './matching-metrics.js';

const SEED = 20261127;
const repo = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `cash` runs as compiled JavaScript (package.json "bin"), so the benchmark compiles the service the
 * same way, into node_modules/.cache where its imports still resolve. tsc emits even when files
 * other people are editing have type errors.
 */
function compiledCli(): string {
  const outDir = join(repo, 'node_modules', '.cache', 'cash-matching-bench');
  rmSync(outDir, { recursive: true, force: true });
  spawnSync(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repo, 'service', 'tsconfig.build.json'), '--outDir', outDir], {
    encoding: 'utf8',
  });
  const main = join(outDir, 'cli', 'main.js');
  statSync(main);
  return main;
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function quality(): void {
  const started = performance.now();
  const corpus = generateCorpus({ seed: SEED, entries: 20_000, items: 5_000 });
  const matcher = new Matcher();
  for (const entry of corpus.entries) matcher.addEntry(entry);
  const results: MatchResult[] = corpus.items.map(({ item }) => matcher.match(item));
  const metrics = evaluate(corpus.items, results);
  const total = metrics.get('total')!;
  process.stdout.write(
    `\n### Quality (seed ${SEED}: ${corpus.entries.length} open entries, ${corpus.items.length} items, default configurations)\n\n` +
      `${metricsTable(metrics)}\n\n` +
      `precision ${((100 * total.settledRight) / total.settled).toFixed(2)} %, ` +
      `automatic settlement ${((100 * total.settledRight) / total.answerable).toFixed(2)} % of ${total.answerable} one-answer items, ` +
      `false automatic settlements on ambiguous items: ${total.falseOnAmbiguous} ` +
      `(${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}

async function writeJsonLines(path: string, rows: Iterable<unknown>): Promise<void> {
  const out = createWriteStream(path);
  let buffer: string[] = [];
  for (const row of rows) {
    buffer.push(JSON.stringify(row));
    if (buffer.length === 5000) {
      if (!out.write(`${buffer.join('\n')}\n`)) await once(out, 'drain');
      buffer = [];
    }
  }
  if (buffer.length > 0) out.write(`${buffer.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
}

interface ScaleRow {
  entries: number;
  items: number;
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  load: string;
  baseline: string;
}

async function scaleOne(size: number, baselineSeconds: number, dir: string, cliMain: string): Promise<ScaleRow> {
  const corpus: Corpus = generateCorpus({ seed: SEED + size, entries: size, items: Math.round(size / 5) });
  const entriesPath = join(dir, `entries-${size}.jsonl`);
  const itemsPath = join(dir, `items-${size}.jsonl`);
  const outPath = join(dir, `results-${size}.jsonl`);
  await writeJsonLines(entriesPath, corpus.entries);
  await writeJsonLines(itemsPath, corpus.items.map((i) => i.item));
  const child = spawnSync(
    '/usr/bin/time',
    ['-f', 'TIME %e %U %S %M', process.execPath, cliMain, 'match', '--entries', entriesPath, '--items', itemsPath, '--out', outPath],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const load = loadavg()[0]!.toFixed(1);
  const measured = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(child.stderr);
  if (child.status !== 0 || !measured) throw new Error(`cash match failed for ${size}: ${child.stderr}`);
  const resultLines = statSync(outPath).size > 0;
  if (!resultLines) throw new Error(`cash match wrote no results for ${size}`);
  const items = corpus.items.map((i) => i.item);
  const baseline = bruteForce(corpus.entries, items, baselineSeconds);
  const perItem = baseline.seconds / baseline.processed;
  return {
    entries: size,
    items: items.length,
    seconds: Number(measured[1]),
    cpuSeconds: Number(measured[2]) + Number(measured[3]),
    peakMb: Math.round(Number(measured[4]) / 1024),
    load,
    baseline: baseline.finished
      ? `${baseline.seconds.toFixed(1)} s`
      : `stopped after ${baseline.seconds.toFixed(0)} s at ${baseline.processed} items (≈ ${(perItem * items.length).toFixed(0)} s projected)`,
  };
}

/** How fast this machine parses JSON, so figures from different machines can be compared. */
function calibrate(): string {
  const corpus = generateCorpus({ seed: SEED, entries: 50_000, items: 0 });
  const lines = corpus.entries.map((e) => JSON.stringify(e));
  const bytes = lines.reduce((sum, line) => sum + line.length, 0);
  const started = process.cpuUsage();
  for (const line of lines) JSON.parse(line);
  const used = process.cpuUsage(started);
  return (bytes / 1e6 / ((used.user + used.system) / 1e6)).toFixed(0);
}

async function scale(sizes: number[], baselineSeconds: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cash-match-bench-'));
  try {
    const rows: ScaleRow[] = [];
    const cliMain = compiledCli();
    for (const size of sizes) rows.push(await scaleOne(size, baselineSeconds, dir, cliMain));
    const lines = [
      '| open entries | items | `cash match` wall time | CPU time (user + sys) | peak memory (RSS) | CPU µs per entry | load average at start | brute-force baseline (matching only, same corpus) |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ...rows.map(
        (r) =>
          `| ${r.entries.toLocaleString('en')} | ${r.items.toLocaleString('en')} | ${r.seconds.toFixed(1)} s | ${r.cpuSeconds.toFixed(1)} s | ${r.peakMb} MB | ${Math.round((r.cpuSeconds * 1e6) / r.entries)} | ${r.load} | ${r.baseline} |`,
      ),
    ];
    process.stdout.write(
      `\n### Scale (\`cash match\` end to end: process start, reading, indexing, matching, writing)\n\n${lines.join('\n')}\n\n` +
        `Machine calibration in this run: JSON.parse of entry lines at ${calibrate()} MB/s of CPU time.\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(args: string[]): Promise<void> {
  const onlyQuality = args.includes('--quality');
  const onlyScale = args.includes('--scale');
  const sizes = (option(args, '--sizes') ?? '10000,100000,1000000').split(',').map(Number);
  const baselineSeconds = Number(option(args, '--baseline-seconds') ?? '60');
  if (!onlyScale) quality();
  if (!onlyQuality) await scale(sizes, baselineSeconds);
}
