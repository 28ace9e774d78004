/**
 * The file mode shared by `cash sepa direct-debit` and `cash sepa credit-transfer`: RUN.json in,
 * pain.008/pain.001 out. Every EPC rule is applied first; by default one invalid transaction refuses
 * the whole file (nothing written, every problem listed), `--skip-invalid` writes the valid rest.
 * The file is streamed to a temporary name and renamed at the end, so a failure leaves no half file.
 */
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { invalid } from '../../domain/errors.js';
import { formatMinor } from '../../domain/money.js';
import type { SepaFormat, SepaIssue, SepaKind } from '../../formats/sepa/model.js';
import { prepareRun } from '../../formats/sepa/prepare-run.js';
import { parseRunJson } from '../../formats/sepa/run-json-schema.js';
import { writeRun } from '../../formats/sepa/write-run.js';

export interface FileRunOptions {
  readonly input: string;
  readonly out: string;
  readonly format: SepaFormat;
  readonly skipInvalid?: boolean;
  readonly json?: boolean;
}

/** TARGET2 runs on Central European Time, so "today" is the date in Frankfurt. */
export function todayInFrankfurt(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

function describeIssue(issue: SepaIssue): string {
  const where = issue.transaction === undefined ? 'file' : `transaction ${issue.transaction + 1}${issue.endToEndId ? ` (${issue.endToEndId})` : ''}`;
  return `${where}: ${issue.code} ${issue.message}`;
}

async function readRun(path: string) {
  const text = await readFile(path, 'utf8').catch(() => {
    throw invalid('FILE_NOT_FOUND', `${path} cannot be read`, { file: path });
  });
  return parseRunJson(text);
}

export async function runFileMode(kind: SepaKind, options: FileRunOptions): Promise<void> {
  const input = await readRun(options.input);
  const result = prepareRun(input, {
    kind,
    format: options.format,
    today: todayInFrankfurt(),
    skipInvalid: options.skipInvalid ?? false,
  });
  for (const warning of result.warnings) process.stderr.write(`warning ${describeIssue(warning)}\n`);
  const run = result.run;
  if (!run) {
    const list = result.problems.map(describeIssue).join('\n  ');
    throw invalid(
      'SEPA_RUN_REFUSED',
      `${result.problems.length} problem(s), nothing written:\n  ${list}` +
        (result.problems.some((p) => p.transaction !== undefined) ? '\n(--skip-invalid writes the valid transactions)' : ''),
      { problems: result.problems },
    );
  }
  const temporary = `${options.out}.${process.pid}.partial`;
  try {
    await pipeline(Readable.from(writeRun(run)), createWriteStream(temporary));
    await rename(temporary, options.out);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }

  const skipped = result.problems.filter((p) => p.transaction !== undefined);
  if (options.json) {
    const summary = {
      file: options.out,
      format: run.format,
      messageId: run.messageId,
      numberOfTransactions: run.count,
      controlSum: formatMinor(run.totalMinor, 'EUR'),
      paymentInformation: run.blocks.map((b) => ({
        id: b.id,
        requestedDate: b.requestedDate,
        ...(b.scheme ? { scheme: b.scheme, sequenceType: b.sequenceType } : {}),
        numberOfTransactions: b.count,
        controlSum: formatMinor(b.totalMinor, 'EUR'),
      })),
      transactions: [...run.transactions()].map((t) => ({ index: t.index, endToEndId: t.endToEndId, amount: t.amount })),
      excluded: result.excluded.map((index) => ({ index, problems: skipped.filter((p) => p.transaction === index) })),
      warnings: result.warnings,
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `wrote ${options.out}: ${run.format}, message ${run.messageId}, ${run.count} transaction(s), ` +
      `${formatMinor(run.totalMinor, 'EUR')} EUR in ${run.blocks.length} payment block(s)\n`,
  );
  if (skipped.length > 0) {
    process.stdout.write(`excluded ${result.excluded.length} transaction(s):\n  ${skipped.map(describeIssue).join('\n  ')}\n`);
  }
}
