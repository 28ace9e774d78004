// ESLint for the Lightning Web Components: Salesforce's recommended LWC rules on the TypeScript
// sources, the compiled .js that deploys, and the Jest tests. Scoped to lwc folders only.
import { createRequire } from 'node:module';
import globals from 'globals';

const require = createRequire(import.meta.url);
const lwcRecommended = require('@salesforce/eslint-config-lwc/recommended');
const lwcRecommendedTs = require('@salesforce/eslint-config-lwc/recommended-ts');

const scoped = (configs, files) => configs.map((config) => ({ ...config, files }));

export default [
    { ignores: ['node_modules/**', 'scripts/lwc/fixtures/**'] },
    ...scoped(lwcRecommended, ['**/lwc/**/*.js']),
    ...scoped(lwcRecommendedTs, ['**/lwc/**/*.ts']),
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
            // Tests wait for promises and timers on purpose.
            '@lwc/lwc/no-async-operation': 'off'
        }
    }
];
