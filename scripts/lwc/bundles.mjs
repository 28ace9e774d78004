// Lists LWC bundles and their deployable files (everything outside __tests__).
import fs from 'node:fs';
import path from 'node:path';

export function bundleDirs(lwcDir) {
    return fs
        .readdirSync(lwcDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !d.name.startsWith('__'))
        .map((d) => path.join(lwcDir, d.name))
        .sort();
}

export function bundleFiles(bundleDir, extensions) {
    const out = [];
    const walk = (dir) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== '__tests__') {
                    walk(full);
                }
            } else if (extensions.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts')) {
                out.push(full);
            }
        }
    };
    walk(bundleDir);
    return out.sort();
}
