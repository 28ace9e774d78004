import { describe, expect, it } from 'vitest';
import { createCreditorReference } from '../formats/rf-reference.js';
import { DEFAULT_CONFIGURATIONS, type MatchingConfiguration } from './configurations.js';
import { Matcher, matchItems } from './engine.js';
import { entry, item, MUELLER, payer, SCHMIDT, stranger, SUPPLIER } from './test-fixtures.js';
import type { MatchResult, OpenEntryInput } from './types.js';

const one = (entries: OpenEntryInput[], ...items: Parameters<typeof item>[0][]): MatchResult[] =>
  matchItems(entries, items.map((overrides, i) => item({ id: `item-${i + 1}`, ...overrides })));

describe('identification by end-to-end id and structured references', () => {
  it('settles a payout the product issued by its end-to-end id', () => {
    const ledger = [entry({ id: 'p1', number: 'INV-88123', type: 'Credit', account: SUPPLIER, openAmount: '480.00', endToEndId: 'PAY-p1-0001' })];
    const [result] = one(ledger, { creditDebit: 'DBIT', amount: '480.00', endToEndId: 'PAY-p1-0001', remittanceInformation: 'Sammelueberweisung' });
    expect(result).toMatchObject({ outcome: 'settled', allocations: [{ entryId: 'p1', amount: '480.00' }], configuration: 'Find entry by end-to-end id' });
    expect(result!.candidates[0]!.breakdown.reference).toBe(1);
  });

  it('ignores the NOTPROVIDED end-to-end id banks print for none', () => {
    const ledger = [entry({ id: 'e1', endToEndId: 'NOTPROVIDED' })];
    const [result] = one(ledger, { endToEndId: 'NOTPROVIDED', amount: '55.00' });
    expect(result!.outcome).toBe('unmatched');
  });

  it('settles by a valid structured creditor reference, also printed in groups of four in the text', () => {
    const rf = createCreditorReference('RE2026000042');
    const ledger = [entry({ id: 'e42', paymentReference: rf }), entry({ id: 'e43', paymentReference: createCreditorReference('RE2026000043') })];
    const grouped = createCreditorReference('RE2026000043').replace(/(.{4})/g, '$1 ').trim();
    const [structured, printed] = one(
      ledger,
      { creditorReference: rf, remittanceInformation: 'Zahlung' },
      { remittanceInformation: `Ref ${grouped}`, counterparty: stranger, amount: '100.00' },
    );
    expect(structured).toMatchObject({ outcome: 'settled', allocations: [{ entryId: 'e42' }], configuration: 'Find entry by structured creditor reference' });
    expect(printed).toMatchObject({ outcome: 'settled', allocations: [{ entryId: 'e43' }] });
  });

  it('does not trust a creditor reference whose check digits fail, and says so', () => {
    const ledger = [entry({ id: 'e42', number: 'X1', paymentReference: createCreditorReference('RE2026000042') })];
    const [result] = one(ledger, { creditorReference: 'RF00RE2026000042', amount: '77.00' });
    expect(result!.outcome).toBe('unmatched');
    expect(result!.reasons[0]).toContain('fails its check digits');
  });
});

describe('statement numbers in the remittance text', () => {
  const ledger = [entry({ id: 'e123', number: 'RE-2026-000123', openAmount: '119.00' }), entry({ id: 'e124', number: 'RE-2026-000124', openAmount: '50.00' })];
  const mangled = [
    ['exact', 'RE-2026-000123'],
    ['separators stripped', 'RE2026000123'],
    ['lower case', 'rechnung re-2026-000123'],
    ['padding zeros dropped', 'Rechnung RE-2026-123'],
    ['spaces inserted', 'RE 2026 000 123'],
    ['SEPA keywords', 'EREF+NOTPROVIDED SVWZ+RE-2026-000123'],
    ['slashes', 'RE/2026/000123'],
    ['line break inside the number', 'Zahlung fuer Rechnung Nr. RE-2026-0\n00123 danke'],
    ['long text with other numbers', 'Kd-Nr 10023 Rechnung RE-2026-000123 vom 01.03.2026 Betrag 119,00 EUR Auftrag 4711'],
  ] as const;

  it.each(mangled)('finds the number when %s', (_, text) => {
    const [result] = one(ledger, { amount: '119.00', remittanceInformation: text, counterparty: stranger });
    expect(result).toMatchObject({ outcome: 'settled', allocations: [{ entryId: 'e123', amount: '119.00' }], configuration: 'Find entry by statement number' });
    expect(result!.reasons.some((r) => r.startsWith('reference +0.70'))).toBe(true);
  });

  it('only suggests when nothing but the digits of a number match and the payer is unknown', () => {
    const [result] = one(ledger, { amount: '119.00', remittanceInformation: '2026000123', counterparty: stranger });
    expect(result!.outcome).toBe('suggested');
    expect(result!.allocations).toEqual([{ entryId: 'e123', amount: '119.00' }]);
  });

  it('settles one item over several entries it names', () => {
    const [result] = one(ledger, { amount: '169.00', remittanceInformation: 'Rechnungen RE-2026-000123 und RE-2026-000124' });
    expect(result!.outcome).toBe('settled');
    expect(result!.allocations).toEqual([
      { entryId: 'e123', amount: '119.00' },
      { entryId: 'e124', amount: '50.00' },
    ]);
  });
});

describe('account identification and allocation without a reference', () => {
  const ledger = [
    entry({ id: 'e1', openAmount: '100.00' }),
    entry({ id: 'e2', openAmount: '250.00' }),
    entry({ id: 'e3', openAmount: '75.50' }),
    entry({ id: 's1', account: SCHMIDT, openAmount: '325.50' }),
  ];

  it('settles the only combination of the account’s open entries that sums to the amount', () => {
    const [result] = one(ledger, { amount: '325.50', counterparty: payer(MUELLER), remittanceInformation: 'Zahlung' });
    expect(result!.outcome).toBe('settled');
    expect(result!.allocations.map((a) => a.entryId)).toEqual(['e2', 'e3']);
    expect(result!.candidates[0]!.breakdown).toMatchObject({ account: 0.4, amount: 0.25, allocation: 0.35 });
    expect(result!.configuration).toBe('Find account by IBAN');
  });

  it('never settles two open entries of one account with the same amount and no reference', () => {
    const twins = [entry({ id: 'e1', openAmount: '100.00' }), entry({ id: 'e2', openAmount: '100.00' })];
    const [result] = one(twins, { amount: '100.00', counterparty: payer(MUELLER) });
    expect(result!.outcome).toBe('suggested');
    expect(result!.candidates.map((c) => c.allocations[0]!.entryId).sort()).toEqual(['e1', 'e2']);
    expect(result!.candidates[0]!.score).toBe(result!.candidates[1]!.score);
  });

  it('identifies the account by a customer number the payer announces', () => {
    const [result] = one(ledger, { amount: '75.50', counterparty: stranger, remittanceInformation: 'Kd-Nr. K10023 Zahlung' });
    expect(result).toMatchObject({ outcome: 'settled', allocations: [{ entryId: 'e3' }], configuration: 'Find entry with associated account by account number' });
  });

  it('identifies the account by a contact number', () => {
    const contacts = [entry({ id: 'e1', openAmount: '60.00', contact: { number: 'C-4711', name: 'Anna Becker' } })];
    const [result] = one(contacts, { amount: '60.00', counterparty: stranger, remittanceInformation: 'Mitglied Nr C-4711' });
    expect(result).toMatchObject({ outcome: 'settled', configuration: 'Find account by contact number' });
  });

  it('settles by an exact payer name only with a unique amount, and only suggests for a similar name', () => {
    const [exact, similar] = one(
      ledger,
      { amount: '75.50', counterparty: { name: 'MUELLER BAU', iban: stranger.iban, bic: null } },
      { id: 'item-2', amount: '250.00', counterparty: { name: 'Müller Bau Berlin', iban: stranger.iban, bic: null } },
    );
    expect(exact!.outcome).toBe('settled');
    expect(similar!.outcome).toBe('suggested');
    expect(similar!.allocations[0]!.entryId).toBe('e2');
  });

  it('matches the payer name against contacts', () => {
    const contacts = [entry({ id: 'e1', openAmount: '60.00', contact: { number: null, name: 'Anna Becker' } })];
    const [result] = one(contacts, { amount: '60.00', counterparty: { name: 'Becker, Anna', iban: stranger.iban, bic: null } });
    expect(result!.candidates[0]!.allocations[0]!.entryId).toBe('e1');
    expect(result!.reasons.some((r) => r.includes('contact name'))).toBe(true);
  });
});

describe('amounts', () => {
  const ledger = [entry({ id: 'e7', number: 'RE-2026-000007', openAmount: '500.00', statementDate: '2026-03-01' })];

  it('settles a partial payment and leaves the rest open for the next item', () => {
    const matcher = new Matcher();
    for (const e of ledger) matcher.addEntry(e);
    const first = matcher.match(item({ id: 'a', amount: '200.00', counterparty: payer(MUELLER), remittanceInformation: 'Teilzahlung RE-2026-000007' }));
    const second = matcher.match(item({ id: 'b', amount: '300.00', counterparty: payer(MUELLER), remittanceInformation: 'Rest RE-2026-000007' }));
    expect(first).toMatchObject({ outcome: 'settled', allocations: [{ entryId: 'e7', amount: '200.00' }] });
    expect(first.reasons.some((r) => r.includes('partial payment'))).toBe(true);
    expect(second).toMatchObject({ outcome: 'settled', allocations: [{ entryId: 'e7', amount: '300.00' }] });
    expect(second.candidates[0]!.breakdown.amount).toBe(0.25);
  });

  it('settles the open amount of an overpayment and says the rest stays on the payment', () => {
    const [result] = one(ledger, { amount: '520.00', counterparty: payer(MUELLER), remittanceInformation: 'RE-2026-000007' });
    expect(result).toMatchObject({ outcome: 'settled', allocations: [{ entryId: 'e7', amount: '500.00' }] });
    expect(result!.reasons.some((r) => r.includes('20.00 EUR stays available'))).toBe(true);
  });

  it('accepts an early-payment discount within the discount period only', () => {
    const [early] = one(ledger, { amount: '490.00', bookingDate: '2026-03-10', counterparty: stranger, remittanceInformation: 'RE-2026-000007' });
    const [late] = one(ledger, { amount: '490.00', bookingDate: '2026-04-20', counterparty: stranger, remittanceInformation: 'RE-2026-000007' });
    expect(early!.outcome).toBe('settled');
    expect(early!.reasons.some((r) => r.includes('2 % early-payment discount'))).toBe(true);
    expect(late!.outcome).toBe('suggested');
  });

  it('tolerates a small fee difference as configured', () => {
    const [result] = one(ledger, { amount: '498.50', counterparty: stranger, remittanceInformation: 'RE-2026-000007' });
    expect(result!.outcome).toBe('settled');
    expect(result!.candidates[0]!.breakdown.amount).toBe(0.15);
  });

  it('refuses more decimals than the currency has instead of rounding', () => {
    const [result] = one(ledger, { amount: '500.001', counterparty: payer(MUELLER), remittanceInformation: 'RE-2026-000007' });
    expect(result!.outcome).not.toBe('settled');
  });
});

describe('precision rules', () => {
  it('matches receivables only with incoming money and payables only with outgoing money', () => {
    const ledger = [entry({ id: 'p1', number: 'INV-55501', type: 'Credit', account: SUPPLIER })];
    const [incoming, outgoing] = one(
      ledger,
      { creditDebit: 'CRDT', remittanceInformation: 'INV-55501', counterparty: payer(SUPPLIER) },
      { creditDebit: 'DBIT', remittanceInformation: 'INV-55501', counterparty: payer(SUPPLIER) },
    );
    expect(incoming!.outcome).toBe('unmatched');
    expect(incoming!.reasons[0]).toContain('cannot be paid by incoming money');
    expect(outgoing).toMatchObject({ outcome: 'settled', allocations: [{ entryId: 'p1' }] });
  });

  it('does not settle when a swapped-digit number names another customer’s invoice', () => {
    const ledger = [
      entry({ id: 'e1', number: 'RE-2026-000123', openAmount: '310.00' }),
      entry({ id: 's1', number: 'RE-2026-000132', openAmount: '95.00', account: SCHMIDT }),
    ];
    const [result] = one(ledger, { amount: '310.00', counterparty: payer(MUELLER), remittanceInformation: 'Rechnung RE-2026-000132' });
    expect(result!.outcome).toBe('suggested');
    expect(result!.allocations[0]!.entryId).toBe('e1');
    expect(result!.reasons.at(-1)).toContain('names entry RE-2026-000132');
  });

  it('settles a statement number two accounts share when the IBAN says whose it is', () => {
    const ledger = [entry({ id: 'e1', number: 'RE-2026-000555' }), entry({ id: 's1', number: 'RE-2026-000555', account: SCHMIDT })];
    const [result] = one(ledger, { counterparty: payer(SCHMIDT), remittanceInformation: 'RE-2026-000555' });
    expect(result).toMatchObject({ outcome: 'settled', allocations: [{ entryId: 's1' }] });
  });

  it('suggests, never settles, when the same number belongs to two accounts and the payer is unknown', () => {
    const ledger = [entry({ id: 'e1', number: 'RE-2026-000555' }), entry({ id: 's1', number: 'RE-2026-000555', account: SCHMIDT })];
    const [result] = one(ledger, { counterparty: stranger, remittanceInformation: 'RE-2026-000555' });
    expect(result!.outcome).toBe('suggested');
  });

  it('does not settle an entry whose statement date is after the booking', () => {
    const ledger = [entry({ id: 'e1', statementDate: '2026-03-20' })];
    const [result] = one(ledger, { bookingDate: '2026-03-10', remittanceInformation: 'RE-2026-000001' });
    expect(result!.outcome).toBe('unmatched');
  });

  it('leaves pending items alone', () => {
    const [result] = one([entry({ id: 'e1' })], { status: 'PDNG', remittanceInformation: 'RE-2026-000001' });
    expect(result!.outcome).toBe('unmatched');
    expect(result!.reasons[0]).toContain('only booked items');
  });

  it('leaves rent, salaries and fees unmatched', () => {
    const ledger = [entry({ id: 'e1', openAmount: '1200.00' }), entry({ id: 'p1', type: 'Credit', account: SUPPLIER, openAmount: '1200.00' })];
    const results = one(
      ledger,
      { creditDebit: 'DBIT', amount: '1200.00', counterparty: { name: 'Hausverwaltung Nord', iban: stranger.iban, bic: null }, remittanceInformation: 'Miete Maerz 2026' },
      { creditDebit: 'DBIT', amount: '3100.00', counterparty: stranger, remittanceInformation: 'Gehalt 03/2026' },
      { creditDebit: 'DBIT', amount: '12.90', remittanceInformation: 'Kontofuehrung Entgelt' },
    );
    expect(results.map((r) => r.outcome)).toEqual(['unmatched', 'unmatched', 'unmatched']);
  });

  it('with "unique match only" on, suggests whenever there is any other candidate', () => {
    const ledger = [entry({ id: 'e1', openAmount: '100.00' }), entry({ id: 'e2', openAmount: '100.00', number: 'RE-2026-000777' })];
    const items = [item({ remittanceInformation: 'RE-2026-000001', counterparty: payer(MUELLER) })];
    expect(matchItems(ledger, items)[0]!.outcome).toBe('settled');
    expect(matchItems(ledger, items, DEFAULT_CONFIGURATIONS, { uniqueOnly: true })[0]!.outcome).toBe('suggested');
  });
});

describe('configurations', () => {
  const only = (...templates: MatchingConfiguration['template'][]) =>
    DEFAULT_CONFIGURATIONS.map((c) => ({ ...c, active: templates.includes(c.template) }));

  it('finds nothing by statement number once that configuration is inactive', () => {
    const ledger = [entry({ id: 'e1' })];
    const items = [item({ remittanceInformation: 'RE-2026-000001', counterparty: stranger, amount: '33.00' })];
    expect(matchItems(ledger, items, only('FindAccountByIBAN'))[0]!.outcome).toBe('unmatched');
  });

  it('searches a custom field with the configured pattern', () => {
    const ledger = [entry({ id: 'e1', customFields: { orderNumber: 'AB-778899' } })];
    const configurations: MatchingConfiguration[] = [
      { name: 'Order number', template: 'FindEntryByCustomField', priority: 1, active: true, parser: { pattern: 'Auftrag\\s*(\\S+)' }, search: { field: 'orderNumber' } },
      ...DEFAULT_CONFIGURATIONS.filter((c) => c.template === 'FindEntryByMatchingTheAmount'),
    ];
    const [result] = matchItems(ledger, [item({ remittanceInformation: 'Auftrag AB-778899 danke', counterparty: stranger })], configurations);
    expect(result).toMatchObject({ outcome: 'settled', configuration: 'Order number', allocations: [{ entryId: 'e1' }] });
  });

  it('restricts the statement number search to the configured target field', () => {
    const ledger = [entry({ id: 'e1', number: 'RE-2026-000001', paymentReference: 'ABO 2026 Q1 MUELLER' })];
    const byReference = DEFAULT_CONFIGURATIONS.map((c) =>
      c.template === 'FindEntryByStatementNumber' ? { ...c, search: { targetField: 'PaymentReference' } } : c,
    );
    const [byNumber] = matchItems(ledger, [item({ remittanceInformation: 'RE-2026-000001', counterparty: stranger })], byReference);
    const [byText] = matchItems(ledger, [item({ remittanceInformation: 'ABO 2026 Q1 MUELLER', counterparty: stranger })], byReference);
    expect(byNumber!.outcome).toBe('unmatched');
    expect(byText!.outcome).toBe('settled');
  });

  it('refuses a pattern that does not compile', () => {
    const broken: MatchingConfiguration = { name: 'Broken', template: 'FindEntryByStatementNumber', priority: 1, active: true, parser: { pattern: '(' }, search: {} };
    expect(() => new Matcher([broken])).toThrow(expect.objectContaining({ code: 'MATCHING_CONFIG_INVALID' }));
  });

  const tenantPattern = (pattern: string, flags?: string): MatchingConfiguration => ({
    name: 'Tenant pattern',
    template: 'FindEntryByStatementNumber',
    priority: 1,
    active: true,
    parser: flags === undefined ? { pattern } : { pattern, flags },
    search: {},
  });

  // 64 characters take native backtracking minutes; a linear-time engine, well under a millisecond
  it('matches with a pattern of nested alternatives over a hostile text without stalling', { timeout: 30_000 }, () => {
    const ledger = [entry({ id: 'e1', number: 'ABABC' })];
    const [hostile, fitting] = matchItems(
      ledger,
      [item({ id: 'i1', remittanceInformation: 'AB'.repeat(32), counterparty: stranger }), item({ id: 'i2', remittanceInformation: 'ababc', counterparty: stranger })],
      [tenantPattern('^(?:AB|A|B)*C$')],
    );
    expect(hostile!.outcome).toBe('unmatched');
    expect(fitting!.candidates[0]!.allocations).toMatchObject([{ entryId: 'e1' }]);
  });

  it.each([
    ['a backreference', '(RE)-\\1'],
    ['a named backreference', '(?<p>RE)\\k<p>'],
    ['a lookahead', 'RE-(?=\\d)(\\d+)'],
    ['a negative lookbehind', '(?<!X)RE-(\\d+)'],
  ])('refuses %s, which a linear-time engine cannot run, with the reason', (_, pattern) => {
    expect(() => new Matcher([tenantPattern(pattern)])).toThrow(
      expect.objectContaining({ code: 'MATCHING_PATTERN_UNSUPPORTED', message: expect.stringMatching(/backreferences and lookaround/), details: expect.objectContaining({ reason: expect.any(String) }) }),
    );
  });

  it('keeps the meaning of the flags: case-insensitive unless told, multiline and dot-all on request', () => {
    const ledger = [entry({ id: 'e1', number: 'RE-2026-000001' })];
    const text = 'Zahlung\nre-2026-000001';
    const match = (pattern: string, flags?: string) =>
      matchItems(ledger, [item({ remittanceInformation: text, counterparty: stranger })], [tenantPattern(pattern, flags)])[0]!.candidates.length;
    expect(match('^(RE-\\S+)$')).toBe(0);
    expect(match('^(RE-\\S+)$', 'im')).toBe(1);
    expect(match('(re-\\S+)', '')).toBe(1);
    expect(match('(RE-\\S+)', '')).toBe(0);
    expect(match('Zahlung.(\\S+)', 'i')).toBe(0);
    expect(match('Zahlung.(\\S+)', 'is')).toBe(1);
    expect(() => new Matcher([tenantPattern('(RE)', 'iy')])).toThrow(expect.objectContaining({ code: 'MATCHING_PATTERN_UNSUPPORTED' }));
  });
});

describe('results', () => {
  it('explain every candidate with a breakdown by signal and every decision in words', () => {
    const [result] = one([entry({ id: 'e1' })], { remittanceInformation: 'RE-2026-000001', counterparty: payer(MUELLER) });
    expect(result!.candidates[0]!.breakdown).toEqual({ reference: 0.7, account: 0.4, amount: 0.25, date: 0.05 });
    expect(result!.score).toBe(1);
    expect(result!.reasons.at(-1)).toMatch(/^settled: score 1/);
  });

  it('never allocate more than the item pays, and leave short payments over several named entries to a person', () => {
    const ledger = [entry({ id: 'e1', openAmount: '40.00' }), entry({ id: 'e2', openAmount: '70.00' })];
    const [result] = one(ledger, { amount: '90.00', remittanceInformation: 'RE-2026-000001 RE-2026-000002', counterparty: payer(MUELLER) });
    expect(result!.outcome).toBe('suggested');
    expect(result!.allocations).toEqual([
      { entryId: 'e1', amount: '40.00' },
      { entryId: 'e2', amount: '50.00' },
    ]);
  });
});

describe('invariants over random ledgers', () => {
  it('never allocate more than an item pays or an entry has open, and never settle between twins', async () => {
    const fc = (await import('fast-check')).default;
    const cents = fc.integer({ min: 1, max: 50_000 }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: cents, named: fc.boolean(), twin: fc.boolean() }), { minLength: 1, maxLength: 8 }),
        cents,
        fc.boolean(),
        (rows, paid, knownPayer) => {
          const ledger = rows.flatMap((row, i) => {
            const base = entry({ id: `e${i + 1}`, openAmount: row.amount });
            return row.twin ? [base, entry({ id: `e${i + 101}`, openAmount: row.amount })] : [base];
          });
          const text = rows.filter((r) => r.named).map((_, i) => `RE-2026-${String(i + 1).padStart(6, '0')}`).join(' ');
          const [result] = matchItems(ledger, [item({ amount: paid, remittanceInformation: text, counterparty: knownPayer ? payer(MUELLER) : stranger })]);
          const minor = (v: string) => BigInt(v.replace('.', ''));
          const open = new Map(ledger.map((e) => [e.id, minor(e.openAmount)]));
          const allocated = result!.allocations.reduce((sum, a) => sum + minor(a.amount), 0n);
          expect(allocated <= minor(paid)).toBe(true);
          for (const a of result!.allocations) expect(minor(a.amount) <= open.get(a.entryId)!).toBe(true);
          if (result!.outcome === 'settled' && !text) {
            // Without a reference, a settled entry must not have an unsettled twin that could take its place.
            const settled = new Set(result!.allocations.map((a) => a.entryId));
            for (const id of settled) {
              const amount = ledger.find((e) => e.id === id)!.openAmount;
              expect(ledger.filter((e) => e.openAmount === amount && !settled.has(e.id))).toEqual([]);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
