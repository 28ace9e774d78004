// Where the LWC sources, their tsconfig and the check fixtures live.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const lwcDir = path.join(repoRoot, 'force-app/main/default/lwc');
export const tsconfigPath = path.join(lwcDir, 'tsconfig.json');
export const fixturesDir = path.join(repoRoot, 'scripts/lwc/fixtures');
