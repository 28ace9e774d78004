/**
 * Which camt message a document holds. The namespace URI names message and version
 * (urn:iso:std:iso:20022:tech:xsd:camt.053.001.08), but real files also come without a namespace,
 * with misspelt ones ("iso:20023") or bank-suffixed ones, so the message element decides the kind
 * and the namespace only contributes the version when it agrees.
 */
export type CamtKind = 'statement' | 'report' | 'notification';

export const MESSAGE_ELEMENTS: Readonly<Record<string, { kind: CamtKind; message: string; block: string }>> = {
  BkToCstmrStmt: { kind: 'statement', message: '053', block: 'Stmt' },
  BkToCstmrAcctRpt: { kind: 'report', message: '052', block: 'Rpt' },
  BkToCstmrDbtCdtNtfctn: { kind: 'notification', message: '054', block: 'Ntfctn' },
};

const NAMESPACE = /camt\.(\d{3})\.(\d{3})\.(\d{2})/;

export interface NamespaceVersion {
  message: string;
  variant: string;
  version: string;
}

export function parseNamespace(uri: string | undefined): NamespaceVersion | undefined {
  const match = uri ? NAMESPACE.exec(uri) : null;
  if (!match) return undefined;
  return { message: match[1]!, variant: match[2]!, version: match[3]! };
}

/** "camt.053.001.08", or "camt.053" when the namespace does not give the version. */
export function formatName(message: string, namespace: NamespaceVersion | undefined): string {
  if (namespace && namespace.message === message) {
    return `camt.${message}.${namespace.variant}.${namespace.version}`;
  }
  return `camt.${message}`;
}
