// Jest for the Lightning Web Components (run by `npm run test:lwc` through sfdx-lwc-jest).
// Only force-app is searched, so the service's Vitest files are never picked up here.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

export default {
    ...jestConfig,
    roots: ['<rootDir>/force-app'],
    setupFilesAfterEnv: [...jestConfig.setupFilesAfterEnv, '<rootDir>/scripts/lwc/jest-setup.js'],
    testTimeout: 10000
};
