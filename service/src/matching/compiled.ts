/** Configurations turned into what the engine runs: patterns compiled once, tolerances in integers. */
import type { MatchingConfiguration } from './configurations.js';
import { compilePattern, type Pattern } from './pattern.js';

export interface CompiledConfiguration {
  readonly config: MatchingConfiguration;
  /** Null when the parser takes the whole remittance text. */
  readonly pattern: Pattern | null;
}

const CATCH_ALL = /^\(?\.[*+]\)?$/;

export function compileConfiguration(config: MatchingConfiguration): CompiledConfiguration {
  const source = config.parser.pattern;
  if (source === undefined || source === '' || CATCH_ALL.test(source)) return { config, pattern: null };
  return { config, pattern: compilePattern(config.name, source, config.parser.flags) };
}

/** Parts per million, so percentages apply to bigint minor units without floating point. */
export const toPpm = (share: number): bigint => BigInt(Math.round(share * 1_000_000));

/** `minor × ppm / 1e6`, rounded half up. */
export const applyPpm = (minor: bigint, ppm: bigint): bigint => (minor * ppm + 500_000n) / 1_000_000n;
