/**
 * The Pub/Sub API of the test org: a gRPC server over TLS built from the official proto, with the
 * package's platform events as topics. It checks the three metadata headers every call carries,
 * keeps each topic's events with replay ids, honours the subscribers' flow control
 * (`num_requested`), answers replay presets and stored replay ids, sends keepalives, and refuses
 * events that do not fit the schema or miss required fields, as an org does. Faults for tests:
 * drop every open stream, forget old events (retention), refuse tokens.
 */
import { randomUUID } from 'node:crypto';
import {
  Metadata as GrpcMetadata,
  Server,
  ServerCredentials,
  status as GrpcStatus,
  type ServerDuplexStream,
  type ServerUnaryCall,
  type sendUnaryData,
} from '@grpc/grpc-js';
import avro from 'avsc';
import { pubSubService, type FetchRequest, type FetchResponse, type PublishRequest, type PublishResponse } from '../../pubsub/proto.js';
import { testServerTls } from '../../../test-support/test-tls.js';
import { readEventDefinitions, type EventDefinition } from './event-schemas.js';

export interface PubSubCaller {
  accessToken: string;
  instanceUrl: string;
  orgId: string;
}

export interface TestPubSubOptions {
  /** The org id the server belongs to (tenant_guid). */
  orgId: string;
  /** Whether a caller's token is valid now; the test org's session store decides. */
  authorize: (caller: PubSubCaller) => boolean;
  /** Pause between keepalive responses on idle streams (Salesforce: within 270 s). */
  keepAliveMs?: number;
  objectsDir?: string;
}

export interface BusEvent {
  replayId: Buffer;
  fields: Record<string, unknown>;
}

interface StoredEvent extends BusEvent {
  seq: number;
  schemaId: string;
  payload: Buffer;
}

interface Topic {
  definition: EventDefinition;
  type: avro.Type;
  events: StoredEvent[];
  /** Events before this sequence number are no longer kept. */
  oldestKept: number;
  waiting: Set<() => void>;
  delivered: number;
}

export interface TestPubSub {
  /** `host:port` for `SF_PUBSUB_ENDPOINT`. */
  endpoint: string;
  /** Publishes as a user in the org does (an Apex trigger, a flow), returning the replay id. */
  publishAsOrg(topicName: string, fields: Record<string, unknown>): Buffer;
  /** Everything on a topic's bus, decoded. */
  events(topicName: string): BusEvent[];
  /** How many events the server has sent to subscribers of a topic, over all streams. */
  delivered(topicName: string): number;
  /** Open Subscribe streams on a topic. */
  subscribers(topicName: string): number;
  /** Ends every open Subscribe stream with UNAVAILABLE, as a network failure or org maintenance does. */
  dropStreams(): void;
  /** Forgets a topic's events up to now, as retention does after three days. */
  expireEvents(topicName: string): void;
  close(): Promise<void>;
}

const replayIdOf = (seq: number) => {
  const id = Buffer.alloc(8);
  id.writeBigUInt64BE(BigInt(seq));
  return id;
};
const seqOf = (replayId: Buffer | undefined) => (replayId && replayId.length === 8 ? Number(replayId.readBigUInt64BE()) : -1);

const grpcError = (code: GrpcStatus, details: string) => Object.assign(new Error(details), { code, details });

function callerOf(metadata: GrpcMetadata): PubSubCaller | null {
  const one = (key: string) => {
    const value = metadata.get(key)[0];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const accessToken = one('accesstoken');
  const instanceUrl = one('instanceurl');
  const orgId = one('tenantid');
  return accessToken && instanceUrl && orgId ? { accessToken, instanceUrl, orgId } : null;
}

export async function startTestPubSub(options: TestPubSubOptions): Promise<TestPubSub> {
  const topics = new Map<string, Topic>();
  const bySchemaId = new Map<string, Topic>();
  for (const definition of readEventDefinitions(options.objectsDir).values()) {
    const topic: Topic = { definition, type: avro.Type.forSchema(definition.schema as avro.Schema), events: [], oldestKept: 0, waiting: new Set(), delivered: 0 };
    topics.set(`/event/${definition.name}`, topic);
    bySchemaId.set(definition.schemaId, topic);
  }
  let nextSeq = 1;
  const streams = new Set<{ topic: Topic | null; call: ServerDuplexStream<FetchRequest, FetchResponse> }>();

  const refuse = (metadata: GrpcMetadata): Error | null => {
    const caller = callerOf(metadata);
    if (!caller) return grpcError(GrpcStatus.UNAUTHENTICATED, 'missing accesstoken, instanceurl or tenantid header');
    if (caller.orgId !== options.orgId || !options.authorize(caller)) {
      return grpcError(GrpcStatus.UNAUTHENTICATED, 'sfdc.platform.eventbus.grpc.service.auth.error: the session is not valid');
    }
    return null;
  };

  const append = (topic: Topic, fields: Record<string, unknown>): StoredEvent => {
    const seq = nextSeq++;
    const event: StoredEvent = { seq, replayId: replayIdOf(seq), schemaId: topic.definition.schemaId, payload: topic.type.toBuffer(fields), fields };
    topic.events.push(event);
    for (const wake of topic.waiting) wake();
    return event;
  };

  const problemsOf = (topic: Topic, fields: Record<string, unknown>): string | null => {
    const missing = topic.definition.required.filter((name) => fields[name] === null || fields[name] === undefined);
    return missing.length > 0 ? `Required fields are missing: [${missing.join(', ')}]` : null;
  };

  const server = new Server();
  server.addService(pubSubService, {
    GetTopic(call: ServerUnaryCall<{ topic_name: string }, unknown>, done: sendUnaryData<unknown>) {
      const refused = refuse(call.metadata);
      if (refused) return done(refused);
      const topic = topics.get(call.request.topic_name);
      if (!topic) return done(grpcError(GrpcStatus.NOT_FOUND, `topic ${call.request.topic_name} not found`));
      done(null, { topic_name: call.request.topic_name, tenant_guid: options.orgId, can_publish: true, can_subscribe: true, schema_id: topic.definition.schemaId, rpc_id: randomUUID() });
    },
    GetSchema(call: ServerUnaryCall<{ schema_id: string }, unknown>, done: sendUnaryData<unknown>) {
      const refused = refuse(call.metadata);
      if (refused) return done(refused);
      const topic = bySchemaId.get(call.request.schema_id);
      if (!topic) return done(grpcError(GrpcStatus.NOT_FOUND, `schema ${call.request.schema_id} not found`));
      done(null, { schema_json: JSON.stringify(topic.definition.schema), schema_id: call.request.schema_id, rpc_id: randomUUID() });
    },
    Publish(call: ServerUnaryCall<PublishRequest, PublishResponse>, done: sendUnaryData<PublishResponse>) {
      const refused = refuse(call.metadata);
      if (refused) return done(refused);
      const topic = topics.get(call.request.topic_name);
      if (!topic) return done(grpcError(GrpcStatus.NOT_FOUND, `topic ${call.request.topic_name} not found`));
      const results = call.request.events.map((event) => {
        const fail = (msg: string) => ({ replay_id: Buffer.alloc(0), error: { code: 'PUBLISH' as const, msg }, correlation_key: event.id });
        if (event.schema_id !== topic.definition.schemaId) return fail(`schema ${event.schema_id} is not the schema of ${call.request.topic_name}`);
        let fields: Record<string, unknown>;
        try {
          fields = topic.type.fromBuffer(event.payload) as Record<string, unknown>;
        } catch (error) {
          return fail(`the payload does not decode with the topic's schema: ${(error as Error).message}`);
        }
        const problem = problemsOf(topic, fields);
        if (problem) return fail(problem);
        return { replay_id: append(topic, fields).replayId, error: null, correlation_key: event.id };
      });
      done(null, { results, schema_id: topic.definition.schemaId, rpc_id: randomUUID() } as PublishResponse);
    },
    Subscribe(call: ServerDuplexStream<FetchRequest, FetchResponse>) {
      const entry: { topic: Topic | null; call: typeof call } = { topic: null, call };
      const refused = refuse(call.metadata);
      if (refused) return call.emit('error', refused);
      call.sendMetadata(new GrpcMetadata());
      streams.add(entry);
      let credits = 0;
      let cursor = 0;
      let keepAlive: NodeJS.Timeout | null = null;
      const latest = () => (entry.topic && entry.topic.events.length > 0 ? entry.topic.events.at(-1)!.replayId : Buffer.alloc(0));
      const deliver = () => {
        const topic = entry.topic;
        if (!topic || credits <= 0) return;
        const start = Math.max(cursor, 0);
        const batch = topic.events.filter((e) => e.seq > start && e.seq >= topic.oldestKept).slice(0, credits);
        if (batch.length === 0) return;
        credits -= batch.length;
        topic.delivered += batch.length;
        cursor = batch.at(-1)!.seq;
        call.write({
          events: batch.map((e) => ({ event: { id: randomUUID(), schema_id: e.schemaId, payload: e.payload, headers: [] }, replay_id: e.replayId })),
          latest_replay_id: latest(),
          rpc_id: randomUUID(),
          pending_num_requested: credits,
        });
      };
      const stop = () => {
        streams.delete(entry);
        entry.topic?.waiting.delete(deliver);
        if (keepAlive) clearInterval(keepAlive);
      };
      call.on('data', (request: FetchRequest) => {
        if (!entry.topic) {
          const topic = topics.get(request.topic_name ?? '');
          if (!topic) {
            stop();
            return call.emit('error', grpcError(GrpcStatus.NOT_FOUND, `topic ${request.topic_name} not found`));
          }
          if (request.replay_preset === 'CUSTOM') {
            const seq = seqOf(request.replay_id);
            if (seq < topic.oldestKept - 1 || seq >= nextSeq || seq < 0) {
              stop();
              return call.emit('error', grpcError(GrpcStatus.INVALID_ARGUMENT, 'The Replay ID validation failed: the replay id is not valid or is no longer kept'));
            }
            cursor = seq;
          } else {
            cursor = request.replay_preset === 'EARLIEST' ? topic.oldestKept - 1 : nextSeq - 1;
          }
          entry.topic = topic;
          topic.waiting.add(deliver);
          keepAlive = setInterval(
            () => call.write({ events: [], latest_replay_id: latest(), rpc_id: randomUUID(), pending_num_requested: credits }),
            options.keepAliveMs ?? 60_000,
          );
        }
        credits += Math.max(0, request.num_requested);
        deliver();
      });
      call.on('end', () => {
        stop();
        call.end();
      });
      call.on('cancelled', stop);
      call.on('error', stop);
    },
    PublishStream(call: ServerDuplexStream<unknown, unknown>) {
      call.emit('error', grpcError(GrpcStatus.UNIMPLEMENTED, 'PublishStream is not offered by the test org'));
    },
    ManagedSubscribe(call: ServerDuplexStream<unknown, unknown>) {
      call.emit('error', grpcError(GrpcStatus.UNIMPLEMENTED, 'ManagedSubscribe is not offered by the test org'));
    },
  });

  const tls = testServerTls();
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createSsl(null, [{ private_key: tls.key, cert_chain: tls.cert }]), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );

  const topicOf = (name: string) => {
    const topic = topics.get(name);
    if (!topic) throw new Error(`the test org has no topic ${name}`);
    return topic;
  };

  return {
    endpoint: `localhost:${port}`,
    publishAsOrg(topicName, fields) {
      const topic = topicOf(topicName);
      const record = { CreatedDate: Date.now(), CreatedById: '005000000000001AAA', ...fields };
      for (const f of (topic.type as avro.types.RecordType).fields) if (!(f.name in record)) (record as Record<string, unknown>)[f.name] = null;
      const problem = problemsOf(topic, record);
      if (problem) throw new Error(problem);
      return append(topic, record).replayId;
    },
    events(topicName) {
      const topic = topicOf(topicName);
      return topic.events.filter((e) => e.seq >= topic.oldestKept).map(({ replayId, fields }) => ({ replayId, fields }));
    },
    delivered: (topicName) => topicOf(topicName).delivered,
    subscribers: (topicName) => [...streams].filter((s) => s.topic === topics.get(topicName)).length,
    dropStreams() {
      for (const { call } of [...streams]) call.emit('error', grpcError(GrpcStatus.UNAVAILABLE, 'the event bus is restarting'));
      streams.clear();
    },
    expireEvents(topicName) {
      topicOf(topicName).oldestKept = nextSeq;
    },
    async close() {
      for (const { call } of [...streams]) call.emit('error', grpcError(GrpcStatus.UNAVAILABLE, 'the test org is shutting down'));
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
      server.forceShutdown();
    },
  };
}
