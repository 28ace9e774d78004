/**
 * SEPA payment runs for the API, CLI and job queue: preview (nothing changes), create (file,
 * payments, entry items, order), mark the file submitted, apply a bank status report.
 */
import { conflict } from '../domain/errors.js';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import type { PaymentOrder, PaymentOrderTransaction, RunStore } from '../store/runs/run-store.js';
import { applyStatusReport, type StatusApplication } from './apply-status.js';
import { createRun, type RunProgress } from './create-run.js';
import { planRun, resolveBatchBooking, type RunPlan, type RunRequest } from './plan-run.js';

export type { RunRequest } from './plan-run.js';
export type { StatusApplication } from './apply-status.js';

/** What a preview or a created run reports: what goes in, what is excluded and why. */
export function runSummary(plan: RunPlan) {
  return {
    kind: plan.kind,
    businessEntityId: plan.entity.id,
    businessEntity: plan.entity.code,
    format: plan.format,
    batchBooking: plan.batchBooking,
    requestedDate: plan.run?.requestedDate ?? null,
    count: plan.included.length,
    total: plan.total,
    currency: 'EUR',
    included: plan.included.map((i) => ({
      recordKind: i.recordKind,
      recordId: i.recordId,
      label: i.label,
      endToEndId: i.endToEndId,
      amount: i.amount,
      requestedDate: i.requestedDate,
      mandateReference: i.mandateReference ?? null,
      sequenceType: i.sequenceType ?? null,
    })),
    excluded: plan.excluded.map((e) => ({ recordKind: e.recordKind, recordId: e.recordId, label: e.label, code: e.code, message: e.message })),
  };
}
export type RunSummary = ReturnType<typeof runSummary>;

export class PaymentRuns {
  constructor(
    private readonly ledger: Ledger,
    readonly store: RunStore,
  ) {}

  /** Refuses now what would fail the run later: an unknown entity, batch booking the account does not let choose. */
  async check(ctx: LedgerContext, request: RunRequest): Promise<void> {
    resolveBatchBooking(await this.store.getBusinessEntity(ctx.tenantId, request.businessEntity), request.batchBooking);
  }

  async preview(ctx: LedgerContext, request: RunRequest): Promise<RunSummary> {
    return runSummary(await planRun(this.ledger, this.store, ctx, request));
  }

  async create(ctx: LedgerContext, request: RunRequest, progress?: RunProgress): Promise<{ order: PaymentOrder; summary: RunSummary }> {
    const now = new Date();
    const plan = await planRun(this.ledger, this.store, ctx, request, now);
    const created = await createRun(this.ledger, this.store, ctx, plan, now, progress);
    return { order: created.order, summary: runSummary(created.plan) };
  }

  async order(ctx: LedgerContext, id: string): Promise<PaymentOrder & { transactions: PaymentOrderTransaction[] }> {
    const order = await this.store.getOrder(ctx.tenantId, id);
    return { ...order, transactions: await this.store.orderTransactions(ctx.tenantId, id) };
  }

  /** The file went to the bank. Only a prepared order can be submitted, and only once. */
  async markSubmitted(ctx: LedgerContext, id: string): Promise<PaymentOrder> {
    const order = await this.store.getOrder(ctx.tenantId, id);
    if (order.status !== 'Prepared') {
      throw conflict('PAYMENT_ORDER_NOT_PREPARED', `payment order ${order.messageId} is ${order.status}, not Prepared`);
    }
    return this.store.setOrderStatus(ctx.tenantId, id, 'Submitted');
  }

  applyStatusReport(ctx: LedgerContext, content: string | Uint8Array): Promise<StatusApplication> {
    return applyStatusReport(this.ledger, this.store, ctx, content);
  }
}
