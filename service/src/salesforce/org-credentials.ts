/**
 * How the service signs in to a tenant's org: the OAuth 2.0 JWT bearer flow (External Client App
 * with an uploaded certificate; the recommended server-to-server flow) or the client credentials
 * flow (consumer secret and a run-as user set in the app). `secret` is the private key PEM or the
 * consumer secret: it is held only encrypted at rest and never logged or returned.
 */
export type OrgFlow = 'jwt-bearer' | 'client-credentials';

export interface OrgCredentials {
  flow: OrgFlow;
  loginUrl: string;
  clientId: string;
  /** The integration user (JWT bearer only; client credentials run as the app's run-as user). */
  username: string | null;
  secret: string;
}
