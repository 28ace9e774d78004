/** Public surface of the matching engine; other parts import from here only. */
export { compileConfiguration } from './compiled.js';
export { Matcher, matchItems } from './engine.js';
export { EntryIndex } from './entry-index.js';
export {
  DEFAULT_CONFIGURATIONS,
  TEMPLATES,
  readConfigurations,
  type MatchingConfiguration,
  type ParserConfig,
  type SearchConfig,
  type Template,
} from './configurations.js';
export {
  DEFAULT_OPTIONS,
  type Allocation,
  type BankItemInput,
  type Breakdown,
  type Candidate,
  type MatchOptions,
  type MatchResult,
  type OpenEntryInput,
  type Outcome,
  type Signal,
} from './types.js';
