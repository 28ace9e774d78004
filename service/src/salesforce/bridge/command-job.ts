/**
 * The job that runs one org command and tells the org how it went: `progress` while it runs, then
 * `succeeded` with the result or `failed` with the code and a message a person can act on.
 */
import { CashError } from '../../domain/errors.js';
import type { JobHandler } from '../../jobs/worker.js';
import type { OrgCommand } from './command-envelope.js';
import type { CommandName } from './command-payloads.js';
import { handlerFor, type CommandHandlers } from './command-catalogue.js';
import type { BridgeStore } from './bridge-store.js';
import type { OrgCommandJobPayload } from './command-intake.js';
import { failure, type Notification } from './notification-fields.js';

export function orgCommandJob(store: BridgeStore, handlers: CommandHandlers, published: (tenantId: string) => void): JobHandler {
  return async ({ job, progress }) => {
    const payload = job.payload as OrgCommandJobPayload;
    const command: OrgCommand = { name: payload.name as CommandName, correlationId: payload.correlationId, version: 1, payload: payload.payload, createdById: payload.createdById };
    const say = async (notification: Notification) => {
      await store.notify(store.db, job.tenantId, notification);
      published(job.tenantId);
    };
    try {
      const result = await handlerFor(handlers, command.name)({
        tenantId: job.tenantId,
        command,
        progress: async (percent, message) => {
          await progress(percent, 100, message);
          await say({ correlationId: command.correlationId, command: command.name, status: 'progress', progress: percent, message });
        },
      });
      await say({ correlationId: command.correlationId, command: command.name, status: 'succeeded', message: result.message, payload: result.payload ?? null });
      return result;
    } catch (error) {
      const code = error instanceof CashError ? error.code : 'INTERNAL';
      const message = error instanceof CashError ? error.message : 'the service failed unexpectedly; the operator finds the details in its log';
      await say(failure(command.correlationId, command.name, code, message));
      throw error;
    }
  };
}
