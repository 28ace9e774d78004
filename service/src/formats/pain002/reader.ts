/**
 * Reads a pain.002 status report into the normalised StatusReport. Pure: takes the file's bytes
 * or text. Elements are found by local name, so the ISO, Swiss and namespace-less German variants
 * read alike; what the report does not say stays undefined rather than guessed.
 */
import { invalid } from '../../domain/errors.js';
import {
  VERIFICATION_OF_PAYEE_CODES,
  type BatchStatus,
  type StatusCount,
  type StatusReason,
  type StatusReport,
  type TransactionStatus,
  type VerificationOfPayeeCode,
} from './model.js';
import { child, children, parseXmlTree, textAt, type XmlElement } from './xml-tree.js';

/** ISO and German DK namespaces (pain.002.003.03), also with the "_GBIC_n" suffix German banks use. */
const ISO_NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:(pain\.002\.\d{3}\.\d{2})(?:_GBIC_\d+)?$/;
const SIX_NAMESPACE = /^http:\/\/www\.six-interbank-clearing\.com\/de\/(pain\.002\.\d{3}\.\d{2}\.ch\.\d{2})\.xsd$/;

function decode(input: string | Uint8Array): string {
  if (typeof input === 'string') return input;
  const head = Buffer.from(input.subarray(0, 200)).toString('latin1');
  const declared = /encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(declared.toLowerCase()).decode(input);
  } catch {
    throw invalid('STATUS_REPORT_ENCODING', `encoding "${declared}" is not supported`);
  }
}

function versionOf(namespace: string): string | undefined {
  if (namespace === '') return undefined;
  const version = ISO_NAMESPACE.exec(namespace)?.[1] ?? SIX_NAMESPACE.exec(namespace)?.[1];
  if (!version) {
    throw invalid('STATUS_REPORT_UNSUPPORTED', `namespace "${namespace}" is not a pain.002 status report`, { namespace });
  }
  return version;
}

const asVerificationCode = (value: string | undefined): VerificationOfPayeeCode | undefined =>
  VERIFICATION_OF_PAYEE_CODES.find((code) => code === value);

function readReasons(parent: XmlElement): StatusReason[] {
  return children(parent, 'StsRsnInf').map((info) => {
    const code = textAt(info, 'Rsn', 'Cd');
    const proprietary = textAt(info, 'Rsn', 'Prtry');
    const additionalInformation = children(info, 'AddtlInf').map((e) => e.text);
    // German VoP reports name the result at the start of each text line ("RVNM Der Name …").
    const verificationOfPayee =
      asVerificationCode(code) ?? asVerificationCode(proprietary) ?? asVerificationCode(additionalInformation[0]?.slice(0, 4));
    return {
      ...(code ? { code } : {}),
      ...(proprietary ? { proprietary } : {}),
      additionalInformation,
      ...(verificationOfPayee ? { verificationOfPayee } : {}),
    };
  });
}

function readCounts(parent: XmlElement): StatusCount[] {
  return children(parent, 'NbOfTxsPerSts').flatMap((e) => {
    const status = textAt(e, 'DtldSts');
    const count = Number(textAt(e, 'DtldNbOfTxs'));
    return status && Number.isInteger(count) ? [{ status, count }] : [];
  });
}

const optionalInt = (value: string | undefined): number | undefined =>
  value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;

/** The party name: `Nm` directly (2009) or under `Pty` (2019). */
const partyName = (party: XmlElement | undefined): string | undefined => textAt(party, 'Nm') ?? textAt(party, 'Pty', 'Nm');

function readTransaction(element: XmlElement): TransactionStatus {
  const reference = child(element, 'OrgnlTxRef');
  const amountElement = child(child(reference, 'Amt'), 'InstdAmt');
  const status = textAt(element, 'TxSts');
  const reasons = readReasons(element);
  const verificationOfPayee = asVerificationCode(status) ?? reasons.find((r) => r.verificationOfPayee)?.verificationOfPayee;
  const fields: Record<string, unknown> = {
    statusId: textAt(element, 'StsId'),
    originalInstructionId: textAt(element, 'OrgnlInstrId'),
    originalEndToEndId: textAt(element, 'OrgnlEndToEndId'),
    originalUetr: textAt(element, 'OrgnlUETR'),
    status,
    amount:
      amountElement && amountElement.text !== ''
        ? { value: amountElement.text, currency: amountElement.attributes.Ccy ?? '' }
        : undefined,
    requestedCollectionDate: textAt(reference, 'ReqdColltnDt'),
    requestedExecutionDate: textAt(reference, 'ReqdExctnDt', 'Dt') ?? textAt(reference, 'ReqdExctnDt'),
    creditorName: partyName(child(reference, 'Cdtr')),
    creditorIban: textAt(reference, 'CdtrAcct', 'Id', 'IBAN'),
    debtorName: partyName(child(reference, 'Dbtr')),
    debtorIban: textAt(reference, 'DbtrAcct', 'Id', 'IBAN'),
    verificationOfPayee,
  };
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return { ...defined, reasons } as TransactionStatus;
}

function readBatch(element: XmlElement): BatchStatus {
  const status = textAt(element, 'PmtInfSts');
  const numberOfTransactions = optionalInt(textAt(element, 'OrgnlNbOfTxs'));
  const controlSum = textAt(element, 'OrgnlCtrlSum');
  return {
    paymentInformationId: textAt(element, 'OrgnlPmtInfId') ?? '',
    ...(status ? { status } : {}),
    reasons: readReasons(element),
    ...(numberOfTransactions === undefined ? {} : { numberOfTransactions }),
    ...(controlSum ? { controlSum } : {}),
    statusCounts: readCounts(element),
    transactions: children(element, 'TxInfAndSts').map(readTransaction),
  };
}

export function readStatusReport(input: string | Uint8Array): StatusReport {
  const root = parseXmlTree(decode(input));
  const report = child(root, 'CstmrPmtStsRpt');
  if (root.name !== 'Document' || !report) {
    throw invalid('STATUS_REPORT_UNSUPPORTED', 'the file is not a pain.002 customer payment status report');
  }
  const version = versionOf(root.namespace);
  const header = child(report, 'GrpHdr');
  const group = child(report, 'OrgnlGrpInfAndSts');
  const originalMessageId = textAt(group, 'OrgnlMsgId');
  if (!header || !group || !originalMessageId) {
    throw invalid('STATUS_REPORT_INCOMPLETE', 'the status report has no group header or no original message id');
  }
  const batches = children(report, 'OrgnlPmtInfAndSts').map(readBatch);
  const groupStatus = textAt(group, 'GrpSts');
  const groupReasons = readReasons(group);
  const statusCounts = readCounts(group);
  const creationDateTime = textAt(header, 'CreDtTm');
  const original = {
    messageId: originalMessageId,
    messageNameId: textAt(group, 'OrgnlMsgNmId'),
    creationDateTime: textAt(group, 'OrgnlCreDtTm'),
    numberOfTransactions: optionalInt(textAt(group, 'OrgnlNbOfTxs')),
    controlSum: textAt(group, 'OrgnlCtrlSum'),
  };
  const statuses = [
    groupStatus,
    ...statusCounts.map((c) => c.status),
    ...batches.flatMap((b) => [b.status, ...b.transactions.map((t) => t.verificationOfPayee)]),
  ];
  return {
    ...(version ? { version } : {}),
    ...(root.namespace ? { namespace: root.namespace } : {}),
    messageId: textAt(header, 'MsgId') ?? '',
    ...(creationDateTime ? { creationDateTime } : {}),
    original: Object.fromEntries(Object.entries(original).filter(([, v]) => v !== undefined)) as StatusReport['original'],
    ...(groupStatus ? { groupStatus } : {}),
    groupReasons,
    statusCounts,
    batches,
    verificationOfPayee: statuses.some((s) => asVerificationCode(s) !== undefined),
  };
}
