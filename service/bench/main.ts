/**
 * `npm run bench -- NAME [args]` runs service/bench/NAME.ts (support files have a '-' or '.' in their name). Benchmarks compare against a baseline
 * or a peer in the same run; timings on shared machines are noisy, so never assert on them in tests.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => /^[a-z]+\.ts$/.test(f) && f !== 'main.ts')
  .map((f) => f.replace(/\.ts$/, ''));
const [name, ...args] = process.argv.slice(2);

if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- <${available.join('|')}> [args]\n`);
  process.exit(2);
}
const module = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as {
  run(args: string[]): Promise<void>;
};
await module.run(args);
