import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_TRANSFER_FORMATS, DIRECT_DEBIT_FORMATS, type SepaFormat, type SepaKind } from './model.js';
import { prepareRun } from './prepare-run.js';
import type { RunTransaction } from './run-json-schema.js';
import { creditTransferRun, directDebitRun, NOW, TODAY } from './test-support/runs.js';
import { xsdErrors } from './test-support/xsd.js';
import { writeRunToString } from './write-run.js';

const accounts = [
  { iban: 'DE02120300000000202051', bic: 'BYLADEM1001' },
  { iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' },
  { iban: 'FR1420041010050500013M02606' },
  { iban: 'CH9300762011623852957', bic: 'UBSWCHZH80A' },
];
const address = fc.oneof(
  fc.constant(undefined),
  fc.record({ street: fc.string({ minLength: 1, maxLength: 30 }), town: fc.constantFrom('Köln', 'Zürich', 'Paris'), country: fc.constantFrom('DE', 'CH', 'FR') }),
  fc.record({ town: fc.constantFrom('Wien', 'Genève'), country: fc.constantFrom('AT', 'CH'), addressLines: fc.array(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 2 }) }),
);
const amount = fc.bigInt({ min: 1n, max: 99_999_999_999n }).map((minor) => {
  const digits = minor.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
});

function transaction(kind: SepaKind): fc.Arbitrary<RunTransaction> {
  return fc.record({
    amount,
    currency: fc.constant('EUR'),
    counterparty: fc
      .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), fc.constantFrom(...accounts), address)
      .map(([name, bank, addr]) => ({ name, ...bank, ...(addr ? { address: addr } : {}) })),
    remittanceInformation: fc.option(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }), { nil: undefined }),
    creditorReference: fc.option(fc.constantFrom('RF18539007547034', 'RF712348231'), { nil: undefined }),
    requestedDate: fc.constantFrom('2026-12-03', '2026-12-04', '2027-01-04'),
    mandate:
      kind === 'direct-debit'
        ? fc.record({
            id: fc.stringMatching(/^[A-Za-z0-9+?:().,'-]{1,35}$/),
            signatureDate: fc.constant('2024-01-31'),
            scheme: fc.constantFrom('CORE' as const, 'B2B' as const),
            sequenceType: fc.constantFrom('FRST' as const, 'RCUR' as const, 'OOFF' as const, 'FNAL' as const),
          })
        : fc.constant(undefined),
  }).map((tx) => Object.fromEntries(Object.entries(tx).filter(([, v]) => v !== undefined)) as RunTransaction);
}

function check(kind: SepaKind, format: SepaFormat) {
  return fc.asyncProperty(fc.array(transaction(kind), { minLength: 1, maxLength: 6 }), async (transactions) => {
    const input = kind === 'direct-debit' ? directDebitRun(transactions) : creditTransferRun(transactions);
    const result = prepareRun(
      { ...input, transactions: transactions.map((t, i) => ({ ...t, endToEndId: `E-${i}` })) },
      { kind, format, today: TODAY, now: NOW, skipInvalid: true },
    );
    // Whatever the rules let through must be a valid file; refusals are covered by the rule tests.
    if (!result.run) return;
    expect(await xsdErrors(writeRunToString(result.run), format)).toEqual([]);
  });
}

describe('any run the rules accept is written schema-valid (property)', () => {
  for (const format of DIRECT_DEBIT_FORMATS) {
    it(`${format}`, async () => {
      await fc.assert(check('direct-debit', format), { numRuns: 8 });
    });
  }
  for (const format of CREDIT_TRANSFER_FORMATS) {
    it(`${format}`, async () => {
      await fc.assert(check('credit-transfer', format), { numRuns: 8 });
    });
  }
});
