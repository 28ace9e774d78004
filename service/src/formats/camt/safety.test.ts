import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CashError } from '../../domain/errors.js';
import { readCamt } from './index.js';

const bytes = (path: string) => readFileSync(new URL(`./__fixtures__/${path}`, import.meta.url));

function rejection(run: () => unknown): CashError {
  try {
    run();
  } catch (error) {
    if (error instanceof CashError) return error;
    throw error;
  }
  throw new Error('expected the input to be refused');
}

const refuse = (path: string) => rejection(() => readCamt(bytes(path), { fileName: path }));

describe('camt reader: hostile input', () => {
  it.each(['own/xxe.xml', 'own/billion-laughs.xml', 'own/external-dtd.xml'])('refuses %s for its DOCTYPE', (path) => {
    const error = refuse(path);
    expect(error.code).toBe('XML_DTD_FORBIDDEN');
    expect(error.message).toContain(path);
  });

  it('never reads a file an external entity points at', () => {
    expect(refuse('own/xxe.xml').message).not.toContain('root:');
  });

  it('refuses an entity that was never declared, naming line and element', () => {
    const error = refuse('own/undeclared-entity.xml');
    expect(error.code).toBe('STATEMENT_MALFORMED');
    expect(error.details).toMatchObject({ line: 5, element: 'Document/BkToCstmrStmt/Stmt/Id' });
  });

  it('refuses input over the size limit before parsing it', () => {
    const error = rejection(() => readCamt(bytes('camt053/iso20022js_ing-nl_camt053.v2.xml'), { maxBytes: 1000 }));
    expect(error.code).toBe('STATEMENT_TOO_LARGE');
  });

  it('refuses absurd nesting and absurdly long text', () => {
    const deep = `<Document>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</Document>`;
    expect(rejection(() => readCamt(Buffer.from(deep))).code).toBe('STATEMENT_FORMAT_UNKNOWN');
    const nested = `<Document><BkToCstmrStmt><Stmt>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</Stmt></BkToCstmrStmt></Document>`;
    expect(rejection(() => readCamt(Buffer.from(nested))).message).toMatch(/nested deeper than 64/);
    const long = `<Document><BkToCstmrStmt><Stmt><Id>${'x'.repeat(2 * 1024 * 1024)}</Id></Stmt></BkToCstmrStmt></Document>`;
    expect(rejection(() => readCamt(Buffer.from(long))).message).toMatch(/text longer than/);
  });
});

describe('camt reader: malformed and foreign files', () => {
  it('names line and element of an amount that is no decimal', () => {
    const error = refuse('own/bad-amount_camt053.xml');
    expect(error.code).toBe('STATEMENT_MALFORMED');
    expect(error.message).toBe(
      'own/bad-amount_camt053.xml: line 9 <Document/BkToCstmrStmt/Stmt/Ntry/Amt>: "12,30" is not a decimal amount',
    );
  });

  it('names the unclosed element of a truncated file', () => {
    const error = refuse('own/truncated_camt053.xml');
    expect(error.code).toBe('STATEMENT_MALFORMED');
    expect(error.message).toMatch(/unclosed tag: Ntry/);
  });

  it('refuses a message with a group header but no statement (genkgo negative sample)', () => {
    const error = refuse('camt053/genkgo_camt053.v2.invalid-structure.xml');
    expect(error.code).toBe('STATEMENT_MALFORMED');
    expect(error.message).toMatch(/holds no Stmt/);
  });

  it('refuses an empty Document and names its namespace (viafintech negative sample)', () => {
    const error = refuse('camt053/viafintech_invalid-namespace.xml');
    expect(error.code).toBe('STATEMENT_MALFORMED');
    expect(error.message).toMatch(/camt\.053\.001\.03\) holds no camt/);
  });

  it('refuses another ISO 20022 message as an unknown statement format', () => {
    const error = refuse('own/not-camt_pain001.xml');
    expect(error.code).toBe('STATEMENT_FORMAT_UNKNOWN');
    expect(error.message).toMatch(/CstmrCdtTrfInitn/);
  });

  it('refuses an entry without a direction', () => {
    const xml = '<Document><BkToCstmrStmt><Stmt><Ntry><Amt Ccy="EUR">1</Amt></Ntry></Stmt></BkToCstmrStmt></Document>';
    expect(rejection(() => readCamt(Buffer.from(xml))).message).toMatch(/CdtDbtInd/);
  });
});

describe('camt reader: damaged files', () => {
  const samples = [
    'camt053/iso20022js_ing-nl_camt053.v2.xml',
    'camt054/moov_postfinance-ch_camt054.v4.esr.xml',
    'own/prefixed-namespace_camt053.v13.xml',
  ].map((path) => bytes(path).toString('utf8'));

  it('either reads a damaged file or refuses it with a CashError, never another exception', () => {
    const damage = fc.record({
      sample: fc.nat({ max: samples.length - 1 }),
      edits: fc.array(
        fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.nat({ max: 40 }), insert: fc.constantFrom('', '<', '>', '</Ntry>', '<Ntry>', '&', 'x', '<Amt>1</Amt>', '"') }),
        { minLength: 1, maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(damage, ({ sample, edits }) => {
        let text = samples[sample]!;
        for (const edit of edits) {
          const at = Math.floor(edit.at * text.length);
          text = text.slice(0, at) + edit.insert + text.slice(at + edit.cut);
        }
        try {
          readCamt(Buffer.from(text));
        } catch (error) {
          expect(error).toBeInstanceOf(CashError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
