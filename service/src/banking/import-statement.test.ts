import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEntry } from '../domain/new-entry.js';
import { parseMinor } from '../domain/money.js';
import type { LedgerContext } from '../domain/ledger-port.js';
import { servicesFor, type Services } from '../runtime/services.js';
import { openTestDb } from '../store/test-support/test-db.js';
import { importStatement } from './import-statement.js';

const file = readFileSync(new URL('./__fixtures__/feedback_camt053.v8.xml', import.meta.url));
let services: Services;
let ctx: LedgerContext;
const eur = (v: string) => parseMinor(v, 'EUR');

async function pendingDirectDebit(number: string, amount: string, endToEndId: string) {
  const entry = await services.ledger.createEntry(ctx, newEntry({ number, type: 'Debit', currency: 'EUR', amount, account: { name: 'Bäckerei' } }));
  const payment = await services.ledger.createPayment(ctx, {
    type: 'Direct Debit', status: 'Pending', currency: 'EUR', amount: eur(amount), party: { name: null, iban: null, bic: null },
    accountId: null, externalId: null, endToEndId, paymentDate: '2026-11-26', statusDetails: null,
  });
  await services.ledger.settle(ctx, [{ entryId: entry.id, paymentId: payment.id, amount: eur(amount) }]);
  return { entry, payment };
}

beforeAll(async () => {
  services = servicesFor(await openTestDb());
  const tenant = await services.tenants.createTenant('Statements');
  ctx = { tenantId: tenant.id, actor: 'test', businessProcess: 'Statement Import' };
});
afterAll(() => services.close());

describe('statement import', () => {
  it('stores every item, keeps two identical rows, and closes the loop on payments the product issued', async () => {
    const collected = await pendingDirectDebit('RE-1', '119.00', 'E2E-DD-1');
    const returned = await pendingDirectDebit('RE-2', '50.00', 'E2E-DD-2');
    await services.ledger.setPaymentStatus(ctx, returned.payment.id, 'Collected', null);

    const summary = await importStatement(services, ctx, file, { fileName: 'feedback.xml' });
    expect(summary).toMatchObject({ format: 'camt.053.001.08', newItems: 4, duplicateItems: 0 });
    expect(summary.statements[0]!.warnings).toEqual([]);
    expect(summary.feedback).toMatchObject({ collected: 1, reversed: 1, failed: 0 });

    expect(await services.ledger.getEntry(ctx, collected.entry.id)).toMatchObject({ status: 'Balanced', expectedAmount: 0n });
    expect(await services.ledger.getPayment(ctx, collected.payment.id)).toMatchObject({ status: 'Collected' });
    expect(await services.ledger.getEntry(ctx, returned.entry.id)).toMatchObject({ status: 'Open', assignedAmount: 0n });
    expect(await services.ledger.getPayment(ctx, returned.payment.id)).toMatchObject({ status: 'Reversed', statusDetails: 'AM04 insufficient funds' });

    const items = await services.statements.listItems(ctx.tenantId, { statementId: summary.statements[0]!.id }, 10, null);
    expect(items.items.map((i) => i.matchingResult)).toEqual(['Payment Id matched', 'Payment Id matched', 'Unmatched', 'Unmatched']);
    const [account] = await services.statements.listAccounts(ctx.tenantId);
    expect(account).toMatchObject({ iban: 'DE89370400440532013000', balance: '1089.00', lastStatementDate: '2026-11-26' });
  });

  it('adds nothing when the same file comes again, and changes no payment twice', async () => {
    const again = await importStatement(services, ctx, file, { fileName: 'feedback-again.xml' });
    expect(again).toMatchObject({ newItems: 0, duplicateItems: 4, feedback: { collected: 0, reversed: 0, failed: 0 } });
    const statements = await services.statements.listStatements(ctx.tenantId, 10, null);
    expect(statements.items).toHaveLength(1);
    expect(statements.items[0]!.itemCount).toBe(4);
  });

  it('refuses a malformed file and stores nothing of it', async () => {
    const broken = Buffer.from(file.toString('utf8').replace('</Stmt>', ''));
    await expect(importStatement(services, ctx, broken, { fileName: 'broken.xml' })).rejects.toMatchObject({ code: expect.stringMatching(/^STATEMENT_/) });
    expect((await services.statements.listStatements(ctx.tenantId, 10, null)).items).toHaveLength(1);
  });
});
