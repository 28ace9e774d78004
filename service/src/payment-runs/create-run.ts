/**
 * Creates a planned run: writes the file with the pure SEPA writers, then for every transaction a
 * payment (status from the bank account's initial payment status, end-to-end id stored) and its
 * entry item through the ledger port, so the entry shows what is on its way; refunds go Pending.
 * Entries that could not go in are flagged as excluded with the reason, through the ledger port too. The payment order keeps
 * the file, its message id and which payment each transaction became.
 */
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import { applyExpiry, recordCollection } from '../domain/mandates/lifecycle.js';
import { prepareRun, writeRunToString, type PreparedRun } from '../formats/sepa/index.js';
import { invalid } from '../domain/errors.js';
import type { PaymentOrder, PaymentOrderTransaction, RunStore } from '../store/runs/run-store.js';
import type { RunPlan } from './plan-run.js';

export type RunProgress = (done: number, total: number) => void | Promise<void>;

export interface CreatedRun {
  order: PaymentOrder;
  plan: RunPlan;
}

/** Which payment-information block (PmtInfId) each end-to-end id was written in. */
function blockIds(run: PreparedRun): Map<string, string> {
  const byEndToEnd = new Map<string, string>();
  for (const block of run.blocks) for (const tx of run.transactions(block.key)) byEndToEnd.set(tx.endToEndId, block.id);
  return byEndToEnd;
}

export async function createRun(
  ledger: Ledger,
  store: RunStore,
  ctx: LedgerContext,
  plan: RunPlan,
  now = new Date(),
  progress: RunProgress = () => undefined,
): Promise<CreatedRun> {
  if (!plan.run) {
    throw invalid('RUN_NOTHING_TO_DO', `nothing can go into this ${plan.kind} run (${plan.excluded.length} excluded)`, {
      excluded: plan.excluded,
    });
  }
  const prepared = prepareRun(plan.run, { kind: plan.kind, format: plan.format, today: plan.today, now });
  if (!prepared.run) {
    throw invalid('RUN_REFUSED', prepared.problems.map((p) => p.message).join('; '), { problems: prepared.problems });
  }
  const xml = writeRunToString(prepared.run);
  const pmtInf = blockIds(prepared.run);
  const runCtx = { ...ctx, businessProcess: plan.kind === 'direct-debit' ? 'Direct Debit Run' : 'Credit Transfer Run' };
  const status = plan.entity.bankAccount.initialPaymentStatus;
  const counterparties = new Map<string, { name: string; iban: string; bic?: string }>();
  for (const tx of plan.run.transactions) counterparties.set(tx.endToEndId!, tx.counterparty);

  const transactions: Omit<PaymentOrderTransaction, 'status' | 'statusCode' | 'reason'>[] = [];
  for (const [position, record] of plan.included.entries()) {
    let paymentId: string | null = null;
    if (record.recordKind === 'refund') {
      await ledger.setRefundStatus(runCtx, record.recordId, 'Pending', `SEPA credit transfer ${record.endToEndId}`);
    } else {
      const party = counterparties.get(record.endToEndId)!;
      const entry = plan.entries.get(record.recordId)!;
      const payment = await ledger.createPayment(runCtx, {
        type: plan.kind === 'direct-debit' ? 'Direct Debit' : 'Credit Transfer',
        status,
        currency: 'EUR',
        amount: record.amountMinor,
        party: { name: party.name, iban: party.iban, bic: party.bic ?? null },
        accountId: entry.account.id,
        externalId: null,
        endToEndId: record.endToEndId,
        paymentDate: record.requestedDate,
        statusDetails: `SEPA ${plan.kind} ${plan.messageId}`,
      });
      await ledger.settle(runCtx, [{ entryId: entry.id, paymentId: payment.id, amount: record.amountMinor }]);
      paymentId = payment.id;
    }
    if (record.instrumentId) {
      const instrument = await store.getInstrument(ctx.tenantId, record.instrumentId);
      if (instrument.mandate) await store.updateMandate(null, ctx.tenantId, instrument.id, recordCollection(instrument.mandate, record.requestedDate));
    }
    transactions.push({
      position,
      endToEndId: record.endToEndId,
      paymentInformationId: pmtInf.get(record.endToEndId) ?? null,
      recordKind: record.recordKind,
      recordId: record.recordId,
      paymentId,
      instrumentId: record.instrumentId ?? null,
      sequenceType: record.sequenceType ?? null,
      amount: record.amount,
    });
    if ((position + 1) % 100 === 0) await progress(position + 1, plan.included.length);
  }

  // a mandate without a collection for 36 months has lapsed: it is ended, not tried again
  for (const excluded of plan.excluded) {
    if (excluded.code !== 'MANDATE_EXPIRED' || !excluded.instrumentId) continue;
    const instrument = await store.getInstrument(ctx.tenantId, excluded.instrumentId);
    if (instrument.mandate?.active) await store.updateMandate(null, ctx.tenantId, instrument.id, applyExpiry(instrument.mandate, plan.today));
  }

  // not silently skipped: excluded from further runs until someone fixes and clears it, with the reason
  for (const excluded of plan.excluded) {
    const entry = excluded.recordKind === 'entry' && excluded.code !== 'ENTRY_EXCLUDED' ? plan.entries.get(excluded.recordId) : undefined;
    if (!entry) continue;
    const message = `${excluded.code}: ${excluded.message}`;
    const errorMessages = entry.errorMessages.includes(message) ? entry.errorMessages : [...entry.errorMessages, message];
    await ledger.setEntryControls(runCtx, entry.id, { excludeFromPaymentRun: true, errorMessages });
  }

  const order = await store.createOrder(ctx.tenantId, {
    businessEntityId: plan.entity.id,
    kind: plan.kind,
    format: plan.format,
    messageId: prepared.run.messageId,
    requestedDate: plan.run.requestedDate,
    batchBooking: plan.batchBooking,
    transactionCount: prepared.run.count,
    total: plan.total,
    fileXml: xml,
    excluded: plan.excluded.map(({ recordId, recordKind, label, code, message }) => ({ recordId, recordKind, label, code, message })),
    warnings: prepared.warnings.map(({ code, message, endToEndId }) => ({ code, message, ...(endToEndId ? { endToEndId } : {}) })),
    createdBy: ctx.actor,
    transactions,
  });
  await progress(plan.included.length, plan.included.length);
  return { order, plan };
}
