/**
 * Books one transaction of a run in the ledger, idempotently by its end-to-end id: a run resumed
 * after a crash finds the payment (and its entry item) it made before instead of making them again.
 */
import { CashError } from '../domain/errors.js';
import { isActive } from '../domain/entry-item.js';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import type { Payment } from '../domain/payment.js';
import type { RunTransaction } from '../formats/sepa/index.js';
import type { StoredPlan, StoredRecord } from './stored-plan.js';

export interface Booked {
  record: StoredRecord;
  paymentId: string | null;
}

const NOT_SUBMITTED = 'not submitted: ';

/** The ledger's refusal, as it was kept on the payment that never went to the bank. */
function refusalOf(payment: Payment): CashError {
  const [, code, message] = /^not submitted: ([A-Z0-9_]+): (.*)$/s.exec(payment.statusDetails ?? '') ?? [];
  return new CashError(code ?? 'PAYMENT_FAILED', 'conflict', message ?? `payment ${payment.endToEndId} failed`);
}

async function paymentByEndToEnd(ledger: Ledger, ctx: LedgerContext, endToEndId: string): Promise<Payment | undefined> {
  return (await ledger.listPayments(ctx, { endToEndId }, 1, null)).items[0];
}

/** The payment and entry item (or the refund's status) of one transaction; throws the ledger's refusal. */
export async function bookTransaction(
  ledger: Ledger,
  ctx: LedgerContext,
  plan: StoredPlan,
  tx: RunTransaction,
  record: StoredRecord,
): Promise<Booked> {
  if (record.recordKind === 'refund') {
    const refund = await ledger.getRefund(ctx, record.recordId);
    if (refund.status !== 'Pending') await ledger.setRefundStatus(ctx, record.recordId, 'Pending', `SEPA credit transfer ${record.endToEndId}`);
    return { record, paymentId: null };
  }
  const existing = await paymentByEndToEnd(ledger, ctx, record.endToEndId);
  if (existing?.status === 'Failed') throw refusalOf(existing);
  if (existing && (await ledger.listEntryItems(ctx, { paymentId: existing.id })).some(isActive)) return { record, paymentId: existing.id };
  const payment =
    existing ??
    (await ledger.createPayment(ctx, {
      type: plan.kind === 'direct-debit' ? 'Direct Debit' : 'Credit Transfer',
      status: plan.entity.bankAccount.initialPaymentStatus,
      currency: 'EUR',
      amount: record.amountMinor,
      party: { name: tx.counterparty.name, iban: tx.counterparty.iban, bic: tx.counterparty.bic ?? null },
      accountId: record.accountId,
      externalId: null,
      endToEndId: record.endToEndId,
      paymentDate: record.requestedDate,
      statusDetails: `SEPA ${plan.kind} ${plan.messageId}`,
    }));
  try {
    await ledger.settle(ctx, [{ entryId: record.recordId, paymentId: payment.id, amount: record.amountMinor }]);
  } catch (error) {
    // the payment never goes to the bank: it fails at once, keeping the ledger's reason for a resumed run
    if (error instanceof CashError) await ledger.setPaymentStatus(ctx, payment.id, 'Failed', `${NOT_SUBMITTED}${error.code}: ${error.message}`);
    throw error;
  }
  return { record, paymentId: payment.id };
}
