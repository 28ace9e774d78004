import { Type, type Static } from '@sinclair/typebox';
import { AddressSchema } from '../../formats/sepa/run-json-schema.js';
import { Amount, DateString, Id, Nullable, Text } from './common.js';

const Kind = Type.Union([Type.Literal('direct-debit'), Type.Literal('credit-transfer')]);
const Scheme = Type.Union([Type.Literal('CORE'), Type.Literal('B2B')]);

export const SepaAddress = Type.Object(AddressSchema.properties, {
  $id: 'SepaAddress',
  additionalProperties: false,
  description: 'Structured or hybrid postal address (EPC rules from November 2026)',
});

export const BankAccountSettings = Type.Object(
  {
    directDebitFormat: Type.Optional(Type.Union([Type.Literal('pain.008.001.08'), Type.Literal('pain.008.001.02')])),
    creditTransferFormat: Type.Optional(Type.Union([Type.Literal('pain.001.001.09'), Type.Literal('pain.001.001.03')])),
    batchBooking: Type.Optional(
      Type.Union([Type.Literal('on'), Type.Literal('off'), Type.Literal('on-ask'), Type.Literal('off-ask')], {
        description: 'always, never, or asked per run with that default',
      }),
    ),
    initialPaymentStatus: Type.Optional(Type.Union([Type.Literal('Pending'), Type.Literal('Collected')])),
    charset: Type.Optional(Type.Union([Type.Literal('epc'), Type.Literal('de')])),
  },
  { additionalProperties: false, description: 'File settings of the bank account; those left out stay as they are' },
);
export type BankAccountSettings = Static<typeof BankAccountSettings>;

export const BusinessEntityCreate = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,19}$', description: 'Short code, e.g. DEMO; used by the CLI and in mandate references' }),
    creditorName: Text(70, 'Name written as creditor / debtor in the files'),
    creditorId: Type.Optional(Nullable(Text(35, 'SEPA creditor identifier, needed for direct debits'))),
    address: Type.Optional(Nullable(Type.Ref('SepaAddress'))),
    account: Type.Object(
      { iban: Text(34), bic: Type.Optional(Nullable(Text(11))), name: Type.Optional(Nullable(Text(70))) },
      { additionalProperties: false },
    ),
    settings: Type.Optional(BankAccountSettings),
    mandatePattern: Type.Optional(Text(60, 'Pattern of generated mandate references, e.g. {CODE}-{YYYY}-{SEQ:6}')),
  },
  { additionalProperties: false },
);
export type BusinessEntityCreate = Static<typeof BusinessEntityCreate>;

export const BusinessEntity = Type.Object(
  {
    id: Id,
    code: Type.String(),
    creditorName: Type.String(),
    creditorId: Nullable(Type.String()),
    address: Nullable(Type.Ref('SepaAddress')),
    mandatePattern: Type.String(),
    bankAccount: Type.Object({
      id: Id,
      iban: Type.String(),
      bic: Nullable(Type.String()),
      name: Nullable(Type.String()),
      directDebitFormat: Type.String(),
      creditTransferFormat: Type.String(),
      batchBooking: Type.String(),
      initialPaymentStatus: Type.String(),
      charset: Type.String(),
    }),
  },
  { $id: 'BusinessEntity' },
);

export const InstrumentCreate = Type.Object(
  {
    kind: Type.Union([Type.Literal('mandate'), Type.Literal('bank-account')], {
      description: 'mandate: a debtor\'s SEPA mandate; bank-account: where a payee is paid',
    }),
    accountId: Type.Optional(Text(64, 'The customer or supplier account id the entries carry (account.id)')),
    accountNumber: Type.Optional(Text(64, 'Or the account number the entries carry (account.number); at least one of the two')),
    accountHolder: Text(70),
    iban: Text(34),
    bic: Type.Optional(Text(11)),
    address: Type.Optional(Type.Ref('SepaAddress')),
    businessEntity: Type.Optional(Text(64, 'Mandates: the creditor entity (id or code) whose reference pattern applies')),
    reference: Type.Optional(Text(35, 'Mandates: the reference; generated from the entity\'s pattern when absent')),
    scheme: Type.Optional(Scheme),
    type: Type.Optional(Type.Union([Type.Literal('RECURRENT'), Type.Literal('ONE_OFF')])),
    signatureDate: Type.Optional(DateString),
    validUntil: Type.Optional(DateString),
  },
  { additionalProperties: false },
);
export type InstrumentCreate = Static<typeof InstrumentCreate>;

export const PaymentInstrument = Type.Object(
  {
    id: Id,
    kind: Type.String(),
    accountId: Nullable(Type.String()),
    accountNumber: Nullable(Type.String()),
    businessEntityId: Nullable(Type.String({ description: 'Mandates: the creditor entity whose runs may collect under it' })),
    accountHolder: Type.String(),
    iban: Type.String(),
    bic: Nullable(Type.String()),
    address: Nullable(Type.Ref('SepaAddress')),
    active: Type.Boolean(),
    deactivationReason: Nullable(Type.String()),
    mandate: Nullable(
      Type.Object({
        reference: Type.String(),
        scheme: Type.String(),
        type: Type.String(),
        signatureDate: Type.String(),
        validUntil: Nullable(Type.String()),
        lastCollectionDate: Nullable(Type.String()),
        nextSequenceType: Type.String(),
        amendment: Nullable(
          Type.Object({
            originalReference: Type.Optional(Type.String()),
            originalIban: Type.Optional(Type.String()),
            originalCreditorId: Type.Optional(Type.String()),
          }, { description: 'Reported to the bank with the next collection' }),
        ),
      }),
    ),
  },
  { $id: 'PaymentInstrument' },
);

export const MandateAmend = Type.Object(
  {
    reference: Type.Optional(Text(35)),
    iban: Type.Optional(Text(34)),
    bic: Type.Optional(Text(11)),
    accountHolder: Type.Optional(Text(70)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type MandateAmend = Static<typeof MandateAmend>;

export const Deactivation = Type.Object({ reason: Text(255) }, { additionalProperties: false });

export const InstrumentQuery = Type.Object(
  { accountId: Type.Optional(Text(64)), accountNumber: Type.Optional(Text(64)), limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$' })), cursor: Type.Optional(Type.String({ maxLength: 64 })) },
  { additionalProperties: false },
);

export const RunRequest = Type.Object(
  {
    kind: Kind,
    businessEntity: Text(64, 'Business entity id or code'),
    until: DateString,
    batchBooking: Type.Optional(Type.Boolean({ description: 'Only where the bank account asks per run' })),
  },
  { additionalProperties: false },
);
export type RunRequest = Static<typeof RunRequest>;

const Exclusion = Type.Object({
  recordKind: Type.String(),
  recordId: Id,
  label: Type.String({ description: 'Entry number or refund id' }),
  code: Type.String(),
  message: Type.String(),
});

export const RunSummary = Type.Object(
  {
    kind: Kind,
    businessEntityId: Id,
    businessEntity: Type.String(),
    format: Type.String(),
    batchBooking: Type.Boolean(),
    requestedDate: Nullable(Type.String({ format: 'date', description: 'The earliest requested collection / execution date' })),
    requestedDates: Type.Array(DateString, { description: 'Every requested collection / execution date of the run' }),
    paymentInformation: Type.Array(
      Type.Object({
        requestedDate: DateString,
        scheme: Nullable(Type.String()),
        sequenceType: Nullable(Type.String()),
        count: Type.Integer(),
        total: Amount,
      }),
      { description: 'One per payment-information block of the file: date, and for direct debits scheme and sequence type' },
    ),
    count: Type.Integer(),
    total: Amount,
    currency: Type.String(),
    included: Type.Array(
      Type.Object({
        recordKind: Type.String(),
        recordId: Id,
        label: Type.String(),
        endToEndId: Type.String(),
        amount: Amount,
        requestedDate: DateString,
        mandateReference: Nullable(Type.String()),
        sequenceType: Nullable(Type.String()),
      }),
    ),
    excluded: Type.Array(Exclusion),
  },
  { $id: 'RunSummary', description: 'What a run would collect or pay, and what is excluded and why' },
);

export const PaymentOrder = Type.Object(
  {
    id: Id,
    businessEntityId: Id,
    kind: Kind,
    format: Type.String(),
    messageId: Type.String(),
    status: Type.Union(['Prepared', 'Submitted', 'Accepted', 'Partially accepted', 'Rejected'].map((s) => Type.Literal(s))),
    requestedDate: DateString,
    batchBooking: Type.Boolean(),
    transactionCount: Type.Integer(),
    total: Amount,
    currency: Type.String(),
    excluded: Type.Array(Exclusion),
    warnings: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
    statusReasons: Type.Array(Type.Object({ code: Type.Optional(Type.String()), text: Type.String() })),
    createdBy: Type.String(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    transactions: Type.Optional(
      Type.Array(
        Type.Object({
          position: Type.Integer(),
          endToEndId: Type.String(),
          paymentInformationId: Nullable(Type.String()),
          recordKind: Type.String(),
          recordId: Id,
          paymentId: Nullable(Id),
          instrumentId: Nullable(Id),
          sequenceType: Nullable(Type.String()),
          amount: Amount,
          status: Type.String(),
          statusCode: Nullable(Type.String()),
          reason: Nullable(Type.String()),
        }),
      ),
    ),
  },
  { $id: 'PaymentOrder', description: 'One pain.008 / pain.001 file with its bank status' },
);

export const StatusApplication = Type.Object(
  {
    orderId: Id,
    messageId: Type.String(),
    reportMessageId: Type.String(),
    orderStatus: Type.String(),
    accepted: Type.Integer(),
    rejected: Type.Integer(),
    pending: Type.Integer(),
    unknown: Type.Integer(),
    payments: Type.Array(
      Type.Object({
        endToEndId: Type.String(),
        outcome: Type.String(),
        paymentId: Nullable(Id),
        status: Nullable(Type.String()),
        reason: Nullable(Type.String()),
      }),
    ),
    unmatchedEndToEndIds: Type.Array(Type.String()),
  },
  { $id: 'StatusApplication' },
);
