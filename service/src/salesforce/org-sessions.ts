/**
 * The command bridge's view of the org connections: which tenants are connected, and a current
 * session (access token, instance URL, org id) for each, signed in with the stored credentials and
 * signed in again when the org says the token expired.
 */
import type { PubSubSession } from './pubsub/pubsub-client.js';
import type { OrgSessions } from './bridge/org-bridge.js';
import type { OrgConnections } from './org-connections.js';
import { openOrgSession } from './org-session.js';

export class StoredOrgSessions implements OrgSessions {
  private readonly sessions = new Map<string, Promise<PubSubSession>>();

  constructor(private readonly orgs: OrgConnections) {}

  connectedTenants(): Promise<string[]> {
    return this.orgs.tenants();
  }

  session(tenantId: string, refresh: boolean): Promise<PubSubSession> {
    let session = refresh ? undefined : this.sessions.get(tenantId);
    if (!session) {
      session = this.orgs
        .credentials(tenantId)
        .then(openOrgSession)
        .then((s) => ({ accessToken: s.conn.accessToken!, instanceUrl: s.instanceUrl, orgId: s.orgId }));
      session.catch(() => this.sessions.delete(tenantId));
      this.sessions.set(tenantId, session);
    }
    return session;
  }
}
