import { createHmac, createPublicKey, randomBytes, timingSafeEqual, verify, X509Certificate, type KeyObject } from 'node:crypto';

export interface OrgUser {
  id: string;
  username: string;
}

interface Session {
  userId: string;
  clientId: string;
}

/** An OAuth error as the token endpoint answers it (HTTP 400 unless said otherwise). */
export class OAuthFault extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
  ) {
    super(description);
  }
}

export interface TokenRequestLog {
  grantType: string;
  clientId: string;
  ok: boolean;
}

const decodePart = (part: string): Record<string, unknown> => {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new OAuthFault('invalid_grant', 'invalid assertion');
  }
};

/**
 * The org's OAuth side: registered external client apps (a certificate for the JWT bearer flow or a
 * secret and run-as user for client credentials), the sessions it issued, and the token endpoint's
 * checks. Clock skew is not tolerated beyond what Salesforce allows (none for `exp`).
 */
export class OrgAuth {
  private readonly jwtApps = new Map<string, KeyObject>();
  private readonly secretApps = new Map<string, { secret: string; runAs: string }>();
  private sessions = new Map<string, Session>();
  readonly tokenRequests: TokenRequestLog[] = [];
  private readonly signingKey = randomBytes(32);

  constructor(
    private readonly users: Map<string, OrgUser>,
    private readonly urls: { login: string; instance: string; orgId: string },
  ) {}

  /** Registers the app's certificate (or public key) as uploaded in its OAuth settings. */
  registerJwtApp(clientId: string, certificateOrPublicKey: string): void {
    const key = certificateOrPublicKey.includes('BEGIN CERTIFICATE')
      ? new X509Certificate(certificateOrPublicKey).publicKey
      : createPublicKey(certificateOrPublicKey);
    this.jwtApps.set(clientId, key);
  }

  registerClientCredentialsApp(clientId: string, secret: string, runAsUsername: string): void {
    this.secretApps.set(clientId, { secret, runAs: runAsUsername });
  }

  /** Every issued access token stops working, as when sessions time out. */
  expireSessions(): void {
    this.sessions = new Map();
  }

  session(authorization: string | undefined): Session | null {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
    return this.sessions.get(token) ?? null;
  }

  token(params: URLSearchParams): Record<string, unknown> {
    const grantType = params.get('grant_type') ?? '';
    const clientId = grantType === 'client_credentials' ? (params.get('client_id') ?? '') : '';
    try {
      const user =
        grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer'
          ? this.jwtBearer(params.get('assertion') ?? '')
          : grantType === 'client_credentials'
            ? this.clientCredentials(clientId, params.get('client_secret') ?? '')
            : null;
      if (!user) throw new OAuthFault('unsupported_grant_type', 'grant type not supported');
      this.tokenRequests.push({ grantType, clientId: user.clientId, ok: true });
      return this.issue(user.user, user.clientId);
    } catch (error) {
      this.tokenRequests.push({ grantType, clientId, ok: false });
      throw error;
    }
  }

  private jwtBearer(assertion: string): { user: OrgUser; clientId: string } {
    const parts = assertion.split('.');
    if (parts.length !== 3) throw new OAuthFault('invalid_grant', 'invalid assertion');
    const header = decodePart(parts[0]!);
    const claims = decodePart(parts[1]!);
    if (header.alg !== 'RS256') throw new OAuthFault('invalid_grant', 'invalid assertion');
    const key = this.jwtApps.get(String(claims.iss));
    if (!key) throw new OAuthFault('invalid_client_id', 'client identifier invalid');
    const signed = verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), key, Buffer.from(parts[2]!, 'base64url'));
    if (!signed) throw new OAuthFault('invalid_grant', 'invalid assertion');
    if (claims.aud !== this.urls.login) throw new OAuthFault('invalid_grant', 'audience is invalid');
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) throw new OAuthFault('invalid_grant', 'expired authorization code');
    const user = this.users.get(String(claims.sub));
    if (!user) throw new OAuthFault('invalid_grant', "user hasn't approved this consumer");
    return { user, clientId: String(claims.iss) };
  }

  private clientCredentials(clientId: string, secret: string): { user: OrgUser; clientId: string } {
    const app = this.secretApps.get(clientId);
    if (!app) throw new OAuthFault('invalid_client_id', 'client identifier invalid');
    const a = Buffer.from(secret);
    const b = Buffer.from(app.secret);
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw new OAuthFault('invalid_client', 'invalid client credentials');
    const user = this.users.get(app.runAs);
    if (!user) throw new OAuthFault('invalid_grant', 'no client credentials user enabled');
    return { user, clientId };
  }

  private issue(user: OrgUser, clientId: string): Record<string, unknown> {
    const accessToken = `${this.urls.orgId}!${randomBytes(24).toString('base64url')}`;
    this.sessions.set(accessToken, { userId: user.id, clientId });
    const issuedAt = String(Date.now());
    const id = `${this.urls.login}/id/${this.urls.orgId}/${user.id}`;
    return {
      access_token: accessToken,
      scope: 'api',
      instance_url: this.urls.instance,
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
      signature: createHmac('sha256', this.signingKey).update(id + issuedAt).digest('base64'),
    };
  }
}
