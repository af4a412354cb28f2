import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../db/database.ts';
import { AppError, notFound } from '../../../errors.ts';
import {
  type OfferInput,
  type OfferTexts,
  type OfferUpdate,
  type StatusChangeRequest,
  offerInput,
  offerUpdate,
} from '../../../shared/contracts/offerAdmin.ts';
import type { Actor } from '../../auth/roles.ts';
import { locations, providers } from '../../providers/provider.table.ts';
import { areas, fieldsOfAction, targetGroups } from '../../taxonomy/taxonomy.table.ts';
import type { Tenant } from '../../tenants/tenantService.ts';
import {
  authorizeOfferCreate,
  authorizeOfferRead,
  authorizeStatusChange,
  isOffice,
  isPartner,
  offerEditMode,
} from '../offer.policy.ts';
import {
  type OfferStatus,
  type PendingOfferChange,
  TRANSLATABLE_OFFER_FIELDS,
  offerTranslations,
  offers,
} from '../offer.table.ts';
import { sourceFieldVersion } from '../../translations/translationStatus.ts';
import { type FieldChanges, recordOfferChange } from './offerHistory.ts';

export type OfferRow = typeof offers.$inferSelect;

/** The language-independent facts of an offer, in input shape. */
const FACT_KEYS = [
  'providerId',
  'languages',
  'freeOfCharge',
  'childcare',
  'barrierFree',
  'online',
  'inPerson',
  'signupUrl',
  'email',
  'phone',
  'fieldIds',
  'targetGroupIds',
  'areaIds',
  'locationIds',
] as const;
type FactKey = (typeof FACT_KEYS)[number];

/** An offer as editors see it: facts plus source-language texts; what revisions compare. */
export interface OfferSnapshot {
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
  texts: OfferTexts;
}

const EMPTY_TEXTS: OfferTexts = { title: '', summary: '', description: '', costs: '', requirements: '', registration: '' };

/**
 * Validates service input with the contract (callers such as the importer may build it by hand) and
 * turns zod issues into a 400 naming the field.
 */
function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'body';
  throw new AppError('validation_failed', `${field}: ${issue.message}`, {
    field,
    details: parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })),
  });
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

export function snapshotFromInput(input: OfferInput): OfferSnapshot {
  return {
    providerId: input.providerId,
    languages: unique(input.languages ?? []),
    freeOfCharge: input.freeOfCharge ?? false,
    childcare: input.childcare ?? false,
    barrierFree: input.barrierFree ?? false,
    online: input.online ?? false,
    inPerson: input.inPerson ?? true,
    signupUrl: input.signupUrl ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    fieldIds: unique(input.fieldIds ?? []),
    targetGroupIds: unique(input.targetGroupIds ?? []),
    areaIds: unique(input.areaIds ?? []),
    locationIds: unique(input.locationIds ?? []),
    texts: { ...EMPTY_TEXTS, ...input.texts },
  };
}

export function snapshotOf(row: OfferRow, texts: OfferTexts): OfferSnapshot {
  const facts = Object.fromEntries(FACT_KEYS.map((k) => [k, row[k]])) as Pick<OfferSnapshot, FactKey>;
  return { ...facts, texts };
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Field-by-field differences; with no `before` (a new offer) every non-empty value counts. */
export function diffSnapshots(before: OfferSnapshot | null, after: OfferSnapshot): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of FACT_KEYS) {
    const a = before ? before[key] : null;
    const b = after[key];
    if (before ? JSON.stringify(a) !== JSON.stringify(b) : !isEmpty(b)) changes[key] = [a, b];
  }
  for (const field of TRANSLATABLE_OFFER_FIELDS) {
    const a = before ? before.texts[field] : null;
    const b = after.texts[field];
    if (before ? a !== b : !isEmpty(b)) changes[`texts.${field}`] = [a, b];
  }
  return changes;
}

const textsChanged = (changes: FieldChanges) => TRANSLATABLE_OFFER_FIELDS.some((f) => `texts.${f}` in changes);

function factColumns(s: OfferSnapshot) {
  const { texts: _texts, ...facts } = s;
  return facts;
}

/**
 * References must exist in this tenant. Row-level security hides other tenants' rows, so a foreign id
 * is simply unknown; we answer 400 naming the field before the database trigger would.
 */
export async function checkOfferReferences(tx: Tx, s: OfferSnapshot, options: { provider: boolean }): Promise<void> {
  if (options.provider) {
    const [provider] = await tx.db
      .select({ id: providers.id, archivedAt: providers.archivedAt })
      .from(providers)
      .where(eq(providers.id, s.providerId));
    if (!provider) throw new AppError('validation_failed', 'Unknown provider', { field: 'providerId' });
    if (provider.archivedAt) throw new AppError('validation_failed', 'This provider is archived', { field: 'providerId' });
  }
  const checks = [
    { field: 'fieldIds', ids: s.fieldIds, table: fieldsOfAction, label: 'field of action' },
    { field: 'targetGroupIds', ids: s.targetGroupIds, table: targetGroups, label: 'target group' },
    { field: 'areaIds', ids: s.areaIds, table: areas, label: 'area' },
    { field: 'locationIds', ids: s.locationIds, table: locations, label: 'location' },
  ] as const;
  for (const check of checks) {
    if (check.ids.length === 0) continue;
    const found = await tx.db.select({ id: check.table.id }).from(check.table).where(inArray(check.table.id, [...check.ids]));
    const known = new Set(found.map((r) => r.id));
    const unknown = check.ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new AppError('validation_failed', `Unknown ${check.label}: ${unknown.slice(0, 5).join(', ')}`, {
        field: check.field,
        details: { unknown },
      });
    }
  }
}

const COLUMN_FIELDS: Record<string, string> = {
  field_ids: 'fieldIds',
  target_group_ids: 'targetGroupIds',
  area_ids: 'areaIds',
  location_ids: 'locationIds',
  provider_id: 'providerId',
};

/** The trigger lotse_check_offer_refs is the last line of defence; name its column as the API field. */
async function withFieldNames<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    let e: unknown = error;
    for (let i = 0; i < 3 && e; i++) {
      const pg = e as { code?: string; column?: string; constraint?: string; cause?: unknown };
      if (pg.code === '23503') {
        const field = (pg.column && COLUMN_FIELDS[pg.column]) || (pg.constraint?.includes('provider') ? 'providerId' : undefined);
        throw new AppError('validation_failed', 'A referenced record does not exist in this municipality', field ? { field } : {});
      }
      e = pg.cause;
    }
    throw error;
  }
}

/** Loads an offer of the transaction's tenant and locks it for the rest of the transaction; 404 if absent. */
export async function lockOffer(tx: Tx, tenant: Tenant, id: string): Promise<OfferRow> {
  const [row] = await tx.db
    .select()
    .from(offers)
    .where(and(eq(offers.tenantId, tenant.id), eq(offers.id, id)))
    .for('update');
  if (!row) throw notFound('Offer');
  return row;
}

/** An offer the actor may read (404 for another provider's offer when the actor is a partner). */
export async function getOfferForActor(tx: Tx, tenant: Tenant, actor: Actor, id: string): Promise<OfferRow> {
  const [row] = await tx.db
    .select()
    .from(offers)
    .where(and(eq(offers.tenantId, tenant.id), eq(offers.id, id)));
  if (!row) throw notFound('Offer');
  authorizeOfferRead(actor, row);
  return row;
}

/** Source-language texts of an offer (empty texts if the source row is missing, e.g. legacy data). */
export async function loadSourceTexts(tx: Tx, tenant: Tenant, offerId: string): Promise<OfferTexts> {
  const [row] = await tx.db
    .select()
    .from(offerTranslations)
    .where(and(eq(offerTranslations.offerId, offerId), eq(offerTranslations.lang, tenant.defaultLanguage)));
  if (!row) return { ...EMPTY_TEXTS };
  return {
    title: row.title,
    summary: row.summary,
    description: row.description,
    costs: row.costs,
    requirements: row.requirements,
    registration: row.registration,
  };
}

async function isProviderTrusted(tx: Tx, providerId: string): Promise<boolean> {
  const [p] = await tx.db.select({ trusted: providers.trusted }).from(providers).where(eq(providers.id, providerId));
  return p?.trusted ?? false;
}

async function reload(tx: Tx, tenant: Tenant, id: string): Promise<OfferRow> {
  const [row] = await tx.db
    .select()
    .from(offers)
    .where(and(eq(offers.tenantId, tenant.id), eq(offers.id, id)));
  return row!;
}

const conflictError = (currentVersion: number, yourVersion?: number) =>
  new AppError('conflict', 'Someone else changed this offer in the meantime. Reload it; your input is still in the form.', {
    field: 'version',
    details: { currentVersion, ...(yourVersion === undefined ? {} : { yourVersion }) },
  });

/** Optimistic concurrency: the editor's version must be the stored one (409 otherwise, nothing written). */
export function requireVersion(row: OfferRow, version: number): void {
  if (row.version !== version) throw conflictError(row.version, version);
}

async function writeSourceTexts(tx: Tx, tenant: Tenant, actor: Actor, offerId: string, texts: OfferTexts, sourceVersion: number) {
  const values = { ...texts, sourceVersion, machine: false, updatedBy: actor.userId, updatedAt: new Date() };
  await tx.db
    .insert(offerTranslations)
    .values({ tenantId: tenant.id, offerId, lang: tenant.defaultLanguage, ...values })
    .onConflictDoUpdate({ target: [offerTranslations.tenantId, offerTranslations.offerId, offerTranslations.lang], set: values });
}

/**
 * Creates an offer with its source-language texts, one revision and one audit entry, in the caller's
 * transaction. Status is draft unless given (publishing at once is for office staff).
 */
export async function createOffer(
  tx: Tx,
  tenant: Tenant,
  actor: Actor,
  input: OfferInput,
  options?: { status?: OfferStatus },
): Promise<OfferRow> {
  const status = options?.status ?? 'draft';
  const parsed = parseInput(offerInput, input);
  authorizeOfferCreate(actor, parsed.providerId, status);
  const snapshot = snapshotFromInput(parsed);
  await checkOfferReferences(tx, snapshot, { provider: true });
  const now = new Date();
  const [row] = await withFieldNames(
    tx.db
      .insert(offers)
      .values({
        tenantId: tenant.id,
        ...factColumns(snapshot),
        status,
        publishedAt: status === 'published' ? now : null,
        archivedAt: status === 'archived' ? now : null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning(),
  );
  await writeSourceTexts(tx, tenant, actor, row!.id, snapshot.texts, row!.sourceVersion);
  await recordOfferChange(tx, actor, row!.id, 'created', { status: [null, status], ...diffSnapshots(null, snapshot) });
  return reload(tx, tenant, row!.id);
}

/**
 * Writes a new state of an offer (shared by direct edits and approved partner changes). A non-minor
 * change of the source texts increments sourceVersion and records it as the version of the changed
 * fields, which makes the translations of exactly those fields outdated.
 */
export async function applyOfferChange(
  tx: Tx,
  tenant: Tenant,
  actor: Actor,
  current: OfferRow,
  next: OfferSnapshot,
  changes: FieldChanges,
  options: { minor: boolean; action: string; clearPending?: boolean; comment?: string },
): Promise<OfferRow> {
  const sourceChanged = textsChanged(changes);
  const sourceVersion = sourceChanged && !options.minor ? current.sourceVersion + 1 : current.sourceVersion;
  // Only the fields whose source text changed move to the new version; translations of the others stay current.
  const fieldVersions =
    sourceVersion === current.sourceVersion
      ? current.fieldVersions
      : Object.fromEntries(
          TRANSLATABLE_OFFER_FIELDS.map((f) => [f, `texts.${f}` in changes ? sourceVersion : sourceFieldVersion(current, f)]),
        );
  const [row] = await withFieldNames(
    tx.db
      .update(offers)
      .set({
        ...factColumns(next),
        sourceVersion,
        fieldVersions,
        version: current.version + 1,
        updatedBy: actor.userId,
        updatedAt: new Date(),
        ...(options.clearPending ? { pendingChange: null } : {}),
      })
      .where(and(eq(offers.tenantId, tenant.id), eq(offers.id, current.id), eq(offers.version, current.version)))
      .returning(),
  );
  if (!row) throw conflictError(current.version);
  if (sourceChanged) await writeSourceTexts(tx, tenant, actor, current.id, next.texts, sourceVersion);
  const recorded = options.comment ? { ...changes, comment: [null, options.comment] as [unknown, unknown] } : changes;
  await recordOfferChange(tx, actor, current.id, options.action, recorded, {
    minor: options.minor,
    ...(sourceVersion !== current.sourceVersion ? { details: { sourceVersion } } : {}),
  });
  return reload(tx, tenant, current.id);
}

/**
 * Updates an offer from a full form (optimistic concurrency on input.version → 409). A partner's edit
 * of a published offer is stored as pending change for review unless the provider is trusted.
 */
export async function updateOffer(tx: Tx, tenant: Tenant, actor: Actor, id: string, input: OfferUpdate): Promise<OfferRow> {
  const parsed = parseInput(offerUpdate, input);
  const current = await lockOffer(tx, tenant, id);
  authorizeOfferRead(actor, current);
  const trusted = isPartner(actor) && current.status === 'published' ? await isProviderTrusted(tx, current.providerId) : false;
  const mode = offerEditMode(actor, current, trusted, parsed.providerId);
  requireVersion(current, parsed.version);

  const { version: _version, minor, ...offerFields } = parsed;
  const next = snapshotFromInput(offerFields);
  const before = snapshotOf(current, await loadSourceTexts(tx, tenant, id));
  const changes = diffSnapshots(before, next);
  await checkOfferReferences(tx, next, { provider: next.providerId !== current.providerId });

  if (mode === 'pending') {
    const pending: PendingOfferChange = {
      submittedBy: actor.userId,
      submittedByName: actor.name || actor.email,
      submittedAt: new Date().toISOString(),
      data: { ...offerFields, minor } as Record<string, unknown>,
    };
    await tx.db
      .update(offers)
      .set({ pendingChange: pending, version: current.version + 1 })
      .where(and(eq(offers.tenantId, tenant.id), eq(offers.id, id)));
    await recordOfferChange(tx, actor, id, 'change_submitted', changes, { minor });
    return reload(tx, tenant, id);
  }

  if (Object.keys(changes).length === 0) return current;
  return applyOfferChange(tx, tenant, actor, current, next, changes, { minor, action: 'updated' });
}

/**
 * Moves an offer through the publishing workflow (see STATUS_TRANSITIONS in the policy). Sending an
 * offer in review back to draft is a rejection and needs a comment for the author.
 */
export async function changeOfferStatus(
  tx: Tx,
  tenant: Tenant,
  actor: Actor,
  id: string,
  request: StatusChangeRequest,
): Promise<OfferRow> {
  const current = await lockOffer(tx, tenant, id);
  authorizeOfferRead(actor, current);
  requireVersion(current, request.version);
  authorizeStatusChange(actor, current, request.status);
  const comment = request.comment?.trim() || undefined;
  if (current.status === 'in_review' && request.status === 'draft' && isOffice(actor) && !comment) {
    throw new AppError('validation_failed', 'Say why the offer goes back to draft, so the author can fix it', { field: 'comment' });
  }
  return setOfferStatus(tx, tenant, actor, current, request.status, comment);
}

/** Writes a status change with its side effects (publishedAt, archivedAt), revision and audit entry. */
export async function setOfferStatus(
  tx: Tx,
  tenant: Tenant,
  actor: Actor,
  current: OfferRow,
  status: OfferStatus,
  comment: string | undefined,
): Promise<OfferRow> {
  const now = new Date();
  await tx.db
    .update(offers)
    .set({
      status,
      version: current.version + 1,
      updatedBy: actor.userId,
      updatedAt: now,
      ...(status === 'published' ? { publishedAt: now } : {}),
      ...(status === 'archived' ? { archivedAt: now } : { archivedAt: null }),
    })
    .where(and(eq(offers.tenantId, tenant.id), eq(offers.id, current.id)));
  const changes: FieldChanges = { status: [current.status, status] };
  if (comment) changes.comment = [null, comment];
  await recordOfferChange(tx, actor, current.id, 'status_changed', changes, { details: { from: current.status, to: status } });
  return reload(tx, tenant, current.id);
}
