import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerContext } from '../domain/ledger-port.js';
import { seedPaymentRunDemo } from '../payment-runs/demo-setup.js';
import { seedDemo } from '../runtime/demo.js';
import { servicesFor, type Services } from '../runtime/services.js';
import { openTestDb } from '../store/test-support/test-db.js';
import { importStatement } from './import-statement.js';

let services: Services;
let ctx: LedgerContext;

beforeAll(async () => {
  services = servicesFor(await openTestDb());
  const tenant = await services.tenants.createTenant('Refund feedback');
  ctx = { tenantId: tenant.id, actor: 'test', businessProcess: 'Test' };
  await seedDemo(services.ledger, tenant.id);
  await seedPaymentRunDemo(services.paymentRuns, tenant.id);
});
afterAll(() => services.close());

/** A one-booking camt.053 of the demo creditor account, as the bank would report the payout. */
function statement(endToEndId: string, creditDebit: 'CRDT' | 'DBIT', returnReason?: string) {
  const rtr = returnReason ? `<RtrInf><Rsn><Cd>${returnReason}</Cd></Rsn></RtrInf>` : '';
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>R-${endToEndId}-${creditDebit}</MsgId><CreDtTm>2026-11-28T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>R-${endToEndId}-${creditDebit}</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Ntry><Amt Ccy="EUR">25.00</Amt><CdtDbtInd>${creditDebit}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-28</Dt></BookgDt>
<NtryDtls><TxDtls><Refs><EndToEndId>${endToEndId}</EndToEndId></Refs><Amt Ccy="EUR">25.00</Amt><CdtDbtInd>${creditDebit}</CdtDbtInd>${rtr}</TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>`);
}

async function refundInRun(amount: bigint) {
  const payment = await services.ledger.createPayment(ctx, {
    type: 'Payment', status: 'Collected', currency: 'EUR', amount: 10_000n,
    party: { name: 'Muster Logistik AG', iban: 'DE02120300000000202051', bic: null },
    accountId: 'C-10002', externalId: null, endToEndId: null, paymentDate: '2026-11-20', statusDetails: null,
  });
  const refund = await services.ledger.createRefund(ctx, payment.id, { amount, reason: 'credit note', method: 'SEPA Credit Transfer' });
  await services.ledger.setRefundStatus(ctx, refund.id, 'Approved', null);
  const { order } = await services.paymentRuns.create(ctx, { kind: 'credit-transfer', businessEntity: 'DEMO', until: '2026-12-31', today: '2026-11-27' });
  const transaction = (await services.paymentRuns.order(ctx, order.id)).transactions.find((t) => t.recordId === refund.id)!;
  return { refund, payment, endToEndId: transaction.endToEndId };
}

describe('bank feedback on refunds paid out by a credit-transfer run', () => {
  it('confirms the refund when the payout is booked', async () => {
    const { refund, payment, endToEndId } = await refundInRun(2500n);
    const summary = await importStatement(services, ctx, statement(endToEndId, 'DBIT'), { fileName: 'payout.xml' });
    expect(summary.feedback).toMatchObject({ refunded: 1, refundsFailed: 0 });
    expect((await services.ledger.getRefund(ctx, refund.id)).status).toBe('Refunded');
    expect(await services.ledger.getPayment(ctx, payment.id)).toMatchObject({ blockedAmount: 0n, refundedAmount: 2500n });
    const items = await services.statements.listItems(ctx.tenantId, { statementId: summary.statements[0]!.id }, 5, null);
    expect(items.items[0]!.matchingResult).toBe('Refund Id matched');
  });

  it('fails the refund, with the reason, when the money comes back', async () => {
    const { refund, payment, endToEndId } = await refundInRun(2500n);
    const summary = await importStatement(services, ctx, statement(endToEndId, 'CRDT', 'AC04'), { fileName: 'return.xml' });
    expect(summary.feedback).toMatchObject({ refunded: 0, refundsFailed: 1 });
    expect(await services.ledger.getRefund(ctx, refund.id)).toMatchObject({ status: 'Failed', errorMessage: 'AC04 closed account number' });
    expect(await services.ledger.getPayment(ctx, payment.id)).toMatchObject({ blockedAmount: 0n, refundedAmount: 0n });
  });
});
