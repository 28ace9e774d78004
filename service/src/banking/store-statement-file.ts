import { createHash } from 'node:crypto';
import { invalid } from '../domain/errors.js';
import { cleanText } from '../domain/text.js';
import type { LedgerContext } from '../domain/ledger-port.js';
import { asIban } from '../formats/mt940/parties.js';
import type { StatementFile, StatementItem } from '../formats/statement/model.js';
import type { ParseStatementOptions } from '../formats/statement/parse.js';
import { readStatementStream } from '../formats/statement/stream.js';
import type { ImportResult, ItemProgress, StatementStore } from '../store/statements/statement-store.js';

/** A bank file held in memory, or one that can be read (again) as a stream of chunks: a file on disk, a spooled upload. */
export type StatementSource = Buffer | { open: () => AsyncIterable<Uint8Array> };

export interface StatementFileOptions extends ParseStatementOptions {
  fileName: string;
  /** IBAN of the account that statements naming none belong to (some CSV exports name none). */
  account?: string;
}

const BATCH = 500;
const SLICE = 1024 * 1024;

/**
 * Reads a bank file twice, never holding it: once to check it whole (format, balances, accounts,
 * item counts, digest) before anything is written, then again inside the import's transaction,
 * storing its items in batches as they are read. Memory stays flat in the file's size.
 */
export async function storeStatementFile(
  store: StatementStore,
  ctx: LedgerContext,
  source: StatementSource,
  options: StatementFileOptions,
  progress?: ItemProgress,
): Promise<ImportResult> {
  const open = opener(source);
  const account = options.account === undefined ? undefined : validAccount(options.account);
  const read = { ...options, ...(account ? { account } : {}) };
  const digest = createHash('sha256');
  let size = 0;
  const counts: number[] = [];
  const checked = await readStatementStream(
    tap(open(), (chunk) => {
      digest.update(chunk);
      size += chunk.length;
    }),
    { ...read, onItem: (_item, _statement, index) => void (counts[index] = (counts[index] ?? 0) + 1) },
  );
  requireAccounts(checked, options.fileName, account);
  const file = cleanText(checked, { dropNul: true }).value;
  const meta = { fileName: options.fileName, sha256: digest.digest('hex'), sizeBytes: size, importedBy: ctx.actor };
  const itemCounts = file.statements.map((_, index) => counts[index] ?? 0);
  return store.importStreamed(ctx.tenantId, file, itemCounts, meta, async (save) => {
    let pending: [number, StatementItem][] = [];
    const flush = async () => {
      const batch = pending;
      pending = [];
      let start = 0;
      while (start < batch.length) {
        const index = batch[start]![0];
        let end = start;
        while (end < batch.length && end - start < BATCH && batch[end]![0] === index) end += 1;
        await save(index, batch.slice(start, end).map(([, item]) => item));
        start = end;
      }
    };
    await readStatementStream(open(), {
      ...read,
      // bank texts in NFC and without NUL, as everything else that enters; item keys were taken before, from the file's own bytes
      onItem: (item, _statement, index) => void pending.push([index, cleanText(item, { dropNul: true }).value]),
      afterChunk: async () => {
        if (pending.length >= BATCH) await flush();
      },
    });
    await flush();
  }, progress);
}

function opener(source: StatementSource): () => AsyncIterable<Uint8Array> {
  if (!Buffer.isBuffer(source)) return source.open;
  return async function* slices() {
    for (let at = 0; at < source.length; at += SLICE) yield source.subarray(at, at + SLICE);
  };
}

async function* tap(source: AsyncIterable<Uint8Array>, see: (chunk: Uint8Array) => void): AsyncIterable<Uint8Array> {
  for await (const chunk of source) {
    see(chunk);
    yield chunk;
  }
}

function validAccount(text: string): string {
  const iban = asIban(text);
  if (!iban) {
    throw invalid('ACCOUNT_IBAN_INVALID', `"${text}" is not a valid IBAN (checked with its check digits)`, { account: text });
  }
  return iban;
}

/**
 * A statement must name its account: merged under a placeholder, the statements of different
 * accounts would share one account and an identical row of another account would pass for a
 * duplicate. A file that names none needs one given; one that names another IBAN is not relabelled.
 */
function requireAccounts(file: StatementFile, fileName: string, account: string | undefined): void {
  for (const statement of file.statements) {
    const named = statement.account.iban ?? statement.account.other;
    if (!named) {
      throw invalid(
        'STATEMENT_ACCOUNT_REQUIRED',
        `${fileName} does not say which account it is for; give the account's IBAN (--account on the command line, account in the API)`,
        { file: fileName },
      );
    }
    if (account && statement.account.iban && statement.account.iban !== account) {
      throw invalid(
        'STATEMENT_ACCOUNT_CONFLICT',
        `${fileName} is a statement of ${statement.account.iban}, not of the given account ${account}`,
        { file: fileName, fileAccount: statement.account.iban, account },
      );
    }
  }
}
