import { sql } from 'drizzle-orm';
import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../domains/tenants/tenant.table.ts';

/**
 * Columns every tenant-owned table starts with. Primary and foreign keys include tenant_id, so
 * rows can never point into another tenant and the tables can be distributed by tenant (Citus).
 */
export const tenantColumns = () => ({
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id),
  id: uuid('id').notNull().default(sql`gen_random_uuid()`),
});

export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
