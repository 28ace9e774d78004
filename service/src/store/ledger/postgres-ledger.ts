import { randomUUID } from 'node:crypto';
import { planCancellation } from '../../domain/cancellation.js';
import type { Actor } from '../../domain/changes.js';
import { emptyChanges } from '../../domain/changes.js';
import type { Entry } from '../../domain/entry.js';
import { conflict, notFound } from '../../domain/errors.js';
import type { EntryControls, Ledger, LedgerContext, NewPayment, Page } from '../../domain/ledger-port.js';
import { applyEntryControls } from '../../domain/entry-controls.js';
import { invalid } from '../../domain/errors.js';
import type { NewEntry } from '../../domain/new-entry.js';
import { directionOf, type Payment } from '../../domain/payment.js';
import { planPaymentStatus } from '../../domain/payment-status.js';
import { planRefund, planRefundStatus, type Refund } from '../../domain/refund.js';
import { planSettlement, planUndo } from '../../domain/settlement.js';
import type { Db, Queryable } from '../db.js';
import { isUuid, itemsWhere, listPage, lockEntries, lockPayments, one, requireIds } from './queries.js';
import { decimal, ENTRY_COLUMNS, PAYMENT_COLUMNS, toEntry, toPayment, toRefund } from './rows.js';
import { insertRefund, writeChanges } from './write-changes.js';

const actorOf = (ctx: LedgerContext): Actor => ({ by: ctx.actor, businessProcess: ctx.businessProcess, at: new Date() });

const isUniqueViolation = (error: unknown, constraint: string) =>
  (error as { code?: string }).code === '23505' && String((error as { constraint?: string }).constraint ?? (error as Error).message).includes(constraint);

/** The standalone ledger: entries, payments, entry items and refunds in the service's own Postgres. */
export class PostgresLedger implements Ledger {
  constructor(private readonly db: Db) {}

  async createEntry(ctx: LedgerContext, e: NewEntry): Promise<Entry> {
    const id = randomUUID();
    const now = new Date();
    try {
      const [row] = await this.db.query(
        `INSERT INTO entries (tenant_id, id, number, type, currency, initial_amount, open_amount, status, account_id,
           account_number, account_name, contact_id, contact_number, contact_name, title, payment_reference, statement_date,
           due_date, credit_approval, exclude_from_payment_run, created_at, updated_at, business_entity_id)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$21,$22)
         RETURNING ${ENTRY_COLUMNS}`,
        [
          ctx.tenantId, id, e.number, e.type, e.currency, decimal(e.initialAmount, e.currency), decimal(e.openAmount, e.currency),
          e.status, e.account.id, e.account.number, e.account.name, e.contact?.id ?? null, e.contact?.number ?? null,
          e.contact?.name ?? null, e.title, e.paymentReference, e.statementDate, e.dueDate, e.creditApproval,
          e.excludeFromPaymentRun, now, e.businessEntityId,
        ],
      );
      return toEntry(row!);
    } catch (error) {
      if (isUniqueViolation(error, 'number')) {
        throw conflict('ENTRY_NUMBER_EXISTS', `an entry with number ${e.number} already exists`, { number: e.number });
      }
      throw error;
    }
  }

  async getEntry(ctx: LedgerContext, id: string): Promise<Entry> {
    if (!isUuid(id)) throw notFound('entry', id);
    const [row] = await this.db.query(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE tenant_id = $1 AND id = $2`, [ctx.tenantId, id]);
    if (!row) throw notFound('entry', id);
    return toEntry(row);
  }

  listEntries(ctx: LedgerContext, filter: Parameters<Ledger['listEntries']>[1], limit: number, cursor: string | null): Promise<Page<Entry>> {
    return listPage(this.db, 'entries', ENTRY_COLUMNS, ctx.tenantId, [
      ['status = ?', filter.status],
      ['type = ?', filter.type],
      ['account_id = ?', filter.accountId],
      ['currency = ?', filter.currency],
      ['due_date <= ?', filter.dueBefore],
      ['number = ?', filter.number],
      ['business_entity_id = ?::uuid', filter.businessEntityId],
    ], limit, cursor, toEntry);
  }

  cancelEntry(ctx: LedgerContext, id: string, request: Parameters<Ledger['cancelEntry']>[2]) {
    return this.db.transaction(async (tx) => {
      const entry = one(await lockEntries(tx, ctx.tenantId, [id]), 'entry', id);
      const items = await itemsWhere(tx, ctx.tenantId, 'entry_id', [id]);
      const payments = await lockPayments(tx, ctx.tenantId, items.map((i) => i.paymentId));
      const actor = actorOf(ctx);
      const changes = planCancellation({ entries: new Map([[id, entry]]), payments }, entry, items, request, actor);
      const { refunds } = await writeChanges(tx, ctx.tenantId, changes, actor.at);
      return { entry: changes.entries.get(id)!, refunds };
    });
  }

  setEntryControls(ctx: LedgerContext, id: string, controls: EntryControls): Promise<Entry> {
    return this.db.transaction(async (tx) => {
      const entry = one(await lockEntries(tx, ctx.tenantId, [id]), 'entry', id);
      const changes = emptyChanges();
      const next = applyEntryControls(entry, controls, new Date());
      changes.entries.set(id, next);
      await writeChanges(tx, ctx.tenantId, changes, next.updatedAt);
      return next;
    });
  }

  async createPayment(ctx: LedgerContext, p: NewPayment): Promise<Payment> {
    const now = new Date();
    try {
      const [row] = await this.db.query(
        `INSERT INTO payments (tenant_id, id, type, direction, status, currency, amount, party_name, party_iban, party_bic,
           account_id, external_id, end_to_end_id, payment_date, status_details, created_at, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$16) RETURNING ${PAYMENT_COLUMNS}`,
        [
          ctx.tenantId, randomUUID(), p.type, directionOf(p.type), p.status, p.currency, decimal(p.amount, p.currency),
          p.party.name, p.party.iban, p.party.bic, p.accountId, p.externalId, p.endToEndId, p.paymentDate, p.statusDetails, now,
        ],
      );
      return toPayment(row!);
    } catch (error) {
      if (isUniqueViolation(error, 'end_to_end')) {
        throw conflict('END_TO_END_ID_EXISTS', `a payment with end-to-end id ${p.endToEndId} already exists`);
      }
      if (isUniqueViolation(error, 'external')) {
        throw conflict('EXTERNAL_ID_EXISTS', `a payment with external id ${p.externalId} already exists`);
      }
      throw error;
    }
  }

  async getPayment(ctx: LedgerContext, id: string): Promise<Payment> {
    if (!isUuid(id)) throw notFound('payment', id);
    const [row] = await this.db.query(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE tenant_id = $1 AND id = $2`, [ctx.tenantId, id]);
    if (!row) throw notFound('payment', id);
    return toPayment(row);
  }

  listPayments(ctx: LedgerContext, filter: Parameters<Ledger['listPayments']>[1], limit: number, cursor: string | null): Promise<Page<Payment>> {
    return listPage(this.db, 'payments', PAYMENT_COLUMNS, ctx.tenantId, [
      ['status = ?', filter.status],
      ['type = ?', filter.type],
      ['currency = ?', filter.currency],
      ['end_to_end_id = ?', filter.endToEndId],
      ['external_id = ?', filter.externalId],
    ], limit, cursor, toPayment);
  }

  setPaymentStatus(ctx: LedgerContext, id: string, status: Payment['status'], details: string | null): Promise<Payment> {
    return this.db.transaction(async (tx) => {
      const payment = one(await lockPayments(tx, ctx.tenantId, [id]), 'payment', id);
      const items = await itemsWhere(tx, ctx.tenantId, 'payment_id', [id]);
      const entries = await lockEntries(tx, ctx.tenantId, items.map((i) => i.entryId));
      const actor = actorOf(ctx);
      const changes = planPaymentStatus({ entries, payments: new Map([[id, payment]]) }, payment, items, status, actor, details);
      await writeChanges(tx, ctx.tenantId, changes, actor.at);
      return changes.payments.get(id)!;
    });
  }

  settle(ctx: LedgerContext, allocations: Parameters<Ledger['settle']>[1]) {
    return this.db.transaction(async (tx) => {
      const entries = await lockEntries(tx, ctx.tenantId, allocations.map((a) => a.entryId));
      const payments = await lockPayments(tx, ctx.tenantId, allocations.map((a) => a.paymentId));
      const actor = actorOf(ctx);
      const changes = planSettlement({ entries, payments }, allocations, actor);
      return (await writeChanges(tx, ctx.tenantId, changes, actor.at)).items;
    });
  }

  undoSettlement(ctx: LedgerContext, entryItemIds: string[], reason: string) {
    return this.db.transaction(async (tx) => {
      const ids = requireIds('entry item', entryItemIds);
      const seen = await itemsWhere(tx, ctx.tenantId, 'id', ids);
      const missing = ids.find((id) => !seen.some((item) => item.id === id));
      if (missing) throw notFound('entry item', missing);
      const entries = await lockEntries(tx, ctx.tenantId, seen.map((i) => i.entryId));
      const payments = await lockPayments(tx, ctx.tenantId, seen.map((i) => i.paymentId));
      // read again under the locks: a concurrent undo of the same item must be seen
      const items = await itemsWhere(tx, ctx.tenantId, 'id', ids);
      const actor = actorOf(ctx);
      const changes = planUndo({ entries, payments }, items, actor, reason);
      return (await writeChanges(tx, ctx.tenantId, changes, actor.at)).items;
    });
  }

  listEntryItems(ctx: LedgerContext, of: { entryId?: string; paymentId?: string }) {
    if (of.entryId) return isUuid(of.entryId) ? itemsWhere(this.db, ctx.tenantId, 'entry_id', [of.entryId]) : Promise.resolve([]);
    if (of.paymentId) return isUuid(of.paymentId) ? itemsWhere(this.db, ctx.tenantId, 'payment_id', [of.paymentId]) : Promise.resolve([]);
    throw invalid('FILTER_REQUIRED', 'list entry items of an entry or of a payment');
  }

  createRefund(ctx: LedgerContext, paymentId: string, request: Parameters<Ledger['createRefund']>[2]): Promise<Refund> {
    return this.db.transaction(async (tx) => {
      const payment = one(await lockPayments(tx, ctx.tenantId, [paymentId]), 'payment', paymentId);
      const actor = actorOf(ctx);
      const planned = planRefund(payment, request, actor);
      const changes = emptyChanges();
      changes.payments.set(paymentId, planned.payment);
      await writeChanges(tx, ctx.tenantId, changes, actor.at);
      const refund: Refund = { ...planned.refund, id: randomUUID(), createdAt: actor.at, updatedAt: actor.at };
      await insertRefund(tx, ctx.tenantId, refund);
      return refund;
    });
  }

  async getRefund(ctx: LedgerContext, id: string): Promise<Refund> {
    return getRefund(this.db, ctx.tenantId, id, false);
  }

  async listRefunds(ctx: LedgerContext, filter: Parameters<Ledger['listRefunds']>[1]): Promise<Refund[]> {
    const where = ['tenant_id = $1'];
    const params: unknown[] = [ctx.tenantId];
    if (filter.paymentId) {
      if (!isUuid(filter.paymentId)) return [];
      params.push(filter.paymentId);
      where.push(`payment_id = $${params.length}`);
    }
    if (filter.status) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    const rows = await this.db.query(`SELECT * FROM refunds WHERE ${where.join(' AND ')} ORDER BY seq LIMIT 1000`, params);
    return rows.map(toRefund);
  }

  setRefundStatus(ctx: LedgerContext, id: string, status: Refund['status'], note: string | null): Promise<Refund> {
    return this.db.transaction(async (tx) => {
      const current = await getRefund(tx, ctx.tenantId, id, false);
      const payment = one(await lockPayments(tx, ctx.tenantId, [current.paymentId]), 'payment', current.paymentId);
      const refund = await getRefund(tx, ctx.tenantId, id, true);
      const actor = actorOf(ctx);
      const next = planRefundStatus(refund, payment, status, actor, note);
      const changes = emptyChanges();
      changes.payments.set(payment.id, next.payment);
      await writeChanges(tx, ctx.tenantId, changes, actor.at);
      await tx.query(
        `UPDATE refunds SET status = $3, cancellation_reason = $4, error_message = $5, updated_at = $6 WHERE tenant_id = $1 AND id = $2`,
        [ctx.tenantId, id, next.refund.status, next.refund.cancellationReason, next.refund.errorMessage, actor.at],
      );
      return next.refund;
    });
  }
}

async function getRefund(q: Queryable, tenantId: string, id: string, lock: boolean): Promise<Refund> {
  if (!isUuid(id)) throw notFound('refund', id);
  const [row] = await q.query(`SELECT * FROM refunds WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [tenantId, id]);
  if (!row) throw notFound('refund', id);
  return toRefund(row);
}

