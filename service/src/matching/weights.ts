/**
 * Points each signal contributes to a candidate's score (0..1). They are set so that one strong
 * identifier plus a fitting amount reaches the auto-settle threshold (0.9), while an amount, a name
 * or a date alone never does, and a date can never separate two otherwise equal candidates (its
 * points stay below the ambiguity margin).
 */
export const WEIGHTS = {
  endToEndId: 1,
  creditorReference: 0.9,
  statementNumber: 0.7,
  statementNumberDigits: 0.55,
  customField: 0.7,
  iban: 0.3,
  accountNumberKeyword: 0.3,
  accountNumberAnywhere: 0.2,
  exactName: 0.3,
  similarName: 0.25,
  /** Each further kind of account evidence adds this, up to `accountMax`. */
  accountCorroboration: 0.1,
  accountMax: 0.4,
  /** An IBAN or announced number that identifies another account. */
  accountConflict: -0.3,
  amountExact: 0.25,
  amountTolerated: 0.15,
  /** The only combination of the account's open entries that sums to the amount. */
  uniqueSubset: 0.35,
  dateCorrelated: 0.05,
  /** Reference hits at least this strong must be explained by the settled candidate. */
  blockingReference: 0.65,
} as const;
