// Generated from the .ts source beside this file by `npm run lwc:build`; edit the .ts, not this file.
// One place that turns every error shape the platform hands a component (UI API wire errors, LDS
// record-save errors, Apex AuraHandledException, fetch failures, plain JS errors) into the list of
// messages a user can read.
function textOf(item) {
    if (item && typeof item === 'object' && typeof item.message === 'string') {
        return [item.message];
    }
    return [];
}
function fromFieldErrors(fieldErrors) {
    if (!fieldErrors) {
        return [];
    }
    return Object.values(fieldErrors).flatMap((list) => list.flatMap(textOf));
}
function fromBody(body) {
    if (Array.isArray(body)) {
        return body.flatMap(textOf);
    }
    if (!body || typeof body !== 'object') {
        return [];
    }
    const b = body;
    const messages = [
        ...(b.pageErrors ?? []).flatMap(textOf),
        ...fromFieldErrors(b.fieldErrors),
        ...(b.output?.errors ?? []).flatMap(textOf),
        ...fromFieldErrors(b.output?.fieldErrors)
    ];
    if (messages.length === 0 && typeof b.message === 'string') {
        messages.push(b.message);
    }
    return messages;
}
function reduceOne(error) {
    if (error === null || error === undefined) {
        return [];
    }
    if (typeof error === 'string') {
        return [error];
    }
    if (typeof error !== 'object') {
        return [String(error)];
    }
    const e = error;
    const fromPayload = fromBody(e.body);
    if (fromPayload.length > 0) {
        return fromPayload;
    }
    if (typeof e.message === 'string') {
        return [e.message];
    }
    if (typeof e.statusText === 'string') {
        return [e.statusText];
    }
    return [];
}
/** Flattens one error or a list of errors into distinct, non-empty messages, in order. */
export function reduceErrors(errors) {
    const list = Array.isArray(errors) ? errors : [errors];
    const messages = list.flatMap(reduceOne).filter((m) => m.trim().length > 0);
    return [...new Set(messages)];
}
/** The messages joined for a toast or an inline error; a fallback when nothing readable came back. */
export function errorText(errors, fallback = 'Something went wrong.') {
    const messages = reduceErrors(errors);
    return messages.length > 0 ? messages.join(' ') : fallback;
}
