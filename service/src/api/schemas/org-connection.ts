import { Type } from '@sinclair/typebox';
import { Nullable } from './common.js';

const LoginUrl = Type.String({ minLength: 8, maxLength: 255, description: 'https origin: https://login.salesforce.com, https://test.salesforce.com or the My Domain' });
const ClientId = Type.String({ minLength: 1, maxLength: 255, description: "The External Client App's consumer key" });

export const OrgConnect = Type.Union([
  Type.Object(
    {
      flow: Type.Literal('jwt-bearer'),
      loginUrl: LoginUrl,
      clientId: ClientId,
      username: Type.String({ minLength: 1, maxLength: 255, description: 'The integration user' }),
      privateKey: Type.String({ minLength: 1, maxLength: 16_384, description: 'PEM RSA private key of the certificate uploaded to the app; stored encrypted, never returned' }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      flow: Type.Literal('client-credentials'),
      loginUrl: LoginUrl,
      clientId: ClientId,
      clientSecret: Type.String({ minLength: 1, maxLength: 1024, description: 'Consumer secret; stored encrypted, never returned' }),
    },
    { additionalProperties: false },
  ),
]);

export const OrgConnection = Type.Object(
  {
    flow: Type.Union([Type.Literal('jwt-bearer'), Type.Literal('client-credentials')]),
    loginUrl: Type.String(),
    clientId: Type.String(),
    username: Nullable(Type.String()),
    orgId: Type.String(),
    userId: Type.String(),
    orgUsername: Type.String(),
    instanceUrl: Type.String(),
    connectedAt: Type.String(),
  },
  { $id: 'OrgConnection', description: 'How the service signs in to the tenant’s Salesforce org (never the private key or secret)' },
);

const Limit = Type.Object({ max: Type.Integer(), remaining: Type.Integer() });

export const OrgStatus = Type.Object(
  {
    connection: Type.Ref('OrgConnection'),
    user: Type.Object({ orgId: Type.String(), userId: Type.String(), username: Type.String() }),
    limits: Type.Object({ dailyApiRequests: Limit }),
    subscription: Type.Object(
      {
        state: Type.String({ description: '`not subscribed` until a `cash serve` or `cash worker` holds it; then connecting, subscribed, waiting (after an error, retrying) or closed' }),
        holder: Type.Union([Type.String(), Type.Null()], { description: 'the process holding the subscription (host:pid:…)' }),
        leaseUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
        lastError: Type.Union([Type.String(), Type.Null()], { description: 'the last error of the subscription, with its code' }),
      },
      { description: 'the subscription to the org\'s CashCommand__e events (docs/org-bridge.md)' },
    ),
  },
  { $id: 'OrgStatus' },
);
