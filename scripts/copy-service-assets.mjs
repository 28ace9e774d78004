// Copies the service's non-TypeScript runtime assets (SQL migrations, XML schemas, the Pub/Sub
// API's protocol definition) next to the compiled JavaScript, so that service/dist runs on its own
// (Heroku slug, `npm start`).
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ASSET = /\.(sql|xsd|proto)$/;
const SKIP = new Set(['__fixtures__', '__tests__', 'test-support']);

function copy(from, to) {
  for (const name of readdirSync(from)) {
    if (SKIP.has(name)) continue;
    const source = join(from, name);
    if (statSync(source).isDirectory()) copy(source, join(to, name));
    else if (ASSET.test(name)) cpSync(source, join(to, name));
  }
}

copy('service/src', 'service/dist');
