/**
 * Reads one `CashCommand__e` event into a command, or says precisely why it cannot run: an unknown
 * version or command, or a payload that is not JSON or does not fit the command's schema. Nothing
 * here is ignored; the bridge answers every refusal with a `failed` notification.
 */
import { Value } from '@sinclair/typebox/value';
import { COMMAND_NAMES, COMMAND_PAYLOADS, type CommandName } from './command-payloads.js';

export const COMMAND_VERSION = 1;
const MAX_PAYLOAD_CHARS = 131_072;

export interface OrgCommand {
  name: CommandName;
  correlationId: string;
  version: number;
  payload: Record<string, unknown>;
  /** The user who published it, as the event says. */
  createdById: string | null;
}

export type Envelope =
  | { ok: true; command: OrgCommand }
  | { ok: false; correlationId: string | null; name: string | null; code: string; message: string };

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

export function readCommand(fields: Record<string, unknown>): Envelope {
  const correlationId = text(fields.CorrelationId__c);
  const name = text(fields.Command__c);
  const refuse = (code: string, message: string): Envelope => ({ ok: false, correlationId, name, code, message });
  if (!correlationId) return refuse('COMMAND_MALFORMED', 'the command has no correlation id');
  if (fields.Version__c !== COMMAND_VERSION) {
    return refuse('COMMAND_VERSION_UNSUPPORTED', `payload version ${String(fields.Version__c)} is not supported; this service reads version ${COMMAND_VERSION}`);
  }
  if (!name || !(COMMAND_NAMES as string[]).includes(name)) {
    return refuse('COMMAND_UNKNOWN', `unknown command ${JSON.stringify(name)}; known: ${COMMAND_NAMES.join(', ')}`);
  }
  const raw = typeof fields.Payload__c === 'string' ? fields.Payload__c : '';
  if (raw.length > MAX_PAYLOAD_CHARS) return refuse('COMMAND_MALFORMED', `the payload is longer than ${MAX_PAYLOAD_CHARS} characters`);
  let payload: unknown;
  try {
    payload = JSON.parse(raw);
  } catch {
    return refuse('COMMAND_MALFORMED', 'the payload is not JSON');
  }
  const schema = COMMAND_PAYLOADS[name as CommandName];
  if (!Value.Check(schema, payload)) {
    const first = [...Value.Errors(schema, payload)][0];
    const where = first?.path ? `${first.path}: ` : '';
    return refuse('COMMAND_MALFORMED', `the ${name} payload is not valid: ${where}${first?.message ?? 'unexpected shape'}`);
  }
  return {
    ok: true,
    command: { name: name as CommandName, correlationId, version: COMMAND_VERSION, payload: payload as Record<string, unknown>, createdById: text(fields.CreatedById) },
  };
}
