import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { tooLarge } from '../formats/statement/stream.js';

export interface SpooledUpload {
  size: number;
  /** A fresh stream of the upload's bytes, each time it is called. */
  open(): AsyncIterable<Uint8Array>;
  remove(): Promise<void>;
}

const HEAD_BYTES = 64 * 1024;

/**
 * Writes an upload to a temporary file as it arrives, counting bytes, and refuses it as soon as it
 * passes the limit, or as soon as `checkHead` refuses its first 64 KiB. The import then reads the
 * file (twice) at disk speed, so the request body is never held in memory and a slow client never
 * keeps a database transaction open.
 */
export async function spoolUpload(
  body: Readable,
  limit: number,
  fileName: string,
  checkHead: (head: Buffer) => Promise<void> = async () => undefined,
): Promise<SpooledUpload> {
  const dir = await mkdtemp(join(tmpdir(), 'cash-upload-'));
  const path = join(dir, 'upload');
  const remove = () => rm(dir, { recursive: true, force: true });
  let size = 0;
  let head: Buffer[] | undefined = [];
  const out = createWriteStream(path);
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => {
        // Paused, not destroyed: the request's socket must stay up to carry the answer.
        body.pause();
        body.removeAllListeners('data');
        reject(error);
      };
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) return fail(tooLarge(fileName, limit));
        const full = !out.write(chunk);
        if (head && size >= HEAD_BYTES) {
          const first = Buffer.concat(head.concat(chunk));
          head = undefined;
          body.pause();
          // The file may have drained while the head was checked: resume unless it still needs to.
          const resume = () => (out.writableNeedDrain ? out.once('drain', () => body.resume()) : body.resume());
          checkHead(first).then(resume, fail);
          return;
        }
        head?.push(chunk);
        if (full) {
          body.pause();
          out.once('drain', () => body.resume());
        }
      });
      body.once('end', resolve);
      body.once('error', fail);
      out.once('error', fail);
    });
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    await remove();
    throw error;
  }
  return { size, open: () => createReadStream(path, { highWaterMark: 1024 * 1024 }), remove };
}
