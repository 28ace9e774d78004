// Jest for the Lightning Web Components (run by `npm run test:lwc` through sfdx-lwc-jest).
// Only force-app is searched, so the service's Vitest files are never picked up here.
// `c/x` and relative imports resolve to the compiled .js before the .ts source, so the tests run the
// exact code that deploys; `npm run lwc:check` fails first when that .js is stale.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

export default {
    ...jestConfig,
    roots: ['<rootDir>/force-app'],
    moduleFileExtensions: ['js', 'ts', 'html', 'json'],
    setupFilesAfterEnv: [...jestConfig.setupFilesAfterEnv, '<rootDir>/scripts/lwc/jest-setup.js'],
    testTimeout: 10000
};
