import { createElement } from 'lwc';
import PaymentRunLauncher from 'c/paymentRunLauncher';
import { subscribe } from 'lightning/empApi';
import { startPaymentRun } from 'c/cmApex';
import previewPayload from './data/previewPayload.json';

jest.mock('c/cmApex', () => ({ startPaymentRun: jest.fn() }));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const TODAY = new Date(2026, 10, 27, 10, 0, 0).getTime();

function deliver(fields) {
    for (const call of subscribe.mock.calls) {
        call[2]({ data: { payload: { Command__c: 'direct-debit-run', Version__c: 1, ...fields } } });
    }
}

async function build() {
    const element = createElement('c-payment-run-launcher', { is: PaymentRunLauncher });
    document.body.appendChild(element);
    await flush();
    return element;
}

async function chooseAccount(element) {
    $(element, 'lightning-record-picker').dispatchEvent(new CustomEvent('change', { detail: { recordId: 'a0B000000000001AAA' } }));
    await flush();
}

async function previewed(element) {
    startPaymentRun.mockResolvedValueOnce('corr-preview');
    await chooseAccount(element);
    $(element, 'lightning-button[data-action="preview"]').click();
    await flush();
    deliver({ CorrelationId__c: 'corr-preview', Status__c: 'succeeded', Message__c: 'Preview ready', Payload__c: JSON.stringify(previewPayload) });
    await flush();
}

describe('c-payment-run-launcher', () => {
    beforeEach(() => {
        jest.spyOn(Date, 'now').mockReturnValue(TODAY);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.restoreAllMocks();
        jest.clearAllMocks();
    });

    it('needs a bank account before previewing and proposes tomorrow', async () => {
        const element = await build();
        expect($(element, 'lightning-button[data-action="preview"]').disabled).toBe(true);
        expect($(element, 'lightning-input').value).toBe('2026-11-28');
        await chooseAccount(element);
        expect($(element, 'lightning-button[data-action="preview"]').disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('previews what will be collected and what is excluded and why', async () => {
        const element = await build();
        await previewed(element);
        expect(startPaymentRun).toHaveBeenCalledWith('Direct Debit', 'a0B000000000001AAA', '2026-11-28', true);
        expect($(element, '.summary').textContent).toContain('2 entries will be collected; 2 excluded.');
        expect($(element, '.total').value).toBe('839.90');
        expect($(element, 'lightning-datatable.included').data.map((r) => r.name)).toEqual(['E-000123', 'E-000130']);
        expect($(element, 'lightning-datatable.excluded').data.map((r) => r.reason)).toEqual([
            'No active SEPA mandate for the account',
            'Excluded from payment runs by a user'
        ]);
        await expect(element).toBeAccessible();
    });

    it('starts the previewed run and reports the outcome', async () => {
        const element = await build();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        await previewed(element);
        startPaymentRun.mockResolvedValueOnce('corr-run');
        const start = $(element, 'lightning-button[data-action="start"]');
        expect(start.label).toBe('Collect 2 entries');
        start.click();
        await flush();
        expect(startPaymentRun).toHaveBeenLastCalledWith('Direct Debit', 'a0B000000000001AAA', '2026-11-28', false);
        expect($(element, 'lightning-button[data-action="start"]').disabled).toBe(true);

        deliver({ CorrelationId__c: 'corr-run', Status__c: 'progress', Progress__c: 50, Message__c: 'pain.008 uploaded' });
        deliver({ CorrelationId__c: 'corr-run', Status__c: 'succeeded', Message__c: '2 direct debits submitted (839.90 EUR)' });
        await flush();
        expect(toast.mock.calls[0][0].detail).toEqual(expect.objectContaining({ title: 'Payment run submitted', variant: 'success' }));
    });

    it('forgets the preview when the run type changes', async () => {
        const element = await build();
        await previewed(element);
        $(element, 'lightning-radio-group').dispatchEvent(new CustomEvent('change', { detail: { value: 'Credit Transfer' } }));
        await flush();
        expect($(element, '.summary')).toBeNull();
    });

    it('refuses a date in the past', async () => {
        const element = await build();
        await chooseAccount(element);
        $(element, 'lightning-input').dispatchEvent(new CustomEvent('change', { detail: { value: '2026-11-20' } }));
        await flush();
        expect($(element, '.date-problem').textContent).toBe('The execution date must not be in the past.');
        expect($(element, 'lightning-button[data-action="preview"]').disabled).toBe(true);
    });

    it('shows why the preview could not be started, and an empty preview', async () => {
        startPaymentRun.mockRejectedValueOnce({ body: { message: 'The business entity has no SEPA creditor id.' } });
        const element = await build();
        await chooseAccount(element);
        $(element, 'lightning-button[data-action="preview"]').click();
        await flush();
        expect($(element, '.action-error').textContent).toBe('The business entity has no SEPA creditor id.');

        startPaymentRun.mockResolvedValueOnce('corr-empty');
        $(element, 'lightning-button[data-action="preview"]').click();
        await flush();
        deliver({ CorrelationId__c: 'corr-empty', Status__c: 'succeeded', Payload__c: '{"included":[],"excluded":[],"total":"0","currency":"EUR"}' });
        await flush();
        expect($(element, '.nothing-included')).not.toBeNull();
        expect($(element, 'lightning-button[data-action="start"]').disabled).toBe(true);
    });
});
