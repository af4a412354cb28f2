import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type {
  AdminContact,
  Consent,
  ConsentInput,
  ConsentPurpose,
  ContactCreate,
  ContactDetail,
  ContactDuplicateQuery,
  ContactInput,
  ContactListQuery,
  DuplicateCandidate,
  DuplicateReason,
  MailBlock,
  RelationshipKind,
} from '../../shared/contracts/actors.ts';
import type { Author } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { networkTasks } from '../networks/networks.table.ts';
import { membershipsOf, mergesOf, relationshipsOf } from './actorLinks.ts';
import { actorMerges, actorRelationships, contactConsents, contacts } from './actors.table.ts';
import { dayString, today } from './day.ts';
import { normalizeName, phoneDigits } from './normalize.ts';
import { dedupe } from './taxonomyRefs.ts';

export type ContactRow = typeof contacts.$inferSelect;

/** Fields of a contact the audit log names when they change (never their values: personal data). */
const EDITABLE = ['name', 'email', 'phone', 'jobFunction', 'languages', 'notes', 'preferredChannel', 'optOutNewsletter', 'optOutInvitations'] as const;

/** Name similarity from which two contacts count as likely the same person. */
export const CONTACT_SIMILARITY = 0.6;

/**
 * Whether network mail (invitations, minutes) may go to a contact, and if not, why. GDPR: only
 * with an e-mail address, an active consent to be contacted, no opt-out and a channel other than "none".
 */
export function mailBlockOf(contact: Pick<ContactRow, 'email' | 'optOutInvitations' | 'preferredChannel' | 'archivedAt'>, consentTo: readonly string[]): MailBlock | null {
  if (contact.archivedAt) return 'archived';
  if (!contact.email) return 'no_email';
  if (contact.optOutInvitations) return 'opted_out';
  if (contact.preferredChannel === 'none') return 'channel';
  if (!consentTo.includes('contact')) return 'no_consent';
  return null;
}

interface ContactExtras {
  organisations: Array<{ id: string; name: string; kind: RelationshipKind }>;
  consentTo: ConsentPurpose[];
}

/** Current organisations and active consents of some contacts, in two queries. */
export async function contactExtras(tx: Tx, ids: readonly string[]): Promise<Map<string, ContactExtras>> {
  const out = new Map<string, ContactExtras>(ids.map((id) => [id, { organisations: [], consentTo: [] }]));
  if (ids.length === 0) return out;
  const day = today();
  const orgs = await tx.query<{ contact_id: string; id: string; name: string; kind: RelationshipKind }>(
    `SELECT r.from_contact_id AS contact_id, o.id, o.name, r.kind
     FROM actor_relationships r JOIN organisations o ON o.tenant_id = r.tenant_id AND o.id = r.to_organisation_id
     WHERE r.from_contact_id = ANY($1::uuid[]) AND (r.starts_on IS NULL OR r.starts_on <= $2::date) AND (r.ends_on IS NULL OR r.ends_on >= $2::date)
     ORDER BY o.name`,
    [ids, day],
  );
  for (const o of orgs) {
    const list = out.get(o.contact_id)!.organisations;
    if (!list.some((x) => x.id === o.id)) list.push({ id: o.id, name: o.name, kind: o.kind });
  }
  const consents = await tx.query<{ contact_id: string; purpose: ConsentPurpose }>(
    'SELECT DISTINCT contact_id, purpose FROM contact_consents WHERE contact_id = ANY($1::uuid[]) AND withdrawn_at IS NULL ORDER BY purpose',
    [ids],
  );
  for (const c of consents) out.get(c.contact_id)!.consentTo.push(c.purpose);
  return out;
}

export function presentContact(row: ContactRow, extras: ContactExtras): AdminContact {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    jobFunction: row.jobFunction,
    languages: row.languages,
    notes: row.notes,
    preferredChannel: row.preferredChannel,
    optOutNewsletter: row.optOutNewsletter,
    optOutInvitations: row.optOutInvitations,
    organisations: extras.organisations,
    consentTo: extras.consentTo,
    mailBlock: mailBlockOf(row, extras.consentTo),
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const contains = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listContacts(tx: Tx, query: ContactListQuery): Promise<{ items: AdminContact[]; total: number }> {
  const where: SQL[] = [];
  if (query.q) {
    where.push(
      sql`(${contacts.name} ILIKE ${contains(query.q)} OR ${contacts.normName} LIKE ${contains(normalizeName(query.q))} OR ${contacts.email} ILIKE ${contains(query.q)})`,
    );
  }
  if (query.organisationId) {
    where.push(
      sql`EXISTS (SELECT 1 FROM actor_relationships r WHERE r.tenant_id = ${contacts.tenantId} AND r.from_contact_id = ${contacts.id} AND r.to_organisation_id = ${query.organisationId})`,
    );
  }
  if (query.groupId) {
    where.push(sql`EXISTS (SELECT 1 FROM group_members m WHERE m.tenant_id = ${contacts.tenantId} AND m.contact_id = ${contacts.id} AND m.group_id = ${query.groupId})`);
  }
  if (query.includeArchived !== 'true') where.push(isNull(contacts.archivedAt));
  const condition = where.length ? and(...where) : undefined;
  const rows = await tx.db
    .select()
    .from(contacts)
    .where(condition)
    .orderBy(contacts.normName, contacts.id)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(contacts).where(condition);
  const extras = await contactExtras(
    tx,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentContact(r, extras.get(r.id)!)), total: Number(total?.n ?? 0) };
}

export async function findContact(tx: Tx, id: string): Promise<ContactRow | null> {
  const [row] = await tx.db.select().from(contacts).where(eq(contacts.id, id));
  return row ?? null;
}

export async function requireContact(tx: Tx, id: string, field?: string): Promise<ContactRow> {
  const row = await findContact(tx, id);
  if (!row) throw field ? new AppError('validation_failed', 'Unknown contact', { field }) : new AppError('not_found', 'Contact not found');
  return row;
}

export async function contactConsentList(tx: Tx, contactId: string): Promise<Consent[]> {
  const rows = await tx.db.select().from(contactConsents).where(eq(contactConsents.contactId, contactId)).orderBy(contactConsents.givenOn, contactConsents.createdAt);
  return rows.map((r) => ({
    id: r.id,
    purpose: r.purpose,
    givenOn: dayString(r.givenOn)!,
    source: r.source,
    note: r.note,
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    recordedBy: r.recordedBy,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function presentContactDetail(tx: Tx, row: ContactRow): Promise<ContactDetail> {
  const extras = (await contactExtras(tx, [row.id])).get(row.id)!;
  const consents = await contactConsentList(tx, row.id);
  const relationships = await relationshipsOf(tx, { contactId: row.id });
  const memberships = await membershipsOf(tx, { contactId: row.id });
  const tasks = await tx.query<{ id: string; title: string; status: string; due_on: string | null; group_id: string; group_name: string }>(
    `SELECT t.id, t.title, t.status, t.due_on::text AS due_on, g.id AS group_id, g.name AS group_name
     FROM network_tasks t JOIN network_groups g ON g.tenant_id = t.tenant_id AND g.id = t.group_id
     WHERE t.owner_contact_id = $1 ORDER BY t.status IN ('done', 'cancelled'), t.due_on NULLS LAST, t.title`,
    [row.id],
  );
  return {
    ...presentContact(row, extras),
    consents,
    relationships,
    memberships,
    tasks: tasks.map((t) => ({ id: t.id, title: t.title, status: t.status, dueOn: t.due_on, group: { id: t.group_id, name: t.group_name } })),
    merges: await mergesOf(tx, row.id),
  };
}

/** Likely the same person: a similar name, the same e-mail address or the same phone number. */
export async function findContactDuplicates(tx: Tx, query: ContactDuplicateQuery): Promise<DuplicateCandidate[]> {
  const digits = phoneDigits(query.phone);
  const rows = await tx.query<{ id: string; name: string; email: string | null; job_function: string; score: number; same_email: boolean; same_phone: boolean }>(
    `SELECT id, name, email, job_function, similarity(norm_name, $1)::float8 AS score,
            coalesce(lower(email) = lower($2::text), false) AS same_email,
            coalesce(length($3::text) >= 6 AND ${PHONE_DIGITS_SQL} = $3::text, false) AS same_phone
     FROM contacts
     WHERE ($4::uuid IS NULL OR id <> $4::uuid)
       AND (similarity(norm_name, $1) >= $5 OR lower(email) = lower($2::text) OR (length($3::text) >= 6 AND ${PHONE_DIGITS_SQL} = $3::text))
     ORDER BY score DESC, name
     LIMIT 10`,
    [normalizeName(query.name), query.email?.trim() || null, digits, query.excludeId ?? null, CONTACT_SIMILARITY],
  );
  return rows.map((r) => {
    const reasons: DuplicateReason[] = [];
    if (r.score >= CONTACT_SIMILARITY) reasons.push('similar_name');
    if (r.same_email) reasons.push('same_email');
    if (r.same_phone) reasons.push('same_phone');
    return { id: r.id, name: r.name, detail: [r.job_function, r.email].filter(Boolean).join(' · '), score: Math.round(r.score * 100) / 100, reasons };
  });
}

/** The SQL twin of phoneDigits(): national digits of contacts.phone. */
const PHONE_DIGITS_SQL = `regexp_replace(regexp_replace(regexp_replace(coalesce(phone, ''), '[^0-9+]', '', 'g'), '^(\\+49|0049)', '0'), '[^0-9]', '', 'g')`;

function values(input: ContactInput) {
  return {
    name: input.name,
    normName: normalizeName(input.name),
    email: input.email ?? null,
    phone: input.phone || null,
    jobFunction: input.jobFunction,
    languages: dedupe(input.languages),
    notes: input.notes,
    preferredChannel: input.preferredChannel,
    optOutNewsletter: input.optOutNewsletter,
    optOutInvitations: input.optOutInvitations,
  };
}

/** Field names whose value changed (values stay out of the audit log: personal data). */
function changedNames(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return EDITABLE.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
}

function checkConsentDate(givenOn: string, field: string): void {
  if (givenOn > today()) throw new AppError('validation_failed', 'A consent cannot be given in the future', { field });
}

export async function createContact(tx: Tx, author: Author, input: ContactCreate): Promise<ContactRow> {
  const { organisationId, consents, ignoreDuplicates, ...data } = input;
  for (const [i, c] of consents.entries()) checkConsentDate(c.givenOn, `consents.${i}.givenOn`);
  if (organisationId) {
    const [org] = await tx.query<{ id: string }>('SELECT id FROM organisations WHERE id = $1', [organisationId]);
    if (!org) throw new AppError('validation_failed', 'Unknown organisation', { field: 'organisationId' });
  }
  if (!ignoreDuplicates) {
    const candidates = await findContactDuplicates(tx, { name: data.name, email: data.email ?? null, phone: data.phone ?? null });
    if (candidates.length) {
      throw new AppError('duplicate', 'This person may already be recorded; check the candidates or confirm to create them anyway', {
        field: 'name',
        details: { candidates },
      });
    }
  }
  const [row] = await tx.db.insert(contacts).values({ tenantId: tx.tenantId!, ...values(data) }).returning();
  const tenantId = tx.tenantId!;
  if (organisationId) {
    await tx.db.insert(actorRelationships).values({ tenantId, kind: 'works_for', fromContactId: row!.id, toOrganisationId: organisationId, startsOn: today() });
  }
  if (consents.length) {
    await tx.db.insert(contactConsents).values(consents.map((c) => ({ tenantId, contactId: row!.id, ...c, recordedBy: author.actorLabel })));
  }
  await writeAudit(tx, {
    ...author,
    action: 'contact.created',
    entityType: 'contact',
    entityId: row!.id,
    details: { fields: changedNames({}, row! as unknown as Record<string, unknown>), consents: consents.map((c) => c.purpose), ...(ignoreDuplicates ? { duplicatesConfirmed: true } : {}) },
  });
  return row!;
}

export async function updateContact(tx: Tx, author: Author, before: ContactRow, input: ContactInput): Promise<ContactRow> {
  const next = values(input);
  const changed = changedNames(before as unknown as Record<string, unknown>, next);
  if (changed.length === 0) return before;
  const [row] = await tx.db
    .update(contacts)
    .set({ ...next, updatedAt: new Date() })
    .where(eq(contacts.id, before.id))
    .returning();
  await writeAudit(tx, { ...author, action: 'contact.updated', entityType: 'contact', entityId: before.id, details: { fields: changed } });
  return row!;
}

export async function setContactArchived(tx: Tx, author: Author, before: ContactRow, archived: boolean): Promise<ContactRow> {
  if ((before.archivedAt !== null) === archived) return before;
  const [row] = await tx.db
    .update(contacts)
    .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
    .where(eq(contacts.id, before.id))
    .returning();
  await writeAudit(tx, { ...author, action: archived ? 'contact.archived' : 'contact.restored', entityType: 'contact', entityId: before.id });
  return row!;
}

export async function addConsent(tx: Tx, author: Author, contact: ContactRow, input: ConsentInput): Promise<void> {
  checkConsentDate(input.givenOn, 'givenOn');
  const [row] = await tx.db
    .insert(contactConsents)
    .values({ tenantId: tx.tenantId!, contactId: contact.id, ...input, recordedBy: author.actorLabel })
    .returning({ id: contactConsents.id });
  await writeAudit(tx, {
    ...author,
    action: 'contact.consent_given',
    entityType: 'contact',
    entityId: contact.id,
    details: { consentId: row!.id, purpose: input.purpose, givenOn: input.givenOn, source: input.source },
  });
}

export async function withdrawConsent(tx: Tx, author: Author, contact: ContactRow, consentId: string): Promise<void> {
  const [row] = await tx.db
    .select()
    .from(contactConsents)
    .where(and(eq(contactConsents.id, consentId), eq(contactConsents.contactId, contact.id)));
  if (!row) throw new AppError('not_found', 'Consent not found');
  if (row.withdrawnAt) return;
  await tx.db.update(contactConsents).set({ withdrawnAt: new Date() }).where(eq(contactConsents.id, consentId));
  await writeAudit(tx, { ...author, action: 'contact.consent_withdrawn', entityType: 'contact', entityId: contact.id, details: { consentId, purpose: row.purpose } });
}

/**
 * Erasure (GDPR Art. 17): the contact with its consents, relationships, memberships and
 * attendance; tasks it owned lose their owner; merge snapshots of people merged into it go too.
 * The audit entry keeps only the id.
 */
export async function eraseContact(tx: Tx, author: Author, contact: ContactRow): Promise<void> {
  const released = await tx.db
    .update(networkTasks)
    .set({ ownerContactId: null, updatedAt: new Date() })
    .where(eq(networkTasks.ownerContactId, contact.id))
    .returning({ id: networkTasks.id });
  const merges = await tx.db
    .delete(actorMerges)
    .where(and(eq(actorMerges.kind, 'contact'), inArray(actorMerges.survivorId, [contact.id])))
    .returning({ id: actorMerges.id });
  await tx.db.delete(contacts).where(eq(contacts.id, contact.id));
  await writeAudit(tx, {
    ...author,
    action: 'contact.erased',
    entityType: 'contact',
    entityId: contact.id,
    details: { tasksReleased: released.length, mergeSnapshotsErased: merges.length },
  });
}
