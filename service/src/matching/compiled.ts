/** Configurations turned into what the engine runs: patterns compiled once, tolerances in integers. */
import { invalid } from '../domain/errors.js';
import type { MatchingConfiguration } from './configurations.js';

export interface CompiledConfiguration {
  readonly config: MatchingConfiguration;
  /** Null when the parser takes the whole remittance text. */
  readonly pattern: RegExp | null;
}

const CATCH_ALL = /^\(?\.[*+]\)?$/;

export function compileConfiguration(config: MatchingConfiguration): CompiledConfiguration {
  const source = config.parser.pattern;
  if (source === undefined || source === '' || CATCH_ALL.test(source)) return { config, pattern: null };
  const flags = new Set((config.parser.flags ?? 'i').split(''));
  flags.add('g');
  try {
    return { config, pattern: new RegExp(source, [...flags].join('')) };
  } catch (error) {
    throw invalid('MATCHING_CONFIG_INVALID', `configuration "${config.name}": pattern does not compile`, {
      name: config.name,
      pattern: source,
      cause: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Parts per million, so percentages apply to bigint minor units without floating point. */
export const toPpm = (share: number): bigint => BigInt(Math.round(share * 1_000_000));

/** `minor × ppm / 1e6`, rounded half up. */
export const applyPpm = (minor: bigint, ppm: bigint): bigint => (minor * ppm + 500_000n) / 1_000_000n;
