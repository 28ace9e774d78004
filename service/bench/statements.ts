/**
 * `npm run bench -- statements [--mb 50] [--runs 3]`: camt.053 and MT940 throughput (MB/s,
 * items/s) and peak RSS of our readers, side by side with npm peers (camt-parser, iso20022.js,
 * mt940js) and a bare saxes pass as the ceiling, on generated files of about 50 MB. Each
 * measurement runs in its own process so that peak RSS is that parser's alone; the run with the
 * median CPU time is reported. Throughput is computed from CPU time (user + system), which a
 * loaded machine distorts far less than wall time; wall seconds are shown beside it.
 *
 * Peak RSS alone says little about growth, because V8 lets its heap grow lazily when allowed to.
 * So the streaming reader also runs with its old space capped far below the file size: finishing
 * at all shows that what it keeps does not grow with the file.
 */
import { execFile } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { writeCamt053, writeMt940 } from './statements-generate.support.js';

const exec = promisify(execFile);
const worker = fileURLToPath(new URL('./statements-worker.support.ts', import.meta.url));

interface Measurement {
  ms: number;
  cpuMs: number;
  items: number;
  peakRssMb: number;
}

function option(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(`--${name}`);
  const value = index >= 0 ? Number.parseInt(args[index + 1] ?? '', 10) : fallback;
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

async function measure(parser: string, file: string, heapMb: number): Promise<Measurement | string> {
  try {
    const { stdout } = await exec(process.execPath, ['--import', 'tsx', worker, parser, file], {
      maxBuffer: 1024 * 1024,
      env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${heapMb}` },
    });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Measurement;
  } catch (error) {
    const message = (error as { stderr?: string }).stderr?.split('\n').find((line) => /Error/.test(line));
    return `failed: ${message ?? String(error)}`;
  }
}

interface Planned {
  parser: string;
  file: string;
  /** Old-space limit of the process: generous for peers that hold the whole document. */
  heapMb: number;
}

async function row({ parser, file, heapMb }: Planned, runs: number): Promise<string> {
  const { size } = await stat(file);
  const label = heapMb < 1024 ? `${parser}, old space capped at ${heapMb} MB` : parser;
  const results: Measurement[] = [];
  for (let i = 0; i < runs; i += 1) {
    const result = await measure(parser, file, heapMb);
    if (typeof result === 'string') return `| ${label} | ${(size / 1e6).toFixed(1)} | ${result} | | | | | |`;
    results.push(result);
  }
  results.sort((a, b) => a.cpuMs - b.cpuMs);
  const median = results[Math.floor(results.length / 2)]!;
  const peak = Math.max(...results.map((r) => r.peakRssMb));
  const cpuSeconds = median.cpuMs / 1000;
  return (
    `| ${label} | ${(size / 1e6).toFixed(1)} | ${median.items} | ${cpuSeconds.toFixed(2)} | ${(median.ms / 1000).toFixed(2)} | ` +
    `${(size / 1e6 / cpuSeconds).toFixed(1)} | ${Math.round(median.items / cpuSeconds).toLocaleString('en')} | ${Math.round(peak)} |`
  );
}

export async function run(args: string[]): Promise<void> {
  const mb = option(args, 'mb', 50);
  const runs = option(args, 'runs', 3);
  const dir = join(tmpdir(), 'cash-bench-statements');
  await mkdir(dir, { recursive: true });
  const camt = join(dir, `camt053-${mb}mb.xml`);
  const mt940 = join(dir, `mt940-${mb}mb.sta`);
  process.stderr.write(`generating ${mb} MB test files in ${dir} ...\n`);
  const entries = await writeCamt053(camt, mb * 1e6);
  const lines = await writeMt940(mt940, mb * 1e6);
  process.stdout.write(
    `\nNode ${process.version}, ${runs} runs each (median CPU time, highest peak RSS); ` +
      `camt.053: ${entries} entries, MT940: ${lines} :61: lines\n\n` +
      '| parser | MB | items | CPU s | wall s | MB/s | items/s | peak RSS MB |\n' +
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n',
  );
  const roomy = 4096;
  const plan: Planned[] = [
    { parser: 'saxes bare pass', file: camt, heapMb: roomy },
    { parser: 'cash camt (stream)', file: camt, heapMb: roomy },
    { parser: 'cash camt (stream)', file: camt, heapMb: 24 },
    { parser: 'cash camt (full model)', file: camt, heapMb: roomy },
    { parser: 'camt-parser 1.1.0', file: camt, heapMb: roomy },
    { parser: 'iso20022.js 0.0.15', file: camt, heapMb: roomy },
    { parser: 'cash mt940', file: mt940, heapMb: roomy },
    { parser: 'mt940js 1.3.5', file: mt940, heapMb: roomy },
  ];
  for (const planned of plan) {
    process.stdout.write(`${await row(planned, runs)}\n`);
  }
}
