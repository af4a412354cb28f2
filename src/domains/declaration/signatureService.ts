/**
 * Signatures: public sign-up with e-mail double opt-in, and the office's decisions.
 *
 * unconfirmed ──(e-mail link)──▶ awaiting_verification ──verify──▶ verified (public)
 *                                         │  ▲                        │
 *                                      reject│  │verify          reject / withdraw
 *                                         ▼  │                        ▼
 *                                        rejected              rejected / withdrawn
 *
 * Only verified signatures are public, and never their contact person or e-mail address.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, ilike, or, sql } from 'drizzle-orm';
import { publicUrl } from '../../config.ts';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../../server/context.ts';
import type {
  AdminSignature,
  ConfirmResult,
  SignatureListQuery,
  SignatureState,
  SignResult,
  signInput,
  signaturePublicInput,
} from '../../shared/contracts/declaration.ts';
import type { z } from 'zod';
import { type Author, changedFields } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { pickLocalized } from '../taxonomy/localize.ts';
import { requireTenantLanguage, type Tenant } from '../tenants/tenantService.ts';
import type { DeclarationRow } from './declarationService.ts';
import { declarations, declarationSignatures } from './declaration.table.ts';
import { decodeLogo } from './logo.ts';
import { emailKey, organisationKey } from './normalize.ts';
import { verifyProofOfWork } from './proofOfWork.ts';
import { declarationKey } from './secret.ts';

/** How long the e-mail confirmation link works. */
export const CONFIRM_TTL_HOURS = 48;
/** Unconfirmed sign-ups are erased this long after their link expired. */
const PURGE_AFTER_DAYS = 30;

export type SignatureRow = Omit<typeof declarationSignatures.$inferSelect, 'logo'>;
type SignBody = z.output<typeof signInput>;

const { logo: _logo, ...listColumns } = getTableColumns(declarationSignatures);
export const signatureColumns = listColumns;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function presentSignature(row: SignatureRow, tenantSlug: string, now = new Date()): AdminSignature {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: row.id,
    declarationId: row.declarationId,
    state: row.state,
    organisation: row.organisation,
    sector: row.sector,
    website: row.website,
    statement: row.statement,
    contactName: row.contactName,
    email: row.email,
    lang: row.lang,
    logoUrl: row.logoHash
      ? `/api/v1/${encodeURIComponent(tenantSlug)}/admin/declarations/${row.declarationId}/signatures/${row.id}/logo?v=${row.logoHash}`
      : null,
    linkExpired: row.state === 'unconfirmed' && (!row.tokenExpiresAt || row.tokenExpiresAt < now),
    createdAt: row.createdAt.toISOString(),
    consentAt: row.consentAt.toISOString(),
    confirmedAt: iso(row.confirmedAt),
    verifiedAt: iso(row.verifiedAt),
    decidedBy: row.decidedBy,
    rejectedAt: iso(row.rejectedAt),
    rejectionReason: row.rejectionReason,
    withdrawnAt: iso(row.withdrawnAt),
    withdrawalReason: row.withdrawalReason,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The constraint a unique violation names, if the error is one. */
function uniqueViolation(error: unknown): string | null {
  let e: unknown = error;
  for (let i = 0; i < 3 && e; i++) {
    const c = e as { code?: string; constraint?: string; message?: string; cause?: unknown };
    if (c.code === '23505') return c.constraint ?? c.message ?? '';
    e = c.cause;
  }
  return null;
}

function duplicateError(constraint: string): AppError {
  if (constraint.includes('email_key')) return new AppError('duplicate', 'This e-mail address has already been used to sign this declaration', { field: 'email' });
  if (constraint.includes('challenge')) return new AppError('validation_failed', 'The anti-spam check was already used; please try again', { field: 'pow', details: { reason: 'used' } });
  return new AppError('duplicate', 'This organisation has already signed this declaration (or its sign-up awaits confirmation)', { field: 'organisation' });
}

function sectorOf(declaration: DeclarationRow, sector: string, field = 'sector'): string {
  if (!declaration.sectors.some((s) => s.key === sector)) {
    throw new AppError('validation_failed', `Unknown sector "${sector.slice(0, 40)}"; choose one of: ${declaration.sectors.map((s) => s.key).join(', ')}`, { field });
  }
  return sector;
}

/** Active signatures (pending or public) of the same organisation or e-mail, other than `exceptId`. */
async function findDuplicate(tx: Tx, declarationId: string, keys: { nameKey?: string; emailKey?: string }, exceptId?: string): Promise<AppError | null> {
  const rows = await tx.query<{ name_key: string; email_key: string }>(
    `SELECT name_key, email_key FROM declaration_signatures
     WHERE declaration_id = $1 AND state IN ('unconfirmed', 'awaiting_verification', 'verified')
       AND (name_key = $2 OR email_key = $3) AND ($4::uuid IS NULL OR id <> $4::uuid)`,
    [declarationId, keys.nameKey ?? null, keys.emailKey ?? null, exceptId ?? null],
  );
  if (rows.some((r) => keys.nameKey !== undefined && r.name_key === keys.nameKey)) return duplicateError('name_key');
  if (rows.length) return duplicateError('email_key');
  return null;
}

export async function findPublishedDeclaration(tx: Tx, slug: string): Promise<DeclarationRow> {
  const [row] = await tx.db.select().from(declarations).where(and(eq(declarations.slug, slug), eq(declarations.published, true)));
  if (!row) throw new AppError('not_found', 'Declaration not found');
  return row;
}

function confirmationMail(tenant: Tenant, declaration: DeclarationRow, row: { contactName: string; organisation: string; lang: string }, link: string, expiresAt: Date) {
  const titleDe = pickLocalized(declaration.title, 'de', tenant.defaultLanguage);
  const titleEn = pickLocalized(declaration.title, 'en', tenant.defaultLanguage);
  const until = (locale: string) => expiresAt.toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' });
  return {
    subject: `Bitte bestätigen: Unterzeichnung „${titleDe}“ / Please confirm your signature`,
    text: [
      `Guten Tag ${row.contactName},`,
      '',
      `Sie haben für „${row.organisation}“ die „${titleDe}“ unterzeichnet. Bitte bestätigen Sie Ihre E-Mail-Adresse über diesen Link (gültig bis ${until('de-DE')}):`,
      link,
      '',
      `Danach prüft ${tenant.name} die Unterzeichnung; erst dann erscheint Ihre Organisation in der öffentlichen Liste. Ihr Name und Ihre E-Mail-Adresse werden nicht veröffentlicht.`,
      'Wenn Sie das nicht veranlasst haben, ignorieren Sie diese Mail: ohne Bestätigung wird nichts veröffentlicht.',
      '',
      '---',
      `Hello ${row.contactName},`,
      '',
      `you signed "${titleEn}" on behalf of "${row.organisation}". Please confirm your e-mail address with the link above (valid until ${until('en-GB')}).`,
      `${tenant.name} then checks the signature before your organisation appears in the public list. Your name and e-mail address are never published.`,
      'If this was not you, ignore this mail: nothing is published without confirmation.',
    ].join('\n'),
  };
}

/**
 * Records a sign-up (unconfirmed) and mails the confirmation link. If the mail cannot be sent,
 * the sign-up is removed again and the caller gets a 502: nothing half-done stays behind, and the
 * same form can simply be sent again.
 */
export async function signDeclaration(ctx: AppContext, tenant: Tenant, slug: string, input: SignBody): Promise<SignResult> {
  const key = declarationKey(ctx.config);
  const lang = requireTenantLanguage(tenant, input.lang);
  const token = randomBytes(32).toString('base64url');
  const { row, declaration } = await ctx.db.tenant(tenant.id, async (tx) => {
    const declaration = await findPublishedDeclaration(tx, slug);
    if (input.honeypot.trim() !== '') throw new AppError('validation_failed', 'This field must stay empty', { field: 'honeypot' });
    const challengeHash = verifyProofOfWork(key, input.pow, { tenantId: tenant.id, declarationId: declaration.id });
    const sector = sectorOf(declaration, input.sector);
    const logo = input.logo ? decodeLogo(input.logo) : null;
    const keys = { nameKey: organisationKey(input.organisation), emailKey: emailKey(input.email) };
    if (!keys.nameKey) throw new AppError('validation_failed', 'The organisation name needs letters or digits', { field: 'organisation' });
    const [used] = await tx.query('SELECT 1 FROM declaration_signatures WHERE challenge_hash = $1', [challengeHash]);
    if (used) throw duplicateError('challenge');
    // An expired, never confirmed sign-up of the same organisation or address makes way for this one.
    await tx.query(
      `DELETE FROM declaration_signatures WHERE declaration_id = $1 AND state = 'unconfirmed' AND token_expires_at < now()
         AND (name_key = $2 OR email_key = $3)`,
      [declaration.id, keys.nameKey, keys.emailKey],
    );
    await tx.query(
      `DELETE FROM declaration_signatures WHERE state = 'unconfirmed' AND token_expires_at < now() - make_interval(days => $1::int)`,
      [PURGE_AFTER_DAYS],
    );
    const duplicate = await findDuplicate(tx, declaration.id, keys);
    if (duplicate) throw duplicate;
    const now = new Date();
    let row: SignatureRow;
    try {
      [row] = (await tx.db
        .insert(declarationSignatures)
        .values({
          tenantId: tenant.id,
          declarationId: declaration.id,
          organisation: input.organisation,
          nameKey: keys.nameKey,
          sector,
          website: input.website,
          statement: input.statement,
          contactName: input.contactName,
          email: input.email,
          emailKey: keys.emailKey,
          lang,
          consentAt: now,
          logo: logo?.bytes ?? null,
          logoType: logo?.type ?? null,
          logoHash: logo?.hash ?? null,
          tokenHash: hashToken(token),
          tokenExpiresAt: new Date(now.getTime() + CONFIRM_TTL_HOURS * 3600_000),
          challengeHash,
        })
        .returning(signatureColumns)) as [SignatureRow];
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint !== null) throw duplicateError(constraint);
      throw error;
    }
    await writeAudit(tx, {
      action: 'declaration_signature.signed',
      entityType: 'declaration_signature',
      entityId: row.id,
      actorLabel: 'public sign-up',
      details: { declarationId: declaration.id, organisation: row.organisation, sector: row.sector },
    });
    return { row, declaration };
  });

  const link = `${publicUrl(ctx.config)}/${tenant.slug}/${lang}/erklaerung/bestaetigen#token=${token}`;
  const mail = confirmationMail(tenant, declaration, row, link, row.tokenExpiresAt!);
  let delivered = false;
  let failed = false;
  try {
    delivered = (await ctx.mailer.send({ tenantId: tenant.id, to: row.email, subject: mail.subject, text: mail.text })).delivered;
    failed = ctx.mailer.smtp && !delivered;
  } catch {
    failed = true;
  }
  if (failed) {
    await ctx.db.tenant(tenant.id, async (tx) => {
      await tx.db.delete(declarationSignatures).where(and(eq(declarationSignatures.id, row.id), eq(declarationSignatures.state, 'unconfirmed')));
      await writeAudit(tx, {
        action: 'declaration_signature.discarded',
        entityType: 'declaration_signature',
        entityId: row.id,
        actorLabel: 'public sign-up',
        details: { reason: 'confirmation mail could not be sent' },
      });
    });
    throw new AppError('upstream_failed', 'The confirmation e-mail could not be sent. Nothing was saved; please check the address and try again later.', {
      field: 'email',
    });
  }
  return { state: 'unconfirmed', email: row.email, expiresAt: row.tokenExpiresAt!.toISOString() };
}

/** The e-mail link: unconfirmed → awaiting_verification. The token works once. */
export async function confirmSignature(tx: Tx, tenant: Tenant, token: string): Promise<ConfirmResult> {
  const [row] = await tx.db.select(signatureColumns).from(declarationSignatures).where(eq(declarationSignatures.tokenHash, hashToken(token)));
  if (row?.state !== 'unconfirmed') {
    throw new AppError('validation_failed', 'This confirmation link is invalid or has already been used', { field: 'token', details: { reason: 'invalid' } });
  }
  if (!row.tokenExpiresAt || row.tokenExpiresAt < new Date()) {
    throw new AppError('validation_failed', 'This confirmation link has expired; please sign again', { field: 'token', details: { reason: 'expired' } });
  }
  const [updated] = await tx.db
    .update(declarationSignatures)
    .set({ state: 'awaiting_verification', confirmedAt: new Date(), tokenHash: null, tokenExpiresAt: null, updatedAt: new Date() })
    .where(and(eq(declarationSignatures.id, row.id), eq(declarationSignatures.state, 'unconfirmed')))
    .returning({ id: declarationSignatures.id });
  if (!updated) throw new AppError('validation_failed', 'This confirmation link has already been used', { field: 'token', details: { reason: 'invalid' } });
  const [declaration] = await tx.db.select().from(declarations).where(eq(declarations.id, row.declarationId));
  await writeAudit(tx, {
    action: 'declaration_signature.confirmed',
    entityType: 'declaration_signature',
    entityId: row.id,
    actorLabel: 'e-mail confirmation',
    details: { declarationId: row.declarationId, organisation: row.organisation },
  });
  return {
    state: 'awaiting_verification',
    organisation: row.organisation,
    declarationSlug: declaration!.slug,
    declarationTitle: pickLocalized(declaration!.title, row.lang, tenant.defaultLanguage),
  };
}

// ---------------------------------------------------------------------------------------------
// Back office

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listSignatures(tx: Tx, declarationId: string, query: SignatureListQuery): Promise<{ rows: SignatureRow[]; total: number }> {
  const conditions = [eq(declarationSignatures.declarationId, declarationId)];
  if (query.state) conditions.push(eq(declarationSignatures.state, query.state));
  if (query.sector) conditions.push(eq(declarationSignatures.sector, query.sector));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(declarationSignatures.organisation, pattern), ilike(declarationSignatures.contactName, pattern), ilike(declarationSignatures.email, pattern))!);
  }
  const where = and(...conditions);
  const order =
    query.sort === 'name'
      ? [asc(sql`lower(${declarationSignatures.organisation})`), asc(declarationSignatures.id)]
      : query.sort === 'oldest'
        ? [asc(declarationSignatures.createdAt), asc(declarationSignatures.id)]
        : [desc(declarationSignatures.createdAt), desc(declarationSignatures.id)];
  const rows = (await tx.db
    .select(signatureColumns)
    .from(declarationSignatures)
    .where(where)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)) as SignatureRow[];
  const [total] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(declarationSignatures).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function requireSignature(tx: Tx, declarationId: string, id: string): Promise<SignatureRow> {
  const [row] = await tx.db
    .select(signatureColumns)
    .from(declarationSignatures)
    .where(and(eq(declarationSignatures.declarationId, declarationId), eq(declarationSignatures.id, id)));
  if (!row) throw new AppError('not_found', 'Signature not found');
  return row as SignatureRow;
}

export async function signatureLogo(tx: Tx, declarationId: string, id: string): Promise<{ bytes: Buffer; type: string } | null> {
  const [row] = await tx.db
    .select({ logo: declarationSignatures.logo, type: declarationSignatures.logoType })
    .from(declarationSignatures)
    .where(and(eq(declarationSignatures.declarationId, declarationId), eq(declarationSignatures.id, id)));
  if (!row?.logo || !row.type) return null;
  return { bytes: row.logo, type: row.type };
}

export type Decision = 'verify' | 'reject' | 'withdraw';

const DECISIONS: Record<Decision, { from: SignatureState[]; to: SignatureState; action: string }> = {
  verify: { from: ['awaiting_verification', 'rejected'], to: 'verified', action: 'declaration_signature.verified' },
  reject: { from: ['awaiting_verification', 'verified'], to: 'rejected', action: 'declaration_signature.rejected' },
  withdraw: { from: ['awaiting_verification', 'verified'], to: 'withdrawn', action: 'declaration_signature.withdrawn' },
};

const STATE_HINT: Partial<Record<SignatureState, string>> = {
  unconfirmed: 'the e-mail address has not been confirmed yet',
  verified: 'it is already verified',
  withdrawn: 'it has been withdrawn',
  rejected: 'it has been rejected',
};

/** verify / reject (reason required) / withdraw (reason optional), from the states that allow it. */
export async function decideSignature(tx: Tx, author: Author, before: SignatureRow, decision: Decision, reason: string | null): Promise<SignatureRow> {
  const rule = DECISIONS[decision];
  if (!rule.from.includes(before.state)) {
    throw new AppError('invalid_state_transition', `Cannot ${decision} this signature: ${STATE_HINT[before.state] ?? `its state is ${before.state}`}`, {
      details: { state: before.state, allowedFrom: rule.from },
    });
  }
  const now = new Date();
  const set =
    decision === 'verify'
      ? { verifiedAt: now, rejectedAt: null, rejectionReason: null, withdrawnAt: null, withdrawalReason: null }
      : decision === 'reject'
        ? { rejectedAt: now, rejectionReason: reason }
        : { withdrawnAt: now, withdrawalReason: reason || null };
  let updated: SignatureRow | undefined;
  try {
    [updated] = (await tx.db
      .update(declarationSignatures)
      .set({ state: rule.to, decidedBy: author.actorLabel, updatedAt: now, ...set })
      .where(and(eq(declarationSignatures.id, before.id), eq(declarationSignatures.state, before.state)))
      .returning(signatureColumns)) as SignatureRow[];
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint !== null) {
      throw new AppError('duplicate', 'The same organisation or e-mail address has signed again meanwhile; handle that signature instead', { field: 'organisation' });
    }
    throw error;
  }
  if (!updated) throw new AppError('conflict', 'The signature was changed at the same time; please reload');
  await writeAudit(tx, {
    ...author,
    action: rule.action,
    entityType: 'declaration_signature',
    entityId: before.id,
    details: { declarationId: before.declarationId, organisation: before.organisation, from: before.state, to: rule.to, ...(reason ? { reason } : {}) },
  });
  return updated;
}

const PUBLIC_FIELDS = ['organisation', 'sector', 'website', 'statement', 'logoHash'] as const;

/** The office corrects what is shown publicly (name, sector, website, statement, logo). */
export async function updateSignaturePublicData(
  tx: Tx,
  author: Author,
  declaration: DeclarationRow,
  before: SignatureRow,
  input: z.output<typeof signaturePublicInput>,
): Promise<SignatureRow> {
  const sector = sectorOf(declaration, input.sector);
  const nameKey = organisationKey(input.organisation);
  if (!nameKey) throw new AppError('validation_failed', 'The organisation name needs letters or digits', { field: 'organisation' });
  if (nameKey !== before.nameKey && ['unconfirmed', 'awaiting_verification', 'verified'].includes(before.state)) {
    const duplicate = await findDuplicate(tx, declaration.id, { nameKey }, before.id);
    if (duplicate) throw duplicate;
  }
  const logo = input.logo ? decodeLogo(input.logo) : null;
  const values: Record<string, unknown> = { organisation: input.organisation, nameKey, sector, website: input.website, statement: input.statement };
  if (input.logo === null) Object.assign(values, { logo: null, logoType: null, logoHash: null });
  if (logo) Object.assign(values, { logo: logo.bytes, logoType: logo.type, logoHash: logo.hash });
  let updated: SignatureRow | undefined;
  try {
    [updated] = (await tx.db
      .update(declarationSignatures)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(declarationSignatures.id, before.id))
      .returning(signatureColumns)) as SignatureRow[];
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint !== null) throw duplicateError(constraint);
    throw error;
  }
  const changes = changedFields(before as unknown as Record<string, unknown>, values, PUBLIC_FIELDS);
  if (Object.keys(changes).length) {
    await writeAudit(tx, { ...author, action: 'declaration_signature.updated', entityType: 'declaration_signature', entityId: before.id, details: { changes } });
  }
  return updated!;
}

/** Erases a signature that is not (or no longer) public, e.g. on request under Art. 17 GDPR. */
export async function eraseSignature(tx: Tx, author: Author, before: SignatureRow): Promise<void> {
  if (!['unconfirmed', 'rejected', 'withdrawn'].includes(before.state)) {
    throw new AppError('invalid_state_transition', 'Withdraw or reject the signature before erasing it', { details: { state: before.state } });
  }
  await tx.db.delete(declarationSignatures).where(eq(declarationSignatures.id, before.id));
  await writeAudit(tx, {
    ...author,
    action: 'declaration_signature.erased',
    entityType: 'declaration_signature',
    entityId: before.id,
    details: { declarationId: before.declarationId, organisation: before.organisation, state: before.state },
  });
}

/** Tells the signatory that the organisation now appears publicly (after commit; a failure changes nothing). */
export async function mailVerified(ctx: AppContext, tenant: Tenant, declaration: DeclarationRow, row: SignatureRow): Promise<void> {
  const titleDe = pickLocalized(declaration.title, 'de', tenant.defaultLanguage);
  const titleEn = pickLocalized(declaration.title, 'en', tenant.defaultLanguage);
  const link = `${publicUrl(ctx.config)}/${tenant.slug}/${row.lang}/erklaerung/${declaration.slug}`;
  try {
    await ctx.mailer.send({
      tenantId: tenant.id,
      to: row.email,
      subject: `Veröffentlicht: „${row.organisation}“ hat die „${titleDe}“ unterzeichnet / Your signature is public`,
      text: [
        `Guten Tag ${row.contactName},`,
        '',
        `vielen Dank! ${tenant.name} hat die Unterzeichnung von „${row.organisation}“ geprüft; Ihre Organisation steht jetzt in der öffentlichen Liste:`,
        link,
        '',
        `Wenn Sie die Unterzeichnung zurückziehen möchten, wenden Sie sich bitte an ${tenant.name}.`,
        '',
        '---',
        `Thank you! ${tenant.name} has verified the signature of "${row.organisation}" to "${titleEn}"; it now appears in the public list (link above).`,
      ].join('\n'),
    });
  } catch {
    /* the decision stands; the mail is a courtesy */
  }
}
