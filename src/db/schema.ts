// The whole database schema, assembled from the domains. drizzle-kit generates migrations from it.
export * from '../domains/audit/audit.table.ts';
export * from '../domains/auth/auth.table.ts';
export * from '../domains/firststeps/firstSteps.table.ts';
export * from '../domains/mail/mail.table.ts';
export * from '../domains/offers/offer.table.ts';
export * from '../domains/providers/provider.table.ts';
export * from '../domains/taxonomy/taxonomy.table.ts';
export * from '../domains/tenants/tenant.table.ts';
