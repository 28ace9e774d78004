import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CashError } from '../../domain/errors.js';
import type { Caller, Scope, TenantStore } from '../../store/tenants.js';
import type { LedgerContext } from '../../domain/ledger-port.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a route needs; routes without one are public. */
    scope?: Scope;
  }
  interface FastifyRequest {
    caller: Caller | null;
  }
}

/** admin includes write, write includes read; platform (creating tenants) is separate. */
const GRANTS: Record<Scope, Scope[]> = {
  read: ['read', 'write', 'admin'],
  write: ['write', 'admin'],
  admin: ['admin'],
  platform: ['platform'],
};

export function registerAuth(app: FastifyInstance, tenants: TenantStore): void {
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request) => {
    const needed = request.routeOptions.config?.scope;
    if (!needed) return;
    const header = request.headers.authorization ?? '';
    const key = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    request.caller = await tenants.authenticate(key);
    if (!request.caller.scopes.some((s) => GRANTS[needed].includes(s))) {
      throw new CashError('SCOPE_MISSING', 'forbidden', `this API key lacks the "${needed}" scope`, { needed });
    }
  });
}

/** The ledger context of an authenticated request: its tenant and who acts. */
export function contextOf(request: FastifyRequest, businessProcess = 'Manual Settlement'): LedgerContext {
  const caller = request.caller;
  if (!caller) throw new CashError('UNAUTHORIZED', 'unauthorized', 'missing, unknown or revoked API key');
  return { tenantId: caller.tenantId, actor: `api-key:${caller.keyName}`, businessProcess };
}
