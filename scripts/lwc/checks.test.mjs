// Tests of the LWC checks themselves: each deliberately broken fixture fails exactly the check meant
// to catch it, and a clean component passes them all.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkCompile, checkLint, checkStale, checkTestsPresent, checkTypes } from './checks.mjs';
import { fixturesDir } from './paths.mjs';

const fixture = (name) => path.join(fixturesDir, name, 'lwc');
const joined = (problems) => problems.join('\n');

describe('LWC checks', () => {
    it('pass a clean component', async () => {
        const dir = fixture('valid');
        assert.deepEqual(checkTypes(dir), []);
        assert.deepEqual(checkStale(dir), []);
        assert.deepEqual(checkCompile(dir), []);
        assert.deepEqual(await checkLint(dir), []);
    });

    it('fail the LWC compiler on a template error', async () => {
        const dir = fixture('templateError');
        const problems = checkCompile(dir);
        assert.equal(problems.length, 1);
        assert.match(joined(problems), /brokenTemplate\.html: .*LWC1034/);
        assert.deepEqual(checkTypes(dir), []);
        assert.deepEqual(checkStale(dir), []);
    });

    it('fail the type check on a type error', () => {
        const problems = checkTypes(fixture('typeError'));
        assert.equal(problems.length, 1);
        assert.match(joined(problems), /typeMismatch\.ts:\d+:\d+ TS2322/);
    });

    it('fail the staleness check when the committed .js is not what the .ts compiles to', () => {
        const dir = fixture('staleJs');
        assert.match(joined(checkStale(dir)), /staleOutput\.js: stale/);
        assert.deepEqual(checkCompile(dir), []);
    });

    it('fail ESLint on an LWC rule violation in the source and its compiled output', async () => {
        const problems = await checkLint(fixture('lintError'));
        assert.match(joined(problems), /lintViolation\.ts:\d+:\d+ @lwc\/lwc\/no-inner-html/);
        assert.match(joined(problems), /lintViolation\.js:\d+:\d+ @lwc\/lwc\/no-inner-html/);
    });

    it('report a component without Jest tests', () => {
        assert.match(joined(checkTestsPresent(fixture('valid'))), /cleanComponent: no Jest test/);
    });

    it('report component tests that never assert accessibility', async () => {
        const dir = fixture('noA11y');
        assert.match(joined(checkTestsPresent(dir)), /untestedA11y: no accessibility assertion/);
        assert.deepEqual(checkCompile(dir), []);
        assert.deepEqual(await checkLint(dir), []);
    });
});
