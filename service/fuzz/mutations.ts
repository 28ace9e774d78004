import fc from 'fast-check';
import iconv from 'iconv-lite';

/**
 * Generated inputs: a seed file from the repository's fixtures with one to five mutations, or now
 * and then plain random bytes. A mutation is drawn as data (its kind and a few random numbers) and
 * applied here, so that one (seed, index) pair always yields the same input and a finding can be
 * reproduced from the two numbers alone.
 */
export type Structure = 'xml' | 'lines';

const KINDS = [
  'flip', 'insert', 'delete', 'truncate', 'dropLine', 'dupLine', 'swapLines', 'dropElement', 'dupElement',
  'swapElements', 'nestElement', 'hugeNumber', 'oddDate', 'encoding', 'replaceText', 'splice', 'repeat',
] as const;
type Kind = (typeof KINDS)[number];

interface Mutation {
  kind: Kind;
  a: number;
  b: number;
  c: number;
  bytes: Uint8Array;
  text: string;
}

/** Bytes that mean something to one of the readers: markup, SWIFT tags, CSV quoting, line ends, NUL, invalid UTF-8. */
const INTERESTING = [...'<>&;:,"\'?{}/=-+.\r\n\t '].map((c) => c.charCodeAt(0)).concat([0x00, 0x80, 0xc3, 0xe2, 0xef, 0xfe, 0xff]);

const HUGE = (n: number) => [
  '9'.repeat(20 + (n % 400)),
  `${'9'.repeat(1 + (n % 30))}.${'9'.repeat(1 + (n % 25))}`,
  `${'9'.repeat(1 + (n % 30))},${'9'.repeat(1 + (n % 25))}`,
  '-0', '1e308', '-1e-308', 'NaN', 'Infinity', '0x1F', '00000000000000000000001', '1_000', '٣٤٥',
  String(Number.MAX_SAFE_INTEGER + 2), '18446744073709551616', '.', ',', '-',
];
const ODD_DATES = [
  '0000-00-00', '9999-12-31', '2026-02-30', '2026-13-01', '2026-00-10', '+275760-09-13', '1970-01-01T00:00:00Z',
  '2026-02-29', '2024-02-29', '2026-1-1', '991399', '000000', '260230', '261301', '31.02.2026', '00.00.0000',
  '2026-12-31T25:61:61', '20261231', '',
];
const ENCODINGS = ['utf16le', 'utf16be', 'latin1', 'cp850', 'cp852', 'windows-1252', 'iso-8859-15', 'utf8'];
const DATE_LIKE = /\d{4}-\d{2}-\d{2}(?:T[\d:.+Z-]*)?|\d{2}\.\d{2}\.\d{4}|(?<=:6[012][FM]?:[CD]?)\d{6}|(?<=:61:)\d{6}/g;
const NUMBER_LIKE = /\d+(?:[.,]\d+)?/g;

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

function lines(input: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = input.indexOf(10); i >= 0; i = input.indexOf(10, start)) {
    parts.push(input.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < input.length) parts.push(input.subarray(start));
  return parts;
}

/** Element spans found by name: from `<Name` to its first `</Name>` (nested same names are rare in these schemas). */
function elements(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const open = /<([A-Za-z][\w.:-]*)[\s>\/]/g;
  for (let m = open.exec(text); m && spans.length < 2000; m = open.exec(text)) {
    const close = text.indexOf(`</${m[1]}>`, m.index);
    if (close >= 0) spans.push([m.index, close + m[1]!.length + 3]);
  }
  return spans;
}

function replaceMatch(text: string, pattern: RegExp, n: number, by: string): string {
  const found = [...text.matchAll(pattern)];
  if (found.length === 0) return text;
  const m = pick(found, n);
  return text.slice(0, m.index) + by + text.slice(m.index! + m[0].length);
}

function mutateLines(input: Buffer, m: Mutation): Buffer {
  const all = lines(input);
  if (all.length === 0) return input;
  const i = m.a % all.length;
  const j = m.b % all.length;
  if (m.kind === 'dropLine') all.splice(i, 1);
  else if (m.kind === 'dupLine') all.splice(i, 0, ...Array.from({ length: 1 + (m.c % 3) }, () => all[i]!));
  else [all[i], all[j]] = [all[j]!, all[i]!];
  return Buffer.concat(all);
}

function mutateElements(input: Buffer, m: Mutation): Buffer {
  const text = input.toString('latin1');
  const spans = elements(text);
  if (spans.length === 0) return mutateLines(input, { ...m, kind: 'dropLine' });
  const [s, e] = pick(spans, m.a);
  const inner = text.slice(s, e);
  let out: string;
  if (m.kind === 'dropElement') out = text.slice(0, s) + text.slice(e);
  else if (m.kind === 'dupElement') out = text.slice(0, e) + inner.repeat(1 + (m.c % 4)) + text.slice(e);
  else if (m.kind === 'nestElement') {
    // Deep nesting: the same element opened many times inside itself.
    const depth = 2 + (m.c % 200);
    const name = /^<([^\s>\/]+)/.exec(inner)![1]!;
    out = text.slice(0, s) + `<${name}>`.repeat(depth) + inner + `</${name}>`.repeat(depth) + text.slice(e);
  } else {
    const [s2, e2] = pick(spans, m.b);
    if (s2 >= e || e2 <= s) {
      const [first, second] = s < s2 ? [[s, e], [s2, e2]] : [[s2, e2], [s, e]];
      out =
        text.slice(0, first[0]) + text.slice(second[0], second[1]) + text.slice(first[1], second[0]) +
        text.slice(first[0], first[1]) + text.slice(second[1]);
    } else out = text;
  }
  return Buffer.from(out, 'latin1');
}

function applyMutation(input: Buffer, m: Mutation, structure: Structure, seeds: readonly Buffer[]): Buffer {
  const at = input.length === 0 ? 0 : m.a % (input.length + 1);
  switch (m.kind) {
    case 'flip': {
      if (input.length === 0) return input;
      const out = Buffer.from(input);
      const at = m.a % out.length;
      out[at] = out[at]! ^ (1 << (m.b % 8));
      return out;
    }
    case 'insert': {
      const bytes = m.c % 2 === 0 ? Buffer.from(m.bytes) : Buffer.from([pick(INTERESTING, m.b)]);
      return Buffer.concat([input.subarray(0, at), bytes, input.subarray(at)]);
    }
    case 'delete':
      return Buffer.concat([input.subarray(0, at), input.subarray(at + 1 + (m.b % 64))]);
    case 'truncate':
      return input.subarray(0, at);
    case 'dropLine':
    case 'dupLine':
    case 'swapLines':
      return mutateLines(input, m);
    case 'dropElement':
    case 'dupElement':
    case 'swapElements':
    case 'nestElement':
      return structure === 'xml' ? mutateElements(input, m) : mutateLines(input, { ...m, kind: 'swapLines' });
    case 'hugeNumber':
      return Buffer.from(replaceMatch(input.toString('latin1'), NUMBER_LIKE, m.a, pick(HUGE(m.c), m.b)), 'latin1');
    case 'oddDate':
      return Buffer.from(replaceMatch(input.toString('latin1'), DATE_LIKE, m.a, pick(ODD_DATES, m.b)), 'latin1');
    case 'encoding': {
      // Read as one code page, written as another, sometimes behind a byte order mark.
      const text = iconv.decode(input, pick(ENCODINGS, m.a));
      const bom = m.c % 3 === 0;
      return iconv.encode(text, pick(ENCODINGS, m.b), { addBOM: bom });
    }
    case 'replaceText': {
      const end = Math.min(input.length, at + (m.b % 40));
      return Buffer.concat([input.subarray(0, at), Buffer.from(m.text, 'utf8'), input.subarray(end)]);
    }
    case 'splice': {
      const other = pick(seeds, m.b);
      const from = other.length === 0 ? 0 : m.c % other.length;
      return Buffer.concat([input.subarray(0, at), other.subarray(from, from + 1 + (m.c % 2000))]);
    }
    case 'repeat': {
      const end = Math.min(input.length, at + 1 + (m.b % 200));
      const times = 2 + (m.c % 500);
      return Buffer.concat([input.subarray(0, end), ...Array.from({ length: times }, () => input.subarray(at, end)), input.subarray(end)]);
    }
  }
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...KINDS),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  text: fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 10 })),
});

/** What a generated input is made of, kept so a report can say how it came about. */
export type Recipe = { random: Uint8Array } | { seed: number; mutations: Mutation[] };

export function recipes(seedCount: number): fc.Arbitrary<Recipe> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.record({ random: fc.uint8Array({ maxLength: 512 }) }) },
    { weight: 19, arbitrary: fc.record({ seed: fc.nat(seedCount - 1), mutations: fc.array(mutation, { minLength: 1, maxLength: 5 }) }) },
  );
}

/** Inputs stay below this size: the 1 s bound is per input, and large inputs are the benchmarks' business. */
export const MAX_INPUT_BYTES = 64 * 1024;

export function build(recipe: Recipe, seeds: readonly Buffer[], structure: Structure): Buffer {
  if ('random' in recipe) return Buffer.from(recipe.random);
  return recipe.mutations.reduce(
    (input, m) => applyMutation(input, m, structure, seeds).subarray(0, MAX_INPUT_BYTES),
    seeds[recipe.seed]!,
  );
}

/** The index-th input of a run: each index has its own fast-check seed, so any one can be made again alone. */
export function generate(seeds: readonly Buffer[], structure: Structure, runSeed: number, index: number): { input: Buffer; recipe: Recipe } {
  const [recipe] = fc.sample(recipes(seeds.length), { seed: (Math.imul(runSeed, 0x9e3779b1) + index) | 0, numRuns: 1 });
  return { input: build(recipe!, seeds, structure), recipe: recipe! };
}

export function describeRecipe(recipe: Recipe): string {
  return 'random' in recipe ? `random ${recipe.random.length} bytes` : recipe.mutations.map((m) => m.kind).join('+');
}
