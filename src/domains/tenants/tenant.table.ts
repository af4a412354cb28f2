import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export interface TenantSettings {
  /** Roles that must use two-factor login. */
  twoFactorRoles?: string[];
  /** Partner providers that may publish directly are flagged on the provider. */
  mapCenter?: { lat: number; lon: number; zoom: number };
  machineTranslationEnabled?: boolean;
}

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  defaultLanguage: text('default_language').notNull().default('de'),
  languages: text('languages').array().notNull().default(sql`ARRAY['de']::text[]`),
  logoUrl: text('logo_url'),
  primaryColor: text('primary_color').notNull().default('#0b5394'),
  accentColor: text('accent_color').notNull().default('#f1c232'),
  imprint: text('imprint').notNull().default(''),
  privacy: text('privacy').notNull().default(''),
  settings: jsonb('settings').$type<TenantSettings>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
});
