import { readFileSync } from 'node:fs';
import { TARGETS } from './targets.js';
const input = readFileSync(`/tmp/fz/out/csv_paypal-hang-645.input`);
const t = TARGETS.find((x) => x.name === 'csv:paypal')!;
for (let i = 0; i < 3; i++) { try { await t.run(input); } catch {} }
