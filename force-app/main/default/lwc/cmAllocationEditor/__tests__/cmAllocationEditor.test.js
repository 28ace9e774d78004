import { createElement } from 'lwc';
import CmAllocationEditor from 'c/cmAllocationEditor';

const ROWS = [
    { id: 'e1', label: 'E-0001', detail: 'Invoice 2026-101', limit: '100.10' },
    { id: 'e2', label: 'E-0002', detail: 'Invoice 2026-102', limit: '50.00' }
];

function build(props = {}) {
    const element = createElement('c-cm-allocation-editor', { is: CmAllocationEditor });
    Object.assign(element, { rows: ROWS, total: '120.30', currencyCode: 'EUR', ...props });
    document.body.appendChild(element);
    return element;
}

function typeAmount(element, id, value) {
    const input = element.shadowRoot.querySelector(`lightning-input[data-id="${id}"]`);
    input.value = value;
    input.dispatchEvent(new CustomEvent('change'));
}

const remainderOf = (element) => element.shadowRoot.querySelector('.remainder lightning-formatted-number').value;

describe('c-cm-allocation-editor', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows one labelled amount input per row and is accessible', async () => {
        const element = build();
        const inputs = element.shadowRoot.querySelectorAll('lightning-input');
        expect([...inputs].map((i) => i.label)).toEqual(['Amount for E-0001', 'Amount for E-0002']);
        expect(remainderOf(element)).toBe('120.30');
        await expect(element).toBeAccessible();
    });

    it('updates the remainder live and reports valid allocations', async () => {
        const element = build();
        const handler = jest.fn();
        element.addEventListener('allocationchange', handler);

        typeAmount(element, 'e1', '100.10');
        typeAmount(element, 'e2', '0.2');
        await Promise.resolve();

        expect(remainderOf(element)).toBe('20.00');
        const detail = handler.mock.calls[1][0].detail;
        expect(detail).toEqual({
            allocations: [
                { id: 'e1', amount: '100.10' },
                { id: 'e2', amount: '0.20' }
            ],
            allocated: '100.30',
            remainder: '20.00',
            valid: true
        });
    });

    it('flags over-allocation and amounts above a row limit', async () => {
        const element = build({ total: '60.00' });
        const handler = jest.fn();
        element.addEventListener('allocationchange', handler);

        typeAmount(element, 'e2', '50.01');
        await Promise.resolve();
        expect(handler.mock.calls[0][0].detail.valid).toBe(false);

        typeAmount(element, 'e2', '');
        typeAmount(element, 'e1', '70');
        await Promise.resolve();
        expect(element.shadowRoot.querySelector('.over-allocated').textContent).toContain('exceed');
        expect(remainderOf(element)).toBe('-10.00');
        expect(handler.mock.calls[2][0].detail.valid).toBe(false);
    });

    it('fills rows in order up to the total and clears them', async () => {
        const element = build({ total: '120.30' });
        element.shadowRoot.querySelector('lightning-button[data-action="fill"]').click();
        await Promise.resolve();
        expect(element.allocations).toEqual([
            { id: 'e1', amount: '100.10' },
            { id: 'e2', amount: '20.20' }
        ]);
        expect(remainderOf(element)).toBe('0.00');

        element.shadowRoot.querySelector('lightning-button[data-action="clear"]').click();
        await Promise.resolve();
        expect(element.allocations).toEqual([]);
    });

    it('shows an empty state without rows', async () => {
        const element = build({ rows: [] });
        expect(element.shadowRoot.querySelector('.empty').textContent).toBe('Nothing open to allocate.');
        expect(element.shadowRoot.querySelector('table')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
