import { authRoutes } from '../domains/auth/auth.routes.ts';
import { systemRoutes } from '../domains/system/system.routes.ts';
import { tenantRoutes } from '../domains/tenants/tenant.routes.ts';
import type { RouteRegistrar } from './types.ts';

/** Every domain's routes, registered in this order. Add a domain here. */
export const domainRoutes: RouteRegistrar[] = [systemRoutes, authRoutes, tenantRoutes];
