// Generated from the .ts source beside this file by `npm run lwc:build`; edit the .ts, not this file.
// Reads the result of a preview run from the succeeded CashNotification__e payload:
// {"included":[{"entryId","name","accountName","amount","currency","dueDate"}],
//  "excluded":[{"entryId","name","accountName","amount","reason"}],"count":n,"total":"decimal","currency":"EUR"}
import { normalizeAmount } from 'c/cmMoney';
const text = (value) => (typeof value === 'string' ? value : '');
function readLines(value) {
    if (!Array.isArray(value)) {
        return [];
    }
    return value
        .filter((line) => Boolean(line) && typeof line === 'object' && typeof line.entryId === 'string')
        .map((line) => ({
        entryId: line.entryId,
        name: text(line.name) || line.entryId,
        accountName: text(line.accountName),
        amount: normalizeAmount(line.amount),
        dueDate: text(line.dueDate) || null,
        reason: text(line.reason)
    }));
}
/** The preview, or null when the payload is not a preview result. */
export function readPreview(payload) {
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
