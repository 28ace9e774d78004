/**
 * A client of the Salesforce Pub/Sub API over gRPC, written against the official proto rather than
 * the community client package, because that package pins its own CA bundle: here TLS trust is
 * Node's (so `NODE_EXTRA_CA_CERTS` reaches it), and verification is never switched off. Payloads
 * are Avro, read and written with the schema the org serves for each schema id.
 */
import { createSecureContext } from 'node:tls';
import { credentials, Metadata, type Client } from '@grpc/grpc-js';
import avro from 'avsc';
import { invalid } from '../../domain/errors.js';
import { isUnauthenticated, pubSubError } from './pubsub-errors.js';
import { PubSubClientConstructor, type PublishResponse, type SchemaInfo, type TopicInfo } from './proto.js';
import { Subscription, type SubscribeOptions, type ReceivedEvent } from './subscription.js';

export const DEFAULT_PUBSUB_ENDPOINT = 'api.pubsub.salesforce.com:7443';

/** Who the calls are made as: the org's access token, its instance URL and its org id. */
export interface PubSubSession {
  accessToken: string;
  instanceUrl: string;
  orgId: string;
}

export interface PubSubClientOptions {
  /** `host:port`; Salesforce's endpoint unless `SF_PUBSUB_ENDPOINT` or this option says otherwise. */
  endpoint?: string;
  /** The current session; called with `refresh` true after the org refused an expired token. */
  session: (refresh: boolean) => Promise<PubSubSession>;
}

type Unary<Req, Res> = (request: Req, metadata: Metadata, callback: (error: Error | null, response: Res) => void) => void;

export class PubSubClient {
  private readonly client: Client & Record<string, unknown>;
  private readonly schemas = new Map<string, Promise<avro.Type>>();
  private readonly subscriptions = new Set<Subscription>();

  constructor(private readonly options: PubSubClientOptions) {
    const endpoint = options.endpoint ?? process.env.SF_PUBSUB_ENDPOINT ?? DEFAULT_PUBSUB_ENDPOINT;
    // Node's own trust store: grpc's createSsl() builds a context that leaves NODE_EXTRA_CA_CERTS out
    const tls = credentials.createFromSecureContext(createSecureContext());
    this.client = new PubSubClientConstructor(endpoint, tls) as Client & Record<string, unknown>;
  }

  private sessionExpired = false;

  /** The org refused the token on a stream: the next call asks for a fresh session. */
  markSessionExpired(): void {
    this.sessionExpired = true;
  }

  async metadata(refresh = false): Promise<Metadata> {
    const session = await this.options.session(refresh || this.sessionExpired);
    this.sessionExpired = false;
    const metadata = new Metadata();
    metadata.set('accesstoken', session.accessToken);
    metadata.set('instanceurl', session.instanceUrl);
    metadata.set('tenantid', session.orgId);
    return metadata;
  }

  /** One unary call, repeated once with a fresh session when the token had expired. */
  private async call<Req, Res>(method: string, request: Req, doing: string): Promise<Res> {
    const fn = (this.client[method] as Unary<Req, Res>).bind(this.client);
    const once = async (refresh: boolean) => {
      const metadata = await this.metadata(refresh);
      return new Promise<Res>((resolve, reject) => fn(request, metadata, (error, response) => (error ? reject(error) : resolve(response))));
    };
    try {
      return await once(false);
    } catch (error) {
      if (!isUnauthenticated(error)) throw pubSubError(error, doing);
      try {
        return await once(true);
      } catch (again) {
        throw pubSubError(again, doing);
      }
    }
  }

  getTopic(topicName: string): Promise<TopicInfo> {
    return this.call('GetTopic', { topic_name: topicName }, `reading topic ${topicName}`);
  }

  /** The Avro type of a schema id, asked for once per client. */
  schema(schemaId: string): Promise<avro.Type> {
    let type = this.schemas.get(schemaId);
    if (!type) {
      type = this.call<unknown, SchemaInfo>('GetSchema', { schema_id: schemaId }, `reading schema ${schemaId}`).then((info) =>
        avro.Type.forSchema(JSON.parse(info.schema_json) as avro.Schema),
      );
      type.catch(() => this.schemas.delete(schemaId));
      this.schemas.set(schemaId, type);
    }
    return type;
  }

  /**
   * Publishes events (field values by API name) to a topic in one call. Resolves to each event's
   * replay id; refuses, naming the first, when the org refused any of them.
   */
  async publish(topicName: string, events: Record<string, unknown>[]): Promise<Buffer[]> {
    const topic = await this.getTopic(topicName);
    if (!topic.can_publish) throw invalid('PUBSUB_PUBLISH_NOT_ALLOWED', `the integration user may not publish to ${topicName}`);
    const type = await this.schema(topic.schema_id);
    const known = new Set((type as avro.types.RecordType).fields.map((f) => f.name));
    const producerEvents = events.map((fields) => {
      const unknown = Object.keys(fields).filter((name) => !known.has(name));
      if (unknown.length > 0) throw invalid('PUBSUB_EVENT_INVALID', `${topicName} has no field ${unknown.join(', ')}`);
      const record = { CreatedDate: Date.now(), CreatedById: '', ...fields };
      if (!type.isValid(record)) throw invalid('PUBSUB_EVENT_INVALID', `an event does not fit the schema of ${topicName}: ${describeInvalid(type, record)}`);
      return { id: '', schema_id: topic.schema_id, payload: type.toBuffer(record), headers: [] };
    });
    const response = await this.call<unknown, PublishResponse>('Publish', { topic_name: topicName, events: producerEvents }, `publishing to ${topicName}`);
    const failed = response.results.find((r) => r.error);
    if (failed?.error) throw invalid('PUBSUB_PUBLISH_REFUSED', `the org refused an event on ${topicName}: ${failed.error.msg}`);
    return response.results.map((r) => r.replay_id);
  }

  /** Starts a flow-controlled subscription; see `Subscription` for what it guarantees. */
  subscribe(topicName: string, options: SubscribeOptions, onEvent: (event: ReceivedEvent) => Promise<void>): Subscription {
    const subscription = new Subscription(this, this.client, topicName, options, onEvent);
    this.subscriptions.add(subscription);
    void subscription.done.finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  /** Ends every subscription cleanly, then the channel. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.client.close();
  }
}

function describeInvalid(type: avro.Type, record: unknown): string {
  const problems: string[] = [];
  type.isValid(record, { errorHook: (path, value) => problems.push(`${path.join('.')}=${JSON.stringify(value)}`) });
  return problems.join(', ') || 'unknown field';
}
