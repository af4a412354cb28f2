import { foreignKey, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, timestamps } from '../../db/columns.ts';
import type { LocalizedText } from '../taxonomy/taxonomy.table.ts';
import { targetGroups } from '../taxonomy/taxonomy.table.ts';

export interface FirstStep {
  title: LocalizedText;
  text: LocalizedText;
  fieldId?: string | null;
  offerIds: string[];
}

/** "Erste Schritte": the steps and offers the office recommends to one target group. */
export const firstStepsLists = pgTable(
  'first_steps_lists',
  {
    ...tenantColumns(),
    targetGroupId: uuid('target_group_id').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    intro: jsonb('intro').$type<LocalizedText>().notNull(),
    steps: jsonb('steps').$type<FirstStep[]>().notNull().default([]),
    status: text('status').$type<'draft' | 'published' | 'archived'>().notNull().default('published'),
    sort: integer('sort').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.targetGroupId], foreignColumns: [targetGroups.tenantId, targetGroups.id] }),
  ],
);
