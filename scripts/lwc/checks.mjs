// The LWC checks of the offline validation suite. Each takes an lwc folder and returns the problems
// found as readable lines (empty when clean), so the CLI and the self-tests share one implementation.
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from '@lwc/compiler';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { bundleDirs, bundleFiles } from './bundles.mjs';
import { repoRoot } from './paths.mjs';
import { createLwcProgram, emitJs, formatDiagnostic } from './ts-program.mjs';

const rel = (file) => path.relative(repoRoot, file);

// Building the program is the slow part; the type check and the staleness check share one per folder.
const programs = new Map();
function programFor(lwcDir) {
    if (!programs.has(lwcDir)) {
        programs.set(lwcDir, createLwcProgram(lwcDir));
    }
    return programs.get(lwcDir);
}

/** TypeScript type check of every component source. */
export function checkTypes(lwcDir) {
    return ts.getPreEmitDiagnostics(programFor(lwcDir)).map(formatDiagnostic);
}

/** The committed .js must be exactly what the .ts compiles to, and every component is TypeScript. */
export function checkStale(lwcDir) {
    const { files } = emitJs(programFor(lwcDir));
    const problems = [];
    for (const [jsFile, expected] of files) {
        if (!fs.existsSync(jsFile)) {
            problems.push(`${rel(jsFile)}: missing; run npm run lwc:build and commit the result`);
        } else if (fs.readFileSync(jsFile, 'utf8') !== expected) {
            problems.push(`${rel(jsFile)}: stale, differs from what ${path.basename(jsFile, '.js')}.ts compiles to; run npm run lwc:build`);
        }
    }
    for (const dir of bundleDirs(lwcDir)) {
        for (const jsFile of bundleFiles(dir, ['.js'])) {
            if (!files.has(path.resolve(jsFile))) {
                problems.push(`${rel(jsFile)}: has no TypeScript source beside it; components are written in TypeScript`);
            }
        }
    }
    return problems;
}

/** Runs the LWC compiler over every deployable .js, .html and .css file, as the platform would. */
export function checkCompile(lwcDir) {
    const problems = [];
    for (const dir of bundleDirs(lwcDir)) {
        const name = path.basename(dir);
        for (const file of bundleFiles(dir, ['.js', '.html', '.css'])) {
            try {
                const { warnings } = transformSync(fs.readFileSync(file, 'utf8'), file, { name, namespace: 'c' });
                for (const w of warnings ?? []) {
                    if (w.level <= 1) {
                        problems.push(`${rel(file)}: ${w.message}`);
                    }
                }
            } catch (error) {
                problems.push(`${rel(file)}: ${error.message.split('\n')[0]}`);
            }
        }
    }
    return problems;
}

/** ESLint with the Salesforce LWC configuration over sources, compiled output and tests. */
export async function checkLint(lwcDir) {
    // ignore: false so the deliberately broken fixtures, which the repo-wide lint skips, get linted.
    const eslint = new ESLint({ cwd: repoRoot, ignore: false });
    const results = await eslint.lintFiles([path.join(lwcDir, '**/*.{js,ts}')]);
    return results.flatMap((r) =>
        r.messages
            .filter((m) => m.severity === 2)
            .map((m) => `${rel(r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? 'parse'}: ${m.message}`)
    );
}

/** Every bundle ships Jest tests, and those of a bundle with a template assert accessibility. */
export function checkTestsPresent(lwcDir) {
    const problems = [];
    for (const dir of bundleDirs(lwcDir)) {
        const testsDir = path.join(dir, '__tests__');
        const tests = fs.existsSync(testsDir) ? fs.readdirSync(testsDir).filter((f) => /\.test\.[jt]s$/.test(f)) : [];
        if (tests.length === 0) {
            problems.push(`${rel(dir)}: no Jest test in __tests__/`);
            continue;
        }
        const hasTemplate = bundleFiles(dir, ['.html']).length > 0;
        const assertsA11y = tests.some((f) => fs.readFileSync(path.join(testsDir, f), 'utf8').includes('toBeAccessible'));
        if (hasTemplate && !assertsA11y) {
            problems.push(`${rel(dir)}: no accessibility assertion (toBeAccessible) in its Jest tests`);
        }
    }
    return problems;
}
