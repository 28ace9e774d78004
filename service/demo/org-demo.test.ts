import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

it('npm run demo:org shows commands from the test org answered by the service', () => {
  const env = { ...process.env };
  // the demo makes its own CA and runs itself again trusting it, as a newcomer's shell would
  delete env.CASH_TEST_TLS_DIR;
  delete env.NODE_EXTRA_CA_CERTS;
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'service/demo/org-demo.ts'], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/^service +tenant \S+ connected to org 00D\w+ as integration@demo.example/m);
  expect(run.stdout).toMatch(/^org +receives CashNotification__e demo-1 accepted: Accepted by the service \(job /m);
  expect(run.stdout).toMatch(/^org +receives CashNotification__e demo-1 failed: ORG_LEDGER_NOT_AVAILABLE: /m);
  expect(run.stdout).toMatch(/^org +receives CashNotification__e demo-2 failed: PAYMENT_PROVIDER_NOT_AVAILABLE: /m);
  expect(run.stdout).toMatch(/^org +receives CashNotification__e demo-3 failed: COMMAND_MALFORMED: the refund payload is not valid: \/refundIds\/0/m);
}, 150_000);
