import { invalid } from '../src/domain/errors.js';
import type { FuzzTarget } from './targets.js';

/** Readers with known faults, to show that the campaign sees each kind of finding. */
const seeds = () => [Buffer.from('first line\nsecond line\nthird line\n')];
const kept: Buffer[] = [];

const refuse = (input: Buffer) => {
  if (input.length % 2 === 0) throw invalid('TEST_REFUSED', 'even length');
  return input.length;
};

export const TARGETS: readonly FuzzTarget[] = [
  { name: 'sound', structure: 'lines', seeds, run: refuse },
  {
    name: 'crashes',
    structure: 'lines',
    seeds,
    run: (input) => {
      if (input.includes('line\n')) return refuse(input);
      throw new TypeError(`cannot read properties of undefined (at ${input.length})`);
    },
  },
  {
    name: 'hangs',
    structure: 'lines',
    seeds,
    run: (input) => {
      if (input.toString().startsWith('third line\nfirst')) for (;;);
      return refuse(input);
    },
  },
  {
    name: 'leaks',
    structure: 'lines',
    seeds,
    run: (input) => {
      kept.push(Buffer.alloc(64 * 1024, input.length));
      return refuse(input);
    },
  },
  {
    name: 'rejects-later',
    structure: 'lines',
    seeds,
    run: (input) => {
      if (!input.includes('first')) void Promise.reject(new RangeError('rejected after the reader returned'));
      return refuse(input);
    },
  },
];
