/**
 * Takes one event from the org's command topic. In one transaction: the command is recorded once
 * per correlation id, queued as a job (or refused with the reason), its `accepted` or `failed`
 * notification put in the outbox, and only then the event's replay id stored. A crash before the
 * commit leaves nothing, and the subscription resumes before this event; a crash after it loses
 * nothing. A command seen twice (a replay, a flow publishing twice) runs once.
 */
import { randomUUID } from 'node:crypto';
import type { JobQueue } from '../../jobs/queue.js';
import type { ReceivedEvent } from '../pubsub/subscription.js';
import { readCommand } from './command-envelope.js';
import { COMMAND_TOPIC, type BridgeStore } from './bridge-store.js';
import { failure } from './notification-fields.js';

export const ORG_COMMAND_JOB = 'org.command';

export interface OrgCommandJobPayload {
  correlationId: string;
  name: string;
  payload: Record<string, unknown>;
  createdById: string | null;
}

export type Intake = 'queued' | 'refused' | 'repeated' | 'before-connection';

/**
 * `connectedSince`: when the tenant was first subscribed. The subscription starts at the oldest
 * event the bus keeps, so that a process taking over before any replay id was stored misses
 * nothing; commands published before that moment are recorded but not run.
 */
export async function takeCommand(
  store: BridgeStore,
  jobs: JobQueue,
  tenantId: string,
  holder: string,
  event: ReceivedEvent,
  connectedSince: Date,
): Promise<Intake> {
  const published = typeof event.fields.CreatedDate === 'number' ? event.fields.CreatedDate : Number(event.fields.CreatedDate);
  if (Number.isFinite(published) && published < connectedSince.getTime()) {
    return store.db.transaction(async (tx) => {
      await store.storeReplayId(tx, tenantId, COMMAND_TOPIC, holder, event.replayId);
      return 'before-connection' as const;
    });
  }
  const envelope = readCommand(event.fields);
  // without a correlation id nobody can be answered; the event is still recorded, under its replay id
  const correlationId = (envelope.ok ? envelope.command.correlationId : envelope.correlationId) ?? `replay-${event.replayId.toString('hex')}`;
  return store.db.transaction(async (tx) => {
    let intake: Intake;
    if (envelope.ok) {
      const { command } = envelope;
      const jobId = randomUUID();
      const fresh = await store.recordCommand(tx, tenantId, event.replayId, { ...command, correlationId }, { status: 'queued', jobId });
      if (fresh) {
        const payload: OrgCommandJobPayload = { correlationId, name: command.name, payload: command.payload, createdById: command.createdById };
        const job = await jobs.enqueue(tenantId, ORG_COMMAND_JOB, payload, `org:${command.createdById ?? 'unknown'}`, { id: jobId, on: tx });
        await store.notify(tx, tenantId, { correlationId, command: command.name, status: 'accepted', progress: 0, message: `Accepted by the service (job ${job.id})`, payload: { jobId: job.id } });
      }
      intake = fresh ? 'queued' : 'repeated';
    } else {
      const name = envelope.name;
      const fresh = await store.recordCommand(
        tx,
        tenantId,
        event.replayId,
        { correlationId, name, payload: typeof event.fields.Payload__c === 'string' ? { raw: event.fields.Payload__c.slice(0, 2000) } : null, createdById: null },
        { status: 'refused', code: envelope.code, message: envelope.message },
      );
      if (fresh) await store.notify(tx, tenantId, failure(correlationId, name, envelope.code, envelope.message));
      intake = fresh ? 'refused' : 'repeated';
    }
    await store.storeReplayId(tx, tenantId, COMMAND_TOPIC, holder, event.replayId);
    return intake;
  });
}
