import { invalid } from '../../domain/errors.js';
import type { LedgerContext } from '../../domain/ledger-port.js';
import { openServices, type Services } from '../../runtime/services.js';
import { dbConfigFromEnv } from '../../store/open-db.js';

/** Opens the services, checks the tenant exists, runs `work` on its behalf and closes again. */
export async function asTenant<T>(tenantId: string, businessProcess: string, work: (services: Services, ctx: LedgerContext) => Promise<T>): Promise<T> {
  const services = await openServices(dbConfigFromEnv());
  try {
    await services.tenants.getTenant(tenantId).catch(() => {
      throw invalid('TENANT_UNKNOWN', `tenant ${tenantId} does not exist`);
    });
    return await work(services, { tenantId, actor: 'cli', businessProcess });
  } finally {
    await services.close();
  }
}
