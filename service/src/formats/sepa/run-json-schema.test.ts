import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CashError } from '../../domain/errors.js';
import { parseRunJson, RunSchema } from './run-json-schema.js';
import { directDebitRun } from './test-support/runs.js';

function failure(text: string): CashError {
  try {
    parseRunJson(text);
  } catch (error) {
    if (error instanceof CashError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('RUN.json', () => {
  it('accepts the documented shape', () => {
    const run = parseRunJson(JSON.stringify(directDebitRun()));
    expect([...run.transactions]).toHaveLength(1);
  });

  it('lists every schema problem with its path, including misspelt field names', () => {
    const run = directDebitRun() as unknown as Record<string, unknown>;
    const broken = { ...run, requestedDate: '3.12.2026', transactions: [{ amount: 12.3, remitanceInformation: 'x' }] };
    const error = failure(JSON.stringify(broken));
    expect(error.code).toBe('RUN_JSON_INVALID');
    const problems = (error.details!.problems as string[]).join('\n');
    expect(problems).toContain('/requestedDate');
    expect(problems).toContain('/transactions/0/amount');
    expect(problems).toContain('/transactions/0/remitanceInformation');
    expect(problems).toContain('/transactions/0/counterparty');
  });

  it('reports broken JSON as such', () => {
    expect(failure('{ "messageId": ').code).toBe('RUN_JSON_SYNTAX');
  });
});

describe('the published RUN.json documentation', () => {
  const docs = (name: string) => readFileSync(new URL(`../../../../docs/${name}`, import.meta.url), 'utf8');

  it('ships a JSON Schema identical to the one the CLI checks', () => {
    const published = JSON.parse(docs('sepa-run-json.schema.json')) as Record<string, unknown>;
    const { $schema: _draft, title: _title, ...schema } = published;
    expect(schema, 'regenerate docs/sepa-run-json.schema.json from RunSchema').toEqual(JSON.parse(JSON.stringify(RunSchema)));
  });

  it('shows an example that the schema accepts', () => {
    const example = /```json\n([\s\S]*?)```/.exec(docs('sepa-run-json.md'))![1]!;
    expect(() => parseRunJson(example)).not.toThrow();
  });
});
