// Reads the result of a preview run from the succeeded CashNotification__e payload:
// {"included":[{"entryId","name","accountName","amount","currency","dueDate"}],
//  "excluded":[{"entryId","name","accountName","amount","reason"}],"count":n,"total":"decimal","currency":"EUR"}
import { normalizeAmount } from 'c/cmMoney';

export interface PreviewLine {
    entryId: string;
    name: string;
    accountName: string;
    amount: string | null;
    dueDate: string | null;
    reason: string;
}

export interface PaymentRunPreview {
    included: PreviewLine[];
    excluded: PreviewLine[];
    total: string;
    currency: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function readLines(value: unknown): PreviewLine[] {
    if (!Array.isArray(value)) {
        return [];
    }
    return value
        .filter((line): line is Record<string, unknown> => Boolean(line) && typeof line === 'object' && typeof (line as { entryId?: unknown }).entryId === 'string')
        .map((line) => ({
            entryId: line.entryId as string,
            name: text(line.name) || (line.entryId as string),
            accountName: text(line.accountName),
            amount: normalizeAmount(line.amount),
            dueDate: text(line.dueDate) || null,
            reason: text(line.reason)
        }));
}

/** The preview, or null when the payload is not a preview result. */
export function readPreview(payload: Record<string, unknown> | null): PaymentRunPreview | null {
    if (!payload || (!Array.isArray(payload.included) && !Array.isArray(payload.excluded))) {
        return null;
    }
    return {
        included: readLines(payload.included),
        excluded: readLines(payload.excluded),
        total: normalizeAmount(payload.total) ?? '0.00',
        currency: text(payload.currency) || 'EUR'
    };
}
