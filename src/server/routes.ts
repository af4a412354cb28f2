import { auditRoutes } from '../domains/audit/audit.routes.ts';
import { authRoutes } from '../domains/auth/auth.routes.ts';
import { importExportRoutes } from '../domains/importexport/importexport.routes.ts';
import { firstStepsAdminRoutes } from '../domains/firststeps/firstSteps.admin.routes.ts';
import { mailRoutes } from '../domains/mail/mail.routes.ts';
import { offerAdminRoutes } from '../domains/offers/admin/offerAdmin.routes.ts';
import { publicOfferRoutes } from '../domains/offers/public.routes.ts';
import { publicFirstStepsRoutes } from '../domains/firststeps/firstSteps.public.ts';
import { providerRoutes } from '../domains/providers/provider.routes.ts';
import { systemRoutes } from '../domains/system/system.routes.ts';
import { taxonomyRoutes } from '../domains/taxonomy/taxonomy.routes.ts';
import { tenantRoutes } from '../domains/tenants/tenant.routes.ts';
import type { RouteRegistrar } from './types.ts';

/** Every domain's routes, registered in this order. Add a domain here. */
export const domainRoutes: RouteRegistrar[] = [systemRoutes, authRoutes, tenantRoutes, providerRoutes, taxonomyRoutes, firstStepsAdminRoutes, auditRoutes, mailRoutes, offerAdminRoutes, importExportRoutes, publicOfferRoutes, publicFirstStepsRoutes];
