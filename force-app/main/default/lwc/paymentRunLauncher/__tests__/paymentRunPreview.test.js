import { readPreview } from '../paymentRunPreview';
import previewPayload from './data/previewPayload.json';

describe('paymentRunLauncher/paymentRunPreview', () => {
    it('reads included and excluded entries with exact amounts', () => {
        const preview = readPreview(previewPayload);
        expect(preview.total).toBe('839.90');
        expect(preview.included.map((l) => [l.name, l.amount, l.dueDate])).toEqual([
            ['E-000123', '790.00', '2026-11-28'],
            ['E-000130', '49.90', '2026-11-30']
        ]);
        expect(preview.excluded[0].reason).toBe('No active SEPA mandate for the account');
    });

    it('skips malformed lines and rejects payloads that are not previews', () => {
        const preview = readPreview({ included: [{ name: 'no id' }, null, { entryId: 'x', amount: 'ten' }], total: 'n/a' });
        expect(preview.included).toEqual([{ entryId: 'x', name: 'x', accountName: '', amount: null, dueDate: null, reason: '' }]);
        expect(preview.excluded).toEqual([]);
        expect(preview.total).toBe('0.00');
        expect(readPreview({ statements: 3 })).toBeNull();
        expect(readPreview(null)).toBeNull();
    });
});
