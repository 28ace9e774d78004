import type { Db } from '../db.js';
import { ConfigurationStore } from './configuration-store.js';
import { PostImportStore } from './post-import-store.js';
import { SuggestionStore } from './suggestion-store.js';

export { ConfigurationStore, validConfiguration, type EffectiveConfigurations, type StoredConfiguration } from './configuration-store.js';
export * from './suggestion-store.js';
export { PostImportStore, type PostImportStep } from './post-import-store.js';

/** The store behind matching in the product: configurations per tenant, results and suggestions, and what is left to do after imports. */
export interface MatchingStore {
  configurations: ConfigurationStore;
  suggestions: SuggestionStore;
  postImport: PostImportStore;
}

export const matchingStore = (db: Db): MatchingStore => ({
  configurations: new ConfigurationStore(db),
  suggestions: new SuggestionStore(db),
  postImport: new PostImportStore(db),
});
