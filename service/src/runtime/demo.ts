import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import { newEntry } from '../domain/new-entry.js';
import { parseMinor } from '../domain/money.js';
import type { TenantStore } from '../store/tenants.js';
import { importDemoStatement } from '../banking/auto-match-demo.js';
import type { AutoMatchDeps } from '../banking/auto-match.js';
import type { JobQueue } from '../jobs/queue.js';
import type { PaymentRuns } from '../payment-runs/payment-runs.js';
import { seedPaymentRunDemo } from '../payment-runs/demo-setup.js';
import { readDemoKey, writeDemoKey } from './demo-key-file.js';

export const DEMO_TENANT = 'Demo GmbH';
export const DEMO_KEY_NAME = 'demo';

const CUSTOMERS = [
  ['C-10001', 'Bäckerei Sonnenschein GmbH', 'DE89370400440532013000'],
  ['C-10002', 'Muster Logistik AG', 'DE02120300000000202051'],
  ['C-10003', 'Van der Berg Installaties B.V.', 'NL91ABNA0417164300'],
  ['C-10004', 'Atelier Lumière SARL', 'FR1420041010050500013M02606'],
  ['C-10005', 'Alpenblick Hotel KG', 'AT611904300234573201'],
  ['C-10006', 'Nordlicht Software GmbH', 'DE75512108001245126199'],
] as const;

const SUPPLIERS = [
  ['S-20001', 'Stadtwerke Beispielstadt', 'DE12500105170648489890'],
  ['S-20002', 'Büromarkt Schmidt OHG', 'DE27100777770209299700'],
] as const;

/**
 * Seeds a tenant with what a receivables clerk sees on a Monday: open invoices, a few paid in full,
 * one paid in part, one overpaid, a pending direct debit and supplier bills waiting for approval.
 */
export async function seedDemo(ledger: Ledger, tenantId: string): Promise<{ entries: number; payments: number }> {
  const ctx: LedgerContext = { tenantId, actor: 'demo', businessProcess: 'Demo Seed' };
  const eur = (v: string) => parseMinor(v, 'EUR');
  const invoices = [];
  const amounts = ['119.00', '2380.00', '595.50', '1249.95', '89.25', '4760.00', '357.00', '1190.00', '714.00', '238.00', '99.99', '1666.00'];
  for (const [i, amount] of amounts.entries()) {
    const [number, name] = CUSTOMERS[i % CUSTOMERS.length]!;
    const seq = String(i + 1).padStart(4, '0');
    invoices.push(
      await ledger.createEntry(
        ctx,
        newEntry({
          number: `RE-2026-${seq}`,
          type: 'Debit',
          currency: 'EUR',
          amount,
          account: { id: number, number, name },
          title: `Invoice RE-2026-${seq}`,
          paymentReference: `RE-2026-${seq}`,
          statementDate: `2026-11-${String(2 + i).padStart(2, '0')}`,
          dueDate: `2026-12-${String(2 + i).padStart(2, '0')}`,
        }),
      ),
    );
  }
  for (const [i, [number, name]] of SUPPLIERS.entries()) {
    await ledger.createEntry(
      ctx,
      newEntry({
        number: `ER-2026-${String(i + 1).padStart(4, '0')}`,
        type: 'Credit',
        currency: 'EUR',
        amount: i === 0 ? '412.80' : '156.17',
        account: { id: number, number, name },
        title: `Supplier bill ${name}`,
        dueDate: '2026-12-10',
        creditApproval: i === 0 ? 'approved' : 'unapproved',
      }),
    );
  }
  const pay = (i: number, amount: string, extra: Partial<Parameters<Ledger['createPayment']>[1]> = {}) =>
    ledger.createPayment(ctx, {
      type: 'Payment',
      status: 'Collected',
      currency: 'EUR',
      amount: eur(amount),
      party: { name: CUSTOMERS[i]![1], iban: CUSTOMERS[i]![2], bic: null },
      accountId: CUSTOMERS[i]![0],
      externalId: null,
      endToEndId: null,
      paymentDate: '2026-11-20',
      statusDetails: null,
      ...extra,
    });
  const full = await pay(0, '119.00');
  await ledger.settle(ctx, [{ entryId: invoices[0]!.id, paymentId: full.id, amount: eur('119.00') }]);
  const partial = await pay(1, '1000.00');
  await ledger.settle(ctx, [{ entryId: invoices[1]!.id, paymentId: partial.id, amount: eur('1000.00') }]);
  const overpaid = await pay(2, '600.00');
  await ledger.settle(ctx, [{ entryId: invoices[2]!.id, paymentId: overpaid.id, amount: eur('595.50') }]);
  const oneForTwo = await pay(0, '446.25', { paymentDate: '2026-11-24' });
  await ledger.settle(ctx, [
    { entryId: invoices[6]!.id, paymentId: oneForTwo.id, amount: eur('357.00') },
    { entryId: invoices[4]!.id, paymentId: oneForTwo.id, amount: eur('89.25') },
  ]);
  const directDebit = await pay(3, '1249.95', { type: 'Direct Debit', status: 'Pending', endToEndId: 'DEMO-DD-0001' });
  await ledger.settle(ctx, [{ entryId: invoices[3]!.id, paymentId: directDebit.id, amount: eur('1249.95') }]);
  await pay(5, '4760.00', { paymentDate: '2026-11-26' });
  return { entries: amounts.length + SUPPLIERS.length, payments: 6 };
}

export interface DemoOptions {
  /** Keeps the demo key here (see demo-key-file.ts) and hands it out again while the database accepts it. */
  keyFile?: string;
  /** Told what is being done, for a start that is not silent. */
  log?: (message: string) => void;
}

/**
 * Makes sure the demo tenant exists (seeding it once) and hands out its demo key: the one in the
 * key file while it still works, else a fresh one (earlier demo keys revoked).
 */
export async function ensureDemo(
  ledger: Ledger,
  tenants: TenantStore,
  paymentRuns?: PaymentRuns,
  banking?: Omit<AutoMatchDeps, 'ledger'> & { jobs: JobQueue },
  options: DemoOptions = {},
): Promise<{ tenantId: string; key: string; seeded: boolean }> {
  let tenant = await tenants.findTenantByName(DEMO_TENANT);
  let seeded = false;
  if (!tenant) {
    options.log?.(`seeding the demo tenant "${DEMO_TENANT}" (first start only)`);
    tenant = await tenants.createTenant(DEMO_TENANT);
    await seedDemo(ledger, tenant.id);
    // a business entity, mandates and a payee account, so SEPA runs work on the demo data
    if (paymentRuns) await seedPaymentRunDemo(paymentRuns, tenant.id);
    // a first bank statement: its import settles what is certain and leaves suggestions for the rest
    if (banking) await importDemoStatement({ ...banking, ledger }, tenant.id);
    seeded = true;
  }
  const stored = options.keyFile ? readDemoKey(options.keyFile) : null;
  if (stored) {
    const caller = await tenants.authenticate(stored).catch(() => null);
    if (caller?.tenantId === tenant.id && caller.keyName === DEMO_KEY_NAME) return { tenantId: tenant.id, key: stored, seeded };
  }
  await tenants.revokeKeysNamed(tenant.id, DEMO_KEY_NAME);
  const { key } = await tenants.createApiKey(tenant.id, DEMO_KEY_NAME, ['admin']);
  if (options.keyFile) writeDemoKey(options.keyFile, key);
  return { tenantId: tenant.id, key, seeded };
}
