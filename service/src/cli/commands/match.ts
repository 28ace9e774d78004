/**
 * `cash match --entries ENTRIES.jsonl --items ITEMS.jsonl [--config CONFIG.json] --out RESULTS.jsonl`:
 * the matching engine over files, the contract other tools evaluate it through. Both inputs are read
 * line by line and results are written as each item is matched, so a million entries stay cheap.
 */
import { accessSync, constants, createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import type { Command } from 'commander';
import { invalid } from '../../domain/errors.js';
import {
  DEFAULT_CONFIGURATIONS,
  DEFAULT_OPTIONS,
  Matcher,
  readConfigurations,
  type MatchOptions,
  type MatchingConfiguration,
} from '../../matching/index.js';

interface MatchCliOptions {
  entries: string;
  items: string;
  config?: string;
  out: string;
}

/** Lines of a UTF-8 file, read in large chunks (faster than node:readline for millions of lines). */
async function* lines(path: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const text = rest + decoder.write(chunk as Buffer);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      yield text.slice(start, end);
      start = end + 1;
    }
    rest = text.slice(start);
  }
  rest += decoder.end();
  if (rest.length > 0) yield rest;
}

async function* jsonLines(path: string, what: string): AsyncGenerator<unknown> {
  let number = 0;
  for await (const line of lines(path)) {
    number += 1;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line);
    } catch {
      throw invalid('JSONL_INVALID', `${path} line ${number}: not a JSON ${what}`, { path, line: number });
    }
  }
}

/** CONFIG.json: a list of configurations, or `{ "configurations": [...], "options": {...} }`. */
function readConfigFile(path: string | undefined): { configurations: readonly MatchingConfiguration[]; options: Partial<MatchOptions> } {
  if (!path) return { configurations: DEFAULT_CONFIGURATIONS, options: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw invalid('MATCHING_CONFIG_INVALID', `${path} is not readable JSON`, {
      path,
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  const hasList = Array.isArray(raw) || (typeof raw === 'object' && raw !== null && 'configurations' in raw);
  const configurations = hasList ? readConfigurations(raw) : DEFAULT_CONFIGURATIONS;
  const options: Partial<MatchOptions> = {};
  const given = (raw as { options?: Record<string, unknown> } | null)?.options ?? {};
  for (const key of Object.keys(DEFAULT_OPTIONS) as Array<keyof MatchOptions>) {
    const value = given[key];
    if (value === undefined) continue;
    if (typeof value !== typeof DEFAULT_OPTIONS[key]) {
      throw invalid('MATCHING_CONFIG_INVALID', `options.${key} must be a ${typeof DEFAULT_OPTIONS[key]}`, { key });
    }
    (options as Record<string, unknown>)[key] = value;
  }
  return { configurations, options };
}

function assertReadable(path: string, option: string): void {
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw invalid('FILE_NOT_READABLE', `${option} ${path}: the file does not exist or cannot be read`, { path });
  }
}

export async function runMatch(options: MatchCliOptions): Promise<{ entries: number; items: number }> {
  assertReadable(options.entries, '--entries');
  assertReadable(options.items, '--items');
  const { configurations, options: matchOptions } = readConfigFile(options.config);
  const matcher = new Matcher(configurations, matchOptions);
  for await (const entry of jsonLines(options.entries, 'entry')) matcher.addEntry(entry as never);
  const out = createWriteStream(options.out);
  let buffer: string[] = [];
  let items = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer.join('');
    buffer = [];
    if (!out.write(chunk)) await once(out, 'drain');
  };
  for await (const item of jsonLines(options.items, 'item')) {
    buffer.push(`${JSON.stringify(matcher.match(item as never))}\n`);
    items += 1;
    if (buffer.length >= 1000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return { entries: matcher.index.size, items };
}

export function registerMatch(program: Command): void {
  program
    .command('match')
    .description(
      'Match bank statement items against open entries (JSON Lines in, JSON Lines out): one result per item, ' +
        'settled only when certain, otherwise suggestions best first, each with its score and reasons.',
    )
    .requiredOption('--entries <file>', 'open entries, one JSON object per line')
    .requiredOption('--items <file>', 'bank statement items, one JSON object per line')
    .option('--config <file>', 'matching configurations (JSON); the default set applies without it')
    .requiredOption('--out <file>', 'where to write one result per item')
    .action(async (options: MatchCliOptions) => {
      const { entries, items } = await runMatch(options);
      process.stderr.write(`matched ${items} items against ${entries} open entries → ${options.out}\n`);
    });
}
