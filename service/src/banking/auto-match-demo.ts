/**
 * The demo tenant's first bank statement (camt.053), made to show matching at work on the seeded
 * ledger: bookings that name their invoices are settled at once, the doubtful ones wait as
 * suggestions with their reasons.
 */
import type { LedgerContext } from '../domain/ledger-port.js';
import type { JobQueue } from '../jobs/queue.js';
import type { AutoMatchDeps } from './auto-match.js';
import { importStatement, type StatementImportSummary } from './import-statement.js';

export const DEMO_ACCOUNT_IBAN = 'DE44500105175407324931';
export const DEMO_STATEMENT_FILE = 'demo-camt053-2026-11-27.xml';

export interface Booking {
  ref: string;
  /** BOOK when absent. */
  status?: 'BOOK' | 'PDNG';
  amount: string;
  creditDebit: 'CRDT' | 'DBIT';
  party: { name: string; iban: string | null };
  text: string;
}

/** What the demo statement holds, and what matching should make of each booking. */
export const DEMO_BOOKINGS: readonly (Booking & { expect: 'settled' | 'suggested' })[] = [
  // one transfer for the rest of one invoice and the whole of another, both named
  { ref: 'DEMO-0001', amount: '2570.00', creditDebit: 'CRDT', party: { name: 'Muster Logistik AG', iban: 'DE02120300000000202051' }, text: 'RE-2026-0002 Rest 1380,00 RE-2026-0008 1190,00', expect: 'settled' },
  // the bank squeezed the separators out of the invoice number
  { ref: 'DEMO-0002', amount: '1666.00', creditDebit: 'CRDT', party: { name: 'Nordlicht Software GmbH', iban: 'DE75512108001245126199' }, text: 'SVWZ+Rechnung RE2026 0012', expect: 'settled' },
  // a supplier bill paid out, found by its number
  { ref: 'DEMO-0003', amount: '412.80', creditDebit: 'DBIT', party: { name: 'Stadtwerke Beispielstadt', iban: 'DE12500105170648489890' }, text: 'ER-2026-0001 Abschlag Dezember', expect: 'settled' },
  // a known payer who pays less than the invoice and names none: only a suggestion
  { ref: 'DEMO-0004', amount: '230.00', creditDebit: 'CRDT', party: { name: 'Atelier Lumière SARL', iban: 'FR1420041010050500013M02606' }, text: 'Paiement facture', expect: 'suggested' },
  // no reference, an account never seen, but the customer's name and the amount of its only open invoice
  { ref: 'DEMO-0005', amount: '99.99', creditDebit: 'CRDT', party: { name: 'Alpenblick Hotel', iban: 'AT483200000012345864' }, text: 'Zahlung', expect: 'settled' },
  // a payer naming two invoices of two different customers with an amount that fits neither
  { ref: 'DEMO-0006', amount: '500.00', creditDebit: 'CRDT', party: { name: 'VDB Installaties', iban: 'NL02ABNA0123456789' }, text: 'RE-2026-0009 RE-2026-0010', expect: 'suggested' },
  // the account and amount say one invoice, the text names another customer's: a person decides
  { ref: 'DEMO-0007', amount: '714.00', creditDebit: 'CRDT', party: { name: 'Van der Berg Installaties B.V.', iban: 'NL91ABNA0417164300' }, text: 'Factuur RE-2026-0010', expect: 'suggested' },
];

const DATE = '2026-11-27';
const OPENING = '25000.00';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Cent arithmetic on the demo's own decimal strings, for the closing balance. */
const cents = (amount: string) => BigInt(amount.replace('.', ''));
const decimal = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;

function entryXml(b: Booking, date: string): string {
  const partyRole = b.creditDebit === 'CRDT' ? 'Dbtr' : 'Cdtr';
  const iban = b.party.iban ? `<${partyRole}Acct><Id><IBAN>${b.party.iban}</IBAN></Id></${partyRole}Acct>` : '';
  const family = b.creditDebit === 'CRDT' ? 'RCDT' : 'ICDT';
  return `      <Ntry>
        <Amt Ccy="EUR">${b.amount}</Amt><CdtDbtInd>${b.creditDebit}</CdtDbtInd><Sts><Cd>${b.status ?? 'BOOK'}</Cd></Sts>
        <BookgDt><Dt>${date}</Dt></BookgDt><ValDt><Dt>${date}</Dt></ValDt>
        <AcctSvcrRef>${b.ref}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${family}</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
          <Amt Ccy="EUR">${b.amount}</Amt><CdtDbtInd>${b.creditDebit}</CdtDbtInd>
          <RltdPties><${partyRole}><Pty><Nm>${escapeXml(b.party.name)}</Nm></Pty></${partyRole}>${iban}</RltdPties>
          <RmtInf><Ustrd>${escapeXml(b.text)}</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`;
}

/** A camt.053 of one day on the own account with the given bookings; balances add up. */
export function camtStatement(bookings: readonly Booking[], date = DATE, account = DEMO_ACCOUNT_IBAN): Buffer {
  const closing = bookings.reduce((sum, b) => sum + (b.creditDebit === 'CRDT' ? cents(b.amount) : -cents(b.amount)), cents(OPENING));
  const balance = (code: string, amount: string) =>
    `      <Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-${date}</MsgId><CreDtTm>${date}T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-${account}-${date}</Id>
      <CreDtTm>${date}T06:00:00</CreDtTm>
      <FrToDt><FrDtTm>${date}T00:00:00</FrDtTm><ToDtTm>${date}T23:59:59</ToDtTm></FrToDt>
      <Acct><Id><IBAN>${account}</IBAN></Id><Ccy>EUR</Ccy><Ownr><Nm>Demo GmbH</Nm></Ownr></Acct>
${balance('OPBD', OPENING)}
${balance('CLBD', decimal(closing))}
${bookings.map((b) => entryXml(b, date)).join('\n')}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`);
}

export const demoStatement = (): Buffer => camtStatement(DEMO_BOOKINGS);

/** Imports the demo statement for the demo tenant, which runs matching as every import does. */
export function importDemoStatement(
  deps: AutoMatchDeps & { jobs: JobQueue },
  tenantId: string,
): Promise<StatementImportSummary> {
  const ctx: LedgerContext = { tenantId, actor: 'demo', businessProcess: 'Statement Import' };
  return importStatement(deps, ctx, demoStatement(), { fileName: DEMO_STATEMENT_FILE });
}
