/**
 * Business entities and payment instruments as the runs need them: creditor identifier and bank
 * details checked before they are stored, mandates through the domain rules with a reference
 * from the entity's pattern when none is given.
 */
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { conflict, invalid } from '../domain/errors.js';
import type { LedgerContext } from '../domain/ledger-port.js';
import {
  amendMandate,
  createMandate,
  deactivateMandate,
  nextMandateReference,
  type MandateChanges,
  type MandateScheme,
  type MandateType,
} from '../domain/mandates/index.js';
import { isValidCreditorId } from '../formats/sepa/index.js';
import type { RunAddress } from '../formats/sepa/run-json-schema.js';
import type { Instrument, NewBusinessEntity, RunStore } from '../store/runs/run-store.js';

/** The account the entries carry: its id, its number, or both (an entry is matched on either). */
export interface AccountKey {
  accountId?: string | null;
  accountNumber?: string | null;
}

export interface MandateInput extends AccountKey {
  businessEntity: string;
  reference?: string;
  scheme: MandateScheme;
  type?: MandateType;
  signatureDate: string;
  accountHolder: string;
  iban: string;
  bic?: string;
  validUntil?: string;
  address?: RunAddress;
}

export interface PayeeAccountInput extends AccountKey {
  accountHolder: string;
  iban: string;
  bic?: string;
  address?: RunAddress;
}

function accountOf(input: AccountKey): { accountId: string | null; accountNumber: string | null } {
  const accountId = input.accountId?.trim() || null;
  const accountNumber = input.accountNumber?.trim() || null;
  if (!accountId && !accountNumber) {
    throw invalid('ACCOUNT_REQUIRED', 'a payment instrument needs the account id or the account number (or both) that the entries carry');
  }
  return { accountId, accountNumber };
}

function checkedIban(iban: string): string {
  const electronic = electronicFormatIBAN(iban) ?? '';
  if (!isValidIBAN(electronic)) throw invalid('IBAN_INVALID', `IBAN "${iban}" is not valid`);
  return electronic;
}

function checkedBic(bic: string | null | undefined): string | null {
  if (!bic) return null;
  const normal = bic.replace(/\s+/g, '').toUpperCase();
  if (!isValidBIC(normal)) throw invalid('BIC_INVALID', `BIC "${bic}" is not valid`);
  return normal;
}

export async function createBusinessEntity(store: RunStore, ctx: LedgerContext, input: NewBusinessEntity) {
  const creditorId = input.creditorId?.replace(/\s+/g, '').toUpperCase() || null;
  if (creditorId && !isValidCreditorId(creditorId)) {
    throw invalid('CREDITOR_ID_INVALID', `"${input.creditorId}" is not a valid SEPA creditor identifier`);
  }
  return store.createBusinessEntity(ctx.tenantId, {
    ...input,
    creditorId,
    account: { ...input.account, iban: checkedIban(input.account.iban), bic: checkedBic(input.account.bic) },
  });
}

export async function createMandateInstrument(store: RunStore, ctx: LedgerContext, input: MandateInput, today: string): Promise<Instrument> {
  const account = accountOf(input);
  const entity = await store.getBusinessEntity(ctx.tenantId, input.businessEntity);
  let reference = input.reference;
  if (!reference) {
    const sequence = await store.nextMandateSequence(ctx.tenantId, entity.id);
    const taken = new Set<string>();
    // the pattern's running number is counted up; a reference someone typed in by hand is skipped
    for (;;) {
      const candidate = nextMandateReference(entity.mandatePattern, { sequence, date: input.signatureDate, values: { CODE: entity.code } }, (r) => taken.has(r));
      if (!(await store.referenceTaken(ctx.tenantId, candidate.reference))) {
        reference = candidate.reference;
        break;
      }
      taken.add(candidate.reference);
    }
  }
  const mandate = createMandate(
    {
      reference,
      scheme: input.scheme,
      ...(input.type ? { type: input.type } : {}),
      signatureDate: input.signatureDate,
      accountHolder: input.accountHolder,
      iban: input.iban,
      ...(input.bic ? { bic: input.bic } : {}),
      ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    },
    today,
  );
  return store.createInstrument(ctx.tenantId, { kind: 'mandate', ...account, businessEntityId: entity.id, address: input.address ?? null, mandate });
}

export async function createPayeeAccount(store: RunStore, ctx: LedgerContext, input: PayeeAccountInput): Promise<Instrument> {
  const account = accountOf(input);
  if (input.accountHolder.trim() === '') throw invalid('ACCOUNT_HOLDER_REQUIRED', 'the account holder is required');
  return store.createInstrument(ctx.tenantId, {
    kind: 'bank-account',
    ...account,
    businessEntityId: null,
    address: input.address ?? null,
    bankAccount: { holder: input.accountHolder.trim(), iban: checkedIban(input.iban), bic: checkedBic(input.bic) },
  });
}

/**
 * A changed IBAN, reference or account holder of a mandate: the bank learns of it with the next
 * collection (amendment indicator with the original values), so the change is kept until then.
 */
export async function amendMandateInstrument(store: RunStore, ctx: LedgerContext, id: string, changes: MandateChanges): Promise<Instrument> {
  const instrument = await store.getInstrument(ctx.tenantId, id);
  if (!instrument.mandate) throw conflict('INSTRUMENT_NOT_MANDATE', `payment instrument ${id} is a bank account, not a mandate`);
  if (!instrument.active) throw conflict('MANDATE_INACTIVE', `mandate ${instrument.mandate.reference} is inactive (${instrument.deactivationReason})`);
  if (changes.reference !== undefined && changes.reference !== instrument.mandate.reference && (await store.referenceTaken(ctx.tenantId, changes.reference))) {
    throw conflict('MANDATE_REFERENCE_EXISTS', `mandate reference ${changes.reference} is taken`);
  }
  await store.updateMandate(ctx.tenantId, id, amendMandate(instrument.mandate, changes));
  return store.getInstrument(ctx.tenantId, id);
}

/** Ends a mandate (revoked, account closed) or a payee account; runs no longer use it. */
export async function deactivateInstrument(store: RunStore, ctx: LedgerContext, id: string, reason: string): Promise<Instrument> {
  if (reason.trim() === '') throw invalid('REASON_REQUIRED', 'deactivating needs a reason');
  const instrument = await store.getInstrument(ctx.tenantId, id);
  if (instrument.mandate) await store.updateMandate(ctx.tenantId, id, deactivateMandate(instrument.mandate, reason.trim()));
  else await store.deactivateInstrument(ctx.tenantId, id, reason.trim());
  return store.getInstrument(ctx.tenantId, id);
}
