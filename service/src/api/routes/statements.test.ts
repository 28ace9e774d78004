import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../test-support/harness.js';

const LIMIT = 256 * 1024;
let h: Harness;

beforeAll(async () => {
  h = await openHarness({ maxStatementBytes: LIMIT });
});
afterAll(() => h.close());

/** A body of `chunks` 16 KiB chunks, starting with `start`, that counts how many were read. */
function counted(chunks: number, start = '') {
  const state = { read: 0 };
  const stream = Readable.from(
    (function* () {
      for (; state.read < chunks; ) {
        state.read += 1;
        const chunk = Buffer.alloc(16 * 1024, ' ');
        if (state.read === 1) chunk.write(start);
        yield chunk;
      }
    })(),
  );
  return { stream, state };
}

const upload = (query: string, payload: string | Buffer | Readable, headers: Record<string, string> = {}) =>
  h.call(h.tenantA.write, { method: 'POST', url: `/v1/bank-statements${query}`, payload, headers: { 'content-type': 'text/plain', ...headers } });

describe('POST /v1/bank-statements', () => {
  it('refuses an upload whose Content-Length is over the limit with 413, without reading it', async () => {
    const body = counted(1000);
    const response = await upload('?fileName=big.sta', body.stream, { 'content-length': String(1000 * 16 * 1024) });
    expect(response).toMatchObject({ status: 413, body: { code: 'STATEMENT_TOO_LARGE', details: { limit: LIMIT } } });
    expect(body.state.read).toBeLessThanOrEqual(1);
  });

  it('refuses a streamed upload with 413 as soon as it passes the limit, without reading the rest', async () => {
    const body = counted(1000, ':20:STATEMENT\n:25:DE89370400440532013000\n:28C:1\n:60F:C261130EUR0,00\n');
    const response = await upload('?fileName=endless.sta', body.stream);
    expect(response).toMatchObject({ status: 413, body: { code: 'STATEMENT_TOO_LARGE' } });
    expect(body.state.read).toBeLessThan(LIMIT / (16 * 1024) + 4);
  });

  it('refuses an upload that is no bank file from its first 64 KiB, without reading the rest', async () => {
    const body = counted(1000);
    const response = await upload('?fileName=junk.bin', body.stream);
    expect(response).toMatchObject({ status: 422, body: { code: 'STATEMENT_FORMAT_UNKNOWN' } });
    expect(body.state.read).toBeLessThan(8);
  });

  it('stores a file up to the limit, streamed in', async () => {
    const file = readFileSync(new URL('../../banking/__fixtures__/feedback_camt053.v8.xml', import.meta.url));
    const response = await upload('?fileName=day.xml', Readable.from([file.subarray(0, 1000), file.subarray(1000)]), {
      'content-type': 'application/xml',
    });
    expect(response).toMatchObject({ status: 201, body: { format: 'camt.053.001.08', newItems: 4 } });
  });

  it('needs the account of a file that names none, and validates it as an IBAN', async () => {
    const csv = 'Booking Date,Amount,Currency,Description\n2026-12-01,-10.00,EUR,Fee\n';
    expect(await upload('?fileName=fees.csv', csv, { 'content-type': 'text/csv' })).toMatchObject({
      status: 422,
      body: { code: 'STATEMENT_ACCOUNT_REQUIRED' },
    });
    expect(await upload('?fileName=fees.csv&account=DE00123', csv, { 'content-type': 'text/csv' })).toMatchObject({
      status: 422,
      body: { code: 'ACCOUNT_IBAN_INVALID' },
    });
    const stored = await upload('?fileName=fees.csv&account=GB33BUKB20201555555555', csv, { 'content-type': 'text/csv' });
    expect(stored).toMatchObject({ status: 201, body: { newItems: 1, statements: [{ account: 'GB33BUKB20201555555555' }] } });
  });
});
