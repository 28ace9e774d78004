import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '../../domain/errors.js';
import type { Mandate } from '../../domain/mandates/mandate.js';
import type { CreditTransferFormat, DirectDebitFormat, SepaKind } from '../../formats/sepa/model.js';
import type { RunAddress } from '../../formats/sepa/run-json-schema.js';
import type { Db, Queryable, Row } from '../db.js';
import { decodeCursor, pageOf } from '../ledger/cursor.js';
import { isUuid } from '../ledger/queries.js';
import * as plans from './run-plans.js';
import {
  ENTITY_SELECT,
  INSTRUMENT_COLUMNS,
  ORDER_SELECT,
  toEntity,
  toInstrument,
  toOrder,
  toOrderTransaction,
  type BatchBookingSetting,
  type BusinessEntity,
  type Instrument,
  type PaymentOrder,
  type PaymentOrderTransaction,
} from './rows.js';

export * from './rows.js';
export { runInProgress, type RunLockKey, type StoredPlanRow } from './run-plans.js';

export interface NewBusinessEntity {
  code: string;
  creditorName: string;
  creditorId: string | null;
  address: RunAddress | null;
  account: { iban: string; bic: string | null; name: string | null; currency: string };
  settings?: {
    directDebitFormat?: DirectDebitFormat;
    creditTransferFormat?: CreditTransferFormat;
    batchBooking?: BatchBookingSetting;
    initialPaymentStatus?: 'Pending' | 'Collected';
    charset?: 'epc' | 'de';
  };
  mandatePattern?: string;
}

export interface NewInstrument {
  kind: 'mandate' | 'bank-account';
  /** The account the entries carry, by id, by number, or both; at least one. */
  accountId: string | null;
  accountNumber: string | null;
  /** A mandate is given to one creditor: the entity whose runs may collect under it. */
  businessEntityId: string | null;
  address: RunAddress | null;
  /** For a bank account: holder, IBAN and BIC; for a mandate all of its fields. */
  mandate?: Mandate;
  bankAccount?: { holder: string; iban: string; bic: string | null };
}

export interface NewOrder {
  businessEntityId: string;
  kind: SepaKind;
  format: string;
  messageId: string;
  requestedDate: string;
  batchBooking: boolean;
  transactionCount: number;
  total: string;
  fileXml: string;
  excluded: unknown[];
  warnings: unknown[];
  createdBy: string;
  transactions: Omit<PaymentOrderTransaction, 'status' | 'statusCode' | 'reason'>[];
  /** The job that created it, so that job retried finds it instead of running again. */
  jobId?: string | null;
}

const UNIQUE = '23505';
const isUnique = (error: unknown) => (error as { code?: string }).code === UNIQUE;

/**
 * Bank-side records of payment runs: business entities with their bank account settings, payment
 * instruments (mandates, payees' accounts) and payment orders. Every query is scoped to a tenant.
 */
export class RunStore {
  constructor(private readonly db: Db) {}

  async createBusinessEntity(tenantId: string, input: NewBusinessEntity): Promise<BusinessEntity> {
    const iban = input.account.iban.replace(/\s+/g, '').toUpperCase();
    const s = input.settings ?? {};
    try {
      return await this.db.transaction(async (tx) => {
        const [account] = await tx.query(
          `INSERT INTO bank_accounts (tenant_id, id, account_key, iban, bic, currency, name, owner_name,
             direct_debit_format, credit_transfer_format, batch_booking, initial_payment_status, charset)
           VALUES ($1,$2,$3,$3,$4,$5,$6,$7, coalesce($8, 'pain.008.001.08'), coalesce($9, 'pain.001.001.09'), coalesce($10, 'on'),
             coalesce($11, 'Pending'), coalesce($12, 'epc'))
           -- settings belong to the bank account: an entity sharing it changes only what it states
           ON CONFLICT (tenant_id, account_key) DO UPDATE SET bic = coalesce(excluded.bic, bank_accounts.bic),
             name = coalesce(excluded.name, bank_accounts.name),
             direct_debit_format = coalesce($8, bank_accounts.direct_debit_format),
             credit_transfer_format = coalesce($9, bank_accounts.credit_transfer_format),
             batch_booking = coalesce($10, bank_accounts.batch_booking),
             initial_payment_status = coalesce($11, bank_accounts.initial_payment_status),
             charset = coalesce($12, bank_accounts.charset), updated_at = now()
           RETURNING id`,
          [
            tenantId, randomUUID(), iban, input.account.bic, input.account.currency, input.account.name, input.creditorName,
            s.directDebitFormat ?? null, s.creditTransferFormat ?? null, s.batchBooking ?? null,
            s.initialPaymentStatus ?? null, s.charset ?? null,
          ],
        );
        const id = randomUUID();
        const a = input.address ?? {};
        await tx.query(
          `INSERT INTO business_entities (tenant_id, id, code, creditor_name, creditor_id, street, building_number, postal_code,
             town, country, bank_account_id, mandate_pattern)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
          [
            tenantId, id, input.code, input.creditorName, input.creditorId, a.street ?? null, a.buildingNumber ?? null,
            a.postalCode ?? null, a.town ?? null, a.country ?? null, account!.id, input.mandatePattern ?? '{CODE}-{YYYY}-{SEQ:6}',
          ],
        );
        // entries stored before the tenant had any entity belong to its first one
        await tx.query(
          `UPDATE entries SET business_entity_id = $2 WHERE tenant_id = $1 AND business_entity_id IS NULL
             AND (SELECT count(*) FROM business_entities WHERE tenant_id = $1) = 1`,
          [tenantId, id],
        );
        return entityIn(tx, tenantId, id);
      });
    } catch (error) {
      if (isUnique(error)) throw conflict('BUSINESS_ENTITY_EXISTS', `a business entity with code ${input.code} already exists`);
      throw error;
    }
  }

  /** Changes the file settings of the entity's bank account; settings left out stay as they are. */
  async updateSettings(tenantId: string, idOrCode: string, settings: NonNullable<NewBusinessEntity['settings']>): Promise<BusinessEntity> {
    const entity = await this.getBusinessEntity(tenantId, idOrCode);
    await this.db.query(
      `UPDATE bank_accounts SET direct_debit_format = coalesce($3, direct_debit_format),
         credit_transfer_format = coalesce($4, credit_transfer_format), batch_booking = coalesce($5, batch_booking),
         initial_payment_status = coalesce($6, initial_payment_status), charset = coalesce($7, charset), updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [
        tenantId, entity.bankAccount.id, settings.directDebitFormat ?? null, settings.creditTransferFormat ?? null,
        settings.batchBooking ?? null, settings.initialPaymentStatus ?? null, settings.charset ?? null,
      ],
    );
    return this.getBusinessEntity(tenantId, entity.id);
  }

  async listBusinessEntities(tenantId: string): Promise<BusinessEntity[]> {
    const rows = await this.db.query(`${ENTITY_SELECT} WHERE e.tenant_id = $1 ORDER BY e.code`, [tenantId]);
    return rows.map(toEntity);
  }

  /** By id or by code, so the CLI can name an entity the way people do. */
  async getBusinessEntity(tenantId: string, idOrCode: string): Promise<BusinessEntity> {
    const rows = await this.db.query(
      `${ENTITY_SELECT} WHERE e.tenant_id = $1 AND (e.code = $2 OR ($3::boolean AND e.id = $4::uuid))`,
      [tenantId, idOrCode, isUuid(idOrCode), isUuid(idOrCode) ? idOrCode : null],
    );
    if (!rows[0]) throw notFound('business entity', idOrCode);
    return toEntity(rows[0]);
  }

  /** Takes the entity's next mandate running number (and counts it), so references are never reused. */
  async nextMandateSequence(tenantId: string, entityId: string): Promise<number> {
    const [row] = await this.db.query(
      `UPDATE business_entities SET mandate_sequence = mandate_sequence + 1 WHERE tenant_id = $1 AND id = $2
       RETURNING mandate_sequence - 1 AS sequence`,
      [tenantId, entityId],
    );
    if (!row) throw notFound('business entity', entityId);
    return Number(row.sequence);
  }

  async referenceTaken(tenantId: string, reference: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM payment_instruments WHERE tenant_id = $1 AND reference = $2', [tenantId, reference]);
    return rows.length > 0;
  }

  async createInstrument(tenantId: string, input: NewInstrument): Promise<Instrument> {
    const m = input.mandate;
    const b = input.bankAccount;
    try {
      const [row] = await this.db.query(
        `INSERT INTO payment_instruments (tenant_id, id, kind, account_id, account_holder, iban, bic, address, active, reference,
           scheme, mandate_type, signature_date, valid_until, account_number, business_entity_id)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,true,$9,$10,$11,$12,$13,$14,$15) RETURNING ${INSTRUMENT_COLUMNS}`,
        [
          tenantId, randomUUID(), input.kind, input.accountId, m?.accountHolder ?? b?.holder, m?.iban ?? b?.iban,
          m?.bic ?? b?.bic ?? null, input.address ? JSON.stringify(input.address) : null, m?.reference ?? null,
          m?.scheme ?? null, m?.type ?? null, m?.signatureDate ?? null, m?.validUntil ?? null, input.accountNumber,
          input.businessEntityId,
        ],
      );
      return toInstrument(row!);
    } catch (error) {
      if (isUnique(error)) throw conflict('MANDATE_REFERENCE_EXISTS', `mandate reference ${m?.reference} is taken`);
      throw error;
    }
  }

  async listInstruments(tenantId: string, filter: { accountId?: string; accountNumber?: string }, limit: number, cursor: string | null) {
    const params: unknown[] = [tenantId, decodeCursor(cursor)];
    let where = 'tenant_id = $1 AND seq > $2';
    if (filter.accountId) {
      params.push(filter.accountId);
      where += ` AND account_id = $${params.length}`;
    }
    if (filter.accountNumber) {
      params.push(filter.accountNumber);
      where += ` AND account_number = $${params.length}`;
    }
    params.push(limit + 1);
    const rows = await this.db.query(
      `SELECT ${INSTRUMENT_COLUMNS} FROM payment_instruments WHERE ${where} ORDER BY seq LIMIT $${params.length}`,
      params,
    );
    return pageOf(rows, limit, toInstrument);
  }

  async getInstrument(tenantId: string, id: string): Promise<Instrument> {
    const rows = isUuid(id)
      ? await this.db.query(`SELECT ${INSTRUMENT_COLUMNS} FROM payment_instruments WHERE tenant_id = $1 AND id = $2`, [tenantId, id])
      : [];
    if (!rows[0]) throw notFound('payment instrument', id);
    return toInstrument(rows[0]);
  }

  /**
   * The instruments of that kind held for any of these accounts (by account id or number), active
   * ones first, then newest first; mandates only of the given business entity.
   */
  async instrumentsFor(
    tenantId: string,
    kind: Instrument['kind'],
    accounts: { id: string | null; number: string | null }[],
    businessEntityId: string | null,
  ): Promise<Instrument[]> {
    const ids = [...new Set(accounts.flatMap((a) => (a.id ? [a.id] : [])))];
    const numbers = [...new Set(accounts.flatMap((a) => (a.number ? [a.number] : [])))];
    if (ids.length === 0 && numbers.length === 0) return [];
    const rows = await this.db.query(
      `SELECT ${INSTRUMENT_COLUMNS} FROM payment_instruments
       WHERE tenant_id = $1 AND kind = $2 AND (account_id = ANY($3::text[]) OR account_number = ANY($4::text[]))
         AND ($5::uuid IS NULL OR business_entity_id = $5::uuid)
       ORDER BY active DESC, seq DESC`,
      [tenantId, kind, ids, numbers, businessEntityId],
    );
    return rows.map(toInstrument);
  }

  /**
   * A mandate's collections as the runs know them: the latest date the bank has not rejected, and
   * whether a run sent its first collection (then the runs hold its whole history).
   */
  async collectionHistory(tenantId: string, instrumentId: string): Promise<{ last: string | null; firstSentByRun: boolean }> {
    const [row] = await this.db.query(
      `SELECT (max(p.payment_date) FILTER (WHERE t.status <> 'Rejected'))::text AS last,
         bool_or(t.sequence_type = 'FRST') AS first_sent
       FROM payment_order_transactions t
       JOIN payments p ON p.tenant_id = t.tenant_id AND p.id = t.payment_id
       WHERE t.tenant_id = $1 AND t.instrument_id = $2`,
      [tenantId, instrumentId],
    );
    return { last: row?.last ? String(row.last) : null, firstSentByRun: Boolean(row?.first_sent) };
  }

  /** Writes back a mandate's lifecycle (collection recorded, amendment reported, deactivated). */
  async updateMandate(tenantId: string, id: string, mandate: Mandate): Promise<void> {
    await mandateUpdate(this.db, tenantId, id, mandate);
  }

  /** A payee's bank account is switched off; a mandate goes through updateMandate. */
  async deactivateInstrument(tenantId: string, id: string, reason: string): Promise<void> {
    await this.db.query(
      'UPDATE payment_instruments SET active = false, deactivation_reason = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2',
      [tenantId, id, reason],
    );
  }

  async createOrder(tenantId: string, order: NewOrder): Promise<PaymentOrder> {
    const id = randomUUID();
    await this.db.transaction((tx) => insertOrder(tx, tenantId, id, order));
    return this.getOrder(tenantId, id);
  }

  /**
   * The last step of a run, all at once: the order with its file and transactions, the mandates'
   * collections, and the plan removed.
   */
  async finishPlan(tenantId: string, planId: string, order: NewOrder, mandates: { id: string; mandate: Mandate }[]): Promise<PaymentOrder> {
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      await insertOrder(tx, tenantId, id, order);
      for (const m of mandates) await mandateUpdate(tx, tenantId, m.id, m.mandate);
      await plans.deletePlan(tx, tenantId, planId);
    });
    return this.getOrder(tenantId, id);
  }

  async findOrderByJob(tenantId: string, jobId: string): Promise<PaymentOrder | null> {
    const rows = await this.db.query(`${ORDER_SELECT} WHERE tenant_id = $1 AND job_id = $2`, [tenantId, jobId]);
    return rows[0] ? toOrder(rows[0]) : null;
  }

  acquireRunLock(tenantId: string, key: plans.RunLockKey, holder: string, jobId: string | null): Promise<boolean> {
    return plans.acquireRunLock(this.db, tenantId, key, holder, jobId);
  }

  touchRunLock(tenantId: string, key: plans.RunLockKey, holder: string): Promise<void> {
    return plans.touchRunLock(this.db, tenantId, key, holder);
  }

  releaseRunLock(tenantId: string, key: plans.RunLockKey, holder: string): Promise<void> {
    return plans.releaseRunLock(this.db, tenantId, key, holder);
  }

  savePlan(tenantId: string, key: plans.RunLockKey, plan: { messageId: string; createdBy: string; json: string }): Promise<string> {
    return plans.savePlan(this.db, tenantId, key, plan);
  }

  openPlan(tenantId: string, key: plans.RunLockKey): Promise<plans.StoredPlanRow | null> {
    return plans.openPlan(this.db, tenantId, key);
  }

  deletePlan(tenantId: string, planId: string): Promise<void> {
    return plans.deletePlan(this.db, tenantId, planId);
  }

  async getOrder(tenantId: string, id: string): Promise<PaymentOrder> {
    const rows = isUuid(id) ? await this.db.query(`${ORDER_SELECT} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]) : [];
    if (!rows[0]) throw notFound('payment order', id);
    return toOrder(rows[0]);
  }

  async findOrderByMessageId(tenantId: string, messageId: string): Promise<PaymentOrder> {
    const rows = await this.db.query(`${ORDER_SELECT} WHERE tenant_id = $1 AND message_id = $2`, [tenantId, messageId]);
    if (!rows[0]) throw notFound('payment order with message id', messageId);
    return toOrder(rows[0]);
  }

  async listOrders(tenantId: string, limit: number, cursor: string | null) {
    const rows = await this.db.query(
      `${ORDER_SELECT} WHERE tenant_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [tenantId, decodeCursor(cursor), limit + 1],
    );
    return pageOf(rows, limit, toOrder);
  }

  async orderFile(tenantId: string, id: string): Promise<{ messageId: string; format: string; xml: string }> {
    const rows = isUuid(id)
      ? await this.db.query('SELECT message_id, format, file_xml FROM payment_orders WHERE tenant_id = $1 AND id = $2', [tenantId, id])
      : [];
    if (!rows[0]) throw notFound('payment order', id);
    return { messageId: String(rows[0].message_id), format: String(rows[0].format), xml: String(rows[0].file_xml) };
  }

  async orderTransactions(tenantId: string, orderId: string): Promise<PaymentOrderTransaction[]> {
    const rows = await this.db.query(
      'SELECT * FROM payment_order_transactions WHERE tenant_id = $1 AND order_id = $2 ORDER BY position',
      [tenantId, orderId],
    );
    return rows.map(toOrderTransaction);
  }

  /** The run transaction a payment was created for, if a run created it. */
  async transactionOfPayment(tenantId: string, paymentId: string): Promise<PaymentOrderTransaction | null> {
    const rows = await this.db.query('SELECT * FROM payment_order_transactions WHERE tenant_id = $1 AND payment_id = $2', [tenantId, paymentId]);
    return rows[0] ? toOrderTransaction(rows[0]) : null;
  }

  /** Moves an order on only from the status `from`, in one statement; null when it was not in that status. */
  async moveOrderStatus(tenantId: string, id: string, from: PaymentOrder['status'], to: PaymentOrder['status']): Promise<PaymentOrder | null> {
    const rows = await this.db.query(
      'UPDATE payment_orders SET status = $4, updated_at = now() WHERE tenant_id = $1 AND id = $2 AND status = $3 RETURNING id',
      [tenantId, id, from, to],
    );
    return rows[0] ? this.getOrder(tenantId, id) : null;
  }

  async setOrderStatus(tenantId: string, id: string, status: PaymentOrder['status'], reasons?: unknown[]): Promise<PaymentOrder> {
    await this.db.query(
      `UPDATE payment_orders SET status = $3, status_reasons = coalesce($4::jsonb, status_reasons), updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, status, reasons ? JSON.stringify(reasons) : null],
    );
    return this.getOrder(tenantId, id);
  }

  async setTransactionStatus(
    tenantId: string,
    orderId: string,
    endToEndId: string,
    status: PaymentOrderTransaction['status'],
    statusCode: string | null,
    reason: string | null,
  ): Promise<void> {
    await this.db.query(
      `UPDATE payment_order_transactions SET status = $4, status_code = $5, reason = $6
       WHERE tenant_id = $1 AND order_id = $2 AND end_to_end_id = $3`,
      [tenantId, orderId, endToEndId, status, statusCode, reason],
    );
  }
}

async function insertOrder(tx: Queryable, tenantId: string, id: string, order: NewOrder): Promise<void> {
  await tx.query(
    `INSERT INTO payment_orders (tenant_id, id, business_entity_id, kind, format, message_id, status, requested_date, batch_booking,
       transaction_count, total, file_xml, excluded, warnings, created_by, job_id)
     VALUES ($1,$2,$3,$4,$5,$6,'Prepared',$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
    [
      tenantId, id, order.businessEntityId, order.kind, order.format, order.messageId, order.requestedDate, order.batchBooking,
      order.transactionCount, order.total, order.fileXml, JSON.stringify(order.excluded), JSON.stringify(order.warnings), order.createdBy,
      order.jobId ?? null,
    ],
  );
  await tx.query(
    `INSERT INTO payment_order_transactions (tenant_id, order_id, position, end_to_end_id, payment_information_id, record_kind,
       record_id, payment_id, instrument_id, sequence_type, amount)
     SELECT $1, $2, x.position, x.end_to_end_id, x.payment_information_id, x.record_kind, x.record_id, x.payment_id,
       x.instrument_id, x.sequence_type, x.amount
     FROM jsonb_to_recordset($3::jsonb) AS x(position integer, end_to_end_id text, payment_information_id text,
       record_kind text, record_id uuid, payment_id uuid, instrument_id uuid, sequence_type text, amount numeric)`,
    [
      tenantId, id,
      JSON.stringify(order.transactions.map((t) => ({
        position: t.position, end_to_end_id: t.endToEndId, payment_information_id: t.paymentInformationId,
        record_kind: t.recordKind, record_id: t.recordId, payment_id: t.paymentId, instrument_id: t.instrumentId, sequence_type: t.sequenceType, amount: t.amount,
      }))),
    ],
  );
}

async function mandateUpdate(db: Queryable, tenantId: string, id: string, mandate: Mandate): Promise<void> {
  await db.query(
    `UPDATE payment_instruments SET active = $3, deactivation_reason = $4, last_collection_date = $5, reference = $6,
       iban = $7, bic = $8, original_reference = $9, original_iban = $10, original_creditor_id = $11, account_holder = $12,
       updated_at = now()
     WHERE tenant_id = $1 AND id = $2`,
    [
      tenantId, id, mandate.active, mandate.deactivationReason ?? null, mandate.lastCollectionDate ?? null, mandate.reference,
      mandate.iban, mandate.bic ?? null, mandate.amendment?.originalReference ?? null, mandate.amendment?.originalIban ?? null,
      mandate.amendment?.originalCreditorId ?? null, mandate.accountHolder,
    ],
  );
}

async function entityIn(tx: Queryable, tenantId: string, id: string): Promise<BusinessEntity> {
  const [row] = await tx.query(`${ENTITY_SELECT} WHERE e.tenant_id = $1 AND e.id = $2`, [tenantId, id]);
  return toEntity(row!);
}
