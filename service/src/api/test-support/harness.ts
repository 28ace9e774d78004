import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../app.js';
import { openTestDb } from '../../store/test-support/test-db.js';
import { servicesFor, type Services } from '../../runtime/services.js';

export interface TenantKeys {
  tenantId: string;
  admin: string;
  write: string;
  read: string;
}

export interface Harness {
  app: FastifyInstance;
  services: Services;
  tenantA: TenantKeys;
  tenantB: TenantKeys;
  platform: string;
  /** Sends a request with a key; JSON bodies are serialised. */
  call(key: string | null, options: InjectOptions): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

async function tenantWithKeys(services: Services, name: string): Promise<TenantKeys> {
  const tenant = await services.tenants.createTenant(name);
  const key = async (scope: 'read' | 'write' | 'admin') => (await services.tenants.createApiKey(tenant.id, scope, [scope])).key;
  return { tenantId: tenant.id, admin: await key('admin'), write: await key('write'), read: await key('read') };
}

/** An app over a fresh test database with two tenants (A and B) and keys of every scope. */
export async function openHarness(options: { maxStatementBytes?: number } = {}): Promise<Harness> {
  const services = servicesFor(await openTestDb());
  const app = await buildApp({ ...services, bodyLimit: 64 * 1024, ...options });
  const tenantA = await tenantWithKeys(services, 'Tenant A');
  const tenantB = await tenantWithKeys(services, 'Tenant B');
  const operator = await services.tenants.createTenant('Operator');
  const platform = (await services.tenants.createApiKey(operator.id, 'platform', ['platform'])).key;
  return {
    app,
    services,
    tenantA,
    tenantB,
    platform,
    async call(key, options) {
      const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
      if (key) headers.authorization = `Bearer ${key}`;
      const response = await app.inject({ ...options, headers });
      const type = String(response.headers['content-type'] ?? '');
      return {
        status: response.statusCode,
        body: type.includes('json') && response.body ? JSON.parse(response.body) : response.body,
        headers: response.headers,
      };
    },
    async close() {
      await app.close();
      await services.close();
    },
  };
}
