import { createElement } from 'lwc';
import EntryCancellation from 'c/entryCancellation';
import { cancelEntry } from 'c/cmApex';

jest.mock('c/cmApex', () => ({ cancelEntry: jest.fn() }));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

async function openForm(props = {}) {
    const element = createElement('c-entry-cancellation', { is: EntryCancellation });
    Object.assign(element, { recordId: 'a02000000000001AAA', ...props });
    document.body.appendChild(element);
    $(element, 'lightning-button[data-action="open"]').click();
    await flush();
    return element;
}

async function enterReason(element, value) {
    $(element, 'lightning-textarea').dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flush();
}

describe('c-entry-cancellation', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('requires a reason and preselects the entry strategy', async () => {
        const element = await openForm({ defaultStrategy: 'Prepared Refund' });
        expect($(element, 'lightning-combobox').value).toBe('Prepared Refund');
        expect($(element, 'lightning-button[data-action="confirm"]').disabled).toBe(true);
        await enterReason(element, 'Invoice replaced by credit note');
        expect($(element, 'lightning-button[data-action="confirm"]').disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('cancels with the chosen strategy and tells the page', async () => {
        cancelEntry.mockResolvedValue(undefined);
        const element = await openForm();
        const cancelled = jest.fn();
        element.addEventListener('cancelled', cancelled);
        await enterReason(element, 'Duplicate invoice');
        $(element, 'lightning-combobox').dispatchEvent(new CustomEvent('change', { detail: { value: 'Direct Refund' } }));
        $(element, 'lightning-button[data-action="confirm"]').click();
        await flush();

        expect(cancelEntry).toHaveBeenCalledWith('a02000000000001AAA', 'Duplicate invoice', 'Direct Refund');
        expect(cancelled).toHaveBeenCalledTimes(1);
        expect($(element, '.cancel-form')).toBeNull();
    });

    it('sends no strategy when the business entity default is kept', async () => {
        cancelEntry.mockResolvedValue(undefined);
        const element = await openForm();
        await enterReason(element, 'Order withdrawn');
        $(element, 'lightning-button[data-action="confirm"]').click();
        await flush();
        expect(cancelEntry).toHaveBeenCalledWith('a02000000000001AAA', 'Order withdrawn', null);
    });

    it('keeps the form open and shows why cancellation failed', async () => {
        cancelEntry.mockRejectedValue({ body: { message: 'Only open entries can be canceled.' } });
        const element = await openForm();
        await enterReason(element, 'Too late');
        $(element, 'lightning-button[data-action="confirm"]').click();
        await flush();
        expect($(element, '.error').textContent).toBe('Only open entries can be canceled.');
        expect($(element, '.cancel-form')).not.toBeNull();
    });
});
