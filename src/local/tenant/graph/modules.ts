import type { Tenant, TenantApp } from '../http/context';
import { registerCalendarRoutes } from './calendar/routes';
import { registerScheduleRoute } from './calendar/schedule';
import { registerChatRoutes } from './chats';
import { registerGroupRoutes } from './groups';
import { registerSiteAdminRoutes } from './sites/admin-routes';
import { registerSiteRoutes } from './sites/routes';

/** The Graph areas beyond users, each in its own module. */
export function registerGraphModules(app: TenantApp, tenant: Tenant): void {
  registerCalendarRoutes(app, tenant);
  registerScheduleRoute(app, tenant);
  registerChatRoutes(app, tenant);
  registerGroupRoutes(app, tenant);
  // Before the list routes: `/sites/{hostname}:/{path}` names a site by its URL.
  registerSiteAdminRoutes(app, tenant);
  registerSiteRoutes(app, tenant);
}
