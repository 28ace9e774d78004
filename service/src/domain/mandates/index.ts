/** SEPA mandates (pure): model, references from a pattern, sequence types, amendments, expiry. */
export * from './mandate.js';
export * from './reference.js';
export * from './lifecycle.js';
export * from './amendment.js';
