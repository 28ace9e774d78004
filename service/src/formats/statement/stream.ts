import { invalid, tooLarge as tooLargeError } from '../../domain/errors.js';
import { CamtReader } from '../camt/index.js';
import { checkStatement } from './balance-check.js';
import { detectFormat } from './detect.js';
import { ItemKeyer, itemKeys } from './item-key.js';
import type { Statement, StatementFile, StatementItem } from './model.js';
import { DEFAULT_MAX_STATEMENT_BYTES, formatNotRecognised, type ParseStatementOptions, type StatementFormatOption } from './parse.js';

/**
 * Reads a statement file of any supported format from a stream of byte chunks, handing each item
 * on as it is read: the file's bytes and text are never held whole, so memory stays flat in the
 * file's size (camt and MT940; a CSV export is read whole, within the same size limit). Too large
 * a stream is refused as soon as the limit is passed, and one that is no statement after its first
 * 64 KiB, without reading the rest.
 */
export interface StreamStatementOptions extends ParseStatementOptions {
  /**
   * Receives each item with its key set, its statement (items not kept) and the statement's index
   * in the returned file.
   */
  onItem: (item: StatementItem, statement: Statement, index: number) => void;
  /** Awaited after each chunk, e.g. to store the items received so far. */
  afterChunk?: () => Promise<void>;
  /** The account (IBAN) of statements that name none; their items are keyed with it. */
  account?: string;
}

interface ChunkReader {
  write(chunk: Uint8Array): void;
  end(): StatementFile;
}

/** CSV profiles differ per bank and group rows across the whole file, so a CSV export is read whole. */
class WholeCsv implements ChunkReader {
  private readonly chunks: Uint8Array[] = [];
  private file: StatementFile | undefined;

  constructor(
    private readonly read: (input: Buffer) => StatementFile,
    private readonly onItem: StreamStatementOptions['onItem'],
  ) {}

  write(chunk: Uint8Array): void {
    this.chunks.push(chunk);
  }

  end(): StatementFile {
    this.file = this.read(Buffer.concat(this.chunks));
    this.chunks.length = 0;
    this.file.statements.forEach((statement, index) => {
      statement.warnings.push(...checkStatement(statement));
      const keys = itemKeys(statement);
      statement.items.forEach((item, n) => {
        item.key = keys[n]!;
        this.onItem(item, statement, index);
      });
      statement.items = [];
    });
    return this.file;
  }
}

const HEAD_BYTES = 64 * 1024;

// Readers load on first use, as in parse.ts.
const loadMt940 = () => import('../mt940/index.js');
const loadCsv = () => import('../csv/index.js');

export async function readStatementStream(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: StreamStatementOptions): Promise<StatementFile> {
  const fileName = options.fileName ?? 'input';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_STATEMENT_BYTES;
  const onItem = withAccount(options.onItem, options.account);
  let bytes = 0;
  let head: Uint8Array[] | undefined = [];
  let headBytes = 0;
  let reader: ChunkReader | undefined;
  const feed = async (chunk: Uint8Array) => {
    bytes += chunk.length;
    if (bytes > maxBytes) throw tooLarge(fileName, maxBytes);
    if (!reader) {
      head!.push(chunk);
      headBytes += chunk.length;
      if (headBytes < HEAD_BYTES) return;
      reader = await open(Buffer.concat(head!), options.format ?? 'auto', options, onItem);
      for (const early of head!) reader.write(early);
      head = undefined;
      return;
    }
    reader.write(chunk);
  };
  for await (const chunk of source) {
    await feed(chunk);
    await options.afterChunk?.();
  }
  if (!reader) {
    if (bytes === 0) throw invalid('STATEMENT_MALFORMED', `${fileName}: the file is empty`, { file: fileName });
    reader = await open(Buffer.concat(head!), options.format ?? 'auto', options, onItem);
    for (const early of head!) reader.write(early);
  }
  const file = reader.end();
  if (options.account) {
    for (const statement of file.statements) {
      if (!statement.account.iban && !statement.account.other) statement.account.iban = options.account;
    }
  }
  return file;
}

export function tooLarge(fileName: string, limit: number, size?: number) {
  return tooLargeError(
    'STATEMENT_TOO_LARGE',
    `${fileName}: ${size === undefined ? 'larger than' : `${size} bytes, more than`} the limit of ${limit} bytes`,
    { file: fileName, limit, ...(size === undefined ? {} : { size }) },
  );
}

/** Items of statements without an account are keyed with the given one, so they never collide with another account's. */
function withAccount(onItem: StreamStatementOptions['onItem'], account: string | undefined): StreamStatementOptions['onItem'] {
  if (!account) return onItem;
  const keyers = new Map<number, ItemKeyer>();
  return (item, statement, index) => {
    if (!statement.account.iban && !statement.account.other) {
      let keyer = keyers.get(index);
      if (!keyer) keyers.set(index, (keyer = new ItemKeyer({ iban: account, other: null, currency: null })));
      item.key = keyer.next(item);
    }
    onItem(item, statement, index);
  };
}

/**
 * Refuses, from its first 64 KiB, a file that is none of the formats (as the reader would once it
 * started), so that an upload of something else is turned away before the rest arrives.
 */
export async function checkStatementHead(head: Buffer, options: ParseStatementOptions): Promise<void> {
  await open(head, options.format ?? 'auto', options, () => undefined);
}

async function open(
  head: Buffer,
  format: StatementFormatOption,
  options: ParseStatementOptions,
  onItem: StreamStatementOptions['onItem'],
): Promise<ChunkReader> {
  const fileName = options.fileName ?? 'input';
  const common = { fileName, ...(options.encoding ? { encoding: options.encoding } : {}) };
  if (format === 'camt') return new CamtReader({ ...common, maxBytes: options.maxBytes ?? DEFAULT_MAX_STATEMENT_BYTES, onItem });
  if (format === 'mt940') return new (await loadMt940()).Mt940StreamReader({ ...common, onItem });
  if (format.startsWith('csv:')) {
    const csv = await loadCsv();
    const profile = csv.csvProfile(format.slice(4));
    return new WholeCsv((input) => csv.readCsvWithProfile(input, profile, common), onItem);
  }
  if (format !== 'auto') {
    throw invalid('STATEMENT_FORMAT_UNKNOWN', `"${format}" is not a format: use auto, camt, mt940 or csv:PROFILE`, { format });
  }
  const detected = detectFormat(head);
  if (detected !== 'unknown') return open(head, detected, options, onItem);
  const csv = await loadCsv();
  const profile = csv.detectCsvProfile(head, options.encoding);
  if (profile) return open(head, `csv:${profile}`, options, onItem);
  throw formatNotRecognised(fileName, csv.listCsvProfiles().map((known) => known.id));
}
