import { Option, type Command } from 'commander';
import { CREDIT_TRANSFER_FORMATS, type CreditTransferFormat } from '../../formats/sepa/model.js';
import { runFileMode } from './sepa-file-run.js';
import { sepaGroup } from './sepa-group.js';

/** `cash sepa credit-transfer --input RUN.json --out FILE.xml`: a pain.001 from a run file. */
export function registerSepaCreditTransfer(program: Command): void {
  sepaGroup(program)
    .command('credit-transfer')
    .description('write a SEPA credit-transfer file (pain.001) from RUN.json (schema: docs/sepa-run-json.md)')
    .requiredOption('--input <file>', 'RUN.json describing the paying account and the transfers')
    .requiredOption('--out <file>', 'the pain.001 XML file to write')
    .addOption(new Option('--format <format>', 'message version').choices(CREDIT_TRANSFER_FORMATS).default('pain.001.001.09'))
    .option('--skip-invalid', 'write the valid transactions and list the others instead of refusing the file')
    .option('--json', 'print the summary (end-to-end ids, blocks, excluded transactions) as JSON')
    .action(async (options: { input: string; out: string; format: CreditTransferFormat; skipInvalid?: boolean; json?: boolean }) => {
      await runFileMode('credit-transfer', options);
    });
}
