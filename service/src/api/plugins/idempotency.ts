import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { CashError } from '../../domain/errors.js';
import type { Db } from '../../store/db.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

/** Key order must not matter: the same body written differently is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const KEY = /^[\x21-\x7e]{1,255}$/;
/** Longer than any request may take; an unanswered key older than this is free again. */
const STALE_SECONDS = 300;

/**
 * POSTs with an Idempotency-Key: the first response is stored and replayed for the same key and
 * body; the same key with another body is refused; a retry while the first is running waits its turn
 * by being refused with IDEMPOTENCY_IN_PROGRESS. Server errors are not stored, so they can be retried.
 */
export function registerIdempotency(app: FastifyInstance, db: Db): void {
  app.decorateRequest('idempotencyKey', null);

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined || !request.caller) return;
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new CashError('IDEMPOTENCY_KEY_INVALID', 'invalid', 'Idempotency-Key must be 1–255 visible ASCII characters');
    }
    // A streamed upload (a bank file) is not read here: its length stands in for its content.
    const requestBody = request.body instanceof Readable ? `stream:${request.headers['content-length'] ?? ''}` : canonical(request.body ?? null);
    const hash = createHash('sha256').update(`${request.method} ${request.url}\n${requestBody}`).digest('hex');
    // a first request that died before answering must not hold its key for ever
    await db.query(
      `DELETE FROM idempotency_keys WHERE tenant_id = $1 AND key = $2 AND status_code IS NULL AND created_at < now() - interval '${STALE_SECONDS} seconds'`,
      [request.caller.tenantId, key],
    );
    const inserted = await db.query(
      `INSERT INTO idempotency_keys (tenant_id, key, method, path, request_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, key) DO NOTHING RETURNING key`,
      [request.caller.tenantId, key, request.method, request.url, hash],
    );
    if (inserted.length > 0) {
      request.idempotencyKey = key;
      return;
    }
    const [stored] = await db.query<{ request_hash: string; status_code: number | null; response: unknown }>(
      'SELECT request_hash, status_code, response FROM idempotency_keys WHERE tenant_id = $1 AND key = $2',
      [request.caller.tenantId, key],
    );
    if (!stored || stored.request_hash !== hash) {
      throw new CashError('IDEMPOTENCY_KEY_REUSED', 'invalid', 'this Idempotency-Key was used with a different request');
    }
    if (stored.status_code === null) {
      throw new CashError('IDEMPOTENCY_IN_PROGRESS', 'conflict', 'a request with this Idempotency-Key is still being processed');
    }
    const body = stored.response as { contentType: string; payload: string };
    return reply.status(stored.status_code).header('idempotent-replayed', 'true').type(body.contentType).send(body.payload);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (!key || !request.caller) return payload;
    if (reply.statusCode >= 500) {
      await db.query('DELETE FROM idempotency_keys WHERE tenant_id = $1 AND key = $2', [request.caller.tenantId, key]);
    } else {
      const contentType = String(reply.getHeader('content-type') ?? 'application/json');
      await db.query('UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE tenant_id = $1 AND key = $2', [
        request.caller.tenantId,
        key,
        reply.statusCode,
        JSON.stringify({ contentType, payload: typeof payload === 'string' ? payload : String(payload ?? '') }),
      ]);
    }
    return payload;
  });
}
