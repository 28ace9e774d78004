import { CashError, invalid } from '../domain/errors.js';
import { ConnectionStore, type OrgConnection, type StoredOrgConnection } from './connection-store.js';
import { assertRsaPrivateKey } from './jwt-assertion.js';
import type { OrgCredentials } from './org-credentials.js';
import { fetchApiLimits, fetchUserInfo, type OrgLimit, type OrgUserInfo } from './org-info.js';
import { openOrgSession } from './org-session.js';
import { decryptSecret, encryptSecret } from './secret-crypto.js';
import type { Db } from '../store/db.js';
import { BridgeStore, COMMAND_TOPIC } from './bridge/bridge-store.js';

export type ConnectInput =
  | { flow: 'jwt-bearer'; loginUrl: string; clientId: string; username: string; privateKey: string }
  | { flow: 'client-credentials'; loginUrl: string; clientId: string; clientSecret: string };

export interface OrgStatus {
  connection: OrgConnection;
  user: OrgUserInfo;
  limits: { dailyApiRequests: OrgLimit };
  /** The command subscription: which process holds it, its state and its last error. */
  subscription: SubscriptionStatus;
}

export interface SubscriptionStatus {
  /** `not subscribed` until a `cash serve` or `cash worker` takes it; then connecting, subscribed, waiting (after an error) or closed. */
  state: string;
  holder: string | null;
  leaseUntil: string | null;
  lastError: string | null;
}

const notConnected = (tenantId: string) => new CashError('ORG_NOT_CONNECTED', 'not_found', `tenant ${tenantId} has no org connection`, { tenantId });

/** A login URL is an https origin: the credentials never travel in clear text. */
function normaliseLoginUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('LOGIN_URL_INVALID', `login URL ${text} is not a URL`);
  }
  if (url.protocol !== 'https:') throw invalid('LOGIN_URL_INVALID', 'the login URL must use https');
  if (url.pathname !== '/' || url.search || url.hash || url.username) {
    throw invalid('LOGIN_URL_INVALID', 'the login URL is an origin such as https://login.salesforce.com or https://mydomain.my.salesforce.com');
  }
  return url.origin;
}

function credentialsOf(input: ConnectInput): OrgCredentials {
  const loginUrl = normaliseLoginUrl(input.loginUrl);
  if (!input.clientId.trim()) throw invalid('CLIENT_ID_MISSING', 'the consumer key (client id) of the External Client App is missing');
  if (input.flow === 'jwt-bearer') {
    if (!input.username.trim()) throw invalid('USERNAME_MISSING', 'the JWT bearer flow needs the integration user name');
    assertRsaPrivateKey(input.privateKey);
    return { flow: 'jwt-bearer', loginUrl, clientId: input.clientId.trim(), username: input.username.trim(), secret: input.privateKey };
  }
  if (!input.clientSecret) throw invalid('CLIENT_SECRET_MISSING', 'the client credentials flow needs the consumer secret');
  return { flow: 'client-credentials', loginUrl, clientId: input.clientId.trim(), username: null, secret: input.clientSecret.trim() };
}

const publicView = ({ secretEncrypted: _secret, ...connection }: StoredOrgConnection): OrgConnection => connection;

/**
 * Connecting tenants to their orgs: credentials are verified with the org at once (token and
 * userinfo) and only then stored, the secret sealed under the service's secret key.
 */
export class OrgConnections {
  private readonly store: ConnectionStore;
  private readonly bridge: BridgeStore;

  constructor(
    db: Db,
    /** Resolved on first use, so a service without org connections needs no key. */
    private readonly secretKey: () => Buffer,
  ) {
    this.store = new ConnectionStore(db);
    this.bridge = new BridgeStore(db);
  }

  async connect(tenantId: string, input: ConnectInput): Promise<OrgConnection> {
    const credentials = credentialsOf(input);
    const key = this.secretKey();
    const session = await openOrgSession(credentials);
    const user = await fetchUserInfo(session.conn);
    const saved = await this.store.save({
      tenantId,
      flow: credentials.flow,
      loginUrl: credentials.loginUrl,
      clientId: credentials.clientId,
      username: credentials.username,
      secretEncrypted: encryptSecret(key, credentials.secret, tenantId),
      orgId: user.orgId,
      userId: user.userId,
      orgUsername: user.username,
      instanceUrl: session.instanceUrl,
    });
    return publicView(saved);
  }

  async get(tenantId: string): Promise<OrgConnection> {
    const stored = await this.store.get(tenantId);
    if (!stored) throw notConnected(tenantId);
    return publicView(stored);
  }

  /** The stored credentials with the secret decrypted, for signing in (never for display). */
  async credentials(tenantId: string): Promise<OrgCredentials> {
    const stored = await this.store.get(tenantId);
    if (!stored) throw notConnected(tenantId);
    return {
      flow: stored.flow,
      loginUrl: stored.loginUrl,
      clientId: stored.clientId,
      username: stored.username,
      secret: decryptSecret(this.secretKey(), stored.secretEncrypted, tenantId),
    };
  }

  /** Signs in with the stored credentials and asks the org who the service is and what allowance is left. */
  async status(tenantId: string): Promise<OrgStatus> {
    const connection = await this.get(tenantId);
    const session = await openOrgSession(await this.credentials(tenantId));
    const user = await fetchUserInfo(session.conn);
    const limits = await fetchApiLimits(session.conn);
    return { connection, user, limits, subscription: await this.subscription(tenantId) };
  }

  /** Tenants that have an org connection, for the command bridge. */
  tenants(): Promise<string[]> {
    return this.store.tenants();
  }

  async subscription(tenantId: string): Promise<SubscriptionStatus> {
    const row = await this.bridge.subscription(tenantId, COMMAND_TOPIC);
    const held = row?.holder && row.leaseUntil && row.leaseUntil.getTime() > Date.now();
    if (!row || !held) return { state: 'not subscribed', holder: null, leaseUntil: null, lastError: row?.lastError ?? null };
    return { state: row.state, holder: row.holder, leaseUntil: row.leaseUntil!.toISOString(), lastError: row.lastError };
  }

  async disconnect(tenantId: string): Promise<void> {
    if (!(await this.store.delete(tenantId))) throw notConnected(tenantId);
  }
}
