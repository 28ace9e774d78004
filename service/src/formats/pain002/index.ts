/** pain.002 customer payment status reports: reader and mapping onto a submitted order's payments. */
export { readStatusReport } from './reader.js';
export { mapStatusOutcomes, type PaymentOutcome, type StatusOutcomes, type SubmittedPayment } from './outcomes.js';
export * from './model.js';
