import { Option, type Command } from 'commander';
import { MAX_PAGE_LIMIT } from '../limit-option.js';
import type { Page } from '../../domain/ledger-port.js';

/** --limit and --cursor of a paged list, as the API pages it. */
export function pageOptions(command: Command): Command {
  return command
    .addOption(new Option('--limit <n>', `at most this many, 1–${MAX_PAGE_LIMIT}`).default('50'))
    .option('--cursor <cursor>', 'continue a list where the previous one said "more: --cursor …"')
    .option('--json', 'print JSON lines');
}

/** Says on stderr how to go on when a list has more, so stdout holds only the rows. */
export function reportMore(page: Page<unknown>): void {
  if (page.nextCursor) process.stderr.write(`more: --cursor ${page.nextCursor}\n`);
}
