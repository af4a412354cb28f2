import { integer, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { tenantColumns } from '../../db/columns.ts';

/**
 * Counters behind case references such as IM-2026-00042: one row per tenant, prefix (the
 * programme code) and year. `INSERT … ON CONFLICT DO UPDATE SET last = last + 1 RETURNING last`
 * hands out each number exactly once, also when two cases are opened at the same moment (the row
 * lock serialises them); a rolled-back case creation gives its number back with the transaction.
 */
export const caseReferenceCounters = pgTable(
  'case_reference_counters',
  {
    ...tenantColumns(),
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('case_reference_counters_unique').on(t.tenantId, t.prefix, t.year)],
);
