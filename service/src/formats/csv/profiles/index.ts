import type { CsvProfile } from '../profile.js';
import { adyenSettlementDetailsProfile } from './adyen-settlement-details.js';
import { genericProfile } from './generic.js';
import { paypalProfile } from './paypal.js';

/** Built-in profiles, most specific first: auto-detection takes the first that fits a file. */
export const CSV_PROFILES: readonly CsvProfile[] = [adyenSettlementDetailsProfile, paypalProfile, genericProfile];
