import { Type, type Static } from '@sinclair/typebox';
import { CREDIT_APPROVALS, CREDIT_BALANCE_STRATEGIES, ENTRY_STATUSES } from '../../domain/entry.js';
import { Amount, Currency, DateString, Id, Nullable, PageQuery, SignedAmount, Text } from './common.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export { EntryCreate } from '../../schemas/entry-input.js';

const Party = Type.Object({ id: Nullable(Type.String()), number: Nullable(Type.String()), name: Nullable(Type.String()) });

export const Entry = Type.Object(
  {
    id: Id,
    number: Type.String(),
    type: Type.Union([Type.Literal('Debit'), Type.Literal('Credit')]),
    status: literals(ENTRY_STATUSES),
    currency: Currency,
    initialAmount: SignedAmount,
    openAmount: Type.String({ description: 'Positive for a receivable, negative for a payable' }),
    assignedAmount: Type.String({ description: 'Sum of entry items: negative for money received, positive for money paid out' }),
    expectedAmount: Type.String({ description: 'What pending payments will settle, same sign as assignedAmount' }),
    outstandingAmount: Type.String({ description: 'open + assigned; 0 when Balanced or Canceled' }),
    payableAmount: Type.String({ description: 'outstanding + expected; 0 when Canceled' }),
    businessEntityId: Nullable(Type.String({ description: 'The business entity whose runs collect or pay this entry' })),
    account: Party,
    contact: Nullable(Party),
    title: Nullable(Type.String()),
    paymentReference: Nullable(Type.String()),
    statementDate: Nullable(Type.String()),
    dueDate: Nullable(Type.String()),
    creditApproval: Nullable(Type.String()),
    excludeFromPaymentRun: Type.Boolean(),
    excludedAutomatically: Type.Boolean({
      description: 'The exclusion was set by a run (errorMessages say why) and is checked again by the next run; one set by a person stays',
    }),
    errorMessages: Type.Array(Type.String()),
    paymentDate: Nullable(Type.String()),
    cancellation: Nullable(
      Type.Object({ reason: Type.String(), number: Nullable(Type.String()), strategy: Type.String(), at: Type.String() }),
    ),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Entry' },
);

export const EntryQuery = Type.Object(
  {
    status: Type.Optional(literals(ENTRY_STATUSES)),
    type: Type.Optional(Type.Union([Type.Literal('Debit'), Type.Literal('Credit')])),
    accountId: Type.Optional(Text(64)),
    currency: Type.Optional(Currency),
    dueBefore: Type.Optional(DateString),
    number: Type.Optional(Text(80)),
    businessEntityId: Type.Optional(Id),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type EntryQuery = Static<typeof EntryQuery>;

export const EntryCancel = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 255 }),
    number: Type.Optional(Nullable(Text(80, 'Cancellation number, e.g. of the credit note'))),
    strategy: Type.Optional(literals(CREDIT_BALANCE_STRATEGIES)),
  },
  { additionalProperties: false },
);
export type EntryCancel = Static<typeof EntryCancel>;

export const EntryControlsBody = Type.Object(
  {
    creditApproval: Type.Optional(literals(CREDIT_APPROVALS)),
    excludeFromPaymentRun: Type.Optional(Type.Boolean()),
    errorMessages: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 20 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type EntryControlsBody = Static<typeof EntryControlsBody>;
