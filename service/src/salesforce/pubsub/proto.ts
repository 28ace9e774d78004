/**
 * The Salesforce Pub/Sub API (`eventbus.v1.PubSub`) loaded from its official protocol definition,
 * shared by the client and the test org's server so both speak exactly the published wire format.
 */
import { loadPackageDefinition, type GrpcObject, type ServiceClientConstructor, type ServiceDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

const PROTO = new URL('./pubsub_api.proto', import.meta.url).pathname;

/** Field names as in the .proto (snake_case); bytes as Buffers; 64-bit numbers as strings. */
const definition = loadSync(PROTO, { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
const eventbus = (loadPackageDefinition(definition).eventbus as GrpcObject).v1 as GrpcObject;

export const PubSubClientConstructor = eventbus.PubSub as ServiceClientConstructor;
export const pubSubService: ServiceDefinition = PubSubClientConstructor.service;

export type ReplayPreset = 'LATEST' | 'EARLIEST' | 'CUSTOM';

export interface TopicInfo {
  topic_name: string;
  tenant_guid: string;
  can_publish: boolean;
  can_subscribe: boolean;
  schema_id: string;
  rpc_id: string;
}

export interface SchemaInfo {
  schema_json: string;
  schema_id: string;
  rpc_id: string;
}

export interface ProducerEvent {
  id: string;
  schema_id: string;
  payload: Buffer;
  headers: { key: string; value: Buffer }[];
}

export interface ConsumerEvent {
  event: ProducerEvent;
  replay_id: Buffer;
}

export interface FetchRequest {
  topic_name?: string;
  replay_preset?: ReplayPreset;
  replay_id?: Buffer;
  num_requested: number;
  auth_refresh?: string;
}

export interface FetchResponse {
  events: ConsumerEvent[];
  latest_replay_id: Buffer;
  rpc_id: string;
  pending_num_requested: number;
}

export interface PublishRequest {
  topic_name: string;
  events: ProducerEvent[];
  auth_refresh?: string;
}

export interface PublishResult {
  replay_id: Buffer;
  error: { code: 'UNKNOWN' | 'PUBLISH' | 'COMMIT'; msg: string } | null;
  correlation_key: string;
}

export interface PublishResponse {
  results: PublishResult[];
  schema_id: string;
  rpc_id: string;
}
