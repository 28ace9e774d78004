/**
 * The job that creates a payment run of any size, with progress, so a large run does not hold an
 * HTTP request open. Its result names the order and repeats the order's counts. A job whose worker
 * died is retried: it resumes the run where it stopped, or returns the order it had finished.
 */
import { invalid } from '../domain/errors.js';
import type { JobHandler } from '../jobs/worker.js';
import type { PaymentRuns, RunRequest } from './payment-runs.js';

export const PAYMENT_RUN_CREATE = 'payment-run.create';

export function paymentRunJob(runs: PaymentRuns): JobHandler {
  return async ({ job, progress }) => {
    const request = job.payload as RunRequest;
    if (!request || (request.kind !== 'direct-debit' && request.kind !== 'credit-transfer') || typeof request.businessEntity !== 'string') {
      throw invalid('JOB_PAYLOAD_INVALID', `${PAYMENT_RUN_CREATE} needs kind, businessEntity and until`);
    }
    const ctx = { tenantId: job.tenantId, actor: job.createdBy, businessProcess: 'Payment Run' };
    await progress(0, null, 'selecting entries');
    const { order, resumed } = await runs.createForJob(ctx, request, job.id, (done, total) => progress(done, total, 'creating payments'));
    return {
      orderId: order.id,
      messageId: order.messageId,
      status: order.status,
      count: order.transactionCount,
      total: order.total,
      excluded: order.excluded,
      resumed,
    };
  };
}
