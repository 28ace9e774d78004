import { Type, type Static } from '@sinclair/typebox';
import { PAYMENT_STATUSES, PAYMENT_TYPES } from '../../domain/payment.js';
import { Amount, Currency, DateString, Id, Nullable, PageQuery, Text } from './common.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const PaymentCreate = Type.Object(
  {
    type: literals(PAYMENT_TYPES),
    status: Type.Optional(literals(PAYMENT_STATUSES)),
    currency: Currency,
    amount: Type.String({ ...Amount, description: 'Positive amount; the type gives the direction (in or out)' }),
    party: Type.Optional(
      Type.Object(
        { name: Type.Optional(Nullable(Text(140))), iban: Type.Optional(Nullable(Text(34))), bic: Type.Optional(Nullable(Text(11))) },
        { additionalProperties: false },
      ),
    ),
    accountId: Type.Optional(Nullable(Text(64))),
    externalId: Type.Optional(Nullable(Text(255))),
    endToEndId: Type.Optional(Nullable(Text(35))),
    paymentDate: Type.Optional(Nullable(DateString)),
    statusDetails: Type.Optional(Nullable(Text(1000))),
  },
  { additionalProperties: false },
);
export type PaymentCreate = Static<typeof PaymentCreate>;

export const Payment = Type.Object(
  {
    id: Id,
    type: literals(PAYMENT_TYPES),
    direction: Type.Union([Type.Literal('in'), Type.Literal('out')]),
    status: literals(PAYMENT_STATUSES),
    currency: Currency,
    amount: Type.String(),
    assignedAmount: Type.String(),
    expectedAmount: Type.String(),
    blockedAmount: Type.String({ description: 'Reserved by open refunds' }),
    refundedAmount: Type.String(),
    availableAmount: Type.String({ description: 'What can still be settled or refunded' }),
    party: Type.Object({ name: Nullable(Type.String()), iban: Nullable(Type.String()), bic: Nullable(Type.String()) }),
    accountId: Nullable(Type.String()),
    externalId: Nullable(Type.String()),
    endToEndId: Nullable(Type.String()),
    paymentDate: Nullable(Type.String()),
    statusDetails: Nullable(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Payment' },
);

export const PaymentQuery = Type.Object(
  {
    status: Type.Optional(literals(PAYMENT_STATUSES)),
    type: Type.Optional(literals(PAYMENT_TYPES)),
    currency: Type.Optional(Currency),
    endToEndId: Type.Optional(Text(35)),
    externalId: Type.Optional(Text(255)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type PaymentQuery = Static<typeof PaymentQuery>;

export const PaymentStatusChange = Type.Object(
  { status: literals(PAYMENT_STATUSES), details: Type.Optional(Nullable(Text(1000))) },
  { additionalProperties: false },
);
export type PaymentStatusChange = Static<typeof PaymentStatusChange>;
