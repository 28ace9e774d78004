import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { readStatusReport } from '../src/formats/pain002/reader.js';
import { mapStatusOutcomes } from '../src/formats/pain002/outcomes.js';
import { sharedDir } from './shared-dir.js';

const folder = join(sharedDir(), 'fixtures', 'pain002');
const read = (name: string) => readStatusReport(readFileSync(join(folder, name)));

describe('pain.002 conformance over ../shared/fixtures/pain002', () => {
  it.each(readdirSync(folder).filter((f) => f.endsWith('.xml')))('reads %s', (name) => {
    const report = read(name);
    expect(report.messageId).not.toBe('');
    expect(report.original.messageId).not.toBe('');
    const statuses = [report.groupStatus, ...report.batches.flatMap((b) => [b.status, ...b.transactions.map((t) => t.status)])];
    expect(statuses.some((s) => s !== undefined)).toBe(true);
  });

  it('reads the German Verification-of-Payee report without namespace (RVMC group, RVNM transaction)', () => {
    const report = read('hbci4java_de_pain002.v10.vop-no-namespace.xml');
    expect(report.version).toBeUndefined();
    expect(report.verificationOfPayee).toBe(true);
    expect(report.groupStatus).toBe('RVMC');
    expect(report.groupReasons[0]?.verificationOfPayee).toBe('RVNM');
    expect(report.groupReasons[0]?.additionalInformation).toHaveLength(4);
    expect(report.statusCounts.map((c) => c.status)).toEqual(['RCVC', 'RVNM', 'RVMC', 'RVNA', 'PDNG']);
    const tx = report.batches[0]!.transactions[0]!;
    expect(tx).toMatchObject({
      originalEndToEndId: 'NOTPROVIDED',
      originalUetr: 'a34743b9-fb22-4ec6-9947-03b7e191584e',
      status: 'RVNM',
      verificationOfPayee: 'RVNM',
      creditorName: 'Max Mustermann',
      creditorIban: 'DE12345678901234567890',
    });
    const outcomes = mapStatusOutcomes(report, {
      messageId: '2025-10-20T23:33:49:0045',
      payments: [{ endToEndId: 'NOTPROVIDED', paymentInformationId: '2025-10-20T23:33:49:0045' }],
    });
    expect(outcomes.payments[0]).toMatchObject({ outcome: 'pending', verificationOfPayee: 'RVNM' });
  });

  it('reads the Swiss SPS 2019 A-, B- and C-level reports', () => {
    expect(read('libeufin_sps-ch_pain002.v10.a-actc.xml')).toMatchObject({ version: 'pain.002.001.10', groupStatus: 'ACTC' });
    const rejected = read('libeufin_sps-ch_pain002.v10.a-rjct.xml');
    expect(rejected.groupReasons[0]).toMatchObject({ code: 'AM10', additionalInformation: ['904114;ControlSum fehlerhaft'] });
    const batch = read('libeufin_sps-ch_pain002.v10.b-c-rjct.xml').batches[0]!;
    expect(batch).toMatchObject({ paymentInformationId: 'PMTINF-02', status: 'RJCT' });
    expect(batch.reasons[0]?.code).toBe('AC01');
  });

  it('our own pain.002.001.10 fixture is valid against the official schema', async () => {
    const xml = readFileSync(new URL('../src/formats/pain002/fixtures/own_pain002.v10.mixed.xml', import.meta.url), 'utf8');
    const schema = readFileSync(join(sharedDir(), 'fixtures', 'xsd', 'pain.002.001.10.xsd'), 'utf8');
    const result = await validateXML({
      xml: [{ fileName: 'report.xml', contents: xml }],
      schema: [{ fileName: 'pain.002.001.10.xsd', contents: schema }],
    });
    expect(result.errors.map((e) => e.message)).toEqual([]);
  });
});
