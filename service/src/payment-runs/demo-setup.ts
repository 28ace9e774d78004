/**
 * What the demo tenant needs for SEPA runs: a business entity with creditor identifier and bank
 * account, mandates for some customers (the others show up as excluded, with the reason) and the
 * bank account of the approved supplier.
 */
import type { LedgerContext } from '../domain/ledger-port.js';
import type { PaymentRuns } from './payment-runs.js';
import { createBusinessEntity, createMandateInstrument, createPayeeAccount } from './instruments.js';

export const DEMO_ENTITY = 'DEMO';

const MANDATES = [
  ['C-10001', 'Bäckerei Sonnenschein GmbH', 'DE89370400440532013000', 'CORE', '2024-05-02'],
  ['C-10002', 'Muster Logistik AG', 'DE02120300000000202051', 'B2B', '2025-01-15'],
  ['C-10003', 'Van der Berg Installaties B.V.', 'NL91ABNA0417164300', 'CORE', '2025-09-30'],
  ['C-10004', 'Atelier Lumière SARL', 'FR1420041010050500013M02606', 'CORE', '2026-02-10'],
] as const;

export async function seedPaymentRunDemo(runs: PaymentRuns, tenantId: string): Promise<void> {
  const ctx: LedgerContext = { tenantId, actor: 'demo', businessProcess: 'Demo Seed' };
  const entity = await createBusinessEntity(runs.store, ctx, {
    code: DEMO_ENTITY,
    creditorName: 'Demo GmbH',
    creditorId: 'DE98ZZZ09999999999',
    address: { street: 'Hauptstraße', buildingNumber: '1', postalCode: '10115', town: 'Berlin', country: 'DE' },
    account: { iban: 'DE44500105175407324931', bic: 'INGDDEFFXXX', name: 'Demo GmbH', currency: 'EUR' },
    settings: { batchBooking: 'on-ask', initialPaymentStatus: 'Pending' },
  });
  for (const [accountId, holder, iban, scheme, signed] of MANDATES) {
    await createMandateInstrument(
      runs.store,
      ctx,
      { businessEntity: entity.id, accountId, scheme, signatureDate: signed, accountHolder: holder, iban },
      '2026-11-01',
    );
  }
  await createPayeeAccount(runs.store, ctx, {
    accountId: 'S-20001',
    accountHolder: 'Stadtwerke Beispielstadt',
    iban: 'DE12500105170648489890',
    address: { town: 'Beispielstadt', country: 'DE' },
  });
}
