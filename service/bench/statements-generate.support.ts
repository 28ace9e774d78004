import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Synthetic statement files for the `statements` benchmark: realistic entry shapes (single SEPA
 * credits with RF references, debits, a batch with three transactions, a returned direct debit)
 * repeated until the file reaches the wanted size. Balances are kept consistent, so the balance
 * check runs its full path.
 */
const IBAN = 'DE89370400440532013000';

function euros(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

function camtEntry(i: number): { xml: string; cents: bigint } {
  const ref = `ASR${i.toString().padStart(10, '0')}`;
  const date = '2026-11-02';
  const head = (amount: string, cd: string, extra = '') =>
    `<Ntry><NtryRef>${i}</NtryRef><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${cd}</CdtDbtInd>${extra}<Sts>BOOK</Sts>` +
    `<BookgDt><Dt>${date}</Dt></BookgDt><ValDt><Dt>${date}</Dt></ValDt><AcctSvcrRef>${ref}</AcctSvcrRef>`;
  const party = (role: string, name: string, iban: string) =>
    `<${role}><Nm>${name}</Nm></${role}><${role}Acct><Id><IBAN>${iban}</IBAN></Id></${role}Acct>`;
  const code = (family: string, sub: string) =>
    `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${family}</Cd><SubFmlyCd>${sub}</SubFmlyCd></Fmly></Domn><Prtry><Cd>NTRF+166</Cd><Issr>DK</Issr></Prtry></BkTxCd>`;
  switch (i % 4) {
    case 0: {
      const cents = BigInt(1000 + (i % 9000));
      return {
        cents,
        xml:
          head(euros(cents), 'CRDT') +
          code('RCDT', 'ESCT') +
          `<NtryDtls><TxDtls><Refs><EndToEndId>INV-${i}</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">${euros(cents)}</Amt></TxAmt></AmtDtls>` +
          `<RltdPties>${party('Dbtr', `Customer ${i % 977} GmbH &amp; Co. KG`, 'DE02120300000000202051')}</RltdPties>` +
          `<RltdAgts><DbtrAgt><FinInstnId><BIC>BYLADEM1001</BIC></FinInstnId></DbtrAgt></RltdAgts>` +
          `<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>` +
          `</TxDtls></NtryDtls><AddtlNtryInf>SEPA-GUTSCHRIFT</AddtlNtryInf></Ntry>`,
      };
    }
    case 1: {
      const cents = BigInt(500 + (i % 3000));
      return {
        cents: -cents,
        xml:
          head(euros(cents), 'DBIT') +
          code('ICDT', 'ESCT') +
          `<NtryDtls><TxDtls><Refs><EndToEndId>PAY-${i}</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">${euros(cents)}</Amt></TxAmt></AmtDtls>` +
          `<RltdPties>${party('Cdtr', `Supplier ${i % 311} AG`, 'FR7630006000011234567890189')}</RltdPties>` +
          `<RmtInf><Ustrd>Rechnung ${i} vom 01.11.2026, Kundennummer 4711</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
      };
    }
    case 2: {
      const parts = [BigInt(1000 + (i % 50)), 2000n, 3000n];
      const cents = parts.reduce((a, b) => a + b, 0n);
      const details = parts
        .map(
          (part, n) =>
            `<TxDtls><Refs><EndToEndId>SAL-${i}-${n}</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">${euros(part)}</Amt></TxAmt></AmtDtls>` +
            `<RltdPties>${party('Cdtr', `Employee ${n}`, 'DE02120300000000202051')}</RltdPties><RmtInf><Ustrd>Gehalt 11/2026</Ustrd></RmtInf></TxDtls>`,
        )
        .join('');
      return {
        cents: -cents,
        xml:
          head(euros(cents), 'DBIT') +
          code('ICDT', 'ESCT') +
          `<NtryDtls><Btch><PmtInfId>BATCH-${i}</PmtInfId><NbOfTxs>3</NbOfTxs></Btch>${details}</NtryDtls></Ntry>`,
      };
    }
    default: {
      const cents = 3000n;
      return {
        cents: -cents,
        xml:
          head(euros(cents), 'DBIT', '<RvslInd>true</RvslInd>') +
          code('IDDT', 'UPDD') +
          `<NtryDtls><TxDtls><Refs><EndToEndId>DD-${i}</EndToEndId><MndtId>MANDATE-${i % 100}</MndtId></Refs>` +
          `<RltdPties>${party('Dbtr', 'Erika Mustermann', 'DE02120300000000202051')}` +
          `<Cdtr><Nm>Example Shop AG</Nm><Id><PrvtId><Othr><Id>DE98ZZZ09999999999</Id><SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id></Cdtr></RltdPties>` +
          `<RtrInf><Rsn><Cd>AM04</Cd></Rsn></RtrInf></TxDtls></NtryDtls></Ntry>`,
      };
    }
  }
}

function balance(code: string, cents: bigint): string {
  const cd = cents < 0n ? 'DBIT' : 'CRDT';
  return `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${euros(cents < 0n ? -cents : cents)}</Amt><CdtDbtInd>${cd}</CdtDbtInd><Dt><Dt>2026-11-02</Dt></Dt></Bal>`;
}

/** A camt.053.001.02 file of about `bytes` bytes: one statement, balances consistent. Returns its entry count. */
export async function writeCamt053(path: string, bytes: number): Promise<number> {
  // The closing balance stands before the entries: a first pass over the same deterministic
  // sequence computes their total without holding them.
  const opening = 100_000_00n;
  let count = 0;
  let size = 0;
  let total = 0n;
  while (size < bytes) {
    const entry = camtEntry(count);
    size += Buffer.byteLength(entry.xml) + 1;
    total += entry.cents;
    count += 1;
  }
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">' +
      '<BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-11-02T23:00:00</CreDtTm></GrpHdr><Stmt><Id>BENCH-1</Id>' +
      `<CreDtTm>2026-11-02T23:00:00</CreDtTm><Acct><Id><IBAN>${IBAN}</IBAN></Id><Ccy>EUR</Ccy><Svcr><FinInstnId><BIC>COBADEFFXXX</BIC></FinInstnId></Svcr></Acct>` +
      balance('OPBD', opening) +
      balance('CLBD', opening + total) +
      '\n',
  );
  for (let i = 0; i < count; i += 1) await write(`${camtEntry(i).xml}\n`);
  await write('</Stmt></BkToCstmrStmt></Document>\n');
  out.end();
  await once(out, 'finish');
  return count;
}

function mt940Amount(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents;
  return `${abs / 100n},${(abs % 100n).toString().padStart(2, '0')}`;
}

function mt940Line(i: number): { text: string; cents: bigint } {
  const cents = BigInt(1000 + (i % 9000));
  const credit = i % 3 !== 0;
  const signed = credit ? cents : -cents;
  const mark = credit ? 'C' : 'D';
  const purpose = credit
    ? `166?00SEPA-GUTSCHRIFT?109310?20EREF+INV-${i}?21SVWZ+Rechnung ${i} Kunde?22nummer 4711?30BYLADEM1001?31DE02120300000000202051?32Customer ${i % 977} GmbH`
    : `105?00SEPA-LASTSCHRIFT?109248?20EREF+DD-${i}?21MREF+MANDATE-${i % 100}?22CRED+DE98ZZZ09999999999?23SVWZ+Beitrag 11/2026?30COBADEFFXXX?31FR7630006000011234567890189?32Example Shop AG`;
  return {
    cents: signed,
    text: `:61:2611021102${mark}${mt940Amount(cents)}NTRFNONREF//B${i}\r\n:86:${purpose}\r\n`,
  };
}

/** An MT940 file of about `bytes` bytes, in statements of 500 lines each. Returns its :61: count. */
export async function writeMt940(path: string, bytes: number): Promise<number> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let size = 0;
  let count = 0;
  let balanceCents = 100_000_00n;
  for (let statement = 1; size < bytes; statement += 1) {
    const lines: string[] = [];
    const opening = balanceCents;
    for (let n = 0; n < 500; n += 1) {
      const line = mt940Line(count);
      lines.push(line.text);
      balanceCents += line.cents;
      count += 1;
    }
    const text =
      `:20:BENCH${statement}\r\n:25:${IBAN}\r\n:28C:${statement}/1\r\n` +
      `:60F:${opening < 0n ? 'D' : 'C'}261102EUR${mt940Amount(opening)}\r\n` +
      lines.join('') +
      `:62F:${balanceCents < 0n ? 'D' : 'C'}261102EUR${mt940Amount(balanceCents)}\r\n-\r\n`;
    size += Buffer.byteLength(text);
    await write(text);
  }
  out.end();
  await once(out, 'finish');
  return count;
}
