// Builds the TypeScript program for one lwc folder with the options of the project's LWC tsconfig,
// so the same settings type-check and emit both force-app and the check fixtures.
import path from 'node:path';
import ts from 'typescript';
import { bundleDirs, bundleFiles } from './bundles.mjs';
import { repoRoot, tsconfigPath } from './paths.mjs';

const typesDir = path.join(repoRoot, 'scripts/lwc/types');

export const GENERATED_HEADER = '// Generated from the .ts source beside this file by `npm run lwc:build`; edit the .ts, not this file.\n';

function baseOptions() {
    const read = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
    if (read.error) {
        throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
    }
    return ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(tsconfigPath)).options;
}

export function sourceFiles(lwcDir) {
    return bundleDirs(lwcDir).flatMap((dir) => bundleFiles(dir, ['.ts']));
}

export function createLwcProgram(lwcDir) {
    // Every bundle is importable as c/<name>, as on the platform.
    const paths = Object.fromEntries(bundleDirs(lwcDir).map((dir) => [`c/${path.basename(dir)}`, [`${path.basename(dir)}/${path.basename(dir)}`]]));
    const options = { ...baseOptions(), baseUrl: lwcDir, paths };
    const typeFiles = ts.sys.readDirectory(typesDir, ['.d.ts']);
    return ts.createProgram([...typeFiles, ...sourceFiles(lwcDir)], options);
}

export function formatDiagnostic(d) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) {
        return `TS${d.code}: ${text}`;
    }
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${path.relative(repoRoot, d.file.fileName)}:${line + 1}:${character + 1} TS${d.code}: ${text}`;
}

/** Emits every component's JavaScript in memory: Map of .js path → text, header included. */
export function emitJs(program) {
    const out = new Map();
    const result = program.emit(undefined, (fileName, text) => {
        if (fileName.endsWith('.js')) {
            out.set(path.resolve(fileName), GENERATED_HEADER + text);
        }
    });
    return { files: out, diagnostics: result.diagnostics };
}
