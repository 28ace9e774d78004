#!/usr/bin/env node
// Working with a real Salesforce org: create a scratch org, deploy the package, run its Apex tests,
// and run the bridge end to end. The Salesforce CLI lives in tools/salesforce-cli (its own lock file,
// installed on first use) so the project's own install stays small. Nothing here runs without an
// org: each step says plainly that it was skipped and what to set.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tools = join(root, 'tools', 'salesforce-cli');
const sf = join(tools, 'node_modules', '.bin', 'sf');
const targetOrg = process.env.SF_TARGET_ORG ?? 'cash-scratch';

function skipped(why) {
  console.log(`skipped: ${why}`);
  process.exit(0);
}

function run(command, args) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function ensureTools() {
  if (existsSync(sf)) return;
  console.log('installing the Salesforce CLI into tools/salesforce-cli (first use only)…');
  run('npm', ['ci', '--prefix', tools, '--no-audit', '--no-fund']);
}

function orgKnown() {
  const result = spawnSync(sf, ['org', 'display', '--target-org', targetOrg, '--json'], { cwd: root, encoding: 'utf8' });
  return result.status === 0;
}

const steps = {
  create() {
    const hub = process.env.SF_DEV_HUB;
    if (!hub) skipped('set SF_DEV_HUB to a Dev Hub you have authorised (sf org login web --set-default-dev-hub --alias devhub)');
    ensureTools();
    run(sf, ['org', 'create', 'scratch', '--definition-file', 'config/project-scratch-def.json', '--alias', targetOrg, '--target-dev-hub', hub, '--duration-days', '7', '--wait', '15']);
  },
  deploy() {
    ensureTools();
    if (!orgKnown()) skipped(`no org ${targetOrg} is authorised: run npm run org:create, or set SF_TARGET_ORG to an org you logged in to`);
    run(sf, ['project', 'deploy', 'start', '--target-org', targetOrg, '--wait', '30']);
    run(sf, ['org', 'assign', 'permset', '--name', 'CashManagementAdmin', '--target-org', targetOrg]);
  },
  async test() {
    ensureTools();
    if (!orgKnown()) skipped(`no org ${targetOrg} is authorised: run npm run org:create and npm run org:deploy first`);
    const require = createRequire(join(tools, 'package.json'));
    const { Org } = require('@salesforce/core');
    const { TestService } = require('@salesforce/apex-node');
    const org = await Org.create({ aliasOrUsername: targetOrg });
    const tests = new TestService(org.getConnection());
    console.log(`running the package's Apex tests (RunLocalTests) in ${targetOrg}…`);
    const result = await tests.runTestAsynchronous({ testLevel: 'RunLocalTests' }, true);
    const out = join(root, '.sf-test-results');
    mkdirSync(out, { recursive: true });
    await tests.writeResultFiles(result, { dirPath: out, resultFormats: ['junit', 'json'] }, true);
    const s = result.summary;
    console.log(`${s.passing} passed, ${s.failing} failed${s.skipped ? `, ${s.skipped} skipped` : ''}; org-wide coverage ${s.orgWideCoverage ?? 'unknown'}; results in .sf-test-results/`);
    process.exit(s.failing > 0 ? 1 : 0);
  },
};

const step = process.argv[2];
if (!(step in steps)) {
  console.error(`usage: node scripts/org/org.mjs ${Object.keys(steps).join('|')}`);
  process.exit(2);
}
await steps[step]();
