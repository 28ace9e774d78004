/**
 * The command bridge of one process (`cash serve`, `cash worker`): the bridge that holds connected
 * tenants' subscriptions, and the job that runs their commands and reports back.
 */
import type { JobHandler } from '../jobs/worker.js';
import { BridgeStore } from '../salesforce/bridge/bridge-store.js';
import { ORG_COMMAND_JOB } from '../salesforce/bridge/command-intake.js';
import { orgCommandJob } from '../salesforce/bridge/command-job.js';
import { OrgBridge, type OrgBridgeOptions } from '../salesforce/bridge/org-bridge.js';
import { StoredOrgSessions } from '../salesforce/org-sessions.js';
import type { Services } from './services.js';

export function orgBridgeFor(
  services: Services,
  log: (message: string) => void,
  options: Omit<OrgBridgeOptions, 'log'> = {},
): { bridge: OrgBridge; handlers: Record<string, JobHandler> } {
  const store = new BridgeStore(services.db);
  const bridge = new OrgBridge(store, services.jobs, new StoredOrgSessions(services.orgs), { ...options, log });
  return { bridge, handlers: { [ORG_COMMAND_JOB]: orgCommandJob(store, {}, (tenantId) => bridge.published(tenantId)) } };
}
