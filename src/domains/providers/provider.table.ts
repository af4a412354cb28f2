import { boolean, doublePrecision, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, timestamps } from '../../db/columns.ts';
import { areas } from '../taxonomy/taxonomy.table.ts';

/** Träger: an organisation that runs offers. */
export const providers = pgTable(
  'providers',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    street: text('street'),
    postcode: text('postcode'),
    town: text('town'),
    /** Trusted providers publish changes directly, without review by the office. */
    trusted: boolean('trusted').notNull().default(false),
    ...timestamps(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('providers_name_idx').on(t.tenantId, t.name)],
);

export interface TimeSlot {
  start: string;
  end: string;
}
export interface OpeningDay {
  /** ISO weekday, 1 = Monday */
  weekday: number;
  slots: TimeSlot[];
  appointmentOnly?: boolean;
}
export interface Contact {
  name: string;
  role: string;
  email?: string;
  phone?: string;
  officeHours?: string;
}

/** Standort: a place where offers happen. */
export const locations = pgTable(
  'locations',
  {
    ...tenantColumns(),
    providerId: uuid('provider_id'),
    name: text('name').notNull(),
    street: text('street').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    town: text('town').notNull().default(''),
    areaId: uuid('area_id'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    barrierFree: boolean('barrier_free').notNull().default(false),
    temporarilyClosed: boolean('temporarily_closed').notNull().default(false),
    appointmentOnly: boolean('appointment_only').notNull().default(false),
    openingHours: jsonb('opening_hours').$type<OpeningDay[]>().notNull().default([]),
    contacts: jsonb('contacts').$type<Contact[]>().notNull().default([]),
    ...timestamps(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.providerId], foreignColumns: [providers.tenantId, providers.id] }),
    foreignKey({ columns: [t.tenantId, t.areaId], foreignColumns: [areas.tenantId, areas.id] }),
    index('locations_provider_idx').on(t.tenantId, t.providerId),
  ],
);
