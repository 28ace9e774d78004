// Generated from the .ts source beside this file by `npm run lwc:build`; edit the .ts, not this file.
// Reads and edits the match suggestions the service stores on a bank statement item
// (BankStatementItem__c.MatchSuggestions__c, versioned JSON):
// {"version":1,"suggestions":[{"entryIds":[..],"amounts":[..],"score":0-100,"breakdown":{signal:points},"configuration":".."}]}
import { normalizeAmount } from 'c/cmMoney';
export const SUPPORTED_VERSION = 1;
function readDocument(json) {
    if (!json || json.trim() === '') {
        return null;
    }
    try {
        const parsed = JSON.parse(json);
        return parsed && typeof parsed === 'object' ? parsed : null;
    }
    catch {
        return null;
    }
}
function readBreakdown(value) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
        return [];
    }
    return Object.entries(value)
        .filter((pair) => typeof pair[1] === 'number' && Number.isFinite(pair[1]))
        .map(([signal, points]) => ({ signal, points }))
        .sort((a, b) => b.points - a.points);
}
function readSuggestion(raw, index) {
    if (!Array.isArray(raw.entryIds) || !Array.isArray(raw.amounts) || raw.entryIds.length !== raw.amounts.length || raw.entryIds.length === 0) {
        return null;
    }
    const allocations = [];
    for (let i = 0; i < raw.entryIds.length; i += 1) {
        const entryId = raw.entryIds[i];
        const amount = normalizeAmount(raw.amounts[i]);
        if (typeof entryId !== 'string' || amount === null) {
            return null;
        }
        allocations.push({ entryId, amount });
    }
    const score = typeof raw.score === 'number' && Number.isFinite(raw.score) ? raw.score : 0;
    return {
        index,
        score,
        configuration: typeof raw.configuration === 'string' ? raw.configuration : '',
        breakdown: readBreakdown(raw.breakdown),
        allocations
    };
}
/** Suggestions best first; malformed entries and unknown versions yield nothing rather than errors. */
export function parseSuggestions(json) {
    const doc = readDocument(json);
    if (!doc || doc.version !== SUPPORTED_VERSION || !Array.isArray(doc.suggestions)) {
        return [];
    }
    return doc.suggestions
        .map((raw, index) => readSuggestion(raw, index))
        .filter((s) => s !== null)
        .sort((a, b) => b.score - a.score || a.index - b.index);
}
export function bestSuggestion(json) {
    return parseSuggestions(json)[0] ?? null;
}
/** The stored JSON without one suggestion, and the best remaining score (null when none remain). */
export function withoutSuggestion(json, index) {
    const doc = readDocument(json);
    const list = doc && Array.isArray(doc.suggestions) ? doc.suggestions : [];
    const remaining = list.filter((_, i) => i !== index);
    const next = JSON.stringify({ ...doc, suggestions: remaining });
    const best = parseSuggestions(next)[0];
    return { json: next, bestScore: best ? best.score : null };
}
