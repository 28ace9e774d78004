import { Type, type Static } from '@sinclair/typebox';
import { REFUND_STATUSES } from '../../domain/refund.js';
import { Amount, Currency, Id, Nullable, Text } from './common.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Method = Type.Union([Type.Literal('SEPA Credit Transfer'), Type.Literal('Online Payment')]);

export const RefundCreate = Type.Object(
  {
    paymentId: Id,
    amount: Type.String({ ...Amount, description: 'Positive amount to send back' }),
    reason: Type.Optional(Nullable(Text(255))),
    method: Type.Optional(Method),
  },
  { additionalProperties: false },
);
export type RefundCreate = Static<typeof RefundCreate>;

export const RefundCancel = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 255 }) }, { additionalProperties: false });
export type RefundCancel = Static<typeof RefundCancel>;

export const RefundStatusChange = Type.Object(
  { status: Type.Union([Type.Literal('Pending'), Type.Literal('Refunded'), Type.Literal('Failed')]), note: Type.Optional(Nullable(Text(1000))) },
  { additionalProperties: false },
);
export type RefundStatusChange = Static<typeof RefundStatusChange>;

export const RefundQuery = Type.Object(
  { paymentId: Type.Optional(Id), status: Type.Optional(literals(REFUND_STATUSES)) },
  { additionalProperties: false },
);
export type RefundQuery = Static<typeof RefundQuery>;

export const Refund = Type.Object(
  {
    id: Id,
    paymentId: Id,
    currency: Currency,
    amount: Type.String(),
    status: literals(REFUND_STATUSES),
    method: Method,
    reason: Nullable(Type.String()),
    cancellationReason: Nullable(Type.String()),
    errorMessage: Nullable(Type.String()),
    createdBy: Type.String(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Refund' },
);
