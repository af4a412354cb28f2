import type { z } from 'zod';
import type { ImportIssue } from '../../shared/contracts/importExport.ts';
import { type OfferInput, offerInput, type OfferTexts, offerTexts } from '../../shared/contracts/offerAdmin.ts';
import { LANGUAGES } from '../../shared/languages.ts';
import { STATUS_TRANSITIONS } from '../offers/offer.policy.ts';
import { OFFER_STATUSES, type OfferStatus, TRANSLATABLE_OFFER_FIELDS, type TranslatableOfferField } from '../offers/offer.table.ts';
import {
  BOOLEAN_COLUMNS,
  type BooleanColumn,
  LIST_SEPARATOR,
  resolveHeader,
  type ScalarColumn,
  textColumn,
} from './offerColumns.ts';
import { unprotectFormula } from './offerCsv.ts';

/**
 * Turns the cells of an offer file into validated create/update plans, without touching the
 * database: everything it needs is in the catalog. Every faulty cell is reported, not just the first.
 */

export const MAX_IMPORT_ROWS = 10_000;

export interface CatalogEntry {
  id: string;
  key: string;
  names: Record<string, string>;
}

export interface ExistingTexts extends OfferTexts {
  sourceVersion: number;
  machine: boolean;
}

export interface ExistingOffer {
  id: string;
  status: OfferStatus;
  version: number;
  sourceVersion: number;
  providerId: string;
  languages: string[];
  freeOfCharge: boolean;
  childcare: boolean;
  barrierFree: boolean;
  online: boolean;
  inPerson: boolean;
  signupUrl: string | null;
  email: string | null;
  phone: string | null;
  fieldIds: string[];
  targetGroupIds: string[];
  areaIds: string[];
  locationIds: string[];
  translations: Map<string, ExistingTexts>;
}

export interface ImportCatalog {
  defaultLanguage: string;
  languages: readonly string[];
  providers: { id: string; name: string; archived: boolean }[];
  fields: CatalogEntry[];
  targetGroups: CatalogEntry[];
  areas: CatalogEntry[];
  locations: { id: string; name: string; archived: boolean }[];
  offers: Map<string, ExistingOffer>;
}

export interface CreatePlan {
  kind: 'create';
  row: number;
  status: OfferStatus;
  input: OfferInput;
  /** Texts in the tenant's other languages, written as human translations of the new offer. */
  translations: Map<string, OfferTexts>;
}

export interface UpdatePlan {
  kind: 'update';
  row: number;
  id: string;
  version: number;
  /** Null when the offer's own data equals what is stored (no update call, no revision). */
  input: OfferInput | null;
  /** A status different from the stored one. */
  status: OfferStatus | null;
  /** Only the languages whose texts differ from what is stored. */
  translations: Map<string, OfferTexts>;
}

export type RowPlan = CreatePlan | UpdatePlan;

export interface TableValidation {
  rows: number;
  plans: RowPlan[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Problems with the header itself: the rows cannot be read at all. */
  fatal: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STATUS_ALIASES: Record<string, OfferStatus> = {
  draft: 'draft',
  entwurf: 'draft',
  in_review: 'in_review',
  'in review': 'in_review',
  'in prüfung': 'in_review',
  in_pruefung: 'in_review',
  'in pruefung': 'in_review',
  prüfung: 'in_review',
  published: 'published',
  veröffentlicht: 'published',
  veroeffentlicht: 'published',
  online: 'published',
  archived: 'archived',
  archiviert: 'archived',
};

const TRUE_WORDS = new Set(['ja', 'j', 'true', 'wahr', '1', 'x', 'yes', 'y']);
const FALSE_WORDS = new Set(['nein', 'n', 'false', 'falsch', '0', 'no', '']);

const BOOLEAN_KEYS: Record<BooleanColumn, 'freeOfCharge' | 'childcare' | 'barrierFree' | 'online' | 'inPerson'> = {
  free_of_charge: 'freeOfCharge',
  childcare: 'childcare',
  barrier_free: 'barrierFree',
  online: 'online',
  in_person: 'inPerson',
};

// UTF-8 read as Windows-1252 (or saved twice): "Ã¼" for ü, "Ã¤" for ä, "â€ž" for „.
const MOJIBAKE = /Ã[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u2122]|â€/;

const languageByWord = new Map<string, string>();
for (const l of LANGUAGES) {
  languageByWord.set(l.code, l.code);
  languageByWord.set(l.germanName.toLowerCase(), l.code);
  languageByWord.set(l.nativeName.toLowerCase(), l.code);
}

export const normalizeTitle = (title: string) => title.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');

/** Lookup by id, key or any localized name (case-insensitive). */
function entryIndex(entries: CatalogEntry[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const e of entries) for (const name of Object.values(e.names)) if (!index.has(fold(name))) index.set(fold(name), e.id);
  for (const e of entries) index.set(fold(e.key), e.id);
  for (const e of entries) index.set(e.id.toLowerCase(), e.id);
  return index;
}

/** Lookup by id (also archived) or by name (active only); a name shared by several entries is ambiguous. */
function nameIndex(entries: { id: string; name: string; archived: boolean }[]) {
  const byName = new Map<string, string[]>();
  for (const e of entries) {
    if (e.archived) continue;
    const list = byName.get(fold(e.name)) ?? [];
    list.push(e.id);
    byName.set(fold(e.name), list);
  }
  const ids = new Set(entries.map((e) => e.id));
  return (value: string): { id: string } | { error: 'unknown' | 'ambiguous' } => {
    const v = value.trim();
    if (UUID.test(v)) return ids.has(v.toLowerCase()) ? { id: v.toLowerCase() } : { error: 'unknown' };
    const hits = byName.get(fold(v)) ?? [];
    if (hits.length === 1) return { id: hits[0]! };
    return { error: hits.length ? 'ambiguous' : 'unknown' };
  };
}

const splitList = (cell: string) =>
  cell
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
};

/** The input paths of offerInput → the column a user sees. */
function columnOfPath(path: readonly PropertyKey[], defaultLanguage: string, providerColumn: string): string {
  const [head, sub] = path;
  switch (head) {
    case 'texts':
      return textColumn(String(sub) as TranslatableOfferField, defaultLanguage);
    case 'providerId':
      return providerColumn;
    case 'fieldIds':
      return 'fields';
    case 'targetGroupIds':
      return 'target_groups';
    case 'areaIds':
      return 'areas';
    case 'locationIds':
      return 'locations';
    case 'freeOfCharge':
      return 'free_of_charge';
    case 'barrierFree':
      return 'barrier_free';
    case 'inPerson':
      return 'in_person';
    case 'signupUrl':
      return 'signup_url';
    default:
      return String(head ?? 'row');
  }
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string') return `Too short: at least ${issue.minimum} characters`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `Too long: at most ${issue.maximum} characters`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `Too many entries: at most ${issue.maximum}`;
  return `Invalid value: ${issue.message}`;
}

interface ColumnRef {
  index: number;
  /** The header as written in the file. */
  header: string;
}

/** Validates all rows of a table (row 0 = header) against the catalog. */
export function validateOfferTable(table: string[][], catalog: ImportCatalog): TableValidation {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const header = table[0] ?? [];
  const scalar = new Map<ScalarColumn, ColumnRef>();
  const texts = new Map<string, Map<TranslatableOfferField, ColumnRef>>();
  const seen = new Map<string, string>();

  header.forEach((raw, index) => {
    const label = raw.replace(/^\uFEFF/, '').trim();
    if (label === '') {
      const used = table.some((row, i) => i > 0 && (row[index] ?? '').trim() !== '');
      if (used) warnings.push({ row: 1, field: `column ${index + 1}`, message: 'Column without a header: its values are ignored' });
      return;
    }
    const resolved = resolveHeader(label, catalog.languages);
    const canonical =
      resolved.kind === 'scalar' ? resolved.column : resolved.kind === 'text' ? textColumn(resolved.field, resolved.lang) : null;
    if (canonical) {
      const previous = seen.get(canonical);
      if (previous !== undefined) {
        errors.push({ row: 1, field: label, message: `Column appears twice (also as "${previous}")` });
        return;
      }
      seen.set(canonical, label);
    }
    if (resolved.kind === 'scalar') scalar.set(resolved.column, { index, header: label });
    else if (resolved.kind === 'text') {
      const perLang = texts.get(resolved.lang) ?? new Map();
      perLang.set(resolved.field, { index, header: label });
      texts.set(resolved.lang, perLang);
    } else if (resolved.kind === 'foreign_language') {
      errors.push({
        row: 1,
        field: label,
        message: `"${resolved.lang}" is not one of this municipality's languages (${catalog.languages.join(', ')})`,
      });
    } else {
      warnings.push({ row: 1, field: label, message: 'Unknown column: its values are ignored' });
    }
  });

  const def = catalog.defaultLanguage;
  const titleColumn = textColumn('title', def);
  if (!texts.get(def)?.has('title')) errors.push({ row: 1, field: titleColumn, message: `Required column "${titleColumn}" is missing` });
  if (!scalar.has('provider') && !scalar.has('provider_id')) {
    errors.push({ row: 1, field: 'provider', message: 'Required column "provider" (provider name) or "provider_id" is missing' });
  }
  if (errors.length > 0) return { rows: 0, plans: [], errors, warnings, fatal: true };

  const providerLookup = nameIndex(catalog.providers);
  const locationLookup = nameIndex(catalog.locations);
  const fieldIndex = entryIndex(catalog.fields);
  const groupIndex = entryIndex(catalog.targetGroups);
  const areaIndex = entryIndex(catalog.areas);
  const providerColumn = scalar.get('provider')?.header ?? scalar.get('provider_id')!.header;

  const plans: RowPlan[] = [];
  const seenIds = new Map<string, number>();
  let rowCount = 0;

  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    if (cells.every((c) => c.trim() === '')) continue;
    rowCount++;
    if (rowCount > MAX_IMPORT_ROWS) break;
    const row = r + 1;
    const errorCount = errors.length;
    const fail = (field: string, message: string) => errors.push({ row, field, message });
    const cell = (ref: ColumnRef | undefined): string | undefined => (ref ? unprotectFormula(cells[ref.index] ?? '').trim() : undefined);
    const col = (c: ScalarColumn) => scalar.get(c);

    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      fail(
        `column ${header.length + 1}`,
        'More cells than the header has columns: is a separator (; or ,) inside a text without quotation marks?',
      );
    }
    for (const [i, value] of cells.entries()) {
      if (MOJIBAKE.test(value)) {
        fail(header[i]?.trim() || `column ${i + 1}`, 'Wrongly encoded text (e.g. "Ã¼" instead of "ü"): save the file as UTF-8 and import it again');
      }
    }

    // Which offer: empty id = new, an id = update of that offer.
    const idCell = cell(col('id')) ?? '';
    let existing: ExistingOffer | undefined;
    if (idCell !== '') {
      const id = idCell.toLowerCase();
      if (!UUID.test(id)) fail(col('id')!.header, `"${idCell.slice(0, 60)}" is not an offer id; leave it empty to create a new offer`);
      else if (!catalog.offers.has(id)) fail(col('id')!.header, `No offer with id ${id} in this municipality; leave it empty to create a new offer`);
      else if (seenIds.has(id)) fail(col('id')!.header, `The same offer is already updated in row ${seenIds.get(id)}`);
      else {
        existing = catalog.offers.get(id);
        seenIds.set(id, row);
      }
    }
    const failedIdentity = idCell !== '' && !existing;

    const versionCell = cell(col('version')) ?? '';
    if (existing && versionCell !== '') {
      const version = Number(versionCell);
      if (!Number.isInteger(version) || version < 1) fail(col('version')!.header, `"${versionCell.slice(0, 20)}" is not a version number`);
      else if (version !== existing.version) {
        fail(
          col('version')!.header,
          `The offer was changed after this file was exported (version ${version} in the file, now ${existing.version}): export again and redo the change`,
        );
      }
    }

    let status: OfferStatus | undefined;
    const statusCell = cell(col('status')) ?? '';
    if (statusCell !== '') {
      status = STATUS_ALIASES[statusCell.toLocaleLowerCase('de')];
      if (!status) fail(col('status')!.header, `Unknown status "${statusCell.slice(0, 40)}"; allowed: ${OFFER_STATUSES.join(', ')} (Entwurf, In Prüfung, Veröffentlicht, Archiviert)`);
    }

    // Provider: by id or by name; both given must agree.
    let providerId: string | undefined;
    const providerIdCell = cell(col('provider_id')) ?? '';
    const providerNameCell = cell(col('provider')) ?? '';
    let byId: string | undefined;
    if (providerIdCell !== '') {
      const hit = UUID.test(providerIdCell) ? providerLookup(providerIdCell) : { error: 'unknown' as const };
      if ('id' in hit) byId = hit.id;
      else fail(col('provider_id')!.header, `No provider with id "${providerIdCell.slice(0, 60)}" in this municipality`);
    }
    const archivedProvider = (id: string) => catalog.providers.find((p) => p.id === id)?.archived === true;
    if (providerNameCell !== '') {
      const hit = providerLookup(providerNameCell);
      if ('id' in hit) {
        if (byId && byId !== hit.id) fail(col('provider')!.header, `Provider "${providerNameCell.slice(0, 80)}" does not match provider_id ${byId}`);
        providerId = hit.id;
      } else if (!byId) {
        fail(
          col('provider')!.header,
          hit.error === 'ambiguous'
            ? `Several providers are called "${providerNameCell.slice(0, 80)}": use the column provider_id`
            : `Unknown provider "${providerNameCell.slice(0, 80)}": create it in the back office first or correct the name`,
        );
      } else if (hit.error === 'unknown') {
        fail(col('provider')!.header, `Unknown provider "${providerNameCell.slice(0, 80)}" (provider_id ${byId} names another)`);
      }
    }
    providerId = byId ?? providerId;
    if (providerId && archivedProvider(providerId) && providerId !== existing?.providerId) {
      fail(providerColumn, 'This provider is archived: new offers cannot be assigned to it');
    }
    if (!providerId && providerIdCell === '' && providerNameCell === '') fail(providerColumn, 'A provider is required');

    // Source-language texts: a column left out keeps the stored text.
    const sourceRefs = texts.get(def)!;
    const sourceTexts: Record<string, string> = {};
    for (const field of TRANSLATABLE_OFFER_FIELDS) {
      const value = cell(sourceRefs.get(field));
      sourceTexts[field] = value ?? existing?.translations.get(def)?.[field] ?? '';
    }

    const list = (column: 'fields' | 'target_groups' | 'areas', index: Map<string, string>, what: string, stored: string[] | undefined) => {
      const ref = col(column);
      if (!ref) return stored ?? [];
      const ids: string[] = [];
      const unknown: string[] = [];
      for (const item of splitList(cell(ref)!)) {
        const id = index.get(fold(item)) ?? index.get(item.toLowerCase());
        if (id) {
          if (!ids.includes(id)) ids.push(id);
        } else unknown.push(item);
      }
      if (unknown.length) fail(ref.header, `Unknown ${what}: ${unknown.map((u) => `"${u.slice(0, 60)}"`).join(', ')} (separate several with |)`);
      return ids;
    };
    const fieldIds = list('fields', fieldIndex, 'field of action', existing?.fieldIds);
    const targetGroupIds = list('target_groups', groupIndex, 'target group', existing?.targetGroupIds);
    const areaIds = list('areas', areaIndex, 'area', existing?.areaIds);

    let locationIds = existing?.locationIds ?? [];
    if (col('locations')) {
      locationIds = [];
      for (const item of splitList(cell(col('locations'))!)) {
        const hit = locationLookup(item);
        if ('id' in hit) {
          if (!locationIds.includes(hit.id)) locationIds.push(hit.id);
        } else {
          fail(
            col('locations')!.header,
            hit.error === 'ambiguous' ? `Several locations are called "${item.slice(0, 80)}": use its id` : `Unknown location "${item.slice(0, 80)}"`,
          );
        }
      }
    }

    let languages = existing?.languages ?? [];
    if (col('languages')) {
      languages = [];
      for (const item of splitList(cell(col('languages'))!)) {
        const code = languageByWord.get(item.toLocaleLowerCase('de'));
        if (code) {
          if (!languages.includes(code)) languages.push(code);
        } else fail(col('languages')!.header, `Unknown language "${item.slice(0, 40)}": use codes such as de|en|ar`);
      }
    }

    const flags: Partial<Record<(typeof BOOLEAN_KEYS)[BooleanColumn], boolean>> = {};
    for (const column of BOOLEAN_COLUMNS) {
      const key = BOOLEAN_KEYS[column];
      const value = cell(col(column));
      if (value === undefined) {
        if (existing) flags[key] = existing[key];
        continue;
      }
      const word = value.toLocaleLowerCase('de');
      if (TRUE_WORDS.has(word)) flags[key] = true;
      else if (FALSE_WORDS.has(word)) flags[key] = false;
      else fail(col(column)!.header, `"${value.slice(0, 40)}" is not yes or no: use ja/nein, true/false, 1/0, x or leave it empty`);
    }

    const optional = (column: 'signup_url' | 'email' | 'phone', stored: string | null | undefined) => {
      const value = cell(col(column));
      if (value === undefined) return stored ?? null;
      return value === '' ? null : value;
    };

    const candidate = {
      providerId: providerId ?? '00000000-0000-4000-8000-000000000000',
      texts: sourceTexts,
      languages,
      ...flags,
      signupUrl: optional('signup_url', existing?.signupUrl),
      email: optional('email', existing?.email),
      phone: optional('phone', existing?.phone),
      fieldIds,
      targetGroupIds,
      areaIds,
      locationIds,
    };
    const parsed = offerInput.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const canonical = columnOfPath(issue.path, def, providerColumn);
        const field = seen.get(canonical) ?? canonical;
        if (canonical === titleColumn && sourceTexts.title!.trim() === '') fail(field, 'A title is required');
        else fail(field, issueMessage(issue));
      }
    }

    // Texts in the other languages: a language with no filled cell is left as it is.
    const translations = new Map<string, OfferTexts>();
    for (const [lang, refs] of texts) {
      if (lang === def) continue;
      const given = [...refs.entries()].map(([field, ref]) => [field, cell(ref) ?? ''] as const);
      if (given.every(([, value]) => value === '')) continue;
      const stored = existing?.translations.get(lang);
      const merged: Record<string, string> = {};
      for (const field of TRANSLATABLE_OFFER_FIELDS) merged[field] = stored?.[field] ?? '';
      for (const [field, value] of given) merged[field] = value;
      const result = offerTexts.safeParse(merged);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const field = String(issue.path[0]) as TranslatableOfferField;
          const column = refs.get(field)?.header ?? textColumn(field, lang);
          fail(column, field === 'title' && merged.title!.trim() === '' ? `A title is required when other texts in "${lang}" are filled in` : issueMessage(issue));
        }
        continue;
      }
      const unchanged = stored && TRANSLATABLE_OFFER_FIELDS.every((f) => stored[f] === result.data[f]);
      if (!unchanged) translations.set(lang, result.data);
    }

    if (existing && status && status !== existing.status && !STATUS_TRANSITIONS[existing.status].includes(status)) {
      fail(
        col('status')!.header,
        `An offer cannot go from "${existing.status}" to "${status}"; possible: ${STATUS_TRANSITIONS[existing.status].join(', ')}`,
      );
    }

    if (errors.length > errorCount || failedIdentity || !parsed.success) continue;
    const input = parsed.data;
    if (!existing) {
      plans.push({ kind: 'create', row, status: status ?? 'draft', input, translations });
      continue;
    }
    const source = existing.translations.get(def);
    const same =
      input.providerId === existing.providerId &&
      source !== undefined &&
      TRANSLATABLE_OFFER_FIELDS.every((f) => source[f] === input.texts[f]) &&
      sameSet(input.languages, existing.languages) &&
      Object.values(BOOLEAN_KEYS).every((k) => input[k] === existing[k]) &&
      (input.signupUrl ?? null) === existing.signupUrl &&
      (input.email ?? null) === existing.email &&
      (input.phone ?? null) === existing.phone &&
      sameSet(input.fieldIds, existing.fieldIds) &&
      sameSet(input.targetGroupIds, existing.targetGroupIds) &&
      sameSet(input.areaIds, existing.areaIds) &&
      sameSet(input.locationIds, existing.locationIds);
    plans.push({
      kind: 'update',
      row,
      id: existing.id,
      version: existing.version,
      input: same ? null : input,
      status: status && status !== existing.status ? status : null,
      translations,
    });
  }

  if (rowCount > MAX_IMPORT_ROWS) return { rows: rowCount, plans: [], errors, warnings, fatal: true };
  findDuplicates(plans, catalog, seen.get(titleColumn) ?? titleColumn, errors);
  errors.sort((a, b) => a.row - b.row);
  return { rows: rowCount, plans, errors, warnings, fatal: false };
}

/**
 * Title (source language) + provider must be unique: twice in the file is an error on the later
 * row; a new row matching a stored offer must name that offer's id, so a second import of the
 * same file creates nothing twice.
 */
function findDuplicates(plans: RowPlan[], catalog: ImportCatalog, titleColumn: string, errors: ImportIssue[]): void {
  const def = catalog.defaultLanguage;
  const keyOf = (title: string, providerId: string) => `${providerId}\u0000${normalizeTitle(title)}`;
  const inFile = new Set(plans.flatMap((p) => (p.kind === 'update' ? [p.id] : [])));
  const stored = new Map<string, string>();
  for (const offer of catalog.offers.values()) {
    if (inFile.has(offer.id)) continue;
    const title = offer.translations.get(def)?.title;
    if (title) stored.set(keyOf(title, offer.providerId), offer.id);
  }
  const fileKeys = new Map<string, number>();
  for (const plan of plans) {
    const input = plan.kind === 'create' ? plan.input : (plan.input ?? null);
    let key: string;
    if (input) key = keyOf(input.texts.title, input.providerId);
    else {
      const offer = catalog.offers.get((plan as UpdatePlan).id)!;
      key = keyOf(offer.translations.get(def)?.title ?? '', offer.providerId);
    }
    const earlier = fileKeys.get(key);
    if (earlier !== undefined) {
      errors.push({ row: plan.row, field: titleColumn, message: `Row ${earlier} already has an offer with this title and provider` });
      continue;
    }
    fileKeys.set(key, plan.row);
    const other = stored.get(key);
    if (other) {
      errors.push({
        row: plan.row,
        field: titleColumn,
        message:
          plan.kind === 'create'
            ? `An offer with this title and provider exists already (id ${other}): put its id in the column "id" to update it`
            : `Another offer with this title and provider exists already (id ${other})`,
      });
    }
  }
}
