/**
 * One measurement of the `statements` benchmark, in a fresh process so that peak RSS belongs to
 * one parser alone: `node --import tsx statements-worker.support.ts PARSER FILE` prints
 * {"ms", "cpuMs", "items", "peakRssMb"} as JSON. Time covers reading and parsing, not module
 * loading; CPU time is reported beside wall time because a shared machine's load inflates the latter.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SaxesParser } from 'saxes';
import { streamCamt } from '../src/formats/camt/index.js';
import { parseStatementFile } from '../src/formats/statement/parse.js';

const require = createRequire(import.meta.url);

type Parser = (file: string) => Promise<number>;

const CHUNK = 1024 * 1024;

const parsers: Record<string, Parser> = {
  /** Our reader as the import uses it: streamed from disk, items handed on and dropped. */
  'cash camt (stream)': async (file) => {
    let items = 0;
    await streamCamt(createReadStream(file, { highWaterMark: CHUNK }), { onItem: () => (items += 1) });
    return items;
  },
  /** Our reader building the whole model in memory, as `cash statement parse` does. */
  'cash camt (full model)': async (file) => {
    const result = await parseStatementFile(readFileSync(file), { format: 'camt' });
    return result.statements.reduce((n, s) => n + s.items.length, 0);
  },
  /** The ceiling: saxes tokenising the same bytes with no object building. */
  'saxes bare pass': async (file) => {
    const parser = new SaxesParser({ xmlns: false, position: true });
    let items = 0;
    parser.on('opentag', (tag) => {
      if (tag.name === 'Ntry') items += 1;
    });
    const decoder = new TextDecoder();
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) {
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    }
    parser.close();
    return items;
  },
  'camt-parser 1.1.0': async (file) => {
    const { parseCamt053 } = require('camt-parser') as {
      parseCamt053(xml: string): Promise<{ statements: { transactions: unknown[] }[] }>;
    };
    const document = await parseCamt053(readFileSync(file, 'utf8'));
    return document.statements.reduce((n, s) => n + s.transactions.length, 0);
  },
  'iso20022.js 0.0.15': async (file) => {
    const { CashManagementEndOfDayReport } = require('iso20022.js') as {
      CashManagementEndOfDayReport: { fromXML(xml: string): { entries: unknown[] } };
    };
    return CashManagementEndOfDayReport.fromXML(readFileSync(file, 'utf8')).entries.length;
  },
  'cash mt940': async (file) => {
    const result = await parseStatementFile(readFileSync(file), { format: 'mt940' });
    return result.statements.reduce((n, s) => n + s.items.length, 0);
  },
  'mt940js 1.3.5': async (file) => {
    const { Parser } = require('mt940js') as { Parser: new () => { parse(text: string): { transactions: unknown[] }[] } };
    return new Parser().parse(readFileSync(file, 'utf8')).reduce((n, s) => n + s.transactions.length, 0);
  },
};

export const PARSERS = Object.keys(parsers);

const [name, file] = process.argv.slice(2);
if (name && file) {
  const parse = parsers[name];
  if (!parse) throw new Error(`unknown parser ${name}`);
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const items = await parse(file);
  const used = process.cpuUsage(cpu);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuMs = (used.user + used.system) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, cpuMs, items, peakRssMb })}\n`);
}
