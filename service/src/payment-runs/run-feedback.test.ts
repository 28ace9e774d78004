import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerContext } from '../domain/ledger-port.js';
import { servicesFor, type Services } from '../runtime/services.js';
import { openTestDb } from '../store/test-support/test-db.js';
import { createEntry } from './entry-business-entity.js';
import { createBusinessEntity, createMandateInstrument } from './instruments.js';
import { importStatement } from '../banking/import-statement.js';
import { statusReport } from './test-support/status-report.js';

// What a run leaves behind and what the bank answers: exclusions that are checked again, mandates a
// rejection ends, a mandate's history after a rejection is undone, every collection date shown.
let services: Services;
let ctx: LedgerContext;
const today = '2026-11-27';
const run = { kind: 'direct-debit' as const, businessEntity: 'FB', until: '2027-03-31', today };

const mandateFor = (account: string) =>
  createMandateInstrument(
    services.paymentRuns.store,
    ctx,
    { businessEntity: 'FB', accountId: account, scheme: 'CORE', signatureDate: '2026-01-05', accountHolder: `Holder ${account}`, iban: 'DE02120300000000202051' },
    today,
  );
const invoice = (number: string, account: string, dueDate: string) =>
  createEntry(services.ledger, services.paymentRuns.store, ctx, { number, type: 'Debit', currency: 'EUR', amount: '10.00', dueDate, account: { id: account } });
const entryNumbered = async (number: string) => (await services.ledger.listEntries(ctx, { number }, 1, null)).items[0]!;

async function reject(orderId: string, label: string, reason: string, status: 'RJCT' | 'ACCP' = 'RJCT') {
  const order = await services.paymentRuns.order(ctx, orderId);
  const entry = await entryNumbered(label);
  const tx = order.transactions.find((t) => t.recordId === entry.id)!;
  return services.paymentRuns.applyStatusReport(
    ctx,
    statusReport(order.messageId, 'PART', [{ paymentInformationId: tx.paymentInformationId!, transactions: [{ endToEndId: tx.endToEndId, status, ...(status === 'RJCT' ? { reason } : {}) }] }]),
  );
}

beforeAll(async () => {
  services = servicesFor(await openTestDb());
  ctx = { tenantId: (await services.tenants.createTenant('Feedback')).id, actor: 'test', businessProcess: 'Test' };
  await createBusinessEntity(services.paymentRuns.store, ctx, {
    code: 'FB', creditorName: 'Feedback GmbH', creditorId: 'DE98ZZZ09999999999', address: null,
    account: { iban: 'DE44500105175407324931', bic: null, name: null, currency: 'EUR' },
  });
});
afterAll(() => services.close());

describe('exclusions a run set', () => {
  it('are checked again by the next run with the original code and reason; a person\'s exclusion stays with its reason', async () => {
    await mandateFor('A-1');
    await invoice('X-1', 'A-1', '2026-12-10');
    await invoice('X-2', 'A-2', '2026-12-10');
    const disputed = await invoice('X-3', 'A-1', '2026-12-11');
    await services.ledger.setEntryControls(ctx, disputed.id, { excludeFromPaymentRun: true, errorMessages: ['customer disputes the invoice'] });

    const first = await services.paymentRuns.create(ctx, run);
    expect(first.summary.excluded.map((e) => [e.label, e.code])).toEqual([['X-2', 'MANDATE_MISSING'], ['X-3', 'ENTRY_EXCLUDED']]);
    expect(await entryNumbered('X-2')).toMatchObject({ excludeFromPaymentRun: true, excludedAutomatically: true, errorMessages: ['MANDATE_MISSING: entry X-2 has no active SEPA mandate'] });

    const still = await services.paymentRuns.preview(ctx, run);
    expect(still.excluded.map((e) => [e.label, e.code, e.message])).toEqual([
      ['X-2', 'MANDATE_MISSING', 'entry X-2 has no active SEPA mandate'],
      ['X-3', 'ENTRY_EXCLUDED', 'entry X-3 is excluded from payment runs: customer disputes the invoice'],
    ]);

    await mandateFor('A-2');
    const second = await services.paymentRuns.create(ctx, run);
    expect(second.summary.included.map((i) => i.label)).toEqual(['X-2']);
    expect(await entryNumbered('X-2')).toMatchObject({ excludeFromPaymentRun: false, excludedAutomatically: false, errorMessages: [] });
    expect(await entryNumbered('X-3')).toMatchObject({ excludeFromPaymentRun: true, excludedAutomatically: false });
  });
});

describe('a rejection that makes the mandate unusable', () => {
  it('AC04 ends the mandate with the reason; the next run excludes the entry as MANDATE_INACTIVE instead of collecting FRST again', async () => {
    await mandateFor('B-1');
    await invoice('Y-1', 'B-1', '2026-12-12');
    const created = await services.paymentRuns.create(ctx, run);
    expect(created.summary.included.find((i) => i.label === 'Y-1')?.sequenceType).toBe('FRST');
    await reject(created.order.id, 'Y-1', 'AC04');

    const next = await services.paymentRuns.preview(ctx, run);
    expect(next.included.map((i) => i.label)).not.toContain('Y-1');
    expect(next.excluded).toEqual(expect.arrayContaining([
      expect.objectContaining({ label: 'Y-1', code: 'MANDATE_INACTIVE', message: expect.stringContaining('AC04 closed account number') }),
    ]));
  });

  it('AM04 (insufficient funds) leaves the mandate usable: the entry goes out again', async () => {
    await mandateFor('B-2');
    await invoice('Y-2', 'B-2', '2026-12-12');
    const created = await services.paymentRuns.create(ctx, run);
    await reject(created.order.id, 'Y-2', 'AM04');
    const next = await services.paymentRuns.preview(ctx, run);
    expect(next.included.filter((i) => i.label === 'Y-2').map((i) => i.sequenceType)).toEqual(['FRST']);
  });
});

/** A camt.053 in which the bank books a collected direct debit back (DBIT) with a return reason. */
const returnStatement = (endToEndId: string, reason: string) =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>RETURN-${endToEndId}</MsgId><CreDtTm>2026-12-16T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>STMT-${endToEndId}</Id><CreDtTm>2026-12-16T06:00:00</CreDtTm>
<Acct><Id><IBAN>DE44500105175407324931</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-15</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">90.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-15</Dt></Dt></Bal>
<Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-12-15</Dt></BookgDt><ValDt><Dt>2026-12-15</Dt></ValDt><AcctSvcrRef>REF-${endToEndId}</AcctSvcrRef>
<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn></BkTxCd>
<NtryDtls><TxDtls><Refs><EndToEndId>${endToEndId}</EndToEndId></Refs><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
<RtrInf><Rsn><Cd>${reason}</Cd></Rsn></RtrInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>`);

describe('a direct debit returned in a bank statement', () => {
  it('MD07 ends the mandate: the next run excludes the reopened entry as MANDATE_INACTIVE', async () => {
    const mandate = await mandateFor('R-1');
    await invoice('V-1', 'R-1', '2026-12-12');
    const created = await services.paymentRuns.create(ctx, run);
    const entry = await entryNumbered('V-1');
    const tx = (await services.paymentRuns.order(ctx, created.order.id)).transactions.find((t) => t.recordId === entry.id)!;
    const imported = await importStatement(
      { ...services, runs: services.paymentRuns.store },
      ctx,
      returnStatement(tx.endToEndId, 'MD07'),
      { fileName: 'return.xml' },
    );
    expect(imported.feedback).toMatchObject({ failed: 1 });
    expect(await services.paymentRuns.store.getInstrument(ctx.tenantId, mandate.id)).toMatchObject({
      active: false,
      deactivationReason: expect.stringContaining('MD07 end customer deceased'),
    });
    const next = await services.paymentRuns.preview(ctx, run);
    expect(next.excluded).toEqual(expect.arrayContaining([expect.objectContaining({ label: 'V-1', code: 'MANDATE_INACTIVE' })]));
  });
});

describe('a rejected first collection and the mandate\'s history', () => {
  it('a rejected FRST leaves a later collection standing, and a report that accepts it after all restores the first collection', async () => {
    const mandate = await mandateFor('C-1');
    await invoice('Z-1', 'C-1', '2026-12-14');
    const first = await services.paymentRuns.create(ctx, { ...run, until: '2026-12-31' });
    expect(first.summary.included.find((i) => i.label === 'Z-1')).toMatchObject({ sequenceType: 'FRST', requestedDate: '2026-12-14' });
    await invoice('Z-2', 'C-1', '2027-02-15');
    const second = await services.paymentRuns.create(ctx, run);
    expect(second.summary.included.find((i) => i.label === 'Z-2')).toMatchObject({ sequenceType: 'RCUR', requestedDate: '2027-02-15' });

    await reject(first.order.id, 'Z-1', 'AM04');
    // the RCUR of February is still with the bank: the mandate's last collection is that one
    expect((await services.paymentRuns.store.getInstrument(ctx.tenantId, mandate.id)).mandate?.lastCollectionDate).toBe('2027-02-15');

    await reject(second.order.id, 'Z-2', 'AM04');
    expect((await services.paymentRuns.store.getInstrument(ctx.tenantId, mandate.id)).mandate?.lastCollectionDate).toBeUndefined();

    // the bank corrects itself: the first collection went through after all
    await reject(first.order.id, 'Z-1', '', 'ACCP');
    const restored = (await services.paymentRuns.store.getInstrument(ctx.tenantId, mandate.id)).mandate;
    expect(restored?.lastCollectionDate).toBe('2026-12-14');
  });

  it('undoing an AC04 rejection makes the mandate it ended usable again', async () => {
    const mandate = await mandateFor('C-2');
    await invoice('Z-3', 'C-2', '2026-12-14');
    const created = await services.paymentRuns.create(ctx, { ...run, until: '2026-12-31' });
    await reject(created.order.id, 'Z-3', 'AC04');
    expect((await services.paymentRuns.store.getInstrument(ctx.tenantId, mandate.id)).active).toBe(false);
    await reject(created.order.id, 'Z-3', '', 'ACCP');
    const after = await services.paymentRuns.store.getInstrument(ctx.tenantId, mandate.id);
    expect(after).toMatchObject({ active: true, deactivationReason: null });
    expect(after.mandate?.lastCollectionDate).toBe('2026-12-14');
  });
});

describe('the run summary', () => {
  it('shows every requested collection date, one per payment-information block', async () => {
    await mandateFor('D-1');
    await mandateFor('D-2');
    await invoice('W-1', 'D-1', '2027-03-01');
    await invoice('W-2', 'D-2', '2027-03-08');
    const preview = await services.paymentRuns.preview(ctx, { ...run, until: '2027-03-31' });
    const ours = preview.paymentInformation.filter((b) => b.requestedDate >= '2027-03-01');
    expect(ours).toEqual([
      { requestedDate: '2027-03-01', scheme: 'CORE', sequenceType: 'FRST', count: 1, total: '10.00' },
      { requestedDate: '2027-03-08', scheme: 'CORE', sequenceType: 'FRST', count: 1, total: '10.00' },
    ]);
    expect(preview.requestedDates).toEqual(expect.arrayContaining(['2027-03-01', '2027-03-08']));
  });
});
