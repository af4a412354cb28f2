// Shared set-up of the case-management acceptance tests (access matrix, erasure proof, export):
// a person with a whole case — household, other names, encrypted details, assessment, agreed plan
// plus a new draft, consents (given and withdrawn), referrals (one accepted and completed by the
// partner, one open), a data release, journal entries, a task, a document, flags and corrections —
// recorded through the real API as an integration manager would, so every id exists and every
// feature table holds data.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { multipart, samplePdf } from './journal/journalTestKit.ts';
import { berlinDay, type HttpMethod } from '../../test/caseWorld.ts';
import { consentTextFactory, offerFactory, providerFactory } from '../../test/factories.ts';
import type { TestApp } from '../../test/testApp.ts';

export { berlinDay, samplePdf };
export type Method = HttpMethod;

/** Requests as one signed-in account (cookie; null: anonymous). */
export function client(t: TestApp, cookie: string | null) {
  const send = (method: Method, url: string, payload?: unknown, extra: Partial<InjectOptions> = {}): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      ...extra,
      headers: { ...(cookie ? { cookie } : {}), ...(extra.headers ?? {}) },
    });
  /** sends and expects the status; returns the JSON body */
  const ok = async <T = Record<string, unknown>>(method: Method, url: string, payload: unknown, status: number): Promise<T> => {
    const res = await send(method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return (res.body ? res.json() : {}) as T;
  };
  return { send, ok };
}
export type Client = ReturnType<typeof client>;

export interface PersonNames {
  givenName: string;
  familyName: string;
  /** another spelling (transliteration) */
  otherGivenName: string;
  otherFamilyName: string;
  email: string;
  phone: string;
  /** the phone after the Art. 16 correction */
  newPhone: string;
  birthDate: string;
  /** the household member */
  partnerGivenName: string;
  partnerFamilyName: string;
}

export interface RecordedCase {
  personId: string;
  partnerPersonId: string;
  householdId: string;
  caseId: string;
  caseReference: string;
  agreedPlanId: string;
  draftPlanId: string;
  /** goal ids of both versions */
  goalIds: string[];
  /** a goal of the agreed version (its progress was recorded before re-planning) */
  agreedGoalId: string;
  /** a goal of the new draft (the newest version, where progress is recorded now) */
  draftGoalId: string;
  consentIds: { referral: string; release: string; withdrawn: string };
  referralIds: { open: string; done: string };
  referralNumbers: string[];
  releaseId: string;
  entryIds: { note: string; appointment: string };
  taskId: string;
  documentId: string;
  documentBytes: Buffer;
  documentFilename: string;
  flagIds: { active: string; resolved: string };
  /** the distinctive phrase in the note (encrypted at rest) */
  notePhrase: string;
  assessmentTexts: string[];
  healthNotes: string;
  residenceDetails: string;
}

export interface RecordCaseOptions {
  slug: string;
  /** the integration manager who records everything (two-factor session) */
  manager: Client;
  /** the partner account of the provider of `offers.done` (accepts and completes that referral) */
  partner: Client;
  programmeId: string;
  offers: { open: string; done: string };
  names: PersonNames;
  /** a distinctive word used in the note, file name and texts */
  marker: string;
  startedOn?: string;
}

/** Records a person with a whole case through the API (see the head of this file). */
export async function recordWholeCase(o: RecordCaseOptions): Promise<RecordedCase> {
  const v1 = `/api/v1/${o.slug}`;
  const m = o.manager;
  const n = o.names;
  const today = berlinDay();
  const healthNotes = `Asthma ${o.marker} Gesundheit`;
  const residenceDetails = `Aufenthaltserlaubnis §25 ${o.marker} Details`;

  const person = await m.ok<{ id: string; version: number }>(
    'POST',
    `${v1}/persons`,
    {
      givenName: n.givenName,
      familyName: n.familyName,
      otherNames: [{ givenName: n.otherGivenName, familyName: n.otherFamilyName, script: 'Latn' }],
      birthDate: n.birthDate,
      gender: 'female',
      nationalities: ['SY'],
      languages: ['ar', 'de'],
      preferredLanguage: 'ar',
      phone: n.phone,
      email: n.email,
      street: `${o.marker}straße 7`,
      postcode: '68159',
      town: 'Musterstadt',
      residenceStatus: 'residence_permit',
      residenceExpiresOn: berlinDay(400),
      residenceDetails,
      healthNotes,
      accommodation: 'own_flat',
      confirmedNotDuplicate: true,
    },
    201,
  );
  const partnerPerson = await m.ok<{ id: string }>(
    'POST',
    `${v1}/persons`,
    { givenName: n.partnerGivenName, familyName: n.partnerFamilyName, birthDate: '1985-01-02', confirmedNotDuplicate: true },
    201,
  );
  const household = await m.ok<{ id: string }>(
    'POST',
    `${v1}/persons/households`,
    { label: 'Familie (Hauptwohnung)', members: [{ personId: person.id, role: 'head' }, { personId: partnerPerson.id, role: 'partner' }] },
    201,
  );
  // Art. 16: a correction keeps the earlier value in the history
  const current = await m.ok<{ version: number }>('GET', `${v1}/persons/${person.id}`, undefined, 200);
  await m.ok('PATCH', `${v1}/persons/${person.id}`, { version: current.version, phone: n.newPhone, reason: 'Neue Nummer' }, 200);

  // the case: intake → assessment → plan
  let kase = await m.ok<{ id: string; version: number; reference: string }>(
    'POST',
    `${v1}/cases`,
    { personId: person.id, programmeId: o.programmeId, startedOn: o.startedOn ?? berlinDay(-90) },
    201,
  );
  for (const to of ['assessment', 'plan']) {
    kase = await m.ok('POST', `${v1}/cases/${kase.id}/transition`, { version: kase.version, to }, 200);
  }

  const assessmentTexts = [`Lage ${o.marker} Sprache A2`, `Bedarf ${o.marker} Kurs B1`, `Ressourcen ${o.marker} Lehrerin`];
  await m.ok(
    'PUT',
    `${v1}/cases/${kase.id}/assessment/language`,
    { situation: assessmentTexts[0], needs: assessmentTexts[1], resources: assessmentTexts[2], version: 0 },
    200,
  );

  // plan: version 1 with two goals, agreed; progress recorded; version 2 drafted with a third goal
  type PlanBody = { id: string; lockVersion: number; startsOn: string; goals: Array<{ id: string; originId: string; position: number; fieldOfAction: string; title: string }> };
  const startsOn = o.startedOn ?? berlinDay(-90);
  let plan = await m.ok<PlanBody>('POST', `${v1}/cases/${kase.id}/plans`, { startsOn }, 201);
  plan = await m.ok<PlanBody>(
    'PUT',
    `${v1}/cases/${kase.id}/plans/${plan.id}`,
    {
      lockVersion: plan.lockVersion,
      startsOn: plan.startsOn,
      goals: [
        { fieldOfAction: 'language', title: `Deutschkurs B1 ${o.marker}`, steps: [{ text: 'Anmeldung', responsible: 'person' }], deadline: berlinDay(200) },
        { fieldOfAction: 'work', title: 'Anerkennung des Abschlusses', steps: [{ text: 'Beratung IQ', responsible: 'manager' }], deadline: berlinDay(300) },
      ],
    },
    200,
  );
  plan = await m.ok<PlanBody>('POST', `${v1}/cases/${kase.id}/plans/${plan.id}/agree`, { lockVersion: plan.lockVersion, agreedOn: berlinDay(-60) }, 200);
  const agreedPlanId = plan.id;
  const agreedGoalId = plan.goals[0]!.id;
  plan = await m.ok<PlanBody>(
    'PUT',
    `${v1}/cases/${kase.id}/plans/${plan.id}/goals/${agreedGoalId}/progress`,
    { lockVersion: plan.lockVersion, status: 'done', stepsDone: [true], outcome: 'reached', outcomeOn: berlinDay(-10) },
    200,
  );
  let draft = await m.ok<PlanBody>('POST', `${v1}/cases/${kase.id}/plans`, {}, 201);
  draft = await m.ok<PlanBody>(
    'PUT',
    `${v1}/cases/${kase.id}/plans/${draft.id}`,
    {
      lockVersion: draft.lockVersion,
      startsOn: draft.startsOn,
      goals: [
        ...draft.goals.map(({ originId: _o, position: _p, ...g }) => g),
        { fieldOfAction: 'housing', title: 'Eigene Wohnung', steps: [{ text: 'WBS beantragen' }] },
      ],
    },
    200,
  );
  const beforeProgress = await m.ok<{ version: number }>('GET', `${v1}/cases/${kase.id}`, undefined, 200);
  await m.ok('POST', `${v1}/cases/${kase.id}/transition`, { version: beforeProgress.version, to: 'in_progress' }, 200);

  // consents: referral to any provider, data release to the job centre, one withdrawn
  const referralConsent = await m.ok<{ id: string }>(
    'POST',
    `${v1}/persons/${person.id}/consents`,
    { purpose: 'referral', recipient: { type: 'any_provider' }, givenOn: berlinDay(-30) },
    201,
  );
  const releaseConsent = await m.ok<{ id: string }>(
    'POST',
    `${v1}/persons/${person.id}/consents`,
    { purpose: 'data_release', recipient: { type: 'external', name: 'Jobcenter Musterstadt' }, givenOn: berlinDay(-30), caseId: kase.id },
    201,
  );
  const withdrawn = await m.ok<{ id: string }>(
    'POST',
    `${v1}/persons/${person.id}/consents`,
    { purpose: 'contact_partner', recipient: { type: 'any_provider' }, givenOn: berlinDay(-30) },
    201,
  );
  await m.ok('POST', `${v1}/persons/${person.id}/consents/${withdrawn.id}/withdraw`, { withdrawnOn: berlinDay(-1) }, 200);

  // referrals: one accepted and completed by the partner, one still open
  const done = await m.ok<{ id: string; number: string }>(
    'POST',
    `${v1}/cases/${kase.id}/referrals`,
    { offerId: o.offers.done, note: `Bitte Vormittagskurs ${o.marker}`, sharedFields: ['givenName', 'familyInitial', 'languages', 'note'] },
    201,
  );
  await o.partner.ok('POST', `/api/v1/${o.slug}/referral-inbox/${done.id}/accept`, undefined, 200);
  await o.partner.ok('POST', `/api/v1/${o.slug}/referral-inbox/${done.id}/complete`, { feedback: `Teilnahme bestätigt ${o.marker}` }, 200);
  const open = await m.ok<{ id: string; number: string }>('POST', `${v1}/cases/${kase.id}/referrals`, { offerId: o.offers.open, note: 'Bitte melden' }, 201);

  const release = await m.ok<{ id: string }>(
    'POST',
    `${v1}/cases/${kase.id}/releases`,
    { recipient: { type: 'external', name: 'Jobcenter Musterstadt' }, purpose: 'Antrag auf Leistungen', fields: ['name', 'birthDate', 'residenceStatus'], releasedOn: today },
    201,
  );

  // journal: a note with a distinctive phrase, an appointment with an interpreter, a correction
  const notePhrase = `Vertrauliche Notiz ${o.marker} über die Familie`;
  const note = await m.ok<{ id: string; version: number }>(
    'POST',
    `${v1}/cases/${kase.id}/entries`,
    { kind: 'note', subject: `Gespräch ${o.marker}`, body: notePhrase, occurredAt: `${berlinDay(-5)}T09:30:00+02:00` },
    201,
  );
  await m.ok('PATCH', `${v1}/cases/${kase.id}/entries/${note.id}`, { version: note.version, body: `${notePhrase} (ergänzt)`, reason: 'Ergänzung' }, 200);
  const appointment = await m.ok<{ id: string }>(
    'POST',
    `${v1}/cases/${kase.id}/entries`,
    {
      kind: 'appointment',
      occurredAt: `${berlinDay(-3)}T10:00:00+02:00`,
      durationMinutes: 60,
      appointmentStatus: 'held',
      interpreter: 'professional',
      interpreterLanguage: 'ar',
      participants: ['Dolmetscherin'],
      subject: 'Beratungstermin',
      body: `Termin mit Dolmetscherin ${o.marker}`,
    },
    201,
  );
  const task = await m.ok<{ id: string }>('POST', `${v1}/cases/${kase.id}/tasks`, { title: `Unterlagen anfordern ${o.marker}`, dueOn: berlinDay(14) }, 201);

  const documentFilename = `Aufenthaltstitel ${n.familyName} ${o.marker}.pdf`;
  const documentBytes = samplePdf(`DOKUMENT-${o.marker}`);
  const form = multipart({ docType: 'residence_permit', expiresOn: berlinDay(120) }, { filename: documentFilename, contentType: 'application/pdf', content: documentBytes });
  const uploaded = await m.send('POST', `${v1}/cases/${kase.id}/documents`, undefined, { payload: form.payload, headers: form.headers });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const documentId = (uploaded.json() as { id: string }).id;

  const active = await m.ok<{ id: string }>('POST', `${v1}/cases/${kase.id}/flags`, { kind: 'health', reason: `Gesundheit beachten ${o.marker}` }, 201);
  const resolved = await m.ok<{ id: string }>('POST', `${v1}/cases/${kase.id}/flags`, { kind: 'interpreter_needed', reason: 'Dolmetschen nötig' }, 201);
  await m.ok('POST', `${v1}/cases/${kase.id}/flags/${resolved.id}/resolve`, { resolutionNote: 'Dolmetscherin gefunden' }, 200);

  const plans = await m.ok<{ plans: Array<{ id: string }> }>('GET', `${v1}/cases/${kase.id}/plans`, undefined, 200);
  const goalIds: string[] = [];
  for (const p of plans.plans) {
    const full = await m.ok<PlanBody>('GET', `${v1}/cases/${kase.id}/plans/${p.id}`, undefined, 200);
    goalIds.push(...full.goals.map((g) => g.id));
  }

  return {
    personId: person.id,
    partnerPersonId: partnerPerson.id,
    householdId: household.id,
    caseId: kase.id,
    caseReference: kase.reference,
    agreedPlanId,
    draftPlanId: draft.id,
    goalIds,
    agreedGoalId,
    draftGoalId: draft.goals[0]!.id,
    consentIds: { referral: referralConsent.id, release: releaseConsent.id, withdrawn: withdrawn.id },
    referralIds: { open: open.id, done: done.id },
    referralNumbers: [open.number, done.number],
    releaseId: release.id,
    entryIds: { note: note.id, appointment: appointment.id },
    taskId: task.id,
    documentId,
    documentBytes,
    documentFilename,
    flagIds: { active: active.id, resolved: resolved.id },
    notePhrase,
    assessmentTexts,
    healthNotes,
    residenceDetails,
  };
}

/** A provider with two published offers (one referral stays open, the other is completed). */
export async function providerWithOffers(t: TestApp, tenantId: string, name: string) {
  const provider = await providerFactory(t.db, tenantId, { name });
  const open = await offerFactory(t.db, tenantId, { providerId: provider.id, texts: { de: { title: `Deutschkurs bei ${name}` } } });
  const done = await offerFactory(t.db, tenantId, { providerId: provider.id, texts: { de: { title: `Beratung bei ${name}` } } });
  return { provider, offers: { open: open.id, done: done.id } };
}

/** The tenant's consent texts for every purpose the recorded case uses. */
export async function consentTexts(t: TestApp, tenantId: string): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const purpose of ['referral', 'data_release', 'contact_partner'] as const) ids[purpose] = (await consentTextFactory(t.db, tenantId, { purpose })).id;
  return ids;
}
