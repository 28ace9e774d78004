/**
 * One subscription stream to a topic with flow control: it asks the event bus for at most
 * `batchSize` events, hands them to the handler one at a time, and asks for more only when all it
 * asked for arrived and were handled, so a slow consumer is never flooded. A handler that throws
 * ends the subscription (the events after it are not acknowledged by anyone: a new subscription
 * from the last handled replay id gets them again). `close()` ends the stream without the late
 * CANCELLED error some clients let escape.
 */
import { status as GrpcStatus, type ClientDuplexStream, type Client, type Metadata, type ServiceError } from '@grpc/grpc-js';
import type avro from 'avsc';
import type { CashError } from '../../domain/errors.js';
import { isUnauthenticated, pubSubError } from './pubsub-errors.js';
import type { FetchRequest, FetchResponse, ReplayPreset } from './proto.js';
import type { PubSubClient } from './pubsub-client.js';

export interface SubscribeOptions {
  /** Where to start: after a stored replay id, or at the tip (LATEST) or the oldest kept event (EARLIEST). */
  from: { replayId: Buffer } | 'LATEST' | 'EARLIEST';
  /** How many events may be asked for at once (Salesforce allows up to 100). */
  batchSize?: number;
  /** Called once the event bus has answered the subscription (its headers or a first response). */
  onSubscribed?: () => void;
}

export interface ReceivedEvent {
  replayId: Buffer;
  schemaId: string;
  /** Field values by API name, as the event's Avro schema reads them. */
  fields: Record<string, unknown>;
}

export type SubscriptionState = 'connecting' | 'subscribed' | 'closed' | 'failed';

type Stream = ClientDuplexStream<FetchRequest, FetchResponse>;

export class Subscription {
  state: SubscriptionState = 'connecting';
  /** The last replay id handed to the handler and handled without error. */
  lastReplayId: Buffer | null = null;
  /** Resolves when the stream has ended: with null after `close()`, with the error otherwise. */
  readonly done: Promise<CashError | null>;
  private stream: Stream | null = null;
  private closing = false;
  private queue: Promise<void> = Promise.resolve();
  private outstanding = 0;
  private finish!: (error: CashError | null) => void;
  private readonly batchSize: number;

  constructor(
    private readonly pubsub: PubSubClient,
    private readonly client: Client & Record<string, unknown>,
    private readonly topicName: string,
    private readonly options: SubscribeOptions,
    private readonly onEvent: (event: ReceivedEvent) => Promise<void>,
  ) {
    this.batchSize = Math.min(Math.max(options.batchSize ?? 20, 1), 100);
    this.done = new Promise((resolve) => (this.finish = resolve));
    void this.open();
  }

  private async open(): Promise<void> {
    let metadata: Metadata;
    try {
      metadata = await this.pubsub.metadata();
    } catch (error) {
      this.end(pubSubError(error, `subscribing to ${this.topicName}`));
      return;
    }
    if (this.closing) return this.end(null);
    const stream = (this.client.Subscribe as (m: Metadata) => Stream).call(this.client, metadata);
    this.stream = stream;
    stream.on('metadata', () => this.subscribed());
    stream.on('data', (response: FetchResponse) => this.receive(response));
    stream.on('error', (error: ServiceError) => {
      if (this.closing && error.code === GrpcStatus.CANCELLED) return this.end(null);
      if (isUnauthenticated(error)) this.pubsub.markSessionExpired();
      this.end(pubSubError(error, `subscription to ${this.topicName}`));
    });
    stream.on('end', () => this.end(this.closing ? null : pubSubError(new Error('the event bus ended the stream'), `subscription to ${this.topicName}`)));
    const from = this.options.from;
    const preset: ReplayPreset = typeof from === 'string' ? from : 'CUSTOM';
    this.request({ topic_name: this.topicName, replay_preset: preset, ...(typeof from === 'object' ? { replay_id: from.replayId } : {}) });
  }

  private request(first: Partial<FetchRequest> = {}): void {
    if (!this.stream || this.closing) return;
    this.outstanding = this.batchSize;
    this.stream.write({ ...first, num_requested: this.batchSize });
  }

  private subscribed(): void {
    if (this.state !== 'connecting') return;
    this.state = 'subscribed';
    this.options.onSubscribed?.();
  }

  private receive(response: FetchResponse): void {
    this.subscribed();
    for (const consumed of response.events) {
      this.outstanding -= 1;
      this.queue = this.queue.then(() => this.handle(consumed.event.schema_id, consumed.event.payload, consumed.replay_id));
    }
    // ask for more only once everything asked for has arrived and has been handled
    if (response.events.length > 0 && this.outstanding <= 0) {
      this.queue = this.queue.then(() => this.request());
    }
  }

  private async handle(schemaId: string, payload: Buffer, replayId: Buffer): Promise<void> {
    if (this.state !== 'subscribed' || this.closing) return;
    try {
      const type: avro.Type = await this.pubsub.schema(schemaId);
      const fields = type.fromBuffer(payload) as Record<string, unknown>;
      await this.onEvent({ replayId, schemaId, fields });
      this.lastReplayId = replayId;
    } catch (error) {
      this.end(pubSubError(error, `handling an event of ${this.topicName}`));
      this.stream?.cancel();
    }
  }

  private end(error: CashError | null): void {
    if (this.state === 'closed' || this.state === 'failed') return;
    this.state = error ? 'failed' : 'closed';
    this.finish(error);
  }

  /** Ends the subscription after the event being handled, if any. */
  async close(): Promise<void> {
    this.closing = true;
    await this.queue;
    if (this.stream) this.stream.cancel();
    else this.end(null);
    await this.done;
  }
}
