/**
 * Parser patterns run on RE2 (the re2js port): its time grows linearly with the text whatever the
 * pattern, so a tenant's pattern cannot stall the process every tenant shares, and no pattern needs
 * trying out first. RE2 has no backreferences and no lookaround; a pattern using them is refused
 * when it is compiled, which is when a configuration is saved.
 */
import { RE2JS } from 're2js';
import { invalid } from '../domain/errors.js';

/** JavaScript flags RE2 has an equivalent for; `g` and `u` are how the engine always runs. */
const FLAG_BITS: Readonly<Record<string, number>> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL,
  g: 0,
  u: 0,
};

export interface Pattern {
  /** Every match, left to right: its first capture group, or the whole match without one. */
  extract(text: string): string[];
}

function unsupported(name: string, source: string, reason: string): Error {
  return invalid(
    'MATCHING_PATTERN_UNSUPPORTED',
    `configuration "${name}": the pattern cannot run on the linear-time engine (RE2 syntax, no backreferences and lookaround): ${reason}`,
    { name, pattern: source, reason },
  );
}

/** Compiles a parser pattern; flags default to case-insensitive. */
export function compilePattern(name: string, source: string, flags = 'i'): Pattern {
  let bits = 0;
  for (const flag of flags) {
    const bit = FLAG_BITS[flag];
    if (bit === undefined) throw unsupported(name, source, `flag "${flag}" is not supported (use i, m, s)`);
    bits |= bit;
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, bits);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // what JavaScript would run but RE2 cannot is unsupported; what neither reads is a mistake
    if (!compilesNatively(source)) {
      throw invalid('MATCHING_CONFIG_INVALID', `configuration "${name}": pattern does not compile`, { name, pattern: source, cause: reason });
    }
    throw unsupported(name, source, reason);
  }
  return {
    extract(text) {
      const found: string[] = [];
      for (const match of compiled.matchAll(text)) {
        const value = match[1] ?? match[0];
        if (value) found.push(value);
      }
      return found;
    },
  };
}

function compilesNatively(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
