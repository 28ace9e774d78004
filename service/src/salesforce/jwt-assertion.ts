import { createPrivateKey, sign } from 'node:crypto';
import { invalid } from '../domain/errors.js';

export interface AssertionInput {
  /** The External Client App's consumer key. */
  clientId: string;
  username: string;
  /** The login URL (https://login.salesforce.com, https://test.salesforce.com or the My Domain). */
  audience: string;
  privateKeyPem: string;
  /** Seconds since the epoch; the assertion is valid for three minutes, as Salesforce recommends. */
  now?: number;
}

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Checks that a PEM holds an RSA private key, before it is stored. */
export function assertRsaPrivateKey(pem: string): void {
  let type: string | undefined;
  try {
    type = createPrivateKey(pem).asymmetricKeyType;
  } catch {
    throw invalid('PRIVATE_KEY_INVALID', 'the private key file is not a PEM private key');
  }
  if (type !== 'rsa') throw invalid('PRIVATE_KEY_INVALID', `the private key must be RSA (RS256), not ${type ?? 'unknown'}`);
}

/** Signs the OAuth 2.0 JWT bearer assertion (RS256) for the token endpoint. */
export function signJwtAssertion(input: AssertionInput): string {
  const now = input.now ?? Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iss: input.clientId, sub: input.username, aud: input.audience, exp: now + 180 })}`;
  const signature = sign('RSA-SHA256', Buffer.from(unsigned), createPrivateKey(input.privateKeyPem));
  return `${unsigned}.${signature.toString('base64url')}`;
}
