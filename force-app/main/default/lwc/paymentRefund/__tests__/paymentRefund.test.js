import { createElement } from 'lwc';
import PaymentRefund from 'c/paymentRefund';
import { createRefund } from 'c/cmApex';

jest.mock('c/cmApex', () => ({ createRefund: jest.fn() }));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

async function openForm() {
    const element = createElement('c-payment-refund', { is: PaymentRefund });
    Object.assign(element, { paymentId: 'a04000000000003AAA', available: '1000.10', currencyCode: 'EUR' });
    document.body.appendChild(element);
    $(element, 'lightning-button[data-action="open"]').click();
    await flush();
    return element;
}

async function setAmount(element, value) {
    $(element, 'lightning-input').dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flush();
}

describe('c-payment-refund', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('starts with the whole available amount and is accessible', async () => {
        const element = await openForm();
        expect($(element, 'lightning-input').value).toBe('1000.10');
        expect($(element, 'lightning-button[data-action="confirm"]').disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('refuses more than is available', async () => {
        const element = await openForm();
        await setAmount(element, '1000.11');
        expect($(element, '.amount-problem').textContent).toBe('More than the payment has available.');
        expect($(element, 'lightning-button[data-action="confirm"]').disabled).toBe(true);
    });

    it('prepares a partial refund with its reason', async () => {
        createRefund.mockResolvedValue('a07000000000001AAA');
        const element = await openForm();
        const refunded = jest.fn();
        element.addEventListener('refunded', refunded);
        await setAmount(element, '25.5');
        $(element, 'lightning-combobox').dispatchEvent(new CustomEvent('change', { detail: { value: 'Overpayment' } }));
        $(element, 'lightning-button[data-action="confirm"]').click();
        await flush();
        expect(createRefund).toHaveBeenCalledWith('a04000000000003AAA', '25.50', 'Overpayment');
        expect(refunded).toHaveBeenCalled();
        expect($(element, '.refund-form')).toBeNull();
    });

    it('shows why the refund was refused', async () => {
        createRefund.mockRejectedValue({ body: { message: 'Refunds need a payment of type Payment.' } });
        const element = await openForm();
        $(element, 'lightning-button[data-action="confirm"]').click();
        await flush();
        expect($(element, '.error').textContent).toBe('Refunds need a payment of type Payment.');
    });
});
