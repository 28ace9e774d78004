import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareRun } from '../src/formats/sepa/prepare-run.js';
import type { SepaFormat, SepaKind } from '../src/formats/sepa/model.js';
import type { SepaRunInput } from '../src/formats/sepa/run-json-schema.js';
import { NOW, TODAY } from '../src/formats/sepa/test-support/runs.js';
import { creditTransferVariants, directDebitVariants } from '../src/formats/sepa/test-support/variants.js';
import { xsdErrors } from '../src/formats/sepa/test-support/xsd.js';
import { writeRunToString } from '../src/formats/sepa/write-run.js';
import { sharedDir } from './shared-dir.js';

/**
 * The 2009 versions as German banks check them: against the DK-restricted schemas (EPC subset) in
 * ../shared, which come from an LGPL project and so are not copied into the repository.
 */
const dkSchema = (name: string): string => readFileSync(join(sharedDir(), 'fixtures', 'xsd', name), 'utf8');

function written(run: SepaRunInput, kind: SepaKind, format: SepaFormat): string {
  const result = prepareRun(run, { kind, format, today: TODAY, now: NOW });
  expect(result.problems).toEqual([]);
  return writeRunToString(result.run!);
}

describe('2009-version files pass the German DK schemas', () => {
  const dd = dkSchema('pain.008.001.02.DK.xsd');
  it.each(Object.entries(directDebitVariants))('pain.008.001.02 (DK): %s', async (_name, run) => {
    expect(await xsdErrors(written(run, 'direct-debit', 'pain.008.001.02'), 'pain.008.001.02', dd)).toEqual([]);
  });
  const ct = dkSchema('pain.001.001.03.DK.xsd');
  it.each(Object.entries(creditTransferVariants))('pain.001.001.03 (DK): %s', async (_name, run) => {
    expect(await xsdErrors(written(run, 'credit-transfer', 'pain.001.001.03'), 'pain.001.001.03', ct)).toEqual([]);
  });
});
