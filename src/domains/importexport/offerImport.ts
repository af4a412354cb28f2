import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Database, Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { ImportFormat, OfferImportReport } from '../../shared/contracts/importExport.ts';
import { writeAudit } from '../audit/auditLog.ts';
import type { Actor } from '../auth/roles.ts';
import { changeOfferStatus, createOffer, type OfferRow, updateOffer } from '../offers/admin/offerService.ts';
import { saveTranslation } from '../offers/admin/translationService.ts';
import { offers, offerTranslations } from '../offers/offer.table.ts';
import { locations, providers } from '../providers/provider.table.ts';
import { areas, fieldsOfAction, targetGroups } from '../taxonomy/taxonomy.table.ts';
import { requireTenant, type Tenant } from '../tenants/tenantService.ts';
import { type ParsedTable, parseCsvTable, sniffBinaryKind } from './offerCsv.ts';
import { type ExistingOffer, type ImportCatalog, MAX_IMPORT_ROWS, type RowPlan, validateOfferTable } from './offerTable.ts';
import { parseXlsxTable, XLSX_MIME } from './offerXlsx.ts';

/** Everything the validation needs from the tenant, read in the import's own transaction. */
export async function loadImportCatalog(tx: Tx, tenant: Tenant): Promise<ImportCatalog> {
  const [providerRows, fieldRows, groupRows, areaRows, locationRows, offerRows, textRows] = [
    await tx.db.select({ id: providers.id, name: providers.name, archivedAt: providers.archivedAt }).from(providers),
    await tx.db.select({ id: fieldsOfAction.id, key: fieldsOfAction.key, names: fieldsOfAction.names }).from(fieldsOfAction),
    await tx.db.select({ id: targetGroups.id, key: targetGroups.key, names: targetGroups.names }).from(targetGroups),
    await tx.db.select({ id: areas.id, key: areas.key, names: areas.names }).from(areas),
    await tx.db.select({ id: locations.id, name: locations.name, archivedAt: locations.archivedAt }).from(locations),
    await tx.db
      .select({
        id: offers.id,
        status: offers.status,
        version: offers.version,
        sourceVersion: offers.sourceVersion,
        providerId: offers.providerId,
        languages: offers.languages,
        freeOfCharge: offers.freeOfCharge,
        childcare: offers.childcare,
        barrierFree: offers.barrierFree,
        online: offers.online,
        inPerson: offers.inPerson,
        signupUrl: offers.signupUrl,
        email: offers.email,
        phone: offers.phone,
        fieldIds: offers.fieldIds,
        targetGroupIds: offers.targetGroupIds,
        areaIds: offers.areaIds,
        locationIds: offers.locationIds,
      })
      .from(offers),
    await tx.db
      .select({
        offerId: offerTranslations.offerId,
        lang: offerTranslations.lang,
        title: offerTranslations.title,
        summary: offerTranslations.summary,
        description: offerTranslations.description,
        costs: offerTranslations.costs,
        requirements: offerTranslations.requirements,
        registration: offerTranslations.registration,
        sourceVersion: offerTranslations.sourceVersion,
        machine: offerTranslations.machine,
      })
      .from(offerTranslations),
  ];
  const offerMap = new Map<string, ExistingOffer>();
  for (const o of offerRows) offerMap.set(o.id, { ...o, translations: new Map() });
  for (const { offerId, lang, ...texts } of textRows) offerMap.get(offerId)?.translations.set(lang, texts);
  return {
    defaultLanguage: tenant.defaultLanguage,
    languages: tenant.languages,
    providers: providerRows.map((p) => ({ id: p.id, name: p.name, archived: p.archivedAt !== null })),
    fields: fieldRows,
    targetGroups: groupRows,
    areas: areaRows,
    locations: locationRows.map((l) => ({ id: l.id, name: l.name, archived: l.archivedAt !== null })),
    offers: offerMap,
  };
}

/** Reads the file into text cells (4xx for anything that is not a readable CSV/XLSX). */
export async function readOfferTable(bytes: Uint8Array, format: ImportFormat): Promise<ParsedTable> {
  return format === 'xlsx' ? parseXlsxTable(bytes) : parseCsvTable(bytes);
}

/** The format from an explicit choice, else the MIME type or file name, else the first bytes. */
export function detectImportFormat(bytes: Uint8Array, hints: { format?: ImportFormat; mimeType?: string; filename?: string }): ImportFormat {
  if (hints.format) return hints.format;
  const ext = hints.filename ? extname(hints.filename).toLowerCase() : '';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  const mime = (hints.mimeType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mime === XLSX_MIME) return 'xlsx';
  if (mime === 'text/csv' || mime === 'text/plain' || mime === 'application/csv') return 'csv';
  return sniffBinaryKind(bytes) === 'zip' ? 'xlsx' : 'csv';
}

const countDataRows = (rows: string[][]) => rows.slice(1).filter((row) => row.some((c) => c.trim() !== '')).length;

/** Writes one row through the offer and translation services; returns the offer id if anything was written. */
async function applyPlan(tx: Tx, tenant: Tenant, actor: Actor, plan: RowPlan): Promise<string | null> {
  if (plan.kind === 'update' && !plan.input && !plan.status && plan.translations.size === 0) return null;
  let offer: OfferRow;
  if (plan.kind === 'create') {
    offer = await createOffer(tx, tenant, actor, plan.input, { status: plan.status });
  } else {
    offer = plan.input
      ? await updateOffer(tx, tenant, actor, plan.id, { ...plan.input, version: plan.version, minor: false })
      : ({ id: plan.id, version: plan.version } as OfferRow);
    if (plan.status) {
      offer = await changeOfferStatus(tx, tenant, actor, plan.id, { status: plan.status, version: offer.version, comment: 'Import' });
    }
  }
  // Human translations from the file follow the (possibly just changed) source version.
  for (const [lang, texts] of plan.translations) {
    offer = await saveTranslation(tx, tenant, actor, offer.id, lang, { ...texts, version: offer.version });
  }
  return offer.id;
}

// Refreshing one offer's search document costs a scan of the tenant's translations, so per-row
// refreshes made large imports quadratic; the import defers them (lotse.bulk) and refreshes once.
const PER_OFFER_REFRESH_LIMIT = 20;

async function refreshSearch(tx: Tx, tenant: Tenant, offerIds: readonly string[]): Promise<void> {
  if (offerIds.length === 0) return;
  if (offerIds.length > PER_OFFER_REFRESH_LIMIT) {
    await tx.query('SELECT lotse_refresh_offer_search($1::uuid, NULL)', [tenant.id]);
    return;
  }
  for (const id of offerIds) await tx.query('SELECT lotse_refresh_offer_search($1::uuid, $2::uuid)', [tenant.id, id]);
}

export interface ImportOptions {
  dryRun: boolean;
  format: ImportFormat;
  ip?: string | null;
}

/**
 * Validates every row, then — unless it is a dry run or anything is wrong — writes all rows in one
 * transaction through the offer service. Any error anywhere means nothing is written: a dry run
 * returns the report with its errors, a real import throws 422 import_invalid with the report.
 */
export async function importOffers(db: Database, tenant: Tenant, actor: Actor, bytes: Uint8Array, options: ImportOptions): Promise<OfferImportReport> {
  const { report, fatal } = await runImport(db, tenant, actor, bytes, options);
  if (fatal) {
    const columns = report.errors.map((e) => e.field).join(', ');
    throw new AppError('import_invalid', `The header row (row 1) cannot be used: ${columns}`, { field: 'file', details: report });
  }
  if (report.errors.length > 0 && !options.dryRun) {
    const rowsWithErrors = new Set(report.errors.map((e) => e.row)).size;
    throw new AppError(
      'import_invalid',
      `The file has ${report.errors.length} error(s) in ${rowsWithErrors} row(s); nothing was imported`,
      { field: 'file', details: report },
    );
  }
  return report;
}

/** Reads, validates and (when all is well and it is no dry run) writes; row errors come back in the report. */
async function runImport(
  db: Database,
  tenant: Tenant,
  actor: Actor,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<{ report: OfferImportReport; fatal: boolean }> {
  const table = await readOfferTable(bytes, options.format);
  const dataRows = countDataRows(table.rows);
  if (dataRows > MAX_IMPORT_ROWS) {
    throw new AppError('payload_too_large', `The file has ${dataRows} offers; at most ${MAX_IMPORT_ROWS} can be imported at once — split it`, {
      field: 'file',
    });
  }
  return db.tenant(
    tenant.id,
    async (tx) => {
      const catalog = await loadImportCatalog(tx, tenant);
      const result = validateOfferTable(table.rows, catalog);
      const report: OfferImportReport = {
        dryRun: options.dryRun,
        format: options.format,
        rows: result.rows,
        created: result.plans.filter((p) => p.kind === 'create').length,
        updated: result.plans.filter((p) => p.kind === 'update').length,
        unchanged: result.plans.filter((p) => p.kind === 'update' && !p.input && !p.status && p.translations.size === 0).length,
        errors: result.errors,
        warnings: result.warnings,
      };
      if (result.fatal) return { report, fatal: true };
      if (dataRows === 0) throw new AppError('validation_failed', 'The file has a header row but no offers', { field: 'file' });
      if (options.dryRun || report.errors.length > 0) return { report, fatal: false };
      const touched: string[] = [];
      for (const plan of result.plans) {
        try {
          const id = await applyPlan(tx, tenant, actor, plan);
          if (id) touched.push(id);
        } catch (error) {
          // Validated above, so this is a race or a rule the service knows better: name the row.
          if (error instanceof AppError) throw new AppError(error.code, `Row ${plan.row}: ${error.message}`, { field: error.field ?? 'file', details: error.details });
          throw error;
        }
      }
      await refreshSearch(tx, tenant, touched);
      await writeAudit(tx, {
        action: 'offers.imported',
        entityType: 'offer',
        actorId: actor.userId,
        actorLabel: actor.email,
        details: { format: options.format, rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged },
        ip: options.ip ?? null,
      });
      return { report, fatal: false };
    },
    options.dryRun ? { readOnly: true } : { settings: { 'lotse.bulk': 'on' } },
  );
}

/** A stand-in actor for command-line imports: office rights in the given tenant, named in history and audit. */
export function cliActor(tenant: Tenant, label: string): Actor {
  return { userId: `cli:${label}`, name: label, email: label, role: 'super_admin', tenantId: tenant.id, providerId: null, teamId: null, consentOverride: false, twoFactorEnabled: true, sessionId: null };
}

/**
 * CLI: imports a .csv or .xlsx file. Returns the report; with errors nothing is written and the
 * report lists them (file-level problems such as an unreadable file still throw AppError).
 */
export async function importOffersFromFile(
  db: Database,
  tenantSlug: string,
  filePath: string,
  options: { dryRun: boolean; actorLabel: string },
): Promise<OfferImportReport> {
  const tenant = await requireTenant(db, tenantSlug);
  const bytes = await readFile(filePath);
  const format = detectImportFormat(bytes, { filename: filePath });
  const { report } = await runImport(db, tenant, cliActor(tenant, options.actorLabel), bytes, { dryRun: options.dryRun, format });
  return report;
}
