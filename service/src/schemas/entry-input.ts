import { Type, type Static } from '@sinclair/typebox';
import { CREDIT_APPROVALS } from '../domain/entry.js';
import { Amount, Currency, DateString, Nullable, Text } from './primitives.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** One schema for an entry as callers write it: API bodies, JSON-lines and CSV imports. */
const PartyInput = Type.Object(
  {
    id: Type.Optional(Nullable(Text(64))),
    number: Type.Optional(Nullable(Text(64))),
    name: Type.Optional(Nullable(Text(255))),
  },
  { additionalProperties: false },
);

export const EntryCreate = Type.Object(
  {
    number: Text(80, 'Statement number (invoice, credit note …), unique per tenant'),
    type: Type.Union([Type.Literal('Debit'), Type.Literal('Credit')], { description: 'Debit = receivable, Credit = payable' }),
    currency: Currency,
    amount: Type.String({ ...Amount, description: 'Positive amount; the type gives the direction' }),
    account: PartyInput,
    contact: Type.Optional(Nullable(PartyInput)),
    title: Type.Optional(Nullable(Text(255))),
    paymentReference: Type.Optional(Nullable(Text(140))),
    statementDate: Type.Optional(Nullable(DateString)),
    dueDate: Type.Optional(Nullable(DateString)),
    creditApproval: Type.Optional(Nullable(literals(CREDIT_APPROVALS))),
    excludeFromPaymentRun: Type.Optional(Type.Boolean()),
    businessEntity: Type.Optional(
      Nullable(Text(64, 'Business entity (id or code) the entry belongs to; may be left out while the tenant has only one')),
    ),
  },
  { additionalProperties: false, $id: 'EntryCreate' },
);
export type EntryCreate = Static<typeof EntryCreate>;
