import { Type, type Static } from '@sinclair/typebox';
import { Amount, Currency, Id, Nullable, Text } from './common.js';

export const SettlementCreate = Type.Object(
  {
    allocations: Type.Array(
      Type.Object(
        {
          entryId: Id,
          paymentId: Id,
          amount: Type.String({ ...Amount, description: 'Positive amount to settle between this entry and payment' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
    businessProcess: Type.Optional(Text(80, 'Recorded on the entry items; default "Manual Settlement"')),
  },
  { additionalProperties: false },
);
export type SettlementCreate = Static<typeof SettlementCreate>;

export const SettlementUndo = Type.Object(
  {
    entryItemIds: Type.Array(Id, { minItems: 1, maxItems: 1000 }),
    reason: Type.String({ minLength: 1, maxLength: 255 }),
  },
  { additionalProperties: false },
);
export type SettlementUndo = Static<typeof SettlementUndo>;

export const EntryItem = Type.Object(
  {
    id: Id,
    entryId: Id,
    paymentId: Id,
    currency: Currency,
    amount: Type.String({ description: 'Assigned: negative for money received, positive for money paid out' }),
    expectedAmount: Type.String(),
    businessProcess: Type.String(),
    createdBy: Type.String(),
    createdAt: Type.String(),
    reversalOf: Nullable(Type.String({ description: 'The item this row reverses (undo)' })),
    reversedBy: Nullable(Type.String({ description: 'The reversal row, when this item was undone' })),
    reason: Nullable(Type.String()),
    matching: Nullable(Type.Object({ configuration: Type.String(), score: Type.Number() })),
  },
  { $id: 'EntryItem' },
);

export const EntryItems = Type.Object({ items: Type.Array(Type.Ref('EntryItem')) }, { $id: 'EntryItems' });
