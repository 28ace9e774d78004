// `npm run lwc:check`: type check, stale compiled output, LWC compiler, ESLint, and Jest tests with
// accessibility assertions, over force-app's components. Exits non-zero when any finds a problem.
import { checkCompile, checkLint, checkStale, checkTestsPresent, checkTypes } from './checks.mjs';
import { lwcDir } from './paths.mjs';

const steps = [
    ['TypeScript type check', () => checkTypes(lwcDir)],
    ['compiled .js up to date', () => checkStale(lwcDir)],
    ['LWC compiler', () => checkCompile(lwcDir)],
    ['ESLint (Salesforce LWC config)', () => checkLint(lwcDir)],
    ['Jest tests with accessibility assertions per component', () => checkTestsPresent(lwcDir)]
];

let failed = 0;
for (const [title, run] of steps) {
    const started = Date.now();
    const problems = await run();
    const took = `${Date.now() - started} ms`;
    if (problems.length === 0) {
        console.log(`ok   ${title} (${took})`);
    } else {
        failed += 1;
        console.log(`FAIL ${title} (${took})`);
        for (const p of problems) {
            console.log(`     ${p}`);
        }
    }
}
if (failed > 0) {
    console.log(`lwc:check: ${failed} of ${steps.length} checks failed.`);
    process.exit(1);
}
console.log(`lwc:check: all ${steps.length} checks passed.`);
