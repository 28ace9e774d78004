// Registers the @sa11y/jest matcher so every component test can assert `toBeAccessible()`.
import { registerSa11yMatcher } from '@sa11y/jest';

registerSa11yMatcher();
