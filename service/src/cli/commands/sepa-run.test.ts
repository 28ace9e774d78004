import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { xsdErrors } from '../../formats/sepa/test-support/xsd.js';
import { statusReport } from '../../payment-runs/test-support/status-report.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../../..');
const dir = mkdtempSync(join(tmpdir(), 'cash-sepa-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cash(...args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, CASH_DATA_DIR: join(dir, 'data') };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'service/src/cli/main.ts', ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
}

describe('cash sepa run / cash sepa status on the demo data', () => {
  it('previews, runs, writes the file, and applies a rejection that reopens exactly that entry', async () => {
    const tenant = /demo tenant (\S+)/.exec(cash('demo').stdout)![1]!;
    const run = ['--tenant', tenant, '--business-entity', 'DEMO', '--until', '2026-12-31'];

    const preview = cash('sepa', 'run', 'direct-debit', ...run, '--dry-run');
    expect(preview.status).toBe(0);
    expect(preview.stdout).toMatch(/^would collect \d+ transaction\(s\), [\d.]+ EUR on \d{4}-\d{2}-\d{2}(, \d{4}-\d{2}-\d{2})* \(pain\.008\.001\.08, batch booking on\)$/m);
    // every collection date of the run, one line per payment-information block
    const dates = /^would collect .* on ([\d, -]+) \(/m.exec(preview.stdout)![1]!.split(', ');
    expect(dates.length).toBeGreaterThan(1);
    for (const date of dates) expect(preview.stdout).toMatch(new RegExp(`^ {2}${date} (CORE|B2B) (FRST|RCUR): \\d+ transaction\\(s\\), [\\d.]+ EUR$`, 'm'));
    expect(preview.stdout).toMatch(/^ {2}RE-2026-0006 {2}MANDATE_MISSING: entry RE-2026-0006 has no active SEPA mandate$/m);

    const out = join(dir, 'dd.xml');
    const created = cash('sepa', 'run', 'direct-debit', ...run, '--no-batch-booking', '--out', out);
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('(flagged on the entry with the reason)');
    expect(created.stdout).toMatch(/payment order \S+ \(message CM-\S+\) Prepared; file written to/);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('<BtchBookg>false</BtchBookg>');
    expect(await xsdErrors(xml, 'pain.008.001.08')).toEqual([]);
    const messageId = /<MsgId>([^<]+)<\/MsgId>/.exec(xml)![1]!;
    const pmtInf = /<PmtInfId>([^<]+)<\/PmtInfId>/.exec(xml)![1]!;
    const endToEnd = /<EndToEndId>([^<]+)<\/EndToEndId>/.exec(xml)![1]!;
    const label = new RegExp(`^ {2}(RE-\\d{4}-\\d{4}) .* ${endToEnd} `, 'm').exec(created.stdout)![1]!;

    const report = join(dir, 'pain002.xml');
    writeFileSync(report, statusReport(messageId, 'PART', [{ paymentInformationId: pmtInf, transactions: [{ endToEndId: endToEnd, status: 'RJCT', reason: 'AM04' }] }]));
    const applied = cash('sepa', 'status', report, '--tenant', tenant);
    expect(applied.status).toBe(0);
    expect(applied.stdout).toMatch(new RegExp(`order ${messageId} (Partially accepted|Rejected) — \\d+ accepted, 1 rejected`));
    expect(applied.stdout).toContain(`rejected ${endToEnd}: AM04 insufficient funds`);

    const again = cash('sepa', 'run', 'direct-debit', ...run, '--dry-run');
    expect(again.stdout).toMatch(/^would collect 1 transaction\(s\)/m);
    expect(again.stdout).toMatch(new RegExp(`^ {2}${label} `, 'm'));
  }, 300_000);

  it('refuses a report it cannot read, with the code and no stack trace', () => {
    const bad = join(dir, 'not-a-report.xml');
    writeFileSync(bad, '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"/>');
    const tenant = /demo tenant (\S+)/.exec(cash('demo').stdout)![1]!;
    const result = cash('sepa', 'status', bad, '--tenant', tenant);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^database: [^\n]+\nerror STATUS_REPORT_UNSUPPORTED: /);
  }, 120_000);
});
