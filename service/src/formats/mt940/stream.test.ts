import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStatementFile } from '../statement/parse.js';
import type { StatementFile, StatementItem } from '../statement/model.js';
import { streamMt940 } from './index.js';

const dir = new URL('./__fixtures__/', import.meta.url);
const readable = ['fruitl00p_abnamro-nl.sta', 'fruitl00p_bunq-nl.sta', 'fruitl00p_kontist-de.sta', 'fruitl00p_penta-de.sta',
  'fruitl00p_rabobank-nl.sta', 'fruitl00p_sparkasse-de.sta', 'fruitl00p_triodos-nl.sta', 'jejik_bayernlb-de.txt',
  'jejik_bnpparibas-de.txt', 'jejik_postfinance-ch.txt', 'jejik_raiffeisen-kaernten-at.txt',
  'jejik_sparkasse-de.interim-balance.txt', 'jejik_volksbank-de.txt', 'wolph-betterplace_binary-char.sta',
  'wolph_de-gv-codes.sta', 'wolph_de-sparkasse-wrapped-tags.sta', 'wolph_february-30.sta', 'wolph_mt942.sta',
  'wolph_multiline-86.sta', ...readdirSync(new URL('own/', dir)).filter((f) => !f.startsWith('hostile')).map((f) => `own/${f}`)];

function* chunks(bytes: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Streams a file, putting the handed-on items back into their statements, to compare with the whole-file reader. */
async function streamed(bytes: Buffer, chunkSize: number, fileName = 'input'): Promise<StatementFile> {
  const items = new Map<number, StatementItem[]>();
  const file = await streamMt940(chunks(bytes, chunkSize), {
    fileName,
    onItem: (item, _statement, index) => {
      if (!items.has(index)) items.set(index, []);
      items.get(index)!.push(item);
    },
  });
  file.statements.forEach((statement, index) => {
    expect(statement.items).toEqual([]);
    statement.items = items.get(index) ?? [];
  });
  return file;
}

const whole = (bytes: Buffer, fileName = 'input') => parseStatementFile(bytes, { format: 'mt940', fileName });

/** The file repeated until it is several pieces long, so that the stream reader cuts it. */
function large(name: string): Buffer {
  const one = readFileSync(new URL(name, dir));
  return Buffer.concat(Array.from({ length: Math.ceil((2.5 * 1024 * 1024) / one.length) }, () => one));
}

describe('streamMt940', () => {
  it.each(readable)('reads %s as the whole-file reader does, fed in 7-byte chunks', async (name) => {
    const bytes = readFileSync(new URL(name, dir));
    expect(await streamed(bytes, 7, name)).toEqual(await whole(bytes, name));
  });

  it.each(['own/cp850-sparkasse-de.sta', 'jejik_postfinance-ch.txt', 'jejik_sparkasse-de.interim-balance.txt'])(
    'reads %s repeated to 2.5 MB (cut into pieces) as the whole-file reader does, line numbers included',
    async (name) => {
      const bytes = large(name);
      const file = await streamed(bytes, 64 * 1024);
      expect(file).toEqual(await whole(bytes));
      expect(file.statements.length).toBeGreaterThan(100);
    },
  );

  it('names the right line of a broken field far into a streamed file', async () => {
    const good = large('fruitl00p_sparkasse-de.sta');
    const lines = good.toString('latin1').split('\n').length;
    const bytes = Buffer.concat([good, Buffer.from(':20:X\n:25:DE89370400440532013000\n:60F:C200101EUR0,00\n:61:nonsense\n')]);
    await expect(streamed(bytes, 64 * 1024)).rejects.toMatchObject({ code: 'STATEMENT_MALFORMED', details: { line: lines + 3 } });
  });

  it('hands out items while the file is still being read', async () => {
    const bytes = large('jejik_volksbank-de.txt');
    const all = [...chunks(bytes, 64 * 1024)];
    let given = 0;
    let givenAtFirstItem = -1;
    async function* source() {
      for (const chunk of all) {
        given += 1;
        yield chunk;
      }
    }
    await streamMt940(source(), {
      onItem: () => {
        if (givenAtFirstItem < 0) givenAtFirstItem = given;
      },
    });
    expect(givenAtFirstItem).toBeGreaterThan(0);
    expect(givenAtFirstItem).toBeLessThan(all.length / 2);
  });

  it('refuses a file without MT940 fields after its first bytes, without reading the rest', async () => {
    let given = 0;
    async function* garbage() {
      for (; given < 10_000; given += 1) yield Buffer.alloc(64 * 1024, 'x');
    }
    await expect(streamMt940(garbage(), { fileName: 'junk.sta' })).rejects.toMatchObject({ code: 'STATEMENT_MALFORMED' });
    expect(given).toBeLessThan(40);
  });
});
