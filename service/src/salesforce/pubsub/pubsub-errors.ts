/** What a Pub/Sub API failure means to us: typed errors with stable codes, from gRPC statuses. */
import { status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { CashError, unavailable } from '../../domain/errors.js';

const isServiceError = (error: unknown): error is ServiceError =>
  error instanceof Error && typeof (error as Partial<ServiceError>).code === 'number' && 'metadata' in error;

export const isUnauthenticated = (error: unknown) => isServiceError(error) && error.code === GrpcStatus.UNAUTHENTICATED;

export function pubSubError(error: unknown, doing: string): CashError {
  if (error instanceof CashError) return error;
  if (!isServiceError(error)) return unavailable('PUBSUB_FAILED', `${doing}: ${error instanceof Error ? error.message : String(error)}`);
  const detail = error.details || error.message;
  switch (error.code) {
    case GrpcStatus.UNAUTHENTICATED:
    case GrpcStatus.PERMISSION_DENIED:
      return new CashError('PUBSUB_NOT_AUTHORISED', 'unauthorized', `${doing}: the org refused the integration user (${detail})`);
    case GrpcStatus.NOT_FOUND:
      return new CashError('PUBSUB_TOPIC_NOT_FOUND', 'not_found', `${doing}: ${detail}`);
    case GrpcStatus.INVALID_ARGUMENT:
      return new CashError('PUBSUB_REFUSED', 'invalid', `${doing}: ${detail}`);
    default:
      return unavailable('PUBSUB_UNAVAILABLE', `${doing}: the Pub/Sub API did not answer (${GrpcStatus[error.code] ?? error.code}: ${detail})`);
  }
}
