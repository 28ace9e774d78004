import { stat, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { invalid } from '../../domain/errors.js';
import { maxStatementBytes, MAX_STATEMENT_BYTES_ENV } from '../../formats/statement/size-limit.js';
import { tooLarge } from '../../formats/statement/stream.js';
import {
  DEFAULT_MAX_STATEMENT_BYTES,
  parseStatementFile,
  type StatementFormatOption,
} from '../../formats/statement/parse.js';

/**
 * `cash statement parse FILE`: prints the normalised statement model as JSON on stdout. A rejected
 * file gives a message on stderr and a non-zero exit code, so scripts can tell the two apart.
 */
export function statementGroup(program: Command): Command {
  // `statement import` and friends register under the same group from their own files.
  return (
    program.commands.find((command) => command.name() === 'statement') ??
    program.command('statement').description('bank statements: camt.052/053/054, MT940/MT942, bank CSV')
  );
}

export const MAX_BYTES_HELP =
  `refuse larger files: bytes, or with K, M, G (binary); default env ${MAX_STATEMENT_BYTES_ENV}, else ` +
  `${DEFAULT_MAX_STATEMENT_BYTES / 1024 / 1024}M`;

export async function readStatementFile(path: string, maxBytes: number): Promise<Buffer> {
  const info = await stat(path).catch(() => {
    throw invalid('FILE_NOT_FOUND', `${path} cannot be read`, { file: path });
  });
  if (!info.isFile()) throw invalid('FILE_NOT_FOUND', `${path} is not a file`, { file: path });
  if (info.size > maxBytes) {
    // Refused before reading, so an oversized file never reaches memory.
    throw tooLarge(path, maxBytes, info.size);
  }
  return readFile(path);
}

export function registerStatementParse(program: Command): void {
  statementGroup(program)
    .command('parse')
    .description('read a statement file and print it as JSON in the normalised model')
    .argument('<file>', 'camt.052/053/054 XML, MT940/MT942, or a bank/PSP CSV export')
    .option('--format <format>', 'auto | camt | mt940 | csv:PROFILE', 'auto')
    .option('--encoding <encoding>', 'character encoding, when detection gets it wrong (e.g. cp850)')
    .option('--max-bytes <size>', MAX_BYTES_HELP)
    .action(async (file: string, options: { format: string; encoding?: string; maxBytes?: string }) => {
      const maxBytes = maxStatementBytes(options.maxBytes, process.env[MAX_STATEMENT_BYTES_ENV]);
      const input = await readStatementFile(file, maxBytes);
      const result = await parseStatementFile(input, {
        format: options.format as StatementFormatOption,
        encoding: options.encoding,
        fileName: basename(file),
        maxBytes,
      });
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    });
}
