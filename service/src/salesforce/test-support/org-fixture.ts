import { openOrgSession, type OrgSession } from '../org-session.js';
import type { OrgCredentials } from '../org-credentials.js';
import { TestOrg } from './test-org.js';
import { makeClientCertificate, trustedTestTls } from './test-tls.js';

export const INTEGRATION_USER = 'integration@cash.example';
export const JWT_CLIENT_ID = '3MVG9test.jwt.consumer.key';
export const CC_CLIENT_ID = '3MVG9test.cc.consumer.key';
export const CC_SECRET = 'F00DCAFE0123456789';

export interface OrgFixture {
  org: TestOrg;
  jwt: OrgCredentials;
  clientCredentials: OrgCredentials;
  /** A session of the integration user through the JWT bearer flow. */
  session(): Promise<OrgSession>;
  close(): Promise<void>;
}

/**
 * A test org over HTTPS that this test process trusts (through NODE_EXTRA_CA_CERTS, as in production), with an integration user and one External
 * Client App of each flow registered.
 */
export async function openOrgFixture(): Promise<OrgFixture> {
  const org = await TestOrg.start(trustedTestTls());
  org.addUser(INTEGRATION_USER);
  const client = makeClientCertificate();
  org.auth.registerJwtApp(JWT_CLIENT_ID, client.certificate);
  org.auth.registerClientCredentialsApp(CC_CLIENT_ID, CC_SECRET, INTEGRATION_USER);
  const jwt: OrgCredentials = { flow: 'jwt-bearer', loginUrl: org.loginUrl, clientId: JWT_CLIENT_ID, username: INTEGRATION_USER, secret: client.privateKey };
  const clientCredentials: OrgCredentials = { flow: 'client-credentials', loginUrl: org.loginUrl, clientId: CC_CLIENT_ID, username: null, secret: CC_SECRET };
  return {
    org,
    jwt,
    clientCredentials,
    session: () => openOrgSession(jwt),
    async close() {
      await org.close();
    },
  };
}
