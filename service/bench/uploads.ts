/**
 * `npm run bench -- uploads [--mb 10,200] [--only cli|server] [--inputs camt,mt940,garbage]`: peak RSS of the process that
 * imports a bank file, for generated camt.053 and MT940 files and a garbage file of each size:
 * the CLI (`cash statement import`) and the server (`cash serve`, the file POSTed to
 * /v1/bank-statements), each next to a baseline in the same run that imports the way the service
 * did before streaming (the file read or received whole, parsed into the full model, then stored).
 * Every measurement is a fresh process, so its peak RSS is that import's alone; the process
 * reports it (process.resourceUsage().maxRSS) as it exits. Each file is stored once beforehand,
 * outside the measurements, and every measured import re-imports it into that tenant: each item
 * is then a duplicate, so the run times reading and storing (the path that held files whole)
 * rather than bank feedback on hundreds of thousands of new items. Needs PostgreSQL
 * (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test): a throw-away schema, dropped
 * afterwards, so the database's own memory is not counted.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storeStatementFile } from '../src/banking/store-statement-file.js';
import { migrate } from '../src/store/migrate.js';
import { openPostgres } from '../src/store/pg-db.js';
import { servicesFor } from '../src/runtime/services.js';
import { writeCamt053, writeMt940 } from './statements-generate.support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'service/src/cli/main.ts');
const baseline = fileURLToPath(new URL('./uploads-baseline.support.ts', import.meta.url));
const peak = new URL('./uploads-peak.support.mjs', import.meta.url).href;

interface Outcome {
  peakMb: number;
  seconds: number;
  result: string;
}

function sizes(args: string[]): number[] {
  const index = args.indexOf('--mb');
  const list = (index >= 0 ? args[index + 1] ?? '' : '10,200').split(',').map((v) => Number.parseInt(v, 10));
  if (list.some((v) => !Number.isSafeInteger(v) || v <= 0)) throw new Error('--mb needs sizes such as 10,200');
  return list;
}

async function writeGarbage(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  const block = randomBytes(1024 * 1024);
  for (let written = 0; written < bytes; written += block.length) {
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Runs a process to its end (or until `stop` says so), returning its output and reported peak RSS. */
function measured(args: string[], env: NodeJS.ProcessEnv, whenReady?: (stop: () => void) => Promise<string>): Promise<Outcome> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...env, NODE_OPTIONS: `--import ${peak}`, LOG_LEVEL: 'silent' },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let result: Promise<string> | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (whenReady && !result && /listening/.test(stdout)) result = whenReady(() => child.kill('SIGTERM'));
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', async () => {
      const kb = /PEAK_RSS_KB=(\d+)/.exec(stderr)?.[1];
      if (!kb) return reject(new Error(`no peak RSS reported: ${stderr.slice(-500)}`));
      const counts = /(\d+) new item\(s\), (\d+) already imported/.exec(stdout);
      const printed = counts ? `${counts[1]} new, ${counts[2]} duplicate` : (/error [A-Z_]+/.exec(stdout + stderr)?.[0] ?? stdout.trim().split('\n').at(-1) ?? '');
      const outcome = result ? await result : printed;
      resolve({ peakMb: Math.round(Number(kb) / 1024), seconds: (Date.now() - started) / 1000, result: outcome });
    });
  });
}

/** POSTs a file as a stream with its Content-Length, as curl --data-binary @file would. */
async function upload(port: number, path: string, file: string, headers: Record<string, string>): Promise<string> {
  const { size } = await stat(file);
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, 'content-type': 'application/octet-stream', 'content-length': size } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => {
        const parsed = JSON.parse(body || '{}') as { code?: string; newItems?: number; duplicateItems?: number };
        resolve(`${res.statusCode} ${parsed.code ?? `${parsed.newItems} new, ${parsed.duplicateItems} duplicate`}`);
      });
    });
    // A server that answers early (413, 422) may close the connection while the file is still going.
    req.on('error', (error) => resolve(`connection closed (${(error as NodeJS.ErrnoException).code ?? error.message})`));
    createReadStream(file).pipe(req);
  });
}

export async function run(args: string[]): Promise<void> {
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const inputs = (args.includes('--inputs') ? args[args.indexOf('--inputs') + 1]! : 'camt,mt940,garbage').split(',');
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const db = await openPostgres({ url, schema, max: 2 });
  await migrate(db);
  const services = servicesFor(db);
  const childUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const env = { ...process.env, DATABASE_URL: childUrl };
  const dir = join(tmpdir(), `cash-bench-uploads-${inputs.join('-')}`);
  await mkdir(dir, { recursive: true });
  let port = 40_000 + Math.floor(Math.random() * 10_000);
  const tenant = async () => {
    const created = await services.tenants.createTenant(`bench ${randomBytes(3).toString('hex')}`);
    return { id: created.id, key: (await services.tenants.createApiKey(created.id, 'bench', ['write'])).key };
  };
  process.stdout.write(
    `\nNode ${process.version}; peak RSS of the importing process (MB), wall seconds, outcome\n\n` +
      '| input | MB | process | streaming (now) | baseline (whole file) |\n| --- | ---: | --- | --- | --- |\n',
  );
  try {
    for (const mb of sizes(args)) {
      const generators: [string, string, string, (path: string, bytes: number) => Promise<unknown>][] = [
        ['camt', 'camt.053', join(dir, `camt053-${mb}mb.xml`), writeCamt053],
        ['mt940', 'MT940', join(dir, `mt940-${mb}mb.sta`), writeMt940],
        ['garbage', 'garbage', join(dir, `garbage-${mb}mb.bin`), writeGarbage],
      ];
      const files = generators.filter(([id]) => inputs.includes(id));
      process.stderr.write(`generating ${mb} MB files in ${dir} ...\n`);
      for (const [, , file, write] of files) await write(file, mb * 1e6);
      for (const [, label, file] of files) {
        const cell = (o: Outcome) => `${o.peakMb} MB, ${o.seconds.toFixed(1)} s, ${o.result}`;
        const a = await tenant();
        process.stderr.write(`storing ${label} ${mb} MB once ...\n`);
        await storeStatementFile(services.statements, { tenantId: a.id, actor: 'bench', businessProcess: 'Bench' }, { open: () => createReadStream(file) }, { fileName: 'prime' }).catch(
          (error: { code?: string }) => process.stderr.write(`  not stored: ${error.code ?? String(error)}\n`),
        );
        if (only !== 'server') {
          const now = await measured([cli, 'statement', 'import', file, '--tenant', a.id], env);
          const before = await measured([baseline, 'cli', file, a.id], env);
          process.stdout.write(`| ${label} | ${mb} | CLI | ${cell(now)} | ${cell(before)} |\n`);
        }
        if (only !== 'cli') {
          const now = await measured([cli, 'serve', '--no-worker', '--port', String((port += 1))], env, async (stop) => {
            const result = await upload(port, '/v1/bank-statements?fileName=bench', file, { authorization: `Bearer ${a.key}` });
            stop();
            return result;
          });
          const before = await measured([baseline, 'serve', String((port += 1)), a.id], env, async (stop) => {
            const result = await upload(port, '/upload', file, {});
            stop();
            return result;
          });
          process.stdout.write(`| ${label} | ${mb} | server | ${cell(now)} | ${cell(before)} |\n`);
        }
      }
    }
  } finally {
    await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.close();
  }
}
