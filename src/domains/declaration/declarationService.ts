import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { AdminDeclaration, DeclarationInput, StateCounts } from '../../shared/contracts/declaration.ts';
import { signatureStates } from '../../shared/contracts/declaration.ts';
import { type Author, changedFields } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { declarations, declarationSignatures } from './declaration.table.ts';

export type DeclarationRow = typeof declarations.$inferSelect;

const EDITABLE = ['slug', 'title', 'intro', 'body', 'sectors', 'published', 'sort'] as const;

export const emptyCounts = (): StateCounts => Object.fromEntries(signatureStates.map((s) => [s, 0])) as StateCounts;

export const presentDeclaration = (row: DeclarationRow, counts: StateCounts = emptyCounts()): AdminDeclaration => ({
  id: row.id,
  slug: row.slug,
  title: row.title,
  intro: row.intro,
  body: row.body,
  sectors: row.sectors,
  published: row.published,
  sort: row.sort,
  counts,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** Signatures per state, per declaration. */
export async function countByState(tx: Tx, declarationId?: string): Promise<Map<string, StateCounts>> {
  const rows = await tx.db
    .select({ declarationId: declarationSignatures.declarationId, state: declarationSignatures.state, n: sql<number>`count(*)::int` })
    .from(declarationSignatures)
    .where(declarationId ? eq(declarationSignatures.declarationId, declarationId) : undefined)
    .groupBy(declarationSignatures.declarationId, declarationSignatures.state);
  const out = new Map<string, StateCounts>();
  for (const r of rows) {
    const counts = out.get(r.declarationId) ?? emptyCounts();
    counts[r.state] = Number(r.n);
    out.set(r.declarationId, counts);
  }
  return out;
}

export async function listDeclarations(tx: Tx): Promise<AdminDeclaration[]> {
  const rows = await tx.db.select().from(declarations).orderBy(asc(declarations.sort), asc(declarations.createdAt), asc(declarations.id));
  const counts = await countByState(tx);
  return rows.map((r) => presentDeclaration(r, counts.get(r.id)));
}

export async function findDeclaration(tx: Tx, id: string): Promise<DeclarationRow | null> {
  const [row] = await tx.db.select().from(declarations).where(eq(declarations.id, id));
  return row ?? null;
}

export async function requireDeclaration(tx: Tx, id: string): Promise<DeclarationRow> {
  const row = await findDeclaration(tx, id);
  if (!row) throw new AppError('not_found', 'Declaration not found');
  return row;
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

function valuesOf(tenant: Tenant, input: DeclarationInput) {
  return {
    slug: input.slug,
    title: cleanTexts(tenant, input.title, 'title'),
    intro: cleanTexts(tenant, input.intro, 'intro'),
    body: cleanTexts(tenant, input.body, 'body'),
    sectors: input.sectors.map((s, i) => ({ key: s.key, names: cleanTexts(tenant, s.names, `sectors.${i}.names`) })),
    published: input.published,
    sort: input.sort,
  };
}

async function checkSlugFree(tx: Tx, slug: string, ownId: string | null): Promise<void> {
  const [other] = await tx.db.select({ id: declarations.id }).from(declarations).where(eq(declarations.slug, slug));
  if (other && other.id !== ownId) throw new AppError('duplicate', `Another declaration already uses the address "${slug}"`, { field: 'slug' });
}

export async function createDeclaration(tx: Tx, tenant: Tenant, author: Author, input: DeclarationInput): Promise<AdminDeclaration> {
  const values = valuesOf(tenant, input);
  await checkSlugFree(tx, values.slug, null);
  const [row] = await tx.db.insert(declarations).values({ tenantId: tx.tenantId!, ...values }).returning();
  await writeAudit(tx, {
    ...author,
    action: 'declaration.created',
    entityType: 'declaration',
    entityId: row!.id,
    details: { changes: changedFields({} as Record<string, unknown>, row!, EDITABLE) },
  });
  return presentDeclaration(row!);
}

export async function updateDeclaration(tx: Tx, tenant: Tenant, author: Author, before: DeclarationRow, input: DeclarationInput): Promise<AdminDeclaration> {
  const values = valuesOf(tenant, input);
  await checkSlugFree(tx, values.slug, before.id);
  // A sector still used by a signature cannot disappear: the signature would lose its label.
  const kept = new Set(values.sectors.map((s) => s.key));
  const removed = before.sectors.map((s) => s.key).filter((k) => !kept.has(k));
  if (removed.length) {
    const used = await tx.query<{ sector: string; n: number }>(
      'SELECT sector, count(*)::int AS n FROM declaration_signatures WHERE declaration_id = $1 AND sector = ANY($2::text[]) GROUP BY sector ORDER BY sector',
      [before.id, removed],
    );
    if (used.length) {
      const list = used.map((u) => `"${u.sector}" (${u.n})`).join(', ');
      throw new AppError('conflict', `Sectors still used by signatures cannot be removed: ${list}`, { field: 'sectors', details: { sectors: used.map((u) => u.sector) } });
    }
  }
  const [row] = await tx.db
    .update(declarations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(declarations.id, before.id))
    .returning();
  const changes = changedFields(before as unknown as Record<string, unknown>, values, EDITABLE);
  if (Object.keys(changes).length) {
    await writeAudit(tx, { ...author, action: 'declaration.updated', entityType: 'declaration', entityId: before.id, details: { changes } });
  }
  const counts = await countByState(tx, before.id);
  return presentDeclaration(row!, counts.get(before.id));
}

/** Only a declaration nobody has signed, and not the last one, can be deleted; otherwise unpublish it. */
export async function deleteDeclaration(tx: Tx, author: Author, before: DeclarationRow): Promise<void> {
  const [used] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM declaration_signatures WHERE declaration_id = $1', [before.id]);
  if (Number(used?.n ?? 0) > 0) {
    throw new AppError('conflict', `The declaration has ${used!.n} signature(s); unpublish it instead of deleting it`, { details: { signatures: Number(used!.n) } });
  }
  const [others] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM declarations WHERE id <> $1', [before.id]);
  if (Number(others?.n ?? 0) === 0) {
    throw new AppError('conflict', 'A municipality keeps at least one declaration; unpublish it instead of deleting it');
  }
  await tx.db.delete(declarations).where(eq(declarations.id, before.id));
  await writeAudit(tx, {
    ...author,
    action: 'declaration.deleted',
    entityType: 'declaration',
    entityId: before.id,
    details: { changes: { slug: { before: before.slug, after: null }, title: { before: before.title, after: null } } },
  });
}
