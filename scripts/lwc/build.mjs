// Compiles every LWC TypeScript source to the .js beside it (the file the platform deploys).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { createLwcProgram, emitJs, formatDiagnostic } from './ts-program.mjs';
import { lwcDir, repoRoot } from './paths.mjs';

const program = createLwcProgram(lwcDir);
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) {
    for (const d of diagnostics) {
        console.error(formatDiagnostic(d));
    }
    console.error(`lwc:build: ${diagnostics.length} type error(s); nothing written.`);
    process.exit(1);
}
const { files } = emitJs(program);
let written = 0;
for (const [file, text] of files) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current !== text) {
        fs.writeFileSync(file, text);
        written += 1;
        console.log(`wrote ${path.relative(repoRoot, file)}`);
    }
}
console.log(`lwc:build: ${files.size} component file(s), ${written} updated.`);
