import jsforce, { type Connection } from 'jsforce';
import { CashError } from '../domain/errors.js';
import { signJwtAssertion } from './jwt-assertion.js';
import type { OrgCredentials } from './org-credentials.js';

/** The REST API version the service speaks. */
export const ORG_API_VERSION = '62.0';

export interface OrgSession {
  conn: Connection;
  orgId: string;
  userId: string;
  instanceUrl: string;
}

/**
 * The token request of each flow. A JWT bearer assertion lives three minutes, so every request
 * (first sign-in or refresh) signs a new one; client credentials simply ask again.
 */
function tokenParams(credentials: OrgCredentials): { grant_type: string; [name: string]: string } {
  if (credentials.flow === 'client-credentials') return { grant_type: 'client_credentials' };
  return {
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    assertion: signJwtAssertion({
      clientId: credentials.clientId,
      username: credentials.username ?? '',
      audience: credentials.loginUrl,
      privateKeyPem: credentials.secret,
    }),
  };
}

/**
 * The org's answer as a typed error: OAuth refusals keep the org's code (`invalid_grant`, …) and
 * message; transport failures (refused connection, untrusted certificate) say what failed; REST
 * errors keep the org's errorCode.
 */
export function orgError(error: unknown): CashError {
  if (error instanceof CashError) return error;
  const e = error as { name?: string; message?: string; errorCode?: string; code?: string; type?: string };
  const message = e.message ?? String(error);
  if (e.name && /^[a-z_]+$/.test(e.name) && e.name !== 'error') {
    return new CashError('ORG_AUTH_FAILED', 'invalid', `the org refused the credentials: ${e.name}: ${message}`, { error: e.name, description: message });
  }
  if (message.startsWith('Unable to refresh session due to: ')) {
    return new CashError('ORG_AUTH_FAILED', 'invalid', `the org refused a new session: ${message.slice(34)}`, { description: message.slice(34) });
  }
  if (e.type === 'system' || e.code) {
    return new CashError('ORG_UNREACHABLE', 'invalid', `the org cannot be reached: ${message}`, { cause: e.code ?? e.type ?? 'unknown' });
  }
  if (e.errorCode) {
    return new CashError('ORG_API_FAILED', 'invalid', `the org answered ${e.errorCode}: ${message}`, { errorCode: e.errorCode });
  }
  return new CashError('ORG_API_FAILED', 'invalid', `the org call failed: ${message}`);
}

/**
 * Signs in to the org with jsforce (the token endpoint of the login URL) and returns a connection
 * that signs in again by itself when the org reports the session expired. TLS trust is Node's own
 * (its roots plus NODE_EXTRA_CA_CERTS); verification is never switched off.
 */
export async function openOrgSession(credentials: OrgCredentials): Promise<OrgSession> {
  const oauth2 =
    credentials.flow === 'client-credentials'
      ? { loginUrl: credentials.loginUrl, clientId: credentials.clientId, clientSecret: credentials.secret }
      : { loginUrl: credentials.loginUrl };
  const conn = new jsforce.Connection({
    oauth2,
    loginUrl: credentials.loginUrl,
    version: ORG_API_VERSION,
    refreshFn: (c, callback) => {
      c.oauth2.requestToken(tokenParams(credentials)).then(
        (token) => callback(null, token.access_token, token),
        (error: Error) => callback(error),
      );
    },
  });
  try {
    const user = await conn.authorize(tokenParams(credentials));
    return { conn, orgId: user.organizationId, userId: user.id, instanceUrl: conn.instanceUrl };
  } catch (error) {
    throw orgError(error);
  }
}
