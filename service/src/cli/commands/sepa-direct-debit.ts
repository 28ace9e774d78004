import { Option, type Command } from 'commander';
import { DIRECT_DEBIT_FORMATS, type DirectDebitFormat } from '../../formats/sepa/model.js';
import { runFileMode } from './sepa-file-run.js';
import { sepaGroup } from './sepa-group.js';

/** `cash sepa direct-debit --input RUN.json --out FILE.xml`: a pain.008 from a run file. */
export function registerSepaDirectDebit(program: Command): void {
  sepaGroup(program)
    .command('direct-debit')
    .description('write a SEPA direct-debit file (pain.008) from RUN.json (schema: docs/sepa-run-json.md)')
    .requiredOption('--input <file>', 'RUN.json describing creditor, mandates and collections')
    .requiredOption('--out <file>', 'the pain.008 XML file to write')
    .addOption(new Option('--format <format>', 'message version').choices(DIRECT_DEBIT_FORMATS).default('pain.008.001.08'))
    .option('--skip-invalid', 'write the valid transactions and list the others instead of refusing the file')
    .option('--json', 'print the summary (end-to-end ids, blocks, excluded transactions) as JSON')
    .action(async (options: { input: string; out: string; format: DirectDebitFormat; skipInvalid?: boolean; json?: boolean }) => {
      await runFileMode('direct-debit', options);
    });
}
