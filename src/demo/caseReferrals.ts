// Demo consent texts, consents, referrals (in every state, with history and feedback) and data
// releases for demo cases (fictional). The case-management demo (src/demo/cases.ts) calls
// seedReferralDemo(context) once, after its cases; seedReferralsForCase(tx, crypto, { caseId,
// variant }) seeds one case. Referrals go preferably to offers of providers that have a partner
// account (the demo partner "partner@<slug>.example" then finds them in its inbox).
import { and, asc, eq, sql } from 'drizzle-orm';
import { loadConfig } from '../config.ts';
import type { Tx } from '../db/database.ts';
import { authUser } from '../domains/auth/auth.table.ts';
import { cases, persons } from '../domains/cases/case.table.ts';
import { caseConsents, consentTexts } from '../domains/cases/consents/consents.table.ts';
import { caseReferralEvents, caseReferrals, caseReleases } from '../domains/cases/referrals/referrals.table.ts';
import { offers, offerTranslations } from '../domains/offers/offer.table.ts';
import { cryptoContext, FieldCrypto } from '../security/fieldCrypto.ts';
import type { ConsentPurpose, ReferralState, ShareField, SharedSnapshot } from '../shared/contracts/caseReferrals.ts';
import type { CaseDemoContext } from './cases.ts';

const TEXTS: Record<ConsentPurpose, { de: string; en: string }> = {
  referral: {
    de: 'Ich bin damit einverstanden, dass das Integrationsmanagement meinen Vornamen, den Anfangsbuchstaben meines Nachnamens, meine Sprachen und die von mir gewählte Kontaktmöglichkeit an den Träger des Angebots weitergibt, an das ich vermittelt werde. Ich kann diese Einwilligung jederzeit widerrufen.',
    en: 'I agree that the integration office passes on my given name, the initial of my family name, my languages and the contact channel I chose to the provider of the offer I am referred to. I can withdraw this consent at any time.',
  },
  data_release: {
    de: 'Ich bin damit einverstanden, dass die genannten Angaben aus meiner Fallakte zu dem genannten Zweck an die genannte Stelle weitergegeben werden. Ich kann diese Einwilligung jederzeit widerrufen.',
    en: 'I agree that the details named from my case file are passed on to the named body for the named purpose. I can withdraw this consent at any time.',
  },
  contact_partner: {
    de: 'Ich bin damit einverstanden, dass Partner des Integrationsmanagements mich zu passenden Angeboten kontaktieren.',
    en: 'I agree that partners of the integration office contact me about suitable offers.',
  },
  funding_report: {
    de: 'Ich bin damit einverstanden, dass meine Teilnahme in pseudonymisierter Form an den Fördergeber berichtet wird.',
    en: 'I agree that my participation is reported to the funder in pseudonymised form.',
  },
};

/** One text version per purpose, unless the tenant has texts already. */
export async function seedConsentTexts(tx: Tx, createdByLabel = 'Demo'): Promise<void> {
  const [existing] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(consentTexts);
  if (Number(existing?.n ?? 0) > 0) return;
  for (const [purpose, text] of Object.entries(TEXTS) as Array<[ConsentPurpose, { de: string; en: string }]>) {
    await tx.db.insert(consentTexts).values({ tenantId: tx.tenantId!, purpose, version: 1, body: text.de, translations: { en: text.en }, createdByLabel });
  }
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

interface DemoReferral {
  /** index into the chosen offers (0: an offer of a provider with partner account), or an external service */
  target: number | { name: string; contact: string };
  steps: Array<{ to: ReferralState; afterDays: number; reason?: string; feedback?: string }>;
  sentDaysAgo: number;
  fields?: ShareField[];
  note?: string;
  override?: string;
}

const VARIANTS: DemoReferral[][] = [
  [{ target: 0, sentDaysAgo: 2, steps: [], note: 'Sucht einen Kurs am Vormittag, während die Kinder in der Kita sind.' }],
  [
    {
      target: 0,
      sentDaysAgo: 120,
      steps: [
        { to: 'accepted', afterDays: 3 },
        { to: 'done', afterDays: 95, feedback: 'Kurs regelmäßig besucht, Prüfung B1 bestanden. Empfehlung: Berufssprachkurs B2.' },
      ],
    },
    { target: 1, sentDaysAgo: 40, steps: [{ to: 'rejected', afterDays: 5, reason: 'Kurs ist voll; nächster Beginn im Frühjahr.' }] },
  ],
  [
    { target: 1, sentDaysAgo: 20, steps: [{ to: 'accepted', afterDays: 2 }], fields: ['givenName', 'familyInitial', 'languages', 'phone'] },
    { target: { name: 'Schuldnerberatung der Diakonie', contact: 'Tel. 0621 000000' }, sentDaysAgo: 60, steps: [{ to: 'revoked', afterDays: 10, reason: 'Termin hat sich erledigt.' }] },
  ],
  [
    {
      target: { name: 'Tafel Musterstadt', contact: 'Ausgabestelle Marktplatz 3' },
      sentDaysAgo: 30,
      steps: [{ to: 'done', afterDays: 7, feedback: 'Berechtigungsausweis ausgestellt.' }],
      override: 'Mündliche Einwilligung am Telefon, schriftliche folgt beim nächsten Termin.',
    },
  ],
];

/** Consents, referrals with history and a data release for one demo case (variant 0–3). */
export async function seedReferralsForCase(tx: Tx, crypto: FieldCrypto, demo: { caseId: string; variant: number; now?: Date }): Promise<void> {
  const now = demo.now ?? new Date();
  const tenantId = tx.tenantId!;
  const [kase] = await tx.db.select().from(cases).where(eq(cases.id, demo.caseId));
  if (!kase) return;
  const [person] = await tx.db.select().from(persons).where(eq(persons.id, kase.personId));
  if (!person) return;
  await seedConsentTexts(tx);
  const texts = await tx.db.select().from(consentTexts).orderBy(asc(consentTexts.version));
  const textOf = (purpose: ConsentPurpose) => texts.find((t) => t.purpose === purpose)!;
  const [owner] = kase.ownerId ? await tx.db.select({ email: authUser.email, name: authUser.name }).from(authUser).where(eq(authUser.id, kase.ownerId)) : [];
  const sender = { id: kase.ownerId, label: owner?.email ?? 'demo', name: owner?.name ?? 'Integrationsmanagement' };

  // Published offers, those of providers with a partner account first.
  const partnerProviders = new Set(
    (await tx.db.select({ providerId: authUser.providerId }).from(authUser).where(eq(authUser.role, 'partner_editor'))).map((r) => r.providerId),
  );
  const published = await tx.db
    .select({ id: offers.id, providerId: offers.providerId, title: offerTranslations.title })
    .from(offers)
    .innerJoin(offerTranslations, and(eq(offerTranslations.tenantId, offers.tenantId), eq(offerTranslations.offerId, offers.id), eq(offerTranslations.lang, 'de')))
    .where(eq(offers.status, 'published'))
    .orderBy(asc(offers.createdAt), asc(offers.id))
    .limit(40);
  const chosen = [...published.filter((o) => partnerProviders.has(o.providerId)), ...published.filter((o) => !partnerProviders.has(o.providerId))];

  const variant = VARIANTS[demo.variant % VARIANTS.length]!;
  const given = iso(new Date(now.getTime() - 150 * DAY));
  const [consent] = await tx.db
    .insert(caseConsents)
    .values({
      tenantId,
      personId: person.id,
      purpose: 'referral',
      recipientType: 'any_provider',
      textId: textOf('referral').id,
      textVersion: textOf('referral').version,
      givenOn: given,
      recordedBy: sender.id,
      recordedByLabel: sender.label,
    })
    .returning();
  const externalConsents = new Map<string, string>();
  for (const r of variant) {
    if (typeof r.target === 'number' || r.override) continue;
    const [c] = await tx.db
      .insert(caseConsents)
      .values({
        tenantId,
        personId: person.id,
        caseId: kase.id,
        purpose: 'referral',
        recipientType: 'external',
        recipientName: r.target.name,
        textId: textOf('referral').id,
        textVersion: textOf('referral').version,
        givenOn: given,
        recordedBy: sender.id,
        recordedByLabel: sender.label,
      })
      .returning();
    externalConsents.set(r.target.name, c!.id);
  }

  for (const r of variant) {
    const offer = typeof r.target === 'number' ? chosen[r.target % Math.max(chosen.length, 1)] : undefined;
    if (typeof r.target === 'number' && !offer) continue;
    const fields = r.fields ?? (['givenName', 'familyInitial', 'languages', ...(r.note ? ['note'] : [])] as ShareField[]);
    const snapshot: SharedSnapshot = {};
    for (const f of fields) {
      if (f === 'givenName') snapshot.givenName = person.givenName;
      if (f === 'familyInitial') snapshot.familyInitial = `${person.familyName.slice(0, 1)}.`;
      if (f === 'familyName') snapshot.familyName = person.familyName;
      if (f === 'languages') snapshot.languages = person.languages;
      if (f === 'phone' && person.phone) snapshot.phone = person.phone;
      if (f === 'email' && person.email) snapshot.email = person.email;
      if (f === 'note' && r.note) snapshot.note = r.note;
    }
    const sentAt = new Date(now.getTime() - r.sentDaysAgo * DAY);
    let state: ReferralState = 'sent';
    const stamps: Partial<Record<'acceptedAt' | 'rejectedAt' | 'completedAt' | 'revokedAt', Date>> = {};
    let reason: string | null = null;
    let feedback: string | null = null;
    const events: Array<{ from: ReferralState | null; to: ReferralState; at: Date; reason: string | null; partner: boolean }> = [
      { from: null, to: 'sent', at: sentAt, reason: null, partner: false },
    ];
    for (const step of r.steps) {
      const at = new Date(sentAt.getTime() + step.afterDays * DAY);
      events.push({ from: state, to: step.to, at, reason: step.reason ?? null, partner: step.to !== 'revoked' && typeof r.target === 'number' });
      if (step.to === 'accepted') stamps.acceptedAt = at;
      if (step.to === 'rejected') stamps.rejectedAt = at;
      if (step.to === 'done') stamps.completedAt = at;
      if (step.to === 'revoked') stamps.revokedAt = at;
      if (step.reason) reason = step.reason;
      if (step.feedback) feedback = step.feedback;
      state = step.to;
    }
    const external = typeof r.target === 'number' ? null : r.target;
    const [partner] = offer
      ? await tx.db.select({ email: authUser.email }).from(authUser).where(and(eq(authUser.providerId, offer.providerId), eq(authUser.role, 'partner_editor'))).limit(1)
      : [];
    const [row] = await tx.db
      .insert(caseReferrals)
      .values({
        tenantId,
        caseId: kase.id,
        personId: person.id,
        kind: offer ? 'offer' : 'external',
        offerId: offer?.id ?? null,
        providerId: offer?.providerId ?? null,
        offerTitle: offer?.title ?? null,
        externalName: external?.name ?? null,
        externalContact: external?.contact ?? null,
        state,
        sharedFields: fields.filter((f) => f in snapshot),
        snapshotEnc: crypto.encrypt(JSON.stringify(snapshot), cryptoContext(tenantId, 'case_referrals', 'snapshot_enc')),
        consentId: r.override ? null : external ? (externalConsents.get(external.name) ?? null) : consent!.id,
        overrideReason: r.override ?? null,
        reason,
        feedbackEnc: feedback ? crypto.encrypt(feedback, cryptoContext(tenantId, 'case_referrals', 'feedback_enc')) : null,
        sentBy: sender.id,
        sentByLabel: sender.label,
        sentByName: sender.name,
        sentAt,
        ...stamps,
        version: events.length,
        updatedAt: events.at(-1)!.at,
      })
      .returning();
    for (const e of events) {
      await tx.db.insert(caseReferralEvents).values({
        tenantId,
        referralId: row!.id,
        caseId: kase.id,
        personId: person.id,
        fromState: e.from,
        toState: e.to,
        reason: e.reason,
        actorId: e.partner ? null : sender.id,
        actorLabel: e.partner ? (partner?.email ?? 'Träger') : sender.label,
        actorRole: e.partner ? 'partner_editor' : 'integration_manager',
        at: e.at,
      });
    }
  }

  if (demo.variant % VARIANTS.length === 2) {
    const [releaseConsent] = await tx.db
      .insert(caseConsents)
      .values({
        tenantId,
        personId: person.id,
        caseId: kase.id,
        purpose: 'data_release',
        recipientType: 'external',
        recipientName: 'Jobcenter Musterstadt',
        textId: textOf('data_release').id,
        textVersion: textOf('data_release').version,
        givenOn: iso(new Date(now.getTime() - 50 * DAY)),
        expiresOn: iso(new Date(now.getTime() + 315 * DAY)),
        recordedBy: sender.id,
        recordedByLabel: sender.label,
      })
      .returning();
    await tx.db.insert(caseReleases).values({
      tenantId,
      caseId: kase.id,
      personId: person.id,
      recipientType: 'external',
      recipientName: 'Jobcenter Musterstadt',
      purpose: 'Antrag auf Leistungen nach dem SGB II',
      fields: ['name', 'birthDate', 'residenceStatus', 'caseReference'],
      releasedOn: iso(new Date(now.getTime() - 45 * DAY)),
      consentId: releaseConsent!.id,
      releasedBy: sender.id,
      releasedByLabel: sender.label,
    });
  }
}

/**
 * The referral demo of the case-management demo: consent texts for the tenant, then referrals for
 * up to 12 cases — open cases get fresh and running referrals, closed ones finished ones. Returns
 * the number of cases seeded.
 */
export async function seedReferralDemo(context: CaseDemoContext, crypto: FieldCrypto = FieldCrypto.fromConfig(loadConfig())): Promise<number> {
  let seeded = 0;
  let open = 0;
  await context.db.tenant(context.tenantId, async (tx) => {
    await seedConsentTexts(tx);
    for (const c of context.cases) {
      if (seeded >= 12) break;
      let variant: number;
      if (c.state === 'in_progress' || c.state === 'plan' || c.state === 'reopened') variant = [0, 2, 3, 0][open++ % 4]!;
      else if (c.state === 'closed') variant = 1;
      else continue;
      await seedReferralsForCase(tx, crypto, { caseId: c.id, variant });
      seeded++;
    }
  });
  return seeded;
}
