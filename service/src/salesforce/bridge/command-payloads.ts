/**
 * The payload of each command the package sends on `CashCommand__e`, version 1, as
 * docs/salesforce-admin.md documents them: one TypeBox schema each, for validation and types.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** A Salesforce record id, 15 or 18 characters. */
const RecordId = Type.String({ pattern: '^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$' });
const Ids = Type.Array(RecordId, { minItems: 1, maxItems: 2000 });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const strict = { additionalProperties: false } as const;

const RunPayload = Type.Object(
  {
    bankAccountId: Type.Union([RecordId, Type.Null()]),
    executionDate: Type.Union([IsoDate, Type.Null()]),
    preview: Type.Boolean(),
    batchBooking: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
  },
  strict,
);

export const COMMAND_PAYLOADS = {
  'retrieve-statements': Type.Object(
    { bankAccountIds: Ids, fromDate: Type.Optional(Type.Union([IsoDate, Type.Null()])), toDate: Type.Optional(Type.Union([IsoDate, Type.Null()])) },
    strict,
  ),
  'import-file': Type.Object({ bankAccountId: RecordId, contentVersionId: RecordId }, strict),
  'direct-debit-run': RunPayload,
  'credit-transfer-run': RunPayload,
  'provider-payment-run': RunPayload,
  'settle-automatically': Type.Object({ statementItemIds: Ids }, strict),
  'create-payment-link': Type.Object({ entryIds: Ids, redirectUrl: Type.String({ pattern: '^https://', maxLength: 2000 }) }, strict),
  refund: Type.Object({ refundIds: Ids }, strict),
  'initialise-ebics': Type.Object({ credentialId: RecordId }, strict),
} satisfies Record<string, TSchema>;

export type CommandName = keyof typeof COMMAND_PAYLOADS;
export type CommandPayload<N extends CommandName> = Static<(typeof COMMAND_PAYLOADS)[N]>;

export const COMMAND_NAMES = Object.keys(COMMAND_PAYLOADS) as CommandName[];
