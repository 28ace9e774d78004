import { parse } from 'csv-parse/sync';
import type { ObjectDef } from './org-schema.js';
import type { RecordStore } from './record-store.js';
import { fault, SfFault, type SfRecord } from './write-rules.js';

type Operation = 'insert' | 'update' | 'upsert' | 'delete';

interface IngestJob {
  id: string;
  object: ObjectDef;
  operation: Operation;
  externalIdFieldName: string | null;
  state: 'Open' | 'UploadComplete' | 'JobComplete' | 'Failed' | 'Aborted';
  createdDate: string;
  data: string[];
  errorMessage: string | null;
  successful: string[][];
  failed: string[][];
  header: string[];
}

/** What a handler answers: status, and a JSON value or CSV text. */
export type Answer = [number, unknown] | [number, string, 'text/csv'];

const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;
const csvText = (rows: string[][]) => rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';

/**
 * Bulk API 2.0 ingest jobs as jsforce's `bulk2.loadAndWaitForResults` drives them: create
 * (`POST jobs/ingest`), upload CSV (`PUT …/batches`), close (`PATCH state=UploadComplete`), poll,
 * then `successfulResults`, `failedResults` and `unprocessedrecords`. Each row goes through the same
 * write checks as the REST API; a column the object does not have fails the whole job, as in the org.
 */
export class BulkIngest {
  private readonly jobs = new Map<string, IngestJob>();
  private sequence = 0;

  constructor(
    private readonly store: RecordStore,
    private readonly userId: () => string,
  ) {}

  handle(method: string, parts: string[], raw: string, version: string): Answer {
    if (parts.length === 0 && method === 'POST') return [200, this.info(this.create(JSON.parse(raw || '{}') as Record<string, unknown>), version)];
    const job = this.jobs.get(parts[0] ?? '');
    if (!job) throw fault('NOT_FOUND', 'The requested resource does not exist', [], 404);
    const tail = parts.slice(1).join('/');
    if (tail === 'batches' && method === 'PUT') {
      if (job.state !== 'Open') throw fault('INVALIDJOBSTATE', `Job ${job.id} is not open for uploads`, [], 409);
      job.data.push(raw);
      return [201, undefined];
    }
    if (tail === '' && method === 'PATCH') {
      const state = (JSON.parse(raw || '{}') as { state?: string }).state;
      if (state === 'Aborted') job.state = 'Aborted';
      else if (state === 'UploadComplete' && job.state === 'Open') this.process(job);
      else throw fault('INVALIDJOBSTATE', `Cannot change the state of job ${job.id} to ${String(state)}`, [], 409);
      return [200, this.info(job, version, state === 'UploadComplete' ? 'UploadComplete' : undefined)];
    }
    if (tail === '' && method === 'GET') return [200, this.info(job, version)];
    if (tail === '' && method === 'DELETE') {
      this.jobs.delete(job.id);
      return [204, undefined];
    }
    if (method === 'GET' && tail === 'successfulResults') return [200, csvText([['sf__Id', 'sf__Created', ...job.header], ...job.successful]), 'text/csv'];
    if (method === 'GET' && tail === 'failedResults') return [200, csvText([['sf__Id', 'sf__Error', ...job.header], ...job.failed]), 'text/csv'];
    if (method === 'GET' && tail === 'unprocessedrecords') return [200, csvText([job.header]), 'text/csv'];
    throw fault('NOT_FOUND', 'The requested resource does not exist', [], 404);
  }

  private create(body: Record<string, unknown>): IngestJob {
    const object = this.store.object(String(body.object ?? ''));
    if (!object || object.isEvent) throw fault('INVALIDJOB', `InvalidJob : Unable to find object: ${String(body.object)}`);
    const operation = body.operation as Operation;
    if (!['insert', 'update', 'upsert', 'delete'].includes(operation)) throw fault('INVALIDJOB', `InvalidJob : Invalid operation: ${String(operation)}`);
    const externalIdFieldName = typeof body.externalIdFieldName === 'string' ? body.externalIdFieldName : null;
    if (operation === 'upsert') {
      const field = externalIdFieldName ? object.fields.get(externalIdFieldName.toLowerCase()) : undefined;
      if (!field || !(field.externalId || field.name === 'Id')) {
        throw fault('INVALIDJOB', `InvalidJob : Field name provided, ${String(externalIdFieldName)} is not an External ID or indexed field for ${object.name}`);
      }
    }
    const job: IngestJob = {
      id: `750${String(++this.sequence).padStart(12, '0')}AAA`,
      object,
      operation,
      externalIdFieldName,
      state: 'Open',
      createdDate: new Date().toISOString().replace('Z', '+0000'),
      data: [],
      errorMessage: null,
      successful: [],
      failed: [],
      header: [],
    };
    this.jobs.set(job.id, job);
    return job;
  }

  /** CSV values are text: `#N/A` clears a field, an empty cell leaves it alone, checkboxes are true/false. */
  private recordOf(job: IngestJob, header: string[], row: string[]): SfRecord {
    const record: SfRecord = {};
    header.forEach((name, i) => {
      const value = row[i] ?? '';
      if (value === '') return;
      const [relationship, target] = name.split('.');
      if (target) {
        record[relationship!] = { [target]: value };
        return;
      }
      const field = job.object.fields.get(name.toLowerCase());
      record[name] = value === '#N/A' ? null : field?.type === 'Checkbox' ? (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value) : value;
    });
    return record;
  }

  private process(job: IngestJob): void {
    const rows = job.data.flatMap((chunk, i) => (parse(chunk, { relax_column_count: false }) as string[][]).slice(i === 0 ? 0 : 1));
    const header = rows[0] ?? [];
    job.header = header;
    // `Entry__r.AssignmentKey__c` columns are relationship references, checked row by row
    const unknown = header.find((name) => !name.includes('.') && !job.object.fields.has(name.toLowerCase()));
    if (unknown) {
      job.state = 'Failed';
      job.errorMessage = `InvalidBatch : Field name not found : ${unknown}`;
      return;
    }
    for (const row of rows.slice(1)) {
      const record = this.recordOf(job, header, row);
      const idKey = Object.keys(record).find((k) => k.toLowerCase() === 'id');
      try {
        const [id, created] = this.apply(job, record, idKey ? String(record[idKey]) : '');
        job.successful.push([id, String(created), ...row]);
      } catch (error) {
        if (!(error instanceof SfFault)) throw error;
        const e = error.errors[0]!;
        job.failed.push([idKey ? String(record[idKey]) : '', `${e.errorCode}:${e.message}:${e.fields.join(',')}`, ...row]);
      }
    }
    job.state = 'JobComplete';
  }

  private apply(job: IngestJob, record: SfRecord, id: string): [string, boolean] {
    const { object } = job;
    if (job.operation === 'insert') return [String(this.store.insert(object, record).Id), true];
    if (job.operation === 'delete') {
      this.store.delete(object, id);
      return [id, false];
    }
    if (job.operation === 'update') return [String(this.store.update(object, id, record, ['Id']).Id), false];
    const field = object.fields.get(job.externalIdFieldName!.toLowerCase())!;
    const key = Object.keys(record).find((k) => k.toLowerCase() === field.name.toLowerCase());
    if (!key) throw fault('MISSING_ARGUMENT', `${field.name} not specified`, [field.name]);
    const { record: saved, created } = this.store.upsert(object, field, String(record[key]), record);
    return [String(saved.Id), created];
  }

  private info(job: IngestJob, version: string, state?: string): Record<string, unknown> {
    return {
      id: job.id,
      operation: job.operation,
      object: job.object.name,
      createdById: this.userId(),
      createdDate: job.createdDate,
      systemModstamp: job.createdDate,
      state: state ?? job.state,
      externalIdFieldName: job.externalIdFieldName,
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: Number(version),
      jobType: 'V2Ingest',
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      numberRecordsProcessed: job.successful.length + job.failed.length,
      numberRecordsFailed: job.failed.length,
      ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
    };
  }
}
