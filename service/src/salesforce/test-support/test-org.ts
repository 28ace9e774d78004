import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadOrgSchema, type ObjectDef } from './org-schema.js';
import { OAuthFault, OrgAuth, type OrgUser } from './org-auth.js';
import { RecordStore } from './record-store.js';
import { IdSequence } from './salesforce-ids.js';
import { parseSoql, runSoql, valueAt } from './soql.js';
import { makeTestTls, type TestTls } from './test-tls.js';
import { fault, SfFault, sfError, type SfError, type SfRecord } from './write-rules.js';
import { describeObject } from './describe.js';
import { BulkIngest } from './bulk-ingest.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../../../../force-app/main/default', import.meta.url));
/** Collections take at most this many records a call. */
export const COLLECTION_LIMIT = 200;
const API_REQUESTS_MAX = 15_000;

export type OrgFault = 'REQUEST_LIMIT_EXCEEDED' | 'SERVER_ERROR' | 'INVALID_SESSION_ID';

const FAULTS: Record<OrgFault, [number, SfError]> = {
  REQUEST_LIMIT_EXCEEDED: [403, sfError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.')],
  SERVER_ERROR: [500, sfError('UNKNOWN_EXCEPTION', 'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)')],
  INVALID_SESSION_ID: [401, sfError('INVALID_SESSION_ID', 'Session expired or invalid')],
};

export interface DataRequest {
  method: string;
  path: string;
}

/** What a Collections result looks like for one record. */
type CollectionResult = { id?: string; success: boolean; errors: { statusCode: string; message: string; fields: string[] }[]; created?: boolean };

const toCollectionErrors = (errors: SfError[]) => errors.map((e) => ({ statusCode: e.errorCode, message: e.message, fields: e.fields }));

/**
 * A stand-in for a Salesforce org over HTTPS, speaking the REST API as jsforce calls it: the OAuth
 * token endpoint (JWT bearer and client credentials), userinfo, limits, SOQL, sObject CRUD and
 * upsert, and Collections. Its objects and fields are the package's (`force-app/`), so a write the
 * package would refuse is refused here with the org's error code. Login and instance answer on
 * different host names (localhost and 127.0.0.1), so a client that ignores `instance_url` fails.
 */
export class TestOrg {
  readonly orgId: string;
  readonly loginUrl: string;
  readonly instanceUrl: string;
  readonly ca: string;
  readonly auth: OrgAuth;
  readonly store: RecordStore;
  /** Every request to the data API (and userinfo), in order. */
  readonly requests: DataRequest[] = [];
  /** Platform events published through the REST API. */
  readonly published: { type: string; record: SfRecord }[] = [];
  private readonly users = new Map<string, OrgUser>();
  private readonly ids = new IdSequence();
  private faults: OrgFault[] = [];
  private readonly bulk: BulkIngest;
  private apiRequestsUsed = 0;

  private constructor(
    private readonly server: Server,
    port: number,
    tls: TestTls,
  ) {
    this.orgId = this.ids.id('00D');
    this.loginUrl = `https://localhost:${port}`;
    this.instanceUrl = `https://127.0.0.1:${port}`;
    this.ca = tls.ca;
    this.auth = new OrgAuth(this.users, { login: this.loginUrl, instance: this.instanceUrl, orgId: this.orgId });
    const firstUser = () => [...this.users.values()][0]?.id ?? '';
    this.store = new RecordStore(loadOrgSchema(PACKAGE_ROOT), firstUser);
    this.bulk = new BulkIngest(this.store, firstUser);
  }

  static async start(tls: TestTls = makeTestTls()): Promise<TestOrg> {
    let org: TestOrg | undefined;
    const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
      void org!.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    org = new TestOrg(server, (server.address() as AddressInfo).port, tls);
    return org;
  }

  addUser(username: string): OrgUser {
    const user = { id: this.ids.id('005'), username };
    this.users.set(username, user);
    return user;
  }

  /** The next data-API calls fail with these faults, one each, in order. */
  failNext(...faults: OrgFault[]): void {
    this.faults.push(...faults);
  }

  records(objectName: string): SfRecord[] {
    return [...this.store.table(objectName).values()];
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body: unknown, csv?: 'text/csv') => {
      const text = body === undefined ? '' : csv ? String(body) : JSON.stringify(body);
      res.writeHead(status, body === undefined ? {} : { 'content-type': csv ? 'text/csv' : 'application/json;charset=UTF-8' });
      res.end(text);
    };
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', this.instanceUrl);
      if (url.pathname === '/services/oauth2/token' && req.method === 'POST') {
        return send(200, this.auth.token(new URLSearchParams(raw)));
      }
      if (req.headers.host !== new URL(this.instanceUrl).host) {
        // the login server does not serve the data API: clients must use the instance URL they were given
        return send(404, [sfError('NOT_FOUND', 'The requested resource does not exist')]);
      }
      const session = this.auth.session(req.headers.authorization);
      if (!session) return send(401, [FAULTS.INVALID_SESSION_ID[1]]);
      this.requests.push({ method: req.method ?? 'GET', path: url.pathname });
      this.apiRequestsUsed++;
      const injected = this.faults.shift();
      if (injected) {
        const [status, error] = FAULTS[injected];
        return send(status, [error]);
      }
      if (url.pathname === '/services/oauth2/userinfo') return send(200, this.userinfo(session.userId));
      const match = /^\/services\/data\/v(\d+)\.0(\/.*)?$/.exec(url.pathname);
      if (!match) return send(404, [sfError('NOT_FOUND', 'The requested resource does not exist')]);
      const parts = (match[2] ?? '/').split('/').filter(Boolean).map(decodeURIComponent);
      if (parts[0] === 'jobs' && parts[1] === 'ingest') {
        const [status, answer, csv] = this.bulk.handle(req.method ?? 'GET', parts.slice(2), raw, `${match[1]!}.0`);
        return send(status, answer, csv);
      }
      const body = raw && (req.method === 'POST' || req.method === 'PATCH') ? parseJson(raw) : undefined;
      const [status, answer] = this.route(req.method ?? 'GET', parts, url, body, match[1]!);
      return send(status, answer);
    } catch (error) {
      if (error instanceof OAuthFault) return send(error.status, { error: error.error, error_description: error.description });
      if (error instanceof SfFault) return send(error.status, error.errors);
      return send(500, [FAULTS.SERVER_ERROR[1]]);
    }
  }

  private userinfo(userId: string): Record<string, unknown> {
    const user = [...this.users.values()].find((u) => u.id === userId)!;
    return {
      sub: `${this.loginUrl}/id/${this.orgId}/${user.id}`,
      user_id: user.id,
      organization_id: this.orgId,
      preferred_username: user.username,
      email: user.username,
      name: user.username,
      active: true,
      user_type: 'STANDARD',
      urls: { rest: `${this.instanceUrl}/services/data/v{version}/` },
    };
  }

  private limits(): Record<string, unknown> {
    return {
      DailyApiRequests: { Max: API_REQUESTS_MAX, Remaining: API_REQUESTS_MAX - this.apiRequestsUsed },
      DailyBulkV2QueryJobs: { Max: 10_000, Remaining: 10_000 },
      DataStorageMB: { Max: 5, Remaining: 5 },
      SingleEmail: { Max: 15, Remaining: 15 },
    };
  }

  private objectOr404(name: string | undefined): ObjectDef {
    const object = name ? this.store.object(name) : undefined;
    if (!object) throw fault('NOT_FOUND', 'The requested resource does not exist', [], 404);
    return object;
  }

  private recordJson(object: ObjectDef, record: SfRecord, version: string, fields?: string[]): SfRecord {
    const names = fields ?? [...object.fields.values()].map((f) => f.name);
    const out: SfRecord = { attributes: { type: object.name, url: `/services/data/v${version}.0/sobjects/${object.name}/${String(record.Id)}` } };
    for (const name of names) out[name] = record[name] ?? null;
    return out;
  }

  private route(method: string, parts: string[], url: URL, body: unknown, version: string): [number, unknown] {
    const [head, ...rest] = parts;
    if (head === 'limits' && method === 'GET' && rest.length === 0) return [200, this.limits()];
    if ((head === 'query' || head === 'queryAll') && method === 'GET') return [200, this.query(url.searchParams.get('q') ?? '', version)];
    if (head === 'sobjects') return this.sobjects(method, rest, url, body, version);
    if (head === 'composite' && rest[0] === 'sobjects') return this.collections(method, rest.slice(1), url, body, version);
    throw fault('NOT_FOUND', 'The requested resource does not exist', [], 404);
  }

  private query(soql: string, version: string): Record<string, unknown> {
    const query = parseSoql(this.store.schema, soql);
    if (query.object.isEvent) throw fault('INVALID_TYPE', `sObject type '${query.object.name}' is not supported.`);
    const lookup = (name: string, id: string) => this.store.get(name, id);
    const rows = runSoql(query, this.records(query.object.name), lookup);
    if (query.count) return { totalSize: rows.length, done: true, records: [] };
    const records = rows.map((row) => {
      const out: SfRecord = { attributes: { type: query.object.name, url: `/services/data/v${version}.0/sobjects/${query.object.name}/${String(row.Id)}` } };
      for (const path of query.fields) {
        if (!path.via) {
          out[path.field.name] = row[path.field.name] ?? null;
          continue;
        }
        const relationship = path.text.split('.')[0]!;
        const parentId = row[path.via.lookup.name];
        const parent = typeof parentId === 'string' ? lookup(path.via.target.name, parentId) : undefined;
        if (!parent) {
          out[relationship] = null;
          continue;
        }
        const nested = (out[relationship] as SfRecord | undefined) ?? {
          attributes: { type: path.via.target.name, url: `/services/data/v${version}.0/sobjects/${path.via.target.name}/${String(parent.Id)}` },
        };
        nested[path.field.name] = valueAt(row, path, lookup);
        out[relationship] = nested;
      }
      return out;
    });
    return { totalSize: records.length, done: true, records };
  }

  private fieldsParam(object: ObjectDef, url: URL): string[] | undefined {
    const list = url.searchParams.get('fields');
    if (!list) return undefined;
    return list.split(',').map((name) => {
      const field = object.fields.get(name.trim().toLowerCase());
      if (!field) throw fault('INVALID_FIELD', `No such column '${name}' on entity '${object.name}'.`);
      return field.name;
    });
  }

  private sobjects(method: string, parts: string[], url: URL, body: unknown, version: string): [number, unknown] {
    const object = this.objectOr404(parts[0]);
    const record = asRecord(body);
    if (parts.length === 1 && method === 'POST') {
      const created = this.store.insert(object, record());
      if (object.isEvent) this.published.push({ type: object.name, record: created });
      return [201, { id: created.Id, success: true, errors: [] }];
    }
    if (object.isEvent) throw fault('NOT_FOUND', 'The requested resource does not exist', [], 404);
    if (parts.length === 2 && parts[1] === 'describe' && method === 'GET') return [200, describeObject(object)];
    if (parts.length === 2) {
      const id = parts[1]!;
      const existing = this.store.get(object.name, id);
      if (!existing) throw fault('NOT_FOUND', 'The requested resource does not exist', [], 404);
      if (method === 'GET') return [200, this.recordJson(object, existing, version, this.fieldsParam(object, url))];
      if (method === 'PATCH') {
        this.store.update(object, id, record());
        return [204, undefined];
      }
      if (method === 'DELETE') {
        this.store.delete(object, id);
        return [204, undefined];
      }
    }
    if (parts.length === 3) {
      const field = object.fields.get(parts[1]!.toLowerCase());
      if (!field || !(field.externalId || field.name === 'Id')) {
        throw fault('NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${parts[1]}`, [], 404);
      }
      if (method === 'PATCH') {
        const { record: saved, created } = this.store.upsert(object, field, parts[2]!, record());
        return [created ? 201 : 200, { id: saved.Id, success: true, errors: [], created }];
      }
      if (method === 'GET') {
        const found = this.store.findByExternalId(object, field, parts[2]!);
        if (found.length === 0) throw fault('NOT_FOUND', 'The requested resource does not exist', [], 404);
        if (found.length > 1) return [300, found.map((r) => `/services/data/v${version}.0/sobjects/${object.name}/${String(r.Id)}`)];
        return [200, this.recordJson(object, found[0]!, version, this.fieldsParam(object, url))];
      }
    }
    throw fault('METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET,PATCH,DELETE`, [], 405);
  }

  private collections(method: string, parts: string[], url: URL, body: unknown, version: string): [number, unknown] {
    if (method === 'DELETE' && parts.length === 0) {
      const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
      return [200, this.applyAll(ids, url.searchParams.get('allOrNone') === 'true', (id) => {
        const object = [...this.store.schema.values()].find((o) => this.store.get(o.name, id));
        const record = object ? this.store.get(object.name, id) : undefined;
        if (!object || !record) throw fault('ENTITY_IS_DELETED', 'entity is deleted');
        this.store.delete(object, id);
        return { id: String(record.Id), success: true, errors: [] };
      })];
    }
    const request = asRecord(body)();
    if (method === 'POST' && parts.length === 1) {
      const object = this.objectOr404(parts[0]);
      const ids = Array.isArray(request.ids) ? request.ids.map(String) : [];
      const fields = Array.isArray(request.fields) ? request.fields.map(String) : [];
      const checkedFields = this.fieldsParam(object, new URL(`https://x/?fields=${fields.join(',')}`)) ?? [];
      return [200, ids.map((id) => {
        const record = this.store.get(object.name, id);
        return record ? this.recordJson(object, record, version, checkedFields) : null;
      })];
    }
    const records = request.records;
    if (!Array.isArray(records)) throw fault('JSON_PARSER_ERROR', 'records: expected an array');
    if (records.length > COLLECTION_LIMIT) {
      throw fault('EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${COLLECTION_LIMIT} records into this call`);
    }
    const allOrNone = request.allOrNone === true;
    const typed = (r: unknown) => {
      const rec = asRecord(r)();
      const type = (rec.attributes as { type?: string } | undefined)?.type;
      const object = type ? this.store.object(type) : undefined;
      if (!object) throw fault('INVALID_TYPE', `sObject type '${type ?? ''}' is not supported.`);
      const { attributes: _attributes, ...fields } = rec;
      return { object, fields };
    };
    if (method === 'POST' && parts.length === 0) {
      return [200, this.applyAll(records, allOrNone, (r) => {
        const { object, fields } = typed(r);
        const created = this.store.insert(object, fields);
        if (object.isEvent) this.published.push({ type: object.name, record: created });
        return { id: String(created.Id), success: true, errors: [] };
      })];
    }
    if (method === 'PATCH' && parts.length === 0) {
      return [200, this.applyAll(records, allOrNone, (r) => {
        const { object, fields } = typed(r);
        const idKey = Object.keys(fields).find((k) => k.toLowerCase() === 'id');
        const id = idKey ? String(fields[idKey]) : '';
        if (!this.store.get(object.name, id)) throw fault(id ? 'ENTITY_IS_DELETED' : 'MISSING_ARGUMENT', id ? 'entity is deleted' : 'Id not specified in an update call', ['Id']);
        const saved = this.store.update(object, id, fields, ['Id']);
        return { id: String(saved.Id), success: true, errors: [] };
      })];
    }
    if (method === 'PATCH' && parts.length === 2) {
      const object = this.objectOr404(parts[0]);
      const field = object.fields.get(parts[1]!.toLowerCase());
      if (!field || !(field.externalId || field.name === 'Id')) {
        throw fault('INVALID_FIELD', `Field name provided, ${parts[1]} is not an External ID or indexed field for ${object.name}`);
      }
      return [200, this.applyAll(records, allOrNone, (r) => {
        const { object: recordObject, fields } = typed(r);
        if (recordObject !== object) throw fault('INVALID_TYPE', `Record type ${recordObject.name} does not match the request's ${object.name}`);
        const key = Object.keys(fields).find((k) => k.toLowerCase() === field.name.toLowerCase());
        const value = key ? fields[key] : undefined;
        if (value === undefined || value === null || value === '') throw fault('MISSING_ARGUMENT', `${field.name} not specified`, [field.name]);
        const { record, created } = this.store.upsert(object, field, String(value), fields);
        return { id: String(record.Id), success: true, errors: [], created };
      })];
    }
    throw fault('NOT_FOUND', 'The requested resource does not exist', [], 404);
  }

  /**
   * Applies a Collections request record by record. With allOrNone, one failure undoes the rest and
   * every other record reports ALL_OR_NONE_OPERATION_ROLLED_BACK, as the org does.
   */
  private applyAll<T>(items: T[], allOrNone: boolean, apply: (item: T) => CollectionResult): CollectionResult[] {
    const restore = this.store.snapshot();
    const results = items.map((item): CollectionResult => {
      try {
        return apply(item);
      } catch (error) {
        if (!(error instanceof SfFault)) throw error;
        return { success: false, errors: toCollectionErrors(error.errors) };
      }
    });
    if (!allOrNone || results.every((r) => r.success)) return results;
    restore();
    const rolledBack = { statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] };
    return results.map((r) => (r.success ? { success: false, errors: [rolledBack] } : { success: false, errors: r.errors }));
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw fault('JSON_PARSER_ERROR', `Unexpected character: ${(error as Error).message}`);
  }
}

/** The body as one JSON object, or the org's parser error. */
function asRecord(body: unknown): () => SfRecord {
  return () => {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw fault('JSON_PARSER_ERROR', 'Cannot deserialize instance of SObject from a non-object value');
    return body as SfRecord;
  };
}
