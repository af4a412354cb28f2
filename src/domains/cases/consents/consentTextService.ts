import { and, asc, desc, eq, max } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import { AppError } from '../../../errors.ts';
import { CONSENT_PURPOSES, type ConsentPurpose, type ConsentText, type consentTextInput } from '../../../shared/contracts/caseReferrals.ts';
import type { z } from 'zod';
import type { Author } from '../../audit/auditChanges.ts';
import { writeAudit } from '../../audit/auditLog.ts';
import type { Actor } from '../../auth/roles.ts';
import { consentTexts } from './consents.table.ts';

type TextRow = typeof consentTexts.$inferSelect;

/**
 * Consent texts are not case data: the office's wording per purpose, versioned. Everybody in case
 * management reads them (to show and print them to the person); the integration lead and the
 * tenant's administrators write new versions.
 */
export function authorizeConsentTexts(actor: Actor, action: 'read' | 'write'): void {
  const writers = ['super_admin', 'tenant_admin', 'integration_lead'];
  const readers = [...writers, 'integration_manager', 'team_lead'];
  if (!(action === 'write' ? writers : readers).includes(actor.role)) {
    throw new AppError('forbidden', action === 'write' ? 'Only the integration lead and administrators write consent texts' : 'Your role has no access to consent texts');
  }
}

export function presentConsentText(row: TextRow, currentVersion: number): ConsentText {
  return {
    id: row.id,
    purpose: row.purpose,
    version: row.version,
    body: row.body,
    translations: row.translations,
    current: row.version === currentVersion,
    createdByLabel: row.createdByLabel,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Every version, grouped by purpose (in the order of CONSENT_PURPOSES), newest version first. */
export async function listConsentTexts(tx: Tx, purpose?: ConsentPurpose): Promise<ConsentText[]> {
  const rows = await tx.db
    .select()
    .from(consentTexts)
    .where(purpose ? eq(consentTexts.purpose, purpose) : undefined)
    .orderBy(asc(consentTexts.purpose), desc(consentTexts.version));
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.purpose, Math.max(latest.get(r.purpose) ?? 0, r.version));
  const order = (p: string) => CONSENT_PURPOSES.indexOf(p as ConsentPurpose);
  return rows
    .sort((a, b) => order(a.purpose) - order(b.purpose) || b.version - a.version)
    .map((r) => presentConsentText(r, latest.get(r.purpose) ?? r.version));
}

/** A new version of a purpose's text (version = previous + 1); earlier versions stay unchanged. */
export async function createConsentText(tx: Tx, author: Author, input: z.infer<typeof consentTextInput>): Promise<ConsentText> {
  const translations = Object.fromEntries(Object.entries(input.translations).filter(([lang, body]) => lang !== 'de' && body.trim() !== ''));
  const [previous] = await tx.db.select({ v: max(consentTexts.version) }).from(consentTexts).where(eq(consentTexts.purpose, input.purpose));
  const version = Number(previous?.v ?? 0) + 1;
  const [row] = await tx.db
    .insert(consentTexts)
    .values({ tenantId: tx.tenantId!, purpose: input.purpose, version, body: input.body, translations, createdBy: author.actorId, createdByLabel: author.actorLabel })
    .returning();
  await writeAudit(tx, {
    ...author,
    action: 'consent_text.created',
    entityType: 'consent_text',
    entityId: row!.id,
    details: { purpose: input.purpose, version, languages: Object.keys(translations) },
  });
  return presentConsentText(row!, version);
}

export async function findConsentText(tx: Tx, id: string): Promise<ConsentText> {
  const [row] = await tx.db.select().from(consentTexts).where(eq(consentTexts.id, id));
  if (!row) throw new AppError('not_found', 'Consent text not found');
  const [latest] = await tx.db.select({ v: max(consentTexts.version) }).from(consentTexts).where(and(eq(consentTexts.purpose, row.purpose)));
  return presentConsentText(row, Number(latest?.v ?? row.version));
}
