import type { PreparedRun } from './model.js';
import { writePain001 } from './pain001-writer.js';
import { writePain008 } from './pain008-writer.js';

/** The XML of a prepared run, in chunks, by the writer its kind and format call for. */
export function writeRun(run: PreparedRun): Iterable<string> {
  return run.kind === 'direct-debit' ? writePain008(run) : writePain001(run);
}

/** The whole file as one string, for small runs and tests. */
export function writeRunToString(run: PreparedRun): string {
  let xml = '';
  for (const chunk of writeRun(run)) xml += chunk;
  return xml;
}
