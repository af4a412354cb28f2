import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { AdminFirstStepsList, FirstStepsListInput } from '../../shared/contracts/directoryAdmin.ts';
import { type Author, changedFields } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { offers } from '../offers/offer.table.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { fieldsOfAction, targetGroups } from '../taxonomy/taxonomy.table.ts';
import { type FirstStep, firstStepsLists } from './firstSteps.table.ts';

export type FirstStepsListRow = typeof firstStepsLists.$inferSelect;

const EDITABLE = ['targetGroupId', 'title', 'intro', 'steps', 'status', 'sort'] as const;

export const presentFirstStepsList = (row: FirstStepsListRow): AdminFirstStepsList => ({
  id: row.id,
  targetGroupId: row.targetGroupId,
  title: row.title,
  intro: row.intro,
  steps: row.steps.map((s) => ({ title: s.title, text: s.text, fieldId: s.fieldId ?? null, offerIds: s.offerIds })),
  status: row.status,
  sort: row.sort,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export async function listFirstStepsLists(tx: Tx, targetGroupId?: string): Promise<FirstStepsListRow[]> {
  return tx.db
    .select()
    .from(firstStepsLists)
    .where(targetGroupId ? eq(firstStepsLists.targetGroupId, targetGroupId) : undefined)
    .orderBy(asc(firstStepsLists.sort), asc(firstStepsLists.createdAt), asc(firstStepsLists.id));
}

export async function findFirstStepsList(tx: Tx, id: string): Promise<FirstStepsListRow | null> {
  const [row] = await tx.db.select().from(firstStepsLists).where(eq(firstStepsLists.id, id));
  return row ?? null;
}

/** Texts only in languages the tenant publishes in; empty texts are dropped. */
function cleanTexts(tenant: Tenant, texts: Record<string, string>, field: string): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [lang, text] of Object.entries(texts)) {
    if (!tenant.languages.includes(lang) && lang !== 'de') {
      throw new AppError('validation_failed', `Language "${lang}" is not offered here`, { field: `${field}.${lang}` });
    }
    if (text.length > 0) clean[lang] = text;
  }
  return clean;
}

/**
 * Every reference must exist in this tenant; row-level security makes another tenant's ids
 * unknown here. The error names the first offending input, e.g. steps.2.offerIds.
 */
async function checkReferences(tx: Tx, input: FirstStepsListInput): Promise<void> {
  const [group] = await tx.db.select({ id: targetGroups.id }).from(targetGroups).where(eq(targetGroups.id, input.targetGroupId));
  if (!group) throw new AppError('validation_failed', 'Unknown target group', { field: 'targetGroupId' });
  const fieldIds = [...new Set(input.steps.map((s) => s.fieldId).filter((id): id is string => Boolean(id)))];
  const offerIds = [...new Set(input.steps.flatMap((s) => s.offerIds))];
  const knownFields = new Set(
    fieldIds.length ? (await tx.db.select({ id: fieldsOfAction.id }).from(fieldsOfAction).where(inArray(fieldsOfAction.id, fieldIds))).map((r) => r.id) : [],
  );
  const knownOffers = new Set(
    offerIds.length
      ? (await tx.db.select({ id: offers.id }).from(offers).where(inArray(offers.id, offerIds))).map((r) => r.id)
      : [],
  );
  input.steps.forEach((step, i) => {
    if (step.fieldId && !knownFields.has(step.fieldId)) {
      throw new AppError('validation_failed', `Step ${i + 1}: unknown field of action`, { field: `steps.${i}.fieldId` });
    }
    const missing = step.offerIds.find((id) => !knownOffers.has(id));
    if (missing) throw new AppError('validation_failed', `Step ${i + 1}: unknown offer ${missing}`, { field: `steps.${i}.offerIds` });
  });
}

function valuesOf(tenant: Tenant, input: FirstStepsListInput) {
  return {
    targetGroupId: input.targetGroupId,
    title: cleanTexts(tenant, input.title, 'title'),
    intro: cleanTexts(tenant, input.intro, 'intro'),
    steps: input.steps.map(
      (s, i): FirstStep => ({
        title: cleanTexts(tenant, s.title, `steps.${i}.title`),
        text: cleanTexts(tenant, s.text, `steps.${i}.text`),
        fieldId: s.fieldId,
        offerIds: s.offerIds,
      }),
    ),
    status: input.status,
    sort: input.sort,
  };
}

export async function createFirstStepsList(tx: Tx, tenant: Tenant, author: Author, input: FirstStepsListInput): Promise<FirstStepsListRow> {
  const values = valuesOf(tenant, input);
  await checkReferences(tx, input);
  const [row] = await tx.db.insert(firstStepsLists).values({ tenantId: tx.tenantId!, ...values }).returning();
  await writeAudit(tx, {
    ...author,
    action: 'first_steps_list.created',
    entityType: 'first_steps_list',
    entityId: row!.id,
    details: { changes: changedFields({} as Record<string, unknown>, row!, EDITABLE) },
  });
  return row!;
}

export async function updateFirstStepsList(
  tx: Tx,
  tenant: Tenant,
  author: Author,
  before: FirstStepsListRow,
  input: FirstStepsListInput,
): Promise<FirstStepsListRow> {
  const values = valuesOf(tenant, input);
  await checkReferences(tx, input);
  const changes = changedFields(before, values, EDITABLE);
  if (Object.keys(changes).length === 0) return before;
  const [row] = await tx.db
    .update(firstStepsLists)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(firstStepsLists.id, before.id))
    .returning();
  await writeAudit(tx, { ...author, action: 'first_steps_list.updated', entityType: 'first_steps_list', entityId: before.id, details: { changes } });
  return row!;
}

export async function deleteFirstStepsList(tx: Tx, author: Author, before: FirstStepsListRow): Promise<void> {
  await tx.db.delete(firstStepsLists).where(eq(firstStepsLists.id, before.id));
  await writeAudit(tx, {
    ...author,
    action: 'first_steps_list.deleted',
    entityType: 'first_steps_list',
    entityId: before.id,
    details: { changes: { title: { before: before.title, after: null }, targetGroupId: { before: before.targetGroupId, after: null } } },
  });
}
