/**
 * SEPA payment runs for the API, CLI and job queue: preview (nothing changes), create (file,
 * payments, entry items, order), mark the file submitted, apply a bank status report.
 */
import { conflict } from '../domain/errors.js';
import { formatMinor, parseMinor } from '../domain/money.js';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import type { PaymentOrder, PaymentOrderTransaction, RunStore } from '../store/runs/run-store.js';
import { applyStatusReport, type StatusApplication } from './apply-status.js';
import { createRun, type RunProgress } from './create-run.js';
import { planRun, resolveBatchBooking, type RunPlan, type RunRequest } from './plan-run.js';

export type { RunRequest } from './plan-run.js';
export type { StatusApplication } from './apply-status.js';

/**
 * The payment-information blocks the file has (or would have): one per requested date, and for
 * direct debits per scheme and sequence type, in the order the writer opens them.
 */
function paymentInformation(plan: RunPlan) {
  const included = new Set(plan.included.map((i) => i.endToEndId));
  const blocks = new Map<string, { requestedDate: string; scheme: string | null; sequenceType: string | null; count: number; totalMinor: bigint }>();
  for (const tx of plan.run?.transactions ?? []) {
    if (!included.has(tx.endToEndId!)) continue;
    const requestedDate = tx.requestedDate ?? plan.run!.requestedDate;
    const scheme = tx.mandate?.scheme ?? null;
    const sequenceType = tx.mandate?.sequenceType ?? null;
    const key = `${requestedDate}|${scheme}|${sequenceType}`;
    const block = blocks.get(key) ?? { requestedDate, scheme, sequenceType, count: 0, totalMinor: 0n };
    block.count += 1;
    block.totalMinor += parseMinor(tx.amount, 'EUR');
    blocks.set(key, block);
  }
  return [...blocks.values()].map(({ totalMinor, ...b }) => ({ ...b, total: formatMinor(totalMinor, 'EUR') }));
}

/** What a preview or a created run reports: what goes in, what is excluded and why. */
export function runSummary(plan: RunPlan) {
  const blocks = paymentInformation(plan);
  return {
    kind: plan.kind,
    businessEntityId: plan.entity.id,
    businessEntity: plan.entity.code,
    format: plan.format,
    batchBooking: plan.batchBooking,
    /** The earliest requested date; every date of the run is in requestedDates and paymentInformation. */
    requestedDate: blocks.map((b) => b.requestedDate).sort()[0] ?? null,
    requestedDates: [...new Set(blocks.map((b) => b.requestedDate))].sort(),
    paymentInformation: blocks,
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
