import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entry, item, MUELLER, payer } from '../../matching/test-fixtures.js';
import { runMatch } from './match.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function files(entries: unknown[], items: unknown[], config?: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'cash-match-'));
  made.push(dir);
  const paths: { entries: string; items: string; out: string; config?: string } = {
    entries: join(dir, 'entries.jsonl'),
    items: join(dir, 'items.jsonl'),
    out: join(dir, 'results.jsonl'),
  };
  writeFileSync(paths.entries, entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
  writeFileSync(paths.items, items.map((i) => (typeof i === 'string' ? i : JSON.stringify(i))).join('\r\n'));
  if (config !== undefined) {
    paths.config = join(dir, 'config.json');
    writeFileSync(paths.config, JSON.stringify(config));
  }
  return paths;
}

const results = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('cash match', () => {
  const ledger = [entry({ id: 'e1', openAmount: '119.00' }), entry({ id: 'e2', openAmount: '50.00' }), entry({ id: 'e3', openAmount: '50.00' })];
  const items = [
    item({ id: 'i1', amount: '119.00', remittanceInformation: 'SVWZ+RE 2026 1 danke' }),
    item({ id: 'i2', amount: '50.00', counterparty: payer(MUELLER), remittanceInformation: 'Zahlung' }),
    item({ id: 'i3', amount: '9.99', remittanceInformation: 'Kontofuehrung' }),
  ];

  it('writes one result per item in the contract shape, with the default configurations', async () => {
    const paths = files(ledger, items);
    await expect(runMatch(paths)).resolves.toEqual({ entries: 3, items: 3 });
    const [settled, suggested, unmatched] = results(paths.out);
    expect(Object.keys(settled!)).toEqual(['itemId', 'outcome', 'allocations', 'score', 'configuration', 'reasons', 'candidates']);
    expect(settled).toMatchObject({ itemId: 'i1', outcome: 'settled', allocations: [{ entryId: 'e1', amount: '119.00' }], configuration: 'Find entry by statement number' });
    expect(suggested).toMatchObject({ itemId: 'i2', outcome: 'suggested' });
    expect(suggested!['candidates']).toHaveLength(2);
    expect(unmatched).toMatchObject({ itemId: 'i3', outcome: 'unmatched', allocations: [], candidates: [] });
  });

  it('takes configurations and options from --config, in the reference product’s JSON spelling', async () => {
    const config = {
      configurations: [
        { name: 'By IBAN', template: 'FindAccountByIBAN', priority: 1, active: true },
        { name: 'By amount', template: 'FindEntryByMatchingTheAmount', priority: 2, search: { percentage: 0.02, absolute: 2.0 } },
      ],
      options: { suggestThreshold: 0.5 },
    };
    const paths = files(ledger, items, config);
    await runMatch(paths);
    const [first, second] = results(paths.out);
    expect(first).toMatchObject({ outcome: 'unmatched' });
    expect(second).toMatchObject({ outcome: 'suggested', configuration: 'By IBAN' });
  });

  it('names the file and line of a broken JSON line', async () => {
    const paths = files(ledger, [items[0], '{"id": "broken"']);
    await expect(runMatch(paths)).rejects.toMatchObject({ code: 'JSONL_INVALID', message: expect.stringContaining('line 2') });
  });

  it('says which input file is missing', async () => {
    const paths = files(ledger, items);
    await expect(runMatch({ ...paths, items: `${paths.items}.missing` })).rejects.toMatchObject({ code: 'FILE_NOT_READABLE', message: expect.stringContaining('--items') });
  });

  it('refuses an unknown template', async () => {
    const paths = files(ledger, items, [{ template: 'FindEntryByHoroscope' }]);
    await expect(runMatch(paths)).rejects.toMatchObject({ code: 'MATCHING_TEMPLATE_UNKNOWN' });
  });
});
