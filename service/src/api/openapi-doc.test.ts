import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../cli/commands/openapi.js';

describe('checked-in OpenAPI document', () => {
  it('matches what the service serves (regenerate with npm run openapi)', async () => {
    const checkedIn = JSON.parse(readFileSync(resolve(fileURLToPath(import.meta.url), '../../../../docs/openapi.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(await openApiDocument()))).toEqual(checkedIn);
  }, 120_000);
});
