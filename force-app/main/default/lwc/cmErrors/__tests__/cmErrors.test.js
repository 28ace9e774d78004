import { errorText, reduceErrors } from 'c/cmErrors';

describe('c/cmErrors', () => {
    it('reads an Apex AuraHandledException', () => {
        const error = { body: { message: 'Amount exceeds the available amount of the payment.' }, status: 400 };
        expect(reduceErrors(error)).toEqual(['Amount exceeds the available amount of the payment.']);
    });

    it('reads UI API wire errors given as a list in the body', () => {
        const error = { body: [{ errorCode: 'INVALID_FIELD', message: 'No such column Foo__c' }, { message: 'Second' }] };
        expect(reduceErrors(error)).toEqual(['No such column Foo__c', 'Second']);
    });

    it('reads page and field errors of a record save, without the generic wrapper message', () => {
        const error = {
            body: {
                message: 'An error occurred while trying to update the record.',
                output: {
                    errors: [{ message: 'Settlement would over-allocate the entry.' }],
                    fieldErrors: { Amount__c: [{ message: 'Must be negative for money received.' }] }
                }
            }
        };
        expect(reduceErrors(error)).toEqual([
            'Settlement would over-allocate the entry.',
            'Must be negative for money received.'
        ]);
    });

    it('reads DML page errors reported by Apex', () => {
        const error = { body: { pageErrors: [{ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Currencies differ.' }] } };
        expect(reduceErrors(error)).toEqual(['Currencies differ.']);
    });

    it('flattens a list of mixed errors and drops duplicates and blanks', () => {
        const errors = [new Error('Network down'), 'Network down', { statusText: 'Service Unavailable' }, '  ', null];
        expect(reduceErrors(errors)).toEqual(['Network down', 'Service Unavailable']);
    });

    it('falls back to a generic sentence when nothing is readable', () => {
        expect(errorText({ body: {} })).toBe('Something went wrong.');
        expect(errorText(undefined, 'Could not load.')).toBe('Could not load.');
        expect(errorText([{ body: { message: 'A' } }, { body: { message: 'B' } }])).toBe('A B');
    });
});
