/**
 * SEPA payment files: EPC rules, pain.008 / pain.001 writers (2019 and 2009 versions), and the
 * pure run builders the store-backed payment runs call.
 */
export { prepareRun, type PrepareOptions, type PrepareResult } from './prepare-run.js';
export { writeRun, writeRunToString } from './write-run.js';
export { parseRunJson, RunSchema, type RunTransaction, type SepaRunInput } from './run-json-schema.js';
export {
  buildDirectDebitRun,
  type CollectingEntity,
  type DirectDebitCandidate,
  type DirectDebitRunPlan,
  type DirectDebitRunRequest,
  type IncludedCollection,
} from './direct-debit-run.js';
export {
  buildCreditTransferRun,
  type CreditTransferCandidate,
  type CreditTransferRunPlan,
  type CreditTransferRunRequest,
} from './credit-transfer-run.js';
export type { ExcludedRecord, IncludedRecord } from './run-builder-support.js';
export { isTarget2BusinessDay, nextBusinessDay } from './target2-calendar.js';
export { createCreditorId, isValidCreditorId } from './identifiers.js';
export * from './model.js';
