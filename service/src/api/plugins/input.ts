import type { FastifyInstance, FastifyRequest } from 'fastify';
import { cleanText } from '../../domain/text.js';
import { problem, sendProblem } from './errors.js';

type JsonParser = (request: FastifyRequest, body: string, done: (error: Error | null, body?: unknown) => void) => void;

/** An error the error handler answers as a 400 with the given code (see FASTIFY_CODES in errors.ts). */
function badRequest(code: string, message: string): Error {
  return Object.assign(new Error(message), { statusCode: 400, code });
}

/**
 * Central input handling, before any schema sees the request:
 * - an empty body sent as application/json is no body at all (a DELETE or an action without
 *   parameters, as many HTTP clients send them); only routes that need a body refuse it;
 * - every string of the body, query and path parameters is normalised to NFC, and a NUL character
 *   is refused with 400 TEXT_NUL_BYTE (PostgreSQL cannot store it).
 */
export function registerInputHandling(app: FastifyInstance): void {
  const json = app.getDefaultJsonParser('error', 'error') as unknown as JsonParser;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (String(body).trim() !== '') return json(request, String(body), done);
    if (request.routeOptions.schema?.body) return done(badRequest('FST_ERR_CTP_EMPTY_JSON_BODY', 'the request needs a JSON body'));
    return done(null, undefined);
  });

  app.addHook('preValidation', async (request, reply) => {
    for (const part of ['params', 'query', 'body'] as const) {
      // the query parser makes objects of its own class; a copy makes them plain so they are walked
      const given = part === 'body' ? request.body : { ...(request[part] as object) };
      const { value, nulAt } = cleanText(given);
      if (nulAt !== null) {
        return sendProblem(reply, problem(400, 'TEXT_NUL_BYTE', `${part}${nulAt}: text must not contain a NUL character (\\u0000)`));
      }
      request[part] = value;
    }
  });
}
