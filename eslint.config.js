// ESLint for the Lightning Web Components: Salesforce's recommended LWC rules on the TypeScript
// sources, the compiled .js that deploys, and the Jest tests. Scoped to lwc folders only.
import { createRequire } from 'node:module';
import globals from 'globals';

const require = createRequire(import.meta.url);
const lwcRecommended = require('@salesforce/eslint-config-lwc/recommended');
const lwcRecommendedTs = require('@salesforce/eslint-config-lwc/recommended-ts');

const scoped = (configs, files) => configs.map((config) => ({ ...config, files }));

// The platform adapters the Salesforce config knows, plus the cacheable reads that c/cmApex exports
// (the one module allowed to reach Apex).
const wireAdapters = [
    { module: 'lightning/**', identifier: '*' },
    { module: '@salesforce/**', identifier: '*' },
    { module: 'c/cmApex', identifier: 'get*' }
];

export default [
    { ignores: ['node_modules/**', 'scripts/lwc/fixtures/**'] },
    ...scoped(lwcRecommended, ['**/lwc/**/*.js']),
    ...scoped(lwcRecommendedTs, ['**/lwc/**/*.ts']),
    {
        files: ['**/lwc/**/*.{js,ts}'],
        rules: { '@lwc/lwc/no-unknown-wire-adapters': ['error', { adapters: wireAdapters }] }
    },
    {
        // The Babel parser sees interface members and type-only imports as variables, so these core
        // rules misfire on .ts; tsc (noUnusedLocals) covers them there, and the compiled .js, which
        // holds the same code without types, is still linted with them on.
        files: ['**/lwc/**/*.ts'],
        rules: { 'no-undef': 'off', 'no-restricted-globals': 'off', 'no-unused-vars': 'off' }
    },
    {
        files: ['**/lwc/**/__tests__/**/*.js'],
        languageOptions: { globals: { ...globals.node, ...globals.jest } },
        rules: {
            // Tests wait for timers on purpose and drive wire adapters directly (adapter.emit()).
            '@lwc/lwc/no-async-operation': 'off',
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off'
        }
    }
];
