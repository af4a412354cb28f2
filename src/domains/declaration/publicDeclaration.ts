import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import type { PublicDeclaration, PublicDeclarationSummary } from '../../shared/contracts/declaration.ts';
import { pickLocalized } from '../taxonomy/localize.ts';
import type { Tenant } from '../tenants/tenantService.ts';
import { declarations, declarationSignatures } from './declaration.table.ts';

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** Published declarations in the office's order, with their number of public signatories. */
export async function listPublicDeclarations(tx: Tx, tenant: Tenant, lang: string): Promise<PublicDeclarationSummary[]> {
  const rows = await tx.query<{ slug: string; title: Record<string, string>; n: number }>(
    `SELECT d.slug, d.title, (SELECT count(*)::int FROM declaration_signatures s WHERE s.declaration_id = d.id AND s.state = 'verified') AS n
     FROM declarations d WHERE d.published ORDER BY d.sort, d.created_at, d.id`,
  );
  return rows.map((r) => ({ slug: r.slug, title: pickLocalized(r.title, lang, tenant.defaultLanguage), signatoryCount: Number(r.n) }));
}

/** A published declaration with its verified signatories (public data only), or null. */
export async function loadPublicDeclaration(tx: Tx, tenant: Tenant, slug: string, lang: string): Promise<PublicDeclaration | null> {
  const [d] = await tx.db.select().from(declarations).where(and(eq(declarations.slug, slug), eq(declarations.published, true)));
  if (!d) return null;
  const rows = await tx.db
    .select({
      id: declarationSignatures.id,
      organisation: declarationSignatures.organisation,
      sector: declarationSignatures.sector,
      website: declarationSignatures.website,
      statement: declarationSignatures.statement,
      logoHash: declarationSignatures.logoHash,
      verifiedAt: declarationSignatures.verifiedAt,
    })
    .from(declarationSignatures)
    .where(and(eq(declarationSignatures.declarationId, d.id), eq(declarationSignatures.state, 'verified')))
    .orderBy(asc(declarationSignatures.organisation));
  const base = `/api/v1/${encodeURIComponent(tenant.slug)}/declarations/${encodeURIComponent(d.slug)}/signatories`;
  const signatories = rows
    .map((r) => ({
      id: r.id,
      organisation: r.organisation,
      sector: r.sector,
      website: r.website,
      statement: r.statement,
      logoUrl: r.logoHash ? `${base}/${r.id}/logo?v=${r.logoHash}` : null,
      verifiedAt: (r.verifiedAt ?? new Date(0)).toISOString(),
    }))
    .sort((a, b) => collator.compare(a.organisation, b.organisation));
  return {
    slug: d.slug,
    lang,
    title: pickLocalized(d.title, lang, tenant.defaultLanguage),
    intro: pickLocalized(d.intro, lang, tenant.defaultLanguage),
    body: pickLocalized(d.body, lang, tenant.defaultLanguage),
    sectors: d.sectors.map((s) => ({ key: s.key, name: pickLocalized(s.names, lang, tenant.defaultLanguage) })),
    signatoryCount: signatories.length,
    signatories,
  };
}

/** The logo of a public signatory of a published declaration, or null. */
export async function publicLogo(tx: Tx, slug: string, signatureId: string): Promise<{ bytes: Buffer; type: string } | null> {
  const [row] = await tx.db
    .select({ logo: declarationSignatures.logo, type: declarationSignatures.logoType })
    .from(declarationSignatures)
    .innerJoin(declarations, and(eq(declarations.tenantId, declarationSignatures.tenantId), eq(declarations.id, declarationSignatures.declarationId)))
    .where(and(eq(declarations.slug, slug), eq(declarations.published, true), eq(declarationSignatures.id, signatureId), eq(declarationSignatures.state, 'verified')));
  if (!row?.logo || !row.type) return null;
  return { bytes: row.logo, type: row.type };
}
