import { readFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerContext } from '../domain/ledger-port.js';
import { parseMinor } from '../domain/money.js';
import { newEntry } from '../domain/new-entry.js';
import { jobHandlers } from '../jobs/handlers.js';
import { Worker } from '../jobs/worker.js';
import { servicesFor, type Services } from '../runtime/services.js';
import { openTestDb } from '../store/test-support/test-db.js';
import { autoMatchItems, itemsOfStatements } from './auto-match.js';
import { camtStatement, type Booking } from './auto-match-demo.js';
import { matchAfterImport, MATCHING_RUN } from './auto-match-job.js';
import { acceptSuggestion, rejectSuggestion } from './auto-match-review.js';
import { importStatement } from './import-statement.js';

const services: Services = servicesFor(await openTestDb());
afterAll(() => services.close());
let ctx: LedgerContext;
let day = 0;

beforeEach(async () => {
  const tenant = await services.tenants.createTenant(`Matching ${Math.random()}`);
  ctx = { tenantId: tenant.id, actor: 'test', businessProcess: 'Statement Import' };
});

const receivable = (number: string, amount: string, account: { id: string; name: string }, type: 'Debit' | 'Credit' = 'Debit') =>
  services.ledger.createEntry(
    ctx,
    newEntry({ number, type, currency: 'EUR', amount, account: { ...account, number: account.id }, paymentReference: number, statementDate: '2026-11-01', dueDate: '2026-11-30' }),
  );

const booking = (amount: string, text: string, extra: Partial<Booking> = {}): Booking => ({
  ref: `B-${Math.random().toString(36).slice(2)}`,
  amount,
  creditDebit: 'CRDT',
  party: { name: 'Someone', iban: null },
  text,
  ...extra,
});

/** Each import is a statement of its own day, so files never overlap. */
const importBookings = (bookings: Booking[]) =>
  importStatement(services, ctx, camtStatement(bookings, `2026-12-${String(++day).padStart(2, '0')}`), { fileName: 'test.xml' });

const itemsOf = async (statementId: string) => (await services.statements.listItems(ctx.tenantId, { statementId }, 100, null)).items;

describe('matching after a statement import', () => {
  it('turns each booked item into a Collected payment (in: Payment, out: Payout) with the counterparty, once', async () => {
    const imported = await importBookings([
      booking('10.00', 'Spende', { party: { name: 'Erika Mustermann', iban: 'DE02120300000000202051' } }),
      booking('20.00', 'Miete', { creditDebit: 'DBIT', party: { name: 'Vermieter KG', iban: 'DE12500105170648489890' } }),
      booking('30.00', 'vorgemerkt', { status: 'PDNG' }),
      booking('0.00', 'Nullbuchung'),
    ]);
    expect(imported.matching).toMatchObject({ items: 4, settled: 0, suggested: 0, unmatched: 4, paymentsCreated: 2 });
    const [incoming, outgoing, pending] = await itemsOf(imported.statements[0]!.id);
    const payment = await services.ledger.getPayment(ctx, incoming!.paymentId!);
    expect(payment).toMatchObject({
      type: 'Payment',
      status: 'Collected',
      amount: 1000n,
      party: { name: 'Erika Mustermann', iban: 'DE02120300000000202051' },
      externalId: `statement-item:${incoming!.id}`,
    });
    expect(await services.ledger.getPayment(ctx, outgoing!.paymentId!)).toMatchObject({ type: 'Payout', direction: 'out', amount: 2000n });
    expect(pending).toMatchObject({ matchingResult: 'Unmatched', paymentId: null });
    expect((await services.matching.suggestions.itemResult(ctx.tenantId, pending!.id))!.reasons).toEqual(['item status is PDNG: only booked items are matched']);

    const again = await autoMatchItems(services, ctx, await itemsOfStatements(services.statements, ctx.tenantId, [imported.statements[0]!.id]));
    expect(again).toMatchObject({ items: 4, paymentsCreated: 0 });
    expect((await services.ledger.listPayments(ctx, {}, 100, null)).items).toHaveLength(2);
  });

  it('settles a named invoice with the configuration and score on the entry item, and payables only with money paid out', async () => {
    const invoice = await receivable('RE-7001', '119.00', { id: 'C-1', name: 'Bäckerei Sonnenschein GmbH' });
    const bill = await receivable('ER-7001', '80.00', { id: 'S-1', name: 'Stadtwerke' }, 'Credit');
    const imported = await importBookings([
      booking('119.00', 'Rechnung RE-7001', { party: { name: 'Bäckerei Sonnenschein GmbH', iban: 'DE89370400440532013000' } }),
      booking('80.00', 'Gutschrift ER-7001'),
      booking('80.00', 'ER-7001', { creditDebit: 'DBIT', party: { name: 'Stadtwerke', iban: null } }),
    ]);
    expect(imported.matching).toMatchObject({ settled: 2 });
    const [paid, wrongWay, payout] = await itemsOf(imported.statements[0]!.id);
    expect(paid).toMatchObject({ matchingResult: 'Matched' });
    expect(await services.ledger.getEntry(ctx, invoice.id)).toMatchObject({ status: 'Balanced', assignedAmount: -11900n });
    const [entryItem] = await services.ledger.listEntryItems(ctx, { paymentId: paid!.paymentId! });
    expect(entryItem).toMatchObject({ businessProcess: 'Automatic Matching', matching: { configuration: expect.any(String), score: expect.any(Number) } });
    expect(entryItem!.matching!.score).toBeGreaterThanOrEqual(0.9);
    // the payment is tied to the account it paid, so the IBAN identifies the account next time
    expect(await services.ledger.getPayment(ctx, paid!.paymentId!)).toMatchObject({ accountId: 'C-1' });

    expect(wrongWay!.matchingResult).toBe('Unmatched');
    expect((await services.matching.suggestions.itemResult(ctx.tenantId, wrongWay!.id))!.reasons.join(' ')).toContain('payable');
    expect(payout).toMatchObject({ matchingResult: 'Matched' });
    expect(await services.ledger.getEntry(ctx, bill.id)).toMatchObject({ status: 'Balanced' });
  });

  it('never settles one of two equally plausible entries: both are suggested, best first', async () => {
    const account = { id: 'C-2', name: 'Muster Logistik AG' };
    const first = await receivable('RE-7101', '50.00', account);
    const second = await receivable('RE-7102', '50.00', account);
    await services.ledger.createPayment(ctx, {
      type: 'Payment', status: 'Collected', currency: 'EUR', amount: parseMinor('1.00', 'EUR'), party: { name: account.name, iban: 'DE02120300000000202051', bic: null },
      accountId: account.id, externalId: null, endToEndId: null, paymentDate: '2026-11-01', statusDetails: null,
    });
    const imported = await importBookings([booking('50.00', 'Zahlung', { party: { name: 'Muster Logistik AG', iban: 'DE02120300000000202051' } })]);
    expect(imported.matching).toMatchObject({ settled: 0, suggested: 1 });
    const [item] = await itemsOf(imported.statements[0]!.id);
    expect(item!.matchingResult).toBe('Unmatched, multiple results');
    const suggestions = (await services.matching.suggestions.list(ctx.tenantId, { itemId: item!.id }, 10, null)).items;
    expect(suggestions.map((s) => s.allocations[0]!.entryId).sort()).toEqual([first.id, second.id].sort());
    expect(suggestions.map((s) => s.rank)).toEqual([1, 2]);
    expect(suggestions[0]!.reasons.at(-1)).toMatch(/^suggested: /);
    expect(suggestions[0]!.score).toBe(suggestions[1]!.score);
    expect(await services.ledger.getEntry(ctx, first.id)).toMatchObject({ status: 'Open', assignedAmount: 0n });

    // accepting one settles it and supersedes the other; deciding again is refused
    const accepted = await acceptSuggestion(services, ctx, suggestions[0]!.id, null);
    expect(accepted.status).toBe('Accepted');
    const [entryItem] = await services.ledger.listEntryItems(ctx, { paymentId: item!.paymentId! });
    expect(entryItem).toMatchObject({ businessProcess: 'Matching Suggestion', id: accepted.entryItemIds[0] });
    expect((await services.matching.suggestions.get(ctx.tenantId, suggestions[1]!.id)).status).toBe('Superseded');
    expect((await services.statements.getItem(ctx.tenantId, item!.id)).matchingResult).toBe('Matched');
    await expect(rejectSuggestion(services, ctx, suggestions[1]!.id, null)).rejects.toMatchObject({ code: 'SUGGESTION_DECIDED' });
    await expect(acceptSuggestion(services, ctx, suggestions[0]!.id, null)).rejects.toMatchObject({ code: 'SUGGESTION_DECIDED' });
  });

  /** One bank item with two equally good suggestions (two open invoices of 50.00 of a payer known by IBAN). */
  async function itemWithTwoSuggestions() {
    const account = { id: 'C-9', name: 'Doppelt GmbH' };
    await receivable('RE-7601', '50.00', account);
    await receivable('RE-7602', '50.00', account);
    await services.ledger.createPayment(ctx, {
      type: 'Payment', status: 'Collected', currency: 'EUR', amount: 100n, party: { name: account.name, iban: 'DE02120300000000202051', bic: null },
      accountId: account.id, externalId: null, endToEndId: null, paymentDate: '2026-11-01', statusDetails: null,
    });
    const imported = await importBookings([booking('50.00', 'Zahlung', { party: { name: account.name, iban: 'DE02120300000000202051' } })]);
    const [item] = await itemsOf(imported.statements[0]!.id);
    const suggestions = (await services.matching.suggestions.list(ctx.tenantId, { itemId: item!.id }, 10, null)).items;
    expect(suggestions).toHaveLength(2);
    return { item: item!, suggestions };
  }

  const settledOnce = async (attempts: PromiseSettledResult<unknown>[], paymentId: string) => {
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const refused = attempts.find((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'SUGGESTION_DECIDED', kind: 'conflict' });
    expect(await services.ledger.listEntryItems(ctx, { paymentId })).toHaveLength(1);
  };

  it('lets exactly one of two accepts of a suggestion at the same time settle; the other gets SUGGESTION_DECIDED', async () => {
    const { item, suggestions } = await itemWithTwoSuggestions();
    const attempts = await Promise.allSettled([
      acceptSuggestion(services, ctx, suggestions[0]!.id, 'first'),
      acceptSuggestion(services, ctx, suggestions[0]!.id, 'second'),
    ]);
    await settledOnce(attempts, item.paymentId!);
    expect(await services.matching.suggestions.get(ctx.tenantId, suggestions[0]!.id)).toMatchObject({ status: 'Accepted', entryItemIds: [expect.any(String)] });
  });

  it('lets exactly one of two sibling suggestions accepted at the same time settle; the other is superseded', async () => {
    const { item, suggestions } = await itemWithTwoSuggestions();
    const attempts = await Promise.allSettled(suggestions.map((s) => acceptSuggestion(services, ctx, s.id, null)));
    await settledOnce(attempts, item.paymentId!);
    const statuses = await Promise.all(suggestions.map(async (s) => (await services.matching.suggestions.get(ctx.tenantId, s.id)).status));
    expect(statuses.sort()).toEqual(['Accepted', 'Superseded']);
  });

  it('reopens the suggestion and its siblings when the ledger refuses to settle the accepted one', async () => {
    const { suggestions } = await itemWithTwoSuggestions();
    const entryId = suggestions[0]!.allocations[0]!.entryId;
    const other = await services.ledger.createPayment(ctx, {
      type: 'Payment', status: 'Collected', currency: 'EUR', amount: 5000n, party: { name: null, iban: null, bic: null },
      accountId: null, externalId: null, endToEndId: null, paymentDate: null, statusDetails: null,
    });
    await services.ledger.settle(ctx, [{ entryId, paymentId: other.id, amount: 5000n }]);
    await expect(acceptSuggestion(services, ctx, suggestions[0]!.id, null)).rejects.toMatchObject({ code: 'ENTRY_BALANCED' });
    for (const s of suggestions) expect(await services.matching.suggestions.get(ctx.tenantId, s.id)).toMatchObject({ status: 'Open', decidedBy: null });
    expect(await acceptSuggestion(services, ctx, suggestions[1]!.id, null)).toMatchObject({ status: 'Accepted' });
  });

  it('refuses to accept a suggestion whose entry was settled since, and leaves it open', async () => {
    const entry = await receivable('RE-7201', '40.00', { id: 'C-3', name: 'Atelier Lumière SARL' });
    const imported = await importBookings([booking('39.00', 'RE-7201 minus Gebühr 1,00 und Skonto 0,50 was auch immer sonst')]);
    const [item] = await itemsOf(imported.statements[0]!.id);
    const [suggestion] = (await services.matching.suggestions.list(ctx.tenantId, { itemId: item!.id }, 10, null)).items;
    expect(suggestion).toBeDefined();
    const other = await services.ledger.createPayment(ctx, {
      type: 'Payment', status: 'Collected', currency: 'EUR', amount: 4000n, party: { name: null, iban: null, bic: null },
      accountId: null, externalId: null, endToEndId: null, paymentDate: null, statusDetails: null,
    });
    await services.ledger.settle(ctx, [{ entryId: entry.id, paymentId: other.id, amount: 4000n }]);
    await expect(acceptSuggestion(services, ctx, suggestion!.id, null)).rejects.toMatchObject({ code: 'ENTRY_BALANCED' });
    expect((await services.matching.suggestions.get(ctx.tenantId, suggestion!.id)).status).toBe('Open');
  });

  it('marks an item Matched on the next run when its payment was settled by hand, and closes its suggestions', async () => {
    const entry = await receivable('RE-7251', '45.00', { id: 'C-8', name: 'Kunde Acht' });
    const imported = await importBookings([booking('40.00', 'Danke', { party: { name: 'Kunde Acht', iban: null } })]);
    const [item] = await itemsOf(imported.statements[0]!.id);
    const [suggestion] = (await services.matching.suggestions.list(ctx.tenantId, { itemId: item!.id }, 10, null)).items;
    expect(suggestion!.status).toBe('Open');
    await services.ledger.settle(ctx, [{ entryId: entry.id, paymentId: item!.paymentId!, amount: 4000n }]);

    const again = await autoMatchItems(services, ctx, [item!.id]);
    expect(again).toMatchObject({ items: 1, skipped: 1, paymentsCreated: 0 });
    expect((await services.statements.getItem(ctx.tenantId, item!.id)).matchingResult).toBe('Matched');
    expect((await services.matching.suggestions.get(ctx.tenantId, suggestion!.id)).status).toBe('Superseded');
  });

  it("keeps 'Payment Id matched' from the bank feedback and creates no second payment for such an item", async () => {
    const entry = await receivable('RE-7301', '119.00', { id: 'C-4', name: 'Bäckerei' });
    const directDebit = await services.ledger.createPayment(ctx, {
      type: 'Direct Debit', status: 'Pending', currency: 'EUR', amount: 11900n, party: { name: null, iban: null, bic: null },
      accountId: null, externalId: null, endToEndId: 'E2E-DD-1', paymentDate: '2026-11-26', statusDetails: null,
    });
    await services.ledger.settle(ctx, [{ entryId: entry.id, paymentId: directDebit.id, amount: 11900n }]);
    const file = readFileSync(new URL('./__fixtures__/feedback_camt053.v8.xml', import.meta.url));
    const imported = await importStatement(services, ctx, file, { fileName: 'feedback.xml' });
    const [collected] = await itemsOf(imported.statements[0]!.id);
    expect(collected).toMatchObject({ matchingResult: 'Payment Id matched', paymentId: directDebit.id });
    const payments = (await services.ledger.listPayments(ctx, {}, 100, null)).items;
    expect(payments.filter((p) => p.externalId === `statement-item:${collected!.id}`)).toEqual([]);
  });

  it('records an item the ledger refuses as unmatched with the reason, and matches the others', async () => {
    await receivable('RE-7351', '12.00', { id: 'C-7', name: 'Kunde Sieben' });
    const file = camtStatement([booking('12.00', 'RE-7351'), booking('13.00', 'RE-7351 in Testwährung')], '2027-02-01')
      .toString('utf8')
      .replace('<Amt Ccy="EUR">13.00</Amt>', '<Amt Ccy="QQQ">13.00</Amt>');
    const imported = await importStatement(services, ctx, Buffer.from(file), { fileName: 'odd.xml' });
    expect(imported.matching).toMatchObject({ items: 2, settled: 1, unmatched: 1 });
    const [, odd] = await itemsOf(imported.statements[0]!.id);
    expect((await services.matching.suggestions.itemResult(ctx.tenantId, odd!.id))!.reasons[0]).toMatch(/^not matched: CURRENCY_/);
  });

  it("runs the tenant's own configurations instead of the defaults", async () => {
    await receivable('RE-7401', '25.00', { id: 'C-5', name: 'Alpenblick Hotel KG' });
    await services.matching.configurations.replaceAll(ctx.tenantId, [
      { name: 'amount only', template: 'FindEntryByMatchingTheAmount', priority: 1, active: true, parser: {}, search: { percentage: 0 } },
    ]);
    const imported = await importBookings([booking('25.00', 'RE-7401')]);
    // without the statement-number rule the reference counts for nothing: an amount alone is never enough
    expect(imported.matching).toMatchObject({ configurations: 'tenant', settled: 0 });
  });

  it('leaves a large import to the matching job, which reports progress and matches every item', async () => {
    await receivable('RE-7501', '70.00', { id: 'C-6', name: 'Nordlicht Software GmbH' });
    const file = camtStatement([booking('70.00', 'RE-7501'), booking('5.00', 'Gebühr', { creditDebit: 'DBIT' })], '2027-01-15');
    const stored = await services.statements.importFile(ctx.tenantId, await (await import('../formats/statement/parse.js')).parseStatementFile(file, {}), {
      fileName: 'big.xml', content: file, importedBy: 'test',
    });
    const after = await matchAfterImport(services, ctx, { newItemIds: stored.newItemIds, statementIds: stored.statements.map((s) => s.id) }, undefined, 1);
    expect(after).toEqual({ jobId: expect.any(String) });
    const job = await services.jobs.get(ctx.tenantId, after.jobId!);
    expect(job.type).toBe(MATCHING_RUN);
    await new Worker(services.jobs, jobHandlers(services.ledger, services)).drain();
    const done = await services.jobs.get(ctx.tenantId, after.jobId!);
    expect(done).toMatchObject({ status: 'succeeded', progress: { done: 2, total: 2 }, result: { items: 2, settled: 1, unmatched: 1 } });
  });
});
