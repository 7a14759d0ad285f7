import type { Tenant, TenantApp } from '../../http/context';

export function registerSiteRoutes(_app: TenantApp, _tenant: Tenant): void {
  // filled in by its own module
}
