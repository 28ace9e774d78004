import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, PageQuery, Text } from './common.js';

const Warning = Type.Object({ code: Type.String(), message: Type.String() });
const Balance = Nullable(Type.Object({ amount: Type.String({ description: 'Signed: negative = debit balance' }), date: Nullable(Type.String()) }));

export const StatementUploadQuery = Type.Object(
  {
    fileName: Type.Optional(Text(255, 'Name of the uploaded file, used in messages')),
    format: Type.Optional(Type.String({ pattern: '^(auto|camt|mt940|csv:[a-z0-9-]+)$', description: 'auto (default), camt, mt940 or csv:PROFILE' })),
    encoding: Type.Optional(Text(40, 'Character encoding when detection gets it wrong, e.g. cp850')),
    account: Type.Optional(
      Text(42, 'IBAN of the account the file is for, required when the file names none (some CSV exports); spaces allowed'),
    ),
  },
  { additionalProperties: false },
);
export type StatementUploadQuery = Static<typeof StatementUploadQuery>;

export const StatementImportSummary = Type.Object(
  {
    fileId: Id,
    format: Type.String(),
    statements: Type.Array(
      Type.Object({ id: Id, account: Type.String(), newItems: Type.Integer(), duplicateItems: Type.Integer(), warnings: Type.Array(Warning) }),
    ),
    newItems: Type.Integer(),
    duplicateItems: Type.Integer(),
    feedback: Type.Object({
      collected: Type.Integer(),
      reversed: Type.Integer(),
      failed: Type.Integer(),
      refunded: Type.Integer(),
      refundsFailed: Type.Integer(),
      warnings: Type.Array(Type.Object({ itemId: Type.String(), code: Type.String(), message: Type.String() })),
    }),
    matching: Type.Ref('MatchingRunSummary'),
  },
  { $id: 'StatementImportSummary' },
);

export const BankStatement = Type.Object(
  {
    id: Id,
    bankAccountId: Id,
    account: Type.Object({ iban: Nullable(Type.String()), other: Nullable(Type.String()) }),
    format: Type.String(),
    kind: Nullable(Type.String()),
    statementId: Nullable(Type.String()),
    sequenceNumber: Nullable(Type.String()),
    electronicSequenceNumber: Nullable(Type.String()),
    fromDate: Nullable(Type.String()),
    toDate: Nullable(Type.String()),
    currency: Nullable(Type.String()),
    openingBalance: Balance,
    closingBalance: Balance,
    itemCount: Type.Integer(),
    warnings: Type.Array(Warning),
  },
  { $id: 'BankStatement' },
);

export const BankStatementItem = Type.Object(
  {
    id: Id,
    statementId: Id,
    bankAccountId: Id,
    key: Type.String({ description: 'Stable identity used to skip re-imported items' }),
    amount: Type.String({ description: 'Positive; creditDebit gives the direction' }),
    currency: Nullable(Type.String()),
    creditDebit: Type.Union([Type.Literal('CRDT'), Type.Literal('DBIT')]),
    reversal: Type.Boolean(),
    status: Type.Union([Type.Literal('BOOK'), Type.Literal('PDNG'), Type.Literal('INFO')]),
    bookingDate: Nullable(Type.String()),
    valueDate: Nullable(Type.String()),
    remittanceInformation: Nullable(Type.String()),
    endToEndId: Nullable(Type.String()),
    creditorReference: Nullable(Type.String()),
    counterparty: Type.Object({ name: Nullable(Type.String()), iban: Nullable(Type.String()) }),
    bankTransactionCode: Nullable(Type.String()),
    returnReason: Nullable(Type.String()),
    matchingResult: Type.String(),
    paymentId: Nullable(Type.String()),
    data: Type.Unknown({ description: 'The item in the normalised statement model, with batch details' }),
  },
  { $id: 'BankStatementItem' },
);

export const BankAccount = Type.Object(
  {
    id: Id,
    iban: Nullable(Type.String()),
    other: Nullable(Type.String()),
    bic: Nullable(Type.String()),
    currency: Nullable(Type.String()),
    ownerName: Nullable(Type.String()),
    balance: Nullable(Type.String()),
    balanceDate: Nullable(Type.String()),
    lastStatementDate: Nullable(Type.String()),
    initialPaymentStatus: Type.String(),
  },
  { $id: 'BankAccount' },
);

export const ItemQuery = Type.Object(
  { matchingResult: Type.Optional(Text(60)), ...PageQuery },
  { additionalProperties: false },
);
export type ItemQuery = Static<typeof ItemQuery>;
