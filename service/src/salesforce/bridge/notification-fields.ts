/**
 * The fields of one `CashNotification__e`, kept within the package's field sizes: a message for
 * people of at most 255 characters, progress as a whole percentage, the result as JSON. A failure
 * carries its stable code in the payload (`{"code": …}`) and at the start of the message.
 */
export type NotificationStatus = 'accepted' | 'progress' | 'succeeded' | 'failed';

export interface Notification {
  correlationId: string;
  command: string | null;
  status: NotificationStatus;
  message: string;
  progress?: number | null;
  payload?: Record<string, unknown> | null;
}

const MESSAGE_MAX = 255;
const PAYLOAD_MAX = 131_072;
const NOTIFICATION_VERSION = 1;

const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function failure(correlationId: string, command: string | null, code: string, message: string): Notification {
  return { correlationId, command, status: 'failed', message: `${code}: ${message}`, payload: { code, message } };
}

export function notificationFields(n: Notification): Record<string, unknown> {
  let payload = n.payload ? JSON.stringify(n.payload) : null;
  if (payload && payload.length > PAYLOAD_MAX) {
    // a result too large for the event is summarised; the records themselves are in the org
    payload = JSON.stringify({ truncated: true, characters: payload.length, ...(n.payload?.code ? { code: n.payload.code } : {}) });
  }
  const progress = n.status === 'succeeded' ? 100 : n.progress === undefined || n.progress === null ? null : Math.max(0, Math.min(100, Math.round(n.progress)));
  return {
    CorrelationId__c: shorten(n.correlationId, 64),
    Command__c: n.command ? shorten(n.command, 64) : null,
    Status__c: n.status,
    Progress__c: progress,
    Message__c: shorten(n.message, MESSAGE_MAX),
    Payload__c: payload,
    Version__c: NOTIFICATION_VERSION,
  };
}
