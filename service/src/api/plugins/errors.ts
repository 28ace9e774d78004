import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { CashError, type ErrorKind } from '../../domain/errors.js';

const STATUS: Record<ErrorKind, number> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  unavailable: 502,
  too_large: 413,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

/** Fastify's own codes for bad requests, mapped to ours. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'MEDIA_TYPE_UNSUPPORTED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BODY_EMPTY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'JSON_MALFORMED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'CONTENT_LENGTH_INVALID',
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
  details?: Record<string, unknown>;
}

export function problem(status: number, code: string, detail: string, extra: Partial<ProblemBody> = {}): ProblemBody {
  return { type: `urn:cash-management:problem:${code}`, title: TITLES[status] ?? 'Error', status, code, detail, ...extra };
}

export function sendProblem(reply: FastifyReply, body: ProblemBody) {
  return reply.status(body.status).type('application/problem+json').send(body);
}

/**
 * One place decides how errors look: RFC 9457 problem details with a stable code, never a stack
 * trace. Unknown errors are logged with their stack and answered with a bare 500.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof CashError) {
      return sendProblem(reply, problem(STATUS[error.kind], error.code, error.message, error.details ? { details: error.details } : {}));
    }
    if (error.validation) {
      const errors = error.validation.map((v) => ({
        path: `${error.validationContext ?? 'body'}${v.instancePath || ''}`,
        message:
          v.keyword === 'additionalProperties'
            ? `unknown field "${String((v.params as { additionalProperty?: string }).additionalProperty)}"`
            : (v.message ?? 'is invalid'),
      }));
      const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
      return sendProblem(reply, problem(400, 'VALIDATION_FAILED', detail, { errors }));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = FASTIFY_CODES[error.code] ?? (error instanceof SyntaxError ? 'JSON_MALFORMED' : 'BAD_REQUEST');
      return sendProblem(reply, problem(status, code, error.message));
    }
    if ((error as { code?: string }).code === '23514') {
      request.log.error({ err: error }, 'database check refused a write the domain allowed');
      return sendProblem(reply, problem(409, 'CONSTRAINT_VIOLATION', 'the change would break a ledger invariant'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problem(500, 'INTERNAL', 'an unexpected error occurred; it has been logged'));
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, 'ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
}
