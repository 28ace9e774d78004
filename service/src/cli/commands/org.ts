import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { invalid } from '../../domain/errors.js';
import type { ConnectInput } from '../../salesforce/org-connections.js';
import { asTenant } from './cli-tenant.js';

interface ConnectOptions {
  tenant: string;
  loginUrl: string;
  clientId: string;
  username?: string;
  privateKey?: string;
  clientSecretFile?: string;
}

const readSecretFile = (path: string, what: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw invalid('FILE_UNREADABLE', `cannot read the ${what} file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
};

/** Secrets come from files, never from the command line (where `ps` and shell history would show them). */
function connectInput(o: ConnectOptions): ConnectInput {
  const jwt = o.username !== undefined || o.privateKey !== undefined;
  if (jwt === (o.clientSecretFile !== undefined)) {
    throw invalid('FLOW_AMBIGUOUS', 'give either --username and --private-key (JWT bearer) or --client-secret-file (client credentials)');
  }
  if (o.clientSecretFile !== undefined) {
    return { flow: 'client-credentials', loginUrl: o.loginUrl, clientId: o.clientId, clientSecret: readSecretFile(o.clientSecretFile, 'client secret') };
  }
  if (!o.username || !o.privateKey) throw invalid('FLOW_AMBIGUOUS', 'the JWT bearer flow needs both --username and --private-key');
  return { flow: 'jwt-bearer', loginUrl: o.loginUrl, clientId: o.clientId, username: o.username, privateKey: readSecretFile(o.privateKey, 'private key') };
}

export function registerOrg(program: Command): void {
  const org = program.command('org').description("Connect a tenant to its Salesforce org (credentials encrypted with CASH_SECRET_KEY)");
  org
    .command('connect')
    .description('Verify the credentials with the org (token and userinfo) and store them encrypted')
    .requiredOption('--tenant <id>', 'tenant id')
    .requiredOption('--login-url <url>', 'https://login.salesforce.com, https://test.salesforce.com or the My Domain URL')
    .requiredOption('--client-id <key>', "the External Client App's consumer key")
    .option('--username <user>', 'JWT bearer: the integration user')
    .option('--private-key <file>', 'JWT bearer: PEM file of the RSA key whose certificate the app holds')
    .option('--client-secret-file <file>', 'client credentials: file holding the consumer secret (the app runs as its run-as user)')
    .action(async (options: ConnectOptions) => {
      const input = connectInput(options);
      const connection = await asTenant(options.tenant, 'Org Connection', (services, ctx) => services.orgs.connect(ctx.tenantId, input));
      process.stdout.write(`connected tenant ${options.tenant} to org ${connection.orgId} as ${connection.orgUsername} (${connection.flow}) at ${connection.instanceUrl}\n`);
    });
  org
    .command('status')
    .description('Sign in to the org and show its id, the user, the API requests left today and the subscription state')
    .requiredOption('--tenant <id>', 'tenant id')
    .action(async (options: { tenant: string }) => {
      const status = await asTenant(options.tenant, 'Org Connection', (services, ctx) => services.orgs.status(ctx.tenantId));
      const { connection, user, limits } = status;
      process.stdout.write(
        [
          `org:          ${user.orgId}`,
          `user:         ${user.username} (${user.userId})`,
          `instance:     ${connection.instanceUrl}`,
          `sign-in:      ${connection.flow}, client id ${connection.clientId}, via ${connection.loginUrl}`,
          `API requests: ${limits.dailyApiRequests.remaining} of ${limits.dailyApiRequests.max} left today`,
          `subscription: ${status.subscription.state}${status.subscription.holder ? ` (held by ${status.subscription.holder})` : ''}`,
          ...(status.subscription.lastError ? [`last error:   ${status.subscription.lastError}`] : []),
          '',
        ].join('\n'),
      );
    });
  org
    .command('disconnect')
    .description("Forget the tenant's org connection and its credentials")
    .requiredOption('--tenant <id>', 'tenant id')
    .action(async (options: { tenant: string }) => {
      await asTenant(options.tenant, 'Org Connection', (services, ctx) => services.orgs.disconnect(ctx.tenantId));
      process.stdout.write(`disconnected tenant ${options.tenant} from its org\n`);
    });
}
