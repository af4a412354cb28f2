import { writeFile } from 'node:fs/promises';
import { asc, eq } from 'drizzle-orm';
import type { Database, Tx } from '../../db/database.ts';
import type { ExportFormat } from '../../shared/contracts/importExport.ts';
import type { AdminOffer, OfferStatusValue } from '../../shared/contracts/offerAdmin.ts';
import { TRANSLATABLE_OFFER_FIELDS, offers, offerTranslations } from '../offers/offer.table.ts';
import { locations, providers } from '../providers/provider.table.ts';
import { areas, fieldsOfAction, targetGroups } from '../taxonomy/taxonomy.table.ts';
import { requireTenant, type Tenant } from '../tenants/tenantService.ts';
import { toAdminOffer } from '../offers/admin/adminOfferPresenter.ts';
import { exportColumns, LIST_SEPARATOR, textColumn } from './offerColumns.ts';
import { writeCsvTable } from './offerCsv.ts';
import { writeXlsxTable, XLSX_MIME } from './offerXlsx.ts';

type OfferRow = typeof offers.$inferSelect;
type TranslationRow = typeof offerTranslations.$inferSelect;

const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');

interface ExportData {
  offers: { row: OfferRow; translations: Map<string, TranslationRow> }[];
  providerName: Map<string, string>;
  providerRef: (id: string) => { name: string; id: string };
  keyOf: { fields: Map<string, string>; targetGroups: Map<string, string>; areas: Map<string, string> };
  /** A location's name where it names exactly one active location, else its id (both re-import). */
  locationRef: Map<string, string>;
}

/** Reads every offer (optionally of one status) with translations and references in a handful of queries. */
async function loadExportData(tx: Tx, status: OfferStatusValue | undefined): Promise<ExportData> {
  const offerRows = await tx.db
    .select()
    .from(offers)
    .where(status ? eq(offers.status, status) : undefined)
    .orderBy(asc(offers.createdAt), asc(offers.id));
  const textRows = await tx.db.select().from(offerTranslations);
  const providerRows = await tx.db.select({ id: providers.id, name: providers.name, archivedAt: providers.archivedAt }).from(providers);
  const locationRows = await tx.db.select({ id: locations.id, name: locations.name, archivedAt: locations.archivedAt }).from(locations);
  const [fieldRows, groupRows, areaRows] = [
    await tx.db.select({ id: fieldsOfAction.id, key: fieldsOfAction.key }).from(fieldsOfAction),
    await tx.db.select({ id: targetGroups.id, key: targetGroups.key }).from(targetGroups),
    await tx.db.select({ id: areas.id, key: areas.key }).from(areas),
  ];
  const byOffer = new Map<string, Map<string, TranslationRow>>();
  for (const t of textRows) {
    const m = byOffer.get(t.offerId) ?? new Map();
    m.set(t.lang, t);
    byOffer.set(t.offerId, m);
  }
  const activeNameCount = (rows: { name: string; archivedAt: Date | null }[]) => {
    const counts = new Map<string, number>();
    for (const r of rows) if (!r.archivedAt) counts.set(fold(r.name), (counts.get(fold(r.name)) ?? 0) + 1);
    return counts;
  };
  const locationCounts = activeNameCount(locationRows);
  const locationRef = new Map(
    locationRows.map((l) => [l.id, !l.archivedAt && locationCounts.get(fold(l.name)) === 1 && !l.name.includes(LIST_SEPARATOR) ? l.name : l.id]),
  );
  const providerName = new Map(providerRows.map((p) => [p.id, p.name]));
  return {
    offers: offerRows.map((row) => ({ row, translations: byOffer.get(row.id) ?? new Map() })),
    providerName,
    providerRef: (id) => ({ name: providerName.get(id) ?? '', id }),
    keyOf: {
      fields: new Map(fieldRows.map((r) => [r.id, r.key])),
      targetGroups: new Map(groupRows.map((r) => [r.id, r.key])),
      areas: new Map(areaRows.map((r) => [r.id, r.key])),
    },
    locationRef,
  };
}

const yesNo = (b: boolean) => (b ? 'ja' : 'nein');

/** The offers as a table in the documented column layout (header first); it re-imports as updates. */
function toTable(tenant: Tenant, data: ExportData): string[][] {
  const columns = exportColumns(tenant.defaultLanguage, tenant.languages);
  const rows = data.offers.map(({ row, translations }) => {
    const provider = data.providerRef(row.providerId);
    const values: Record<string, string> = {
      id: row.id,
      version: String(row.version),
      status: row.status,
      provider: provider.name,
      provider_id: provider.id,
      fields: row.fieldIds.map((id) => data.keyOf.fields.get(id) ?? id).join(LIST_SEPARATOR),
      target_groups: row.targetGroupIds.map((id) => data.keyOf.targetGroups.get(id) ?? id).join(LIST_SEPARATOR),
      areas: row.areaIds.map((id) => data.keyOf.areas.get(id) ?? id).join(LIST_SEPARATOR),
      locations: row.locationIds.map((id) => data.locationRef.get(id) ?? id).join(LIST_SEPARATOR),
      languages: row.languages.join(LIST_SEPARATOR),
      free_of_charge: yesNo(row.freeOfCharge),
      childcare: yesNo(row.childcare),
      barrier_free: yesNo(row.barrierFree),
      online: yesNo(row.online),
      in_person: yesNo(row.inPerson),
      signup_url: row.signupUrl ?? '',
      email: row.email ?? '',
      phone: row.phone ?? '',
    };
    for (const lang of tenant.languages) {
      const t = translations.get(lang);
      for (const field of TRANSLATABLE_OFFER_FIELDS) values[textColumn(field, lang)] = t ? t[field] : '';
    }
    return columns.map((c) => values[c] ?? '');
  });
  return [columns, ...rows];
}

/** The same shape as the admin API's offer (all tenant languages with their translation state). */
function toAdminOffers(tenant: Tenant, data: ExportData): AdminOffer[] {
  return data.offers.map(({ row, translations }) => toAdminOffer(tenant, row, data.providerName.get(row.providerId) ?? '', translations));
}

export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
  count: number;
}

/** All offers of a tenant (optionally one status) as CSV (UTF-8 BOM, `;`), XLSX or JSON. */
export async function exportOffers(db: Database, tenant: Tenant, options: { format: ExportFormat; status?: OfferStatusValue }): Promise<ExportFile> {
  const data = await db.tenant(tenant.id, (tx) => loadExportData(tx, options.status), { readOnly: true });
  const date = new Date().toISOString().slice(0, 10);
  const filename = `angebote-${tenant.slug}${options.status ? `-${options.status}` : ''}-${date}.${options.format}`;
  const count = data.offers.length;
  switch (options.format) {
    case 'json':
      return { body: Buffer.from(JSON.stringify(toAdminOffers(tenant, data), null, 2), 'utf8'), contentType: 'application/json; charset=utf-8', filename, count };
    case 'xlsx':
      return { body: await writeXlsxTable(toTable(tenant, data)), contentType: XLSX_MIME, filename, count };
    default:
      return { body: writeCsvTable(toTable(tenant, data)), contentType: 'text/csv; charset=utf-8', filename, count };
  }
}

/** CLI: writes the export to a file; returns the number of offers. */
export async function exportOffersToFile(db: Database, tenantSlug: string, filePath: string, format: ExportFormat): Promise<number> {
  const tenant = await requireTenant(db, tenantSlug);
  const file = await exportOffers(db, tenant, { format });
  await writeFile(filePath, file.body);
  return file.count;
}
