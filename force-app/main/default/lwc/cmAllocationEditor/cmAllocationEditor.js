// Generated from the .ts source beside this file by `npm run lwc:build`; edit the .ts, not this file.
// Editable split of one amount across several rows (payments for an entry, entries for a payment or
// a bank statement item), with a live remainder computed exactly in minor units.
import { LightningElement, api } from 'lwc';
import { absMinor, fromMinor, minMinor, sumMinor, toMinor } from 'c/cmMoney';
export default class CmAllocationEditor extends LightningElement {
    @api
    rows = [];
    /** The amount to distribute, as a positive decimal string. */
    @api
    total = '0';
    @api
    currencyCode = 'EUR';
    @api
    disabled = false;
    values = {};
    get hasRows() {
        return this.rows.length > 0;
    }
    get totalMinor() {
        return absMinor(toMinor(this.total) ?? 0n);
    }
    get tableRows() {
        return this.rows.map((row) => {
            const value = this.values[row.id] ?? '';
            return { ...row, value, inputLabel: `Amount for ${row.label}`, invalid: this.rowProblem(row, value) !== null };
        });
    }
    get allocatedMinor() {
        return sumMinor(this.rows.map((row) => toMinor(this.values[row.id] ?? '')));
    }
    get allocated() {
        return fromMinor(this.allocatedMinor);
    }
    get remainder() {
        return fromMinor(this.totalMinor - this.allocatedMinor);
    }
    get overAllocated() {
        return this.allocatedMinor > this.totalMinor;
    }
    get remainderClass() {
        return this.overAllocated ? 'slds-text-color_error' : 'slds-text-color_default';
    }
    get controlsDisabled() {
        return this.disabled || !this.hasRows;
    }
    /** Current allocations, for parents that act on them. */
    @api
    get allocations() {
        return this.rows
            .map((row) => ({ id: row.id, minor: toMinor(this.values[row.id] ?? '') }))
            .filter((a) => a.minor !== null && a.minor > 0n)
            .map((a) => ({ id: a.id, amount: fromMinor(a.minor) }));
    }
    /** Fills rows in order, each up to its limit, until the total is used up. */
    @api
    fillInOrder() {
        let left = this.totalMinor;
        const next = {};
        for (const row of this.rows) {
            const take = minMinor(left, absMinor(toMinor(row.limit) ?? 0n));
            if (take > 0n) {
                next[row.id] = fromMinor(take);
                left -= take;
            }
        }
        this.values = next;
        this.notify();
    }
    @api
    clear() {
        this.values = {};
        this.notify();
    }
    rowProblem(row, value) {
        if (value.trim() === '') {
            return null;
        }
        const minor = toMinor(value);
        if (minor === null || minor < 0n) {
            return 'Enter a positive amount with at most two decimals.';
        }
        if (minor > absMinor(toMinor(row.limit) ?? 0n)) {
            return 'More than is open on this line.';
        }
        return null;
    }
    handleAmountChange(event) {
        const input = event.target;
        const id = input.dataset.id;
        if (id) {
            this.values = { ...this.values, [id]: String(input.value ?? '') };
            this.notify();
        }
    }
    handleFill() {
        this.fillInOrder();
    }
    handleClear() {
        this.clear();
    }
    notify() {
        const valid = !this.overAllocated &&
            this.allocations.length > 0 &&
            this.rows.every((row) => this.rowProblem(row, this.values[row.id] ?? '') === null);
        const detail = { allocations: this.allocations, allocated: this.allocated, remainder: this.remainder, valid };
        this.dispatchEvent(new CustomEvent('allocationchange', { detail }));
    }
}
