/**
 * `npm run bench -- regex [rounds]`: the parser patterns of matching configurations on native
 * RegExp (backtracking), re2js (RE2 ported to JavaScript) and re2-wasm (RE2 compiled to WebAssembly),
 * side by side in the same run.
 *
 * Realistic: the 5,000 remittance texts of the matching quality corpus (seed 20261127), every
 * pattern extracting all its matches with their first capture group, as the engine does.
 * Hostile: `^(?:AB|A|B)*C$` on "AB" repeated with no C; native time doubles with every two
 * characters, RE2 grows linearly, so native runs only short texts.
 *
 * The service depends on re2js only; re2-wasm is measured when present
 * (`npm install --no-save re2-wasm@1.0.2` first) and otherwise left out of the table.
 */
import { RE2JS } from 're2js';
import { DEFAULT_CONFIGURATIONS } from '../src/matching/index.js';
import { generateCorpus } from './matching-corpus.js';

interface Engine {
  name: string;
  /** All matches of `source` (case-insensitive) in `text`: the first capture group, or the whole match. */
  compile(source: string): (text: string) => string[];
}

const native: Engine = {
  name: 'native RegExp',
  compile(source) {
    const pattern = new RegExp(source, 'gi');
    return (text) => [...text.matchAll(pattern)].map((m) => m[1] ?? m[0]);
  },
};

const re2js: Engine = {
  name: 're2js 2.10.0',
  compile(source) {
    const pattern = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
    return (text) => [...pattern.matchAll(text)].map((m) => m[1] ?? m[0]);
  },
};

interface Re2WasmPattern {
  lastIndex: number;
  exec(text: string): RegExpExecArray | null;
}

async function re2wasm(): Promise<Engine | null> {
  const specifier = 're2-wasm';
  const module = (await import(specifier).catch(() => null)) as { RE2: new (source: string, flags: string) => Re2WasmPattern } | null;
  if (!module) return null;
  return {
    name: 're2-wasm 1.0.2',
    compile(source) {
      // re2-wasm refuses patterns without the unicode flag
      const pattern = new module.RE2(source, 'giu');
      return (text) => {
        const found: string[] = [];
        pattern.lastIndex = 0;
        for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
          found.push(m[1] ?? m[0]);
          if (m[0] === '') pattern.lastIndex += 1;
        }
        return found;
      };
    },
  };
}

/** Shipped patterns plus patterns of the kinds tenants write. */
const PATTERNS: Record<string, string> = {
  'account number (shipped)': DEFAULT_CONFIGURATIONS.find((c) => c.template === 'FindAccountByExtractingAccountNumberFromReference')!.parser.pattern!,
  'contact number (shipped)': DEFAULT_CONFIGURATIONS.find((c) => c.template === 'FindAccountByExtractingContactNumberFromReference')!.parser.pattern!,
  'invoice number': '(?:RE|RECHNUNG|INVOICE|INV)[\\s.:#-]*(\\d{4,})',
  'SVWZ field': 'SVWZ\\+(\\S+)',
  'any number': '(\\d{5,})',
};

const HOSTILE = '^(?:AB|A|B)*C$';

function time(action: () => void): number {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function run(args: string[]): Promise<void> {
  const rounds = Number(args[0] ?? 20);
  const texts = generateCorpus({ seed: 20261127, entries: 20_000, items: 5_000 })
    .items.map((i) => i.item.remittanceInformation ?? '')
    .filter((t) => t !== '');
  const engines = [native, re2js, ...[await re2wasm()].filter((e): e is Engine => e !== null)];
  const out = (line: string) => process.stdout.write(`${line}\n`);

  out(`Realistic: ${texts.length} remittance texts (average ${Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length)} characters), best of ${rounds} rounds, µs per text`);
  out(`| pattern | ${engines.map((e) => e.name).join(' | ')} |`);
  out(`| --- |${engines.map(() => ' ---: |').join('')}`);
  for (const [label, source] of Object.entries(PATTERNS)) {
    const cells: string[] = [];
    const reference = JSON.stringify(texts.map(native.compile(source)));
    for (const engine of engines) {
      const extract = engine.compile(source);
      // the same matches on every engine, or the comparison means nothing
      if (JSON.stringify(texts.map(extract)) !== reference) throw new Error(`${engine.name} differs from native on ${label}`);
      let best = Infinity;
      for (let r = 0; r < rounds; r += 1) best = Math.min(best, time(() => texts.forEach(extract)));
      cells.push(((best * 1000) / texts.length).toFixed(2));
    }
    out(`| ${label} | ${cells.join(' | ')} |`);
  }

  out('');
  out(`Hostile: ${HOSTILE} on "AB" × n with no C, ms for one text`);
  out(`| n (characters) | ${engines.map((e) => e.name).join(' | ')} |`);
  out(`| --- |${engines.map(() => ' ---: |').join('')}`);
  for (const n of [24, 36, 44, 52, 140, 10_000, 100_000]) {
    const text = 'AB'.repeat(n / 2);
    const cells = engines.map((engine) => {
      // native backtracking doubles per two characters: 52 already takes seconds, 140 would take years
      if (engine === native && n > 52) return 'not run';
      const extract = engine.compile(HOSTILE);
      return time(() => extract(text)).toFixed(2);
    });
    out(`| ${n} | ${cells.join(' | ')} |`);
  }
}
