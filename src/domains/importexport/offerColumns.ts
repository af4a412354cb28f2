import { isKnownLanguage } from '../../shared/languages.ts';
import { TRANSLATABLE_OFFER_FIELDS, type TranslatableOfferField } from '../offers/offer.table.ts';

/**
 * The one column layout of offer files (CSV and XLSX alike), documented in docs/import-format.md.
 * Canonical names are English snake_case; German aliases are accepted on import.
 */
export const SCALAR_COLUMNS = [
  'id',
  'version',
  'status',
  'provider',
  'provider_id',
  'fields',
  'target_groups',
  'areas',
  'locations',
  'languages',
  'free_of_charge',
  'childcare',
  'barrier_free',
  'online',
  'in_person',
  'signup_url',
  'email',
  'phone',
] as const;
export type ScalarColumn = (typeof SCALAR_COLUMNS)[number];

export const BOOLEAN_COLUMNS = ['free_of_charge', 'childcare', 'barrier_free', 'online', 'in_person'] as const;
export type BooleanColumn = (typeof BOOLEAN_COLUMNS)[number];

export const LIST_SEPARATOR = '|';

const SCALAR_ALIASES: Record<ScalarColumn, readonly string[]> = {
  id: ['angebot_id', 'offer_id'],
  version: [],
  status: [],
  provider: ['traeger', 'träger', 'anbieter', 'provider_name', 'traeger_name', 'träger_name'],
  provider_id: ['traeger_id', 'träger_id', 'anbieter_id'],
  fields: ['fields_of_action', 'handlungsfelder', 'handlungsfeld'],
  target_groups: ['zielgruppen', 'zielgruppe'],
  areas: ['stadtteile', 'stadtteil', 'gebiete', 'gebiet'],
  locations: ['standorte', 'standort'],
  languages: ['sprachen'],
  free_of_charge: ['kostenlos', 'kostenfrei'],
  childcare: ['kinderbetreuung'],
  barrier_free: ['barrierefrei'],
  online: [],
  in_person: ['vor_ort', 'praesenz', 'präsenz'],
  signup_url: ['anmeldelink', 'anmelde_url', 'anmeldung_url'],
  email: ['e_mail', 'mail'],
  phone: ['telefon', 'tel'],
};

const TEXT_ALIASES: Record<TranslatableOfferField, readonly string[]> = {
  title: ['titel'],
  summary: ['kurzbeschreibung', 'zusammenfassung'],
  description: ['beschreibung'],
  costs: ['kosten'],
  requirements: ['voraussetzungen'],
  registration: ['anmeldung'],
};

const scalarByName = new Map<string, ScalarColumn>();
for (const column of SCALAR_COLUMNS) {
  scalarByName.set(column, column);
  for (const alias of SCALAR_ALIASES[column]) scalarByName.set(alias, column);
}
const textByName = new Map<string, TranslatableOfferField>();
for (const field of TRANSLATABLE_OFFER_FIELDS) {
  textByName.set(field, field);
  for (const alias of TEXT_ALIASES[field]) textByName.set(alias, field);
}

/** `Titel (DE)`, ` title-de `, `TITLE_DE` → `titel_de` / `title_de`. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[()[\]]/g, ' ')
    .replace(/[\s\-.]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

export type ResolvedColumn =
  | { kind: 'scalar'; column: ScalarColumn }
  | { kind: 'text'; field: TranslatableOfferField; lang: string }
  /** A text column in a language this tenant does not publish in. */
  | { kind: 'foreign_language'; field: TranslatableOfferField; lang: string }
  | { kind: 'unknown' };

export function resolveHeader(header: string, tenantLanguages: readonly string[]): ResolvedColumn {
  const name = normalizeHeader(header);
  const scalar = scalarByName.get(name);
  if (scalar) return { kind: 'scalar', column: scalar };
  const match = /^(.+)_([a-z]{2,3})$/.exec(name);
  if (match) {
    const field = textByName.get(match[1]!);
    const lang = match[2]!;
    if (field) {
      if (tenantLanguages.includes(lang)) return { kind: 'text', field, lang };
      if (isKnownLanguage(lang)) return { kind: 'foreign_language', field, lang };
    }
  }
  return { kind: 'unknown' };
}

export const textColumn = (field: TranslatableOfferField, lang: string) => `${field}_${lang}`;

/** The columns of an export, in order: identity, source-language texts first, then the facts. */
export function exportColumns(defaultLanguage: string, languages: readonly string[]): string[] {
  const ordered = [defaultLanguage, ...languages.filter((l) => l !== defaultLanguage)];
  return [
    'id',
    'version',
    'status',
    'provider',
    'provider_id',
    ...ordered.flatMap((lang) => TRANSLATABLE_OFFER_FIELDS.map((field) => textColumn(field, lang))),
    'fields',
    'target_groups',
    'areas',
    'locations',
    'languages',
    ...BOOLEAN_COLUMNS,
    'signup_url',
    'email',
    'phone',
  ];
}
