// Editable split of one amount across several rows (payments for an entry, entries for a payment or
// a bank statement item), with a live remainder computed exactly in minor units.
import { LightningElement, api } from 'lwc';
import { absMinor, fromMinor, minMinor, sumMinor, toMinor } from 'c/cmMoney';

export interface AllocationRow {
    id: string;
    label: string;
    detail?: string | null;
    /** Most that may be put on this row, as a positive decimal string. */
    limit: string;
}

export interface AllocationChange {
    allocations: { id: string; amount: string }[];
    allocated: string;
    remainder: string;
    valid: boolean;
}

export default class CmAllocationEditor extends LightningElement {
    @api rows: AllocationRow[] = [];
    /** The amount to distribute, as a positive decimal string. */
    @api total = '0';
    @api currencyCode = 'EUR';
    @api disabled = false;

    values: Record<string, string> = {};

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get totalMinor(): bigint {
        return absMinor(toMinor(this.total) ?? 0n);
    }

    get tableRows() {
        return this.rows.map((row) => {
            const value = this.values[row.id] ?? '';
            return { ...row, value, inputLabel: `Amount for ${row.label}`, invalid: this.rowProblem(row, value) !== null };
        });
    }

    get allocatedMinor(): bigint {
        return sumMinor(this.rows.map((row) => toMinor(this.values[row.id] ?? '')));
    }

    get allocated(): string {
        return fromMinor(this.allocatedMinor);
    }

    get remainder(): string {
        return fromMinor(this.totalMinor - this.allocatedMinor);
    }

    get overAllocated(): boolean {
        return this.allocatedMinor > this.totalMinor;
    }

    get remainderClass(): string {
        return this.overAllocated ? 'slds-text-color_error' : 'slds-text-color_default';
    }

    get controlsDisabled(): boolean {
        return this.disabled || !this.hasRows;
    }

    /** Current allocations, for parents that act on them. */
    @api
    get allocations(): { id: string; amount: string }[] {
        return this.rows
            .map((row) => ({ id: row.id, minor: toMinor(this.values[row.id] ?? '') }))
            .filter((a): a is { id: string; minor: bigint } => a.minor !== null && a.minor > 0n)
            .map((a) => ({ id: a.id, amount: fromMinor(a.minor) }));
    }

    /** Fills rows in order, each up to its limit, until the total is used up. */
    @api
    fillInOrder(): void {
        let left = this.totalMinor;
        const next: Record<string, string> = {};
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
    clear(): void {
        this.values = {};
        this.notify();
    }

    rowProblem(row: AllocationRow, value: string): string | null {
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

    handleAmountChange(event: Event): void {
        const input = event.target as HTMLInputElement;
        const id = input.dataset.id;
        if (id) {
            this.values = { ...this.values, [id]: String(input.value ?? '') };
            this.notify();
        }
    }

    handleFill(): void {
        this.fillInOrder();
    }

    handleClear(): void {
        this.clear();
    }

    notify(): void {
        const valid =
            !this.overAllocated &&
            this.allocations.length > 0 &&
            this.rows.every((row) => this.rowProblem(row, this.values[row.id] ?? '') === null);
        const detail: AllocationChange = { allocations: this.allocations, allocated: this.allocated, remainder: this.remainder, valid };
        this.dispatchEvent(new CustomEvent('allocationchange', { detail }));
    }
}
