import { createHash, randomUUID } from 'node:crypto';
import { notFound } from '../../domain/errors.js';
import type { AccountRef, Statement, StatementFile, StatementItem } from '../../formats/statement/model.js';
import type { Db, Queryable, Row } from '../db.js';
import { decodeCursor, pageOf } from '../ledger/cursor.js';
import { isUuid } from '../ledger/queries.js';

export interface FileMeta {
  fileName: string;
  content: Buffer;
  importedBy: string;
}

/** What is recorded of a file that was streamed rather than held: its digest and size. */
export interface StreamedFileMeta {
  fileName: string;
  sha256: string;
  sizeBytes: number;
  importedBy: string;
}

/**
 * Hands the file's items to `store` in batches, each with the index of its statement in the file;
 * a streamed file is read again for this, inside the import's transaction.
 */
export type ItemFeed = (store: (index: number, items: StatementItem[]) => Promise<void>) => Promise<void>;

export interface ImportedStatement {
  id: string;
  bankAccountId: string;
  account: string;
  newItems: number;
  duplicateItems: number;
  warnings: Statement['warnings'];
}

export interface ImportResult {
  fileId: string;
  format: string;
  statements: ImportedStatement[];
  newItems: number;
  duplicateItems: number;
  /** Ids of the items this import added, for what runs after it (feedback, matching). */
  newItemIds: string[];
}

export type ItemProgress = (done: number, total: number) => void | Promise<void>;

const BATCH = 500;

const accountKey = (account: AccountRef) => (account.iban ?? account.other ?? 'unknown').replace(/\s+/g, '').toUpperCase();

/** A statement read twice (or the same day in two formats) is the same statement. */
function statementKey(s: Statement): string {
  return [
    s.id ?? '',
    s.electronicSequenceNumber ?? s.sequenceNumber ?? '',
    s.period?.from ?? s.openingBalance?.date ?? '',
    s.period?.to ?? s.closingBalance?.date ?? '',
    s.kind ?? '',
  ].join('|');
}

const date = (value: string | null | undefined) => (value ? value.slice(0, 10) : null);

/** End-to-end id of an item, or of its only transaction. */
export const endToEndOf = (item: StatementItem) =>
  item.endToEndId ?? (item.details.length === 1 ? item.details[0]!.endToEndId : null);

/** Bank-side store: accounts, files, statements and items. One file is imported in one transaction. */
export class StatementStore {
  constructor(private readonly db: Db) {}

  importFile(tenantId: string, file: StatementFile, meta: FileMeta, progress?: ItemProgress): Promise<ImportResult> {
    const { content, ...rest } = meta;
    const facts = { ...rest, sha256: createHash('sha256').update(content).digest('hex'), sizeBytes: content.length };
    const counts = file.statements.map((s) => s.items.length);
    return this.importStreamed(tenantId, file, counts, facts, async (store) => {
      for (const [index, statement] of file.statements.entries()) {
        for (let start = 0; start < statement.items.length; start += BATCH) await store(index, statement.items.slice(start, start + BATCH));
      }
    }, progress);
  }

  /**
   * Imports a file whose items are not held: `file` has the statements as read (balances, warnings,
   * no items), `counts` how many items each has, and `feed` hands the items over in batches. The
   * raw file is not stored, only its SHA-256 and size, so nothing of it need be held here.
   */
  importStreamed(
    tenantId: string,
    file: StatementFile,
    counts: number[],
    meta: StreamedFileMeta,
    feed: ItemFeed,
    progress?: ItemProgress,
  ): Promise<ImportResult> {
    const total = counts.reduce((n, c) => n + c, 0);
    return this.db.transaction(async (tx) => {
      const fileId = randomUUID();
      await tx.query(
        `INSERT INTO statement_files (tenant_id, id, file_name, sha256, format, size_bytes, imported_by) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [tenantId, fileId, meta.fileName, meta.sha256, file.format, meta.sizeBytes, meta.importedBy],
      );
      const targets: { bankAccountId: string; statementId: string; added: number }[] = [];
      for (const statement of file.statements) {
        const bankAccountId = await upsertAccount(tx, tenantId, statement);
        const statementId = await upsertStatement(tx, tenantId, bankAccountId, fileId, file.format, statement);
        targets.push({ bankAccountId, statementId, added: 0 });
      }
      const result: ImportResult = { fileId, format: file.format, statements: [], newItems: 0, duplicateItems: 0, newItemIds: [] };
      let done = 0;
      await feed(async (index, items) => {
        const target = targets[index]!;
        const ids = await insertItems(tx, tenantId, target.statementId, target.bankAccountId, file.statements[index]!, items);
        target.added += ids.length;
        for (const id of ids) result.newItemIds.push(id);
        done += items.length;
        await progress?.(done, total);
      });
      for (const [index, statement] of file.statements.entries()) {
        const { bankAccountId, statementId, added } = targets[index]!;
        await updateBalance(tx, tenantId, bankAccountId, statement);
        result.statements.push({
          id: statementId,
          bankAccountId,
          account: accountKey(statement.account),
          newItems: added,
          duplicateItems: counts[index]! - added,
          warnings: statement.warnings,
        });
        result.newItems += added;
        result.duplicateItems += counts[index]! - added;
      }
      await tx.query('UPDATE statement_files SET summary = $3 WHERE tenant_id = $1 AND id = $2', [
        tenantId,
        fileId,
        JSON.stringify({ newItems: result.newItems, duplicateItems: result.duplicateItems, statements: result.statements.length }),
      ]);
      return result;
    });
  }

  async listStatements(tenantId: string, limit: number, cursor: string | null) {
    const rows = await this.db.query(
      `SELECT s.*, a.iban, a.other_id, (SELECT count(*)::int FROM bank_statement_items i WHERE i.tenant_id = s.tenant_id AND i.statement_id = s.id) AS item_count
       FROM bank_statements s JOIN bank_accounts a ON a.tenant_id = s.tenant_id AND a.id = s.bank_account_id
       WHERE s.tenant_id = $1 AND s.seq > $2 ORDER BY s.seq LIMIT $3`,
      [tenantId, decodeCursor(cursor), limit + 1],
    );
    return pageOf(rows, limit, statementJson);
  }

  async getStatement(tenantId: string, id: string) {
    const rows = isUuid(id)
      ? await this.db.query(
          `SELECT s.*, a.iban, a.other_id, (SELECT count(*)::int FROM bank_statement_items i WHERE i.tenant_id = s.tenant_id AND i.statement_id = s.id) AS item_count
           FROM bank_statements s JOIN bank_accounts a ON a.tenant_id = s.tenant_id AND a.id = s.bank_account_id
           WHERE s.tenant_id = $1 AND s.id = $2`,
          [tenantId, id],
        )
      : [];
    if (!rows[0]) throw notFound('bank statement', id);
    return statementJson(rows[0]);
  }

  async listItems(tenantId: string, filter: { statementId?: string; matchingResult?: string }, limit: number, cursor: string | null) {
    const where = ['tenant_id = $1', 'seq > $2'];
    const params: unknown[] = [tenantId, decodeCursor(cursor)];
    if (filter.statementId) {
      if (!isUuid(filter.statementId)) throw notFound('bank statement', filter.statementId);
      params.push(filter.statementId);
      where.push(`statement_id = $${params.length}`);
    }
    if (filter.matchingResult) {
      params.push(filter.matchingResult);
      where.push(`matching_result = $${params.length}`);
    }
    params.push(limit + 1);
    const rows = await this.db.query(
      `SELECT * FROM bank_statement_items WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${params.length}`,
      params,
    );
    return pageOf(rows, limit, itemJson);
  }

  async getItem(tenantId: string, id: string) {
    const rows = isUuid(id) ? await this.db.query('SELECT * FROM bank_statement_items WHERE tenant_id = $1 AND id = $2', [tenantId, id]) : [];
    if (!rows[0]) throw notFound('bank statement item', id);
    return itemJson(rows[0]);
  }

  async itemsByIds(tenantId: string, ids: string[]) {
    if (ids.length === 0) return [];
    const rows = await this.db.query('SELECT * FROM bank_statement_items WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY seq', [tenantId, ids]);
    return rows.map(itemJson);
  }

  async setItemResult(tenantId: string, id: string, matchingResult: string, paymentId: string | null): Promise<void> {
    await this.db.query('UPDATE bank_statement_items SET matching_result = $3, payment_id = $4 WHERE tenant_id = $1 AND id = $2', [
      tenantId,
      id,
      matchingResult,
      paymentId,
    ]);
  }

  /** The refund a credit-transfer run paid out under this end-to-end id, if any. */
  async refundByEndToEndId(tenantId: string, endToEndId: string): Promise<string | null> {
    const [row] = await this.db.query(
      `SELECT record_id FROM payment_order_transactions
       WHERE tenant_id = $1 AND end_to_end_id = $2 AND record_kind = 'refund' ORDER BY order_id LIMIT 1`,
      [tenantId, endToEndId],
    );
    return row ? String(row.record_id) : null;
  }

  async listAccounts(tenantId: string) {
    const rows = await this.db.query('SELECT * FROM bank_accounts WHERE tenant_id = $1 ORDER BY account_key', [tenantId]);
    return rows.map(accountJson);
  }
}

async function upsertAccount(tx: Queryable, tenantId: string, s: Statement): Promise<string> {
  const [row] = await tx.query(
    `INSERT INTO bank_accounts (tenant_id, id, account_key, iban, other_id, bic, currency, owner_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (tenant_id, account_key) DO UPDATE SET
       bic = coalesce(bank_accounts.bic, excluded.bic), currency = coalesce(bank_accounts.currency, excluded.currency),
       owner_name = coalesce(bank_accounts.owner_name, excluded.owner_name), updated_at = now()
     RETURNING id`,
    [tenantId, randomUUID(), accountKey(s.account), s.account.iban, s.account.other, s.account.servicerBic ?? null, s.account.currency, s.account.ownerName ?? null],
  );
  return String(row!.id);
}

async function upsertStatement(tx: Queryable, tenantId: string, bankAccountId: string, fileId: string, format: string, s: Statement): Promise<string> {
  const [row] = await tx.query(
    `INSERT INTO bank_statements (tenant_id, id, bank_account_id, statement_key, file_id, format, kind, statement_id, sequence_number,
       electronic_sequence_number, from_date, to_date, currency, opening_balance, opening_date, closing_balance, closing_date,
       opening_available_balance, closing_available_balance, warnings)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20)
     ON CONFLICT (tenant_id, bank_account_id, statement_key) DO UPDATE SET warnings = excluded.warnings
     RETURNING id`,
    [
      tenantId, randomUUID(), bankAccountId, statementKey(s), fileId, format, s.kind ?? null, s.id, s.sequenceNumber ?? null,
      s.electronicSequenceNumber ?? null, date(s.period?.from), date(s.period?.to), s.account.currency,
      s.openingBalance?.amount ?? null, date(s.openingBalance?.date), s.closingBalance?.amount ?? null, date(s.closingBalance?.date),
      s.openingAvailableBalance?.amount ?? null, s.closingAvailableBalance?.amount ?? null, JSON.stringify(s.warnings),
    ],
  );
  return String(row!.id);
}

/** Keys come from parseStatementFile; an empty one would merge every key-less item of the account. */
function keyOf(item: StatementItem): string {
  if (!item.key) throw new Error('statement item without a key: read files through parseStatementFile');
  return item.key;
}

async function insertItems(
  tx: Queryable,
  tenantId: string,
  statementId: string,
  bankAccountId: string,
  statement: Statement,
  items: StatementItem[],
): Promise<string[]> {
  const records = items.map((item) => ({
    id: randomUUID(),
    item_key: keyOf(item),
    amount: item.amount,
    currency: item.currency ?? statement.account.currency,
    credit_debit: item.creditDebit,
    reversal: item.reversal,
    status: item.status,
    booking_date: date(item.bookingDate),
    value_date: date(item.valueDate),
    remittance_information: item.remittanceInformation,
    end_to_end_id: endToEndOf(item),
    creditor_reference: item.creditorReference,
    counterparty_name: item.counterparty?.name ?? null,
    counterparty_iban: item.counterparty?.iban ?? null,
    bank_transaction_code: item.bankTransactionCode,
    return_reason: item.returnReason ?? item.details.find((d) => d.returnReason)?.returnReason ?? null,
    data: item,
  }));
  const rows = await tx.query(
    `INSERT INTO bank_statement_items (tenant_id, statement_id, bank_account_id, id, item_key, amount, currency, credit_debit, reversal,
       status, booking_date, value_date, remittance_information, end_to_end_id, creditor_reference, counterparty_name,
       counterparty_iban, bank_transaction_code, return_reason, data)
     SELECT $1, $2, $3, x.id, x.item_key, x.amount, x.currency, x.credit_debit, x.reversal, x.status, x.booking_date, x.value_date,
       x.remittance_information, x.end_to_end_id, x.creditor_reference, x.counterparty_name, x.counterparty_iban,
       x.bank_transaction_code, x.return_reason, x.data
     FROM jsonb_to_recordset($4::jsonb) AS x(id uuid, item_key text, amount numeric, currency char(3), credit_debit text,
       reversal boolean, status text, booking_date date, value_date date, remittance_information text, end_to_end_id text,
       creditor_reference text, counterparty_name text, counterparty_iban text, bank_transaction_code text, return_reason text, data jsonb)
     ON CONFLICT (tenant_id, bank_account_id, item_key) DO NOTHING
     RETURNING id`,
    [tenantId, statementId, bankAccountId, JSON.stringify(records)],
  );
  return rows.map((r) => String(r.id));
}

/** The account's balance follows the newest closing balance seen; older statements never move it back. */
async function updateBalance(tx: Queryable, tenantId: string, bankAccountId: string, s: Statement): Promise<void> {
  const closing = s.closingBalance;
  const statementDate = date(closing?.date ?? s.period?.to ?? null);
  if (!statementDate) return;
  await tx.query(
    `UPDATE bank_accounts SET
       balance = CASE WHEN $3::numeric IS NOT NULL AND (balance_date IS NULL OR balance_date <= $4::date) THEN $3::numeric ELSE balance END,
       balance_date = CASE WHEN $3::numeric IS NOT NULL AND (balance_date IS NULL OR balance_date <= $4::date) THEN $4::date ELSE balance_date END,
       last_statement_date = greatest(last_statement_date, $4::date), updated_at = now()
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, bankAccountId, s.kind === 'statement' || s.kind === undefined ? (closing?.amount ?? null) : null, statementDate],
  );
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const day = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

function statementJson(row: Row) {
  return {
    id: String(row.id),
    bankAccountId: String(row.bank_account_id),
    account: { iban: text(row.iban), other: text(row.other_id) },
    format: String(row.format),
    kind: text(row.kind),
    statementId: text(row.statement_id),
    sequenceNumber: text(row.sequence_number),
    electronicSequenceNumber: text(row.electronic_sequence_number),
    fromDate: day(row.from_date),
    toDate: day(row.to_date),
    currency: text(row.currency),
    openingBalance: row.opening_balance === null ? null : { amount: String(row.opening_balance), date: day(row.opening_date) },
    closingBalance: row.closing_balance === null ? null : { amount: String(row.closing_balance), date: day(row.closing_date) },
    itemCount: Number(row.item_count ?? 0),
    warnings: row.warnings as Statement['warnings'],
  };
}

export type StatementItemRecord = ReturnType<typeof itemJson>;

function itemJson(row: Row) {
  return {
    id: String(row.id),
    statementId: String(row.statement_id),
    bankAccountId: String(row.bank_account_id),
    key: String(row.item_key),
    amount: String(row.amount),
    currency: text(row.currency),
    creditDebit: row.credit_debit as 'CRDT' | 'DBIT',
    reversal: Boolean(row.reversal),
    status: row.status as 'BOOK' | 'PDNG' | 'INFO',
    bookingDate: day(row.booking_date),
    valueDate: day(row.value_date),
    remittanceInformation: text(row.remittance_information),
    endToEndId: text(row.end_to_end_id),
    creditorReference: text(row.creditor_reference),
    counterparty: { name: text(row.counterparty_name), iban: text(row.counterparty_iban) },
    bankTransactionCode: text(row.bank_transaction_code),
    returnReason: text(row.return_reason),
    matchingResult: String(row.matching_result),
    paymentId: text(row.payment_id),
    data: row.data as StatementItem,
  };
}

function accountJson(row: Row) {
  return {
    id: String(row.id),
    iban: text(row.iban),
    other: text(row.other_id),
    bic: text(row.bic),
    currency: text(row.currency),
    ownerName: text(row.owner_name),
    balance: text(row.balance),
    balanceDate: day(row.balance_date),
    lastStatementDate: day(row.last_statement_date),
    initialPaymentStatus: String(row.initial_payment_status),
  };
}

