import { doublePrecision, integer, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { tenantColumns, timestamps } from '../../db/columns.ts';

/** Names per language code, German always present. */
export type LocalizedText = Record<string, string>;

/** Handlungsfeld */
export const fieldsOfAction = pgTable(
  'fields_of_action',
  {
    ...tenantColumns(),
    key: text('key').notNull(),
    names: jsonb('names').$type<LocalizedText>().notNull(),
    icon: text('icon').notNull().default('circle'),
    color: text('color').notNull().default('#0b5394'),
    sort: integer('sort').notNull().default(0),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('fields_of_action_key').on(t.tenantId, t.key)],
);

/** Zielgruppe */
export const targetGroups = pgTable(
  'target_groups',
  {
    ...tenantColumns(),
    key: text('key').notNull(),
    names: jsonb('names').$type<LocalizedText>().notNull(),
    sort: integer('sort').notNull().default(0),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('target_groups_key').on(t.tenantId, t.key)],
);

/** Stadtteil / Gemeinde */
export const areas = pgTable(
  'areas',
  {
    ...tenantColumns(),
    key: text('key').notNull(),
    kind: text('kind').notNull().default('district'),
    names: jsonb('names').$type<LocalizedText>().notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    sort: integer('sort').notNull().default(0),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('areas_key').on(t.tenantId, t.key)],
);

/** A group of search terms the office treats as equivalent (Deutschkurs ≈ Sprachkurs). */
export const synonymGroups = pgTable(
  'synonym_groups',
  {
    ...tenantColumns(),
    terms: text('terms').array().notNull(),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
