// Demo data of case management for Musterstadt (all persons fictional): two teams, three
// programmes, case-management accounts and about 30 persons with cases in every state — some near
// or past their programme's maximum duration, some with an overdue planned end, some closed and due
// for erasure later. Dates are relative to the day of seeding, so warnings always show.
//
// Other case features add their demo data (assessments, plans, referrals, consents, journal …)
// in the marked place at the end of seedCaseDemo(), using the CaseDemoContext.
import { count, eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { createAccount } from '../domains/auth/accounts.ts';
import { authUser } from '../domains/auth/auth.table.ts';
import type { Role } from '../domains/auth/roles.ts';
import { caseEvents, casePrograms, cases, households, persons, teams } from '../domains/cases/case.table.ts';
import { addDays, addMonths, retentionDueOn, todayIso } from '../domains/cases/caseRules.ts';
import { nextReference } from '../domains/cases/caseService.ts';
import { namePhoneticOf, nameSearchOf } from '../domains/cases/persons/names.ts';
import type { CaseState } from '../shared/contracts/cases.ts';
import { DEMO_PASSWORD, type DemoLogin } from './seed.ts';

/** What the other features' demo seeds get: ids of everything seeded here. */
export interface CaseDemoContext {
  db: Database;
  tenantId: string;
  /** the day of seeding, 'YYYY-MM-DD' (Europe/Berlin) */
  today: string;
  teams: Record<'nord' | 'sued', string>;
  /** programme code → id: IM, KIM, MBE */
  programmes: Record<string, string>;
  /** account key → user id: im, im2, imSued, teamLead, lead */
  accounts: Record<string, string>;
  persons: Array<{ key: string; id: string; preferredLanguage: string | null }>;
  cases: Array<{ key: string; id: string; reference: string; personId: string; programmeCode: string; ownerKey: string; teamId: string; state: CaseState; startedOn: string }>;
}

interface DemoPerson {
  key: string;
  givenName: string;
  familyName: string;
  otherNames?: Array<{ givenName: string; familyName: string; script: string }>;
  birthDate: string;
  gender: 'female' | 'male' | 'diverse';
  nationalities: string[];
  languages: string[];
  preferredLanguage: string;
  residenceStatus: string;
  residenceExpiresInMonths?: number;
  accommodation: string;
  town?: string;
  household?: { key: string; role: string };
}

const PERSONS: DemoPerson[] = [
  { key: 'amal', givenName: 'Amal', familyName: 'Haddad', otherNames: [{ givenName: 'أمل', familyName: 'حداد', script: 'Arab' }], birthDate: '1987-03-14', gender: 'female', nationalities: ['SY'], languages: ['ar', 'de'], preferredLanguage: 'ar', residenceStatus: 'recognised_refugee', residenceExpiresInMonths: 20, accommodation: 'own_flat', household: { key: 'haddad', role: 'head' } },
  { key: 'yusuf', givenName: 'Yusuf', familyName: 'Haddad', otherNames: [{ givenName: 'يوسف', familyName: 'حداد', script: 'Arab' }], birthDate: '1984-11-02', gender: 'male', nationalities: ['SY'], languages: ['ar', 'en'], preferredLanguage: 'ar', residenceStatus: 'recognised_refugee', residenceExpiresInMonths: 20, accommodation: 'own_flat', household: { key: 'haddad', role: 'partner' } },
  { key: 'lina', givenName: 'Lina', familyName: 'Haddad', birthDate: '2007-06-21', gender: 'female', nationalities: ['SY'], languages: ['ar', 'de'], preferredLanguage: 'de', residenceStatus: 'recognised_refugee', accommodation: 'own_flat', household: { key: 'haddad', role: 'child' } },
  { key: 'olena', givenName: 'Olena', familyName: 'Kovalenko', otherNames: [{ givenName: 'Олена', familyName: 'Коваленко', script: 'Cyrl' }], birthDate: '1979-01-30', gender: 'female', nationalities: ['UA'], languages: ['uk', 'ru'], preferredLanguage: 'uk', residenceStatus: 'temporary_protection', residenceExpiresInMonths: 4, accommodation: 'shared_accommodation', household: { key: 'kovalenko', role: 'head' } },
  { key: 'maksym', givenName: 'Maksym', familyName: 'Kovalenko', otherNames: [{ givenName: 'Максим', familyName: 'Коваленко', script: 'Cyrl' }], birthDate: '2005-09-12', gender: 'male', nationalities: ['UA'], languages: ['uk', 'en'], preferredLanguage: 'uk', residenceStatus: 'temporary_protection', residenceExpiresInMonths: 4, accommodation: 'shared_accommodation', household: { key: 'kovalenko', role: 'child' } },
  { key: 'ahmad', givenName: 'Ahmad', familyName: 'Rahimi', otherNames: [{ givenName: 'احمد', familyName: 'رحیمی', script: 'Arab' }], birthDate: '1995-04-08', gender: 'male', nationalities: ['AF'], languages: ['fa', 'ps'], preferredLanguage: 'fa', residenceStatus: 'subsidiary_protection', residenceExpiresInMonths: 9, accommodation: 'shared_accommodation' },
  { key: 'zahra', givenName: 'Zahra', familyName: 'Ahmadi', birthDate: '1999-12-19', gender: 'female', nationalities: ['AF'], languages: ['fa'], preferredLanguage: 'fa', residenceStatus: 'asylum_seeker', accommodation: 'reception_centre' },
  { key: 'mihai', givenName: 'Mihai', familyName: 'Popescu', birthDate: '1990-07-03', gender: 'male', nationalities: ['RO'], languages: ['ro', 'en'], preferredLanguage: 'ro', residenceStatus: 'eu_citizen', accommodation: 'own_flat' },
  { key: 'elena', givenName: 'Elena', familyName: 'Dimitrova', otherNames: [{ givenName: 'Елена', familyName: 'Димитрова', script: 'Cyrl' }], birthDate: '1992-02-27', gender: 'female', nationalities: ['BG'], languages: ['bg', 'tr'], preferredLanguage: 'bg', residenceStatus: 'eu_citizen', accommodation: 'with_relatives' },
  { key: 'mehmet', givenName: 'Mehmet', familyName: 'Yıldız', birthDate: '1976-10-15', gender: 'male', nationalities: ['TR'], languages: ['tr', 'de'], preferredLanguage: 'tr', residenceStatus: 'settlement_permit', accommodation: 'own_flat' },
  { key: 'semhar', givenName: 'Semhar', familyName: 'Tesfay', birthDate: '1998-05-05', gender: 'female', nationalities: ['ER'], languages: ['ti', 'en'], preferredLanguage: 'en', residenceStatus: 'recognised_refugee', residenceExpiresInMonths: 26, accommodation: 'own_flat' },
  { key: 'ali', givenName: 'Ali', familyName: 'Hassan', otherNames: [{ givenName: 'Ali', familyName: 'Al-Hasan', script: 'Passport' }], birthDate: '1989-08-22', gender: 'male', nationalities: ['IQ'], languages: ['ar', 'ku'], preferredLanguage: 'ar', residenceStatus: 'toleration', residenceExpiresInMonths: 2, accommodation: 'shared_accommodation' },
  { key: 'fatima', givenName: 'Fatima', familyName: 'Osman', birthDate: '2001-03-09', gender: 'female', nationalities: ['SO'], languages: ['so', 'ar'], preferredLanguage: 'ar', residenceStatus: 'subsidiary_protection', residenceExpiresInMonths: 14, accommodation: 'shared_accommodation' },
  { key: 'daniel', givenName: 'Daniel', familyName: 'Mensah', birthDate: '1993-01-17', gender: 'male', nationalities: ['GH'], languages: ['en'], preferredLanguage: 'en', residenceStatus: 'residence_permit', residenceExpiresInMonths: 30, accommodation: 'own_flat' },
  { key: 'iryna', givenName: 'Iryna', familyName: 'Shevchenko', otherNames: [{ givenName: 'Ірина', familyName: 'Шевченко', script: 'Cyrl' }], birthDate: '1968-12-01', gender: 'female', nationalities: ['UA'], languages: ['uk', 'ru'], preferredLanguage: 'uk', residenceStatus: 'temporary_protection', residenceExpiresInMonths: 4, accommodation: 'own_flat' },
  { key: 'samir', givenName: 'Samir', familyName: 'Khalil', birthDate: '1997-06-30', gender: 'male', nationalities: ['SY'], languages: ['ar', 'de'], preferredLanguage: 'de', residenceStatus: 'recognised_refugee', residenceExpiresInMonths: 18, accommodation: 'own_flat' },
  { key: 'nour', givenName: 'Nour', familyName: 'Khalil', birthDate: '2000-10-10', gender: 'female', nationalities: ['SY'], languages: ['ar'], preferredLanguage: 'ar', residenceStatus: 'recognised_refugee', accommodation: 'own_flat' },
  { key: 'bogdan', givenName: 'Bogdan', familyName: 'Ionescu', birthDate: '1985-04-25', gender: 'male', nationalities: ['RO'], languages: ['ro'], preferredLanguage: 'ro', residenceStatus: 'eu_citizen', accommodation: 'homeless' },
  { key: 'aylin', givenName: 'Aylin', familyName: 'Demir', birthDate: '1994-09-09', gender: 'female', nationalities: ['TR'], languages: ['tr', 'de', 'en'], preferredLanguage: 'tr', residenceStatus: 'visa', residenceExpiresInMonths: 1, accommodation: 'with_relatives' },
  { key: 'hamid', givenName: 'Hamid', familyName: 'Nazari', birthDate: '2003-02-14', gender: 'male', nationalities: ['AF'], languages: ['fa', 'en'], preferredLanguage: 'fa', residenceStatus: 'asylum_seeker', accommodation: 'reception_centre' },
  { key: 'grace', givenName: 'Grace', familyName: 'Okafor', birthDate: '1991-11-11', gender: 'female', nationalities: ['NG'], languages: ['en'], preferredLanguage: 'en', residenceStatus: 'residence_permit', residenceExpiresInMonths: 22, accommodation: 'own_flat' },
  { key: 'rania', givenName: 'Rania', familyName: 'Saleh', birthDate: '1983-07-07', gender: 'female', nationalities: ['IQ'], languages: ['ar'], preferredLanguage: 'ar', residenceStatus: 'deportation_ban', residenceExpiresInMonths: 10, accommodation: 'shared_accommodation' },
  { key: 'viktor', givenName: 'Viktor', familyName: 'Petrov', otherNames: [{ givenName: 'Виктор', familyName: 'Петров', script: 'Cyrl' }], birthDate: '1972-03-03', gender: 'male', nationalities: ['BG'], languages: ['bg', 'ru'], preferredLanguage: 'bg', residenceStatus: 'eu_citizen', accommodation: 'own_flat' },
  { key: 'mariam', givenName: 'Mariam', familyName: 'Yohannes', birthDate: '1996-08-18', gender: 'female', nationalities: ['ER'], languages: ['ti', 'ar'], preferredLanguage: 'ar', residenceStatus: 'recognised_refugee', residenceExpiresInMonths: 28, accommodation: 'shared_accommodation' },
  { key: 'karim', givenName: 'Karim', familyName: 'Mansour', birthDate: '1988-01-01', gender: 'male', nationalities: ['SY'], languages: ['ar', 'fr'], preferredLanguage: 'ar', residenceStatus: 'recognised_refugee', accommodation: 'own_flat' },
  { key: 'ana', givenName: 'Ana', familyName: 'Lungu', birthDate: '2002-05-28', gender: 'female', nationalities: ['MD', 'RO'], languages: ['ro', 'ru'], preferredLanguage: 'ro', residenceStatus: 'eu_citizen', accommodation: 'with_relatives' },
  { key: 'tariq', givenName: 'Tariq', familyName: 'Jaber', birthDate: '1980-12-24', gender: 'male', nationalities: ['PS'], languages: ['ar', 'en'], preferredLanguage: 'ar', residenceStatus: 'subsidiary_protection', residenceExpiresInMonths: 7, accommodation: 'own_flat' },
  { key: 'svitlana', givenName: 'Svitlana', familyName: 'Bondar', otherNames: [{ givenName: 'Світлана', familyName: 'Бондар', script: 'Cyrl' }], birthDate: '1990-06-06', gender: 'female', nationalities: ['UA'], languages: ['uk'], preferredLanguage: 'uk', residenceStatus: 'temporary_protection', residenceExpiresInMonths: 4, accommodation: 'shared_accommodation' },
  { key: 'omid', givenName: 'Omid', familyName: 'Karimi', birthDate: '1986-10-31', gender: 'male', nationalities: ['IR'], languages: ['fa', 'en', 'de'], preferredLanguage: 'fa', residenceStatus: 'recognised_refugee', residenceExpiresInMonths: 33, accommodation: 'own_flat' },
  { key: 'leyla', givenName: 'Leyla', familyName: 'Aziz', birthDate: '1999-04-04', gender: 'female', nationalities: ['SY'], languages: ['ku', 'ar', 'tr'], preferredLanguage: 'tr', residenceStatus: 'recognised_refugee', accommodation: 'own_flat' },
];

/**
 * A case: programme, owner, state and its start relative to today (months back, plus days).
 * `extendBy` months extends beyond the regular end; `closedDaysAgo` closes it; `plannedEnd` is
 * relative to today in days.
 */
interface DemoCase {
  key: string;
  person: string;
  programme: 'IM' | 'KIM' | 'MBE';
  owner: 'im' | 'im2' | 'imSued' | 'teamLead';
  state: CaseState;
  startedMonthsAgo: number;
  startedDaysAgoExtra?: number;
  plannedEndInDays?: number;
  extendBy?: number;
  extensionReason?: string;
  closedDaysAgo?: number;
  closingReason?: string;
}

const CASES: DemoCase[] = [
  { key: 'amal-im', person: 'amal', programme: 'IM', owner: 'im', state: 'in_progress', startedMonthsAgo: 14, plannedEndInDays: 200 },
  { key: 'yusuf-im', person: 'yusuf', programme: 'IM', owner: 'im', state: 'plan', startedMonthsAgo: 5, plannedEndInDays: 400 },
  { key: 'lina-kim', person: 'lina', programme: 'KIM', owner: 'im', state: 'assessment', startedMonthsAgo: 1 },
  { key: 'olena-im', person: 'olena', programme: 'IM', owner: 'im', state: 'in_progress', startedMonthsAgo: 35, startedDaysAgoExtra: 10, plannedEndInDays: 15 },
  { key: 'maksym-mbe', person: 'maksym', programme: 'MBE', owner: 'im', state: 'intake', startedMonthsAgo: 0, startedDaysAgoExtra: 3 },
  { key: 'ahmad-im', person: 'ahmad', programme: 'IM', owner: 'im', state: 'in_progress', startedMonthsAgo: 37, extendBy: 6, extensionReason: 'Berufssprachkurs B2 und Ausbildungsbeginn stehen noch aus.', plannedEndInDays: 120 },
  { key: 'zahra-im', person: 'zahra', programme: 'IM', owner: 'im', state: 'intake', startedMonthsAgo: 0, startedDaysAgoExtra: 8 },
  { key: 'mihai-mbe', person: 'mihai', programme: 'MBE', owner: 'im', state: 'in_progress', startedMonthsAgo: 9, plannedEndInDays: -12 },
  { key: 'elena-im', person: 'elena', programme: 'IM', owner: 'im', state: 'closed', startedMonthsAgo: 20, closedDaysAgo: 40, closingReason: 'goals_reached' },
  { key: 'mehmet-mbe', person: 'mehmet', programme: 'MBE', owner: 'im', state: 'reopened', startedMonthsAgo: 16 },
  { key: 'semhar-im', person: 'semhar', programme: 'IM', owner: 'im', state: 'plan', startedMonthsAgo: 3 },
  { key: 'ali-im', person: 'ali', programme: 'IM', owner: 'im', state: 'in_progress', startedMonthsAgo: 36, startedDaysAgoExtra: 12 },
  { key: 'fatima-kim', person: 'fatima', programme: 'KIM', owner: 'im', state: 'assessment', startedMonthsAgo: 2 },
  { key: 'daniel-im', person: 'daniel', programme: 'IM', owner: 'im2', state: 'in_progress', startedMonthsAgo: 11, plannedEndInDays: 300 },
  { key: 'iryna-mbe', person: 'iryna', programme: 'MBE', owner: 'im2', state: 'closed', startedMonthsAgo: 30, closedDaysAgo: 400, closingReason: 'self_reliant' },
  { key: 'samir-im', person: 'samir', programme: 'IM', owner: 'im2', state: 'assessment', startedMonthsAgo: 1 },
  { key: 'nour-im', person: 'nour', programme: 'IM', owner: 'im2', state: 'intake', startedMonthsAgo: 0, startedDaysAgoExtra: 1 },
  { key: 'bogdan-kim', person: 'bogdan', programme: 'KIM', owner: 'im2', state: 'in_progress', startedMonthsAgo: 7, plannedEndInDays: 30 },
  { key: 'aylin-im', person: 'aylin', programme: 'IM', owner: 'im2', state: 'closed', startedMonthsAgo: 12, closedDaysAgo: 5, closingReason: 'moved_away' },
  { key: 'hamid-im', person: 'hamid', programme: 'IM', owner: 'teamLead', state: 'plan', startedMonthsAgo: 4 },
  { key: 'grace-mbe', person: 'grace', programme: 'MBE', owner: 'teamLead', state: 'in_progress', startedMonthsAgo: 19, plannedEndInDays: 90 },
  { key: 'rania-im', person: 'rania', programme: 'IM', owner: 'imSued', state: 'in_progress', startedMonthsAgo: 24, plannedEndInDays: 180 },
  { key: 'viktor-mbe', person: 'viktor', programme: 'MBE', owner: 'imSued', state: 'closed', startedMonthsAgo: 15, closedDaysAgo: 90, closingReason: 'no_contact' },
  { key: 'mariam-im', person: 'mariam', programme: 'IM', owner: 'imSued', state: 'assessment', startedMonthsAgo: 2 },
  { key: 'karim-im', person: 'karim', programme: 'IM', owner: 'imSued', state: 'in_progress', startedMonthsAgo: 34, plannedEndInDays: 45 },
  { key: 'ana-kim', person: 'ana', programme: 'KIM', owner: 'imSued', state: 'plan', startedMonthsAgo: 6 },
  { key: 'tariq-im', person: 'tariq', programme: 'IM', owner: 'imSued', state: 'reopened', startedMonthsAgo: 22 },
  { key: 'svitlana-mbe', person: 'svitlana', programme: 'MBE', owner: 'imSued', state: 'intake', startedMonthsAgo: 0, startedDaysAgoExtra: 5 },
  { key: 'omid-im', person: 'omid', programme: 'IM', owner: 'imSued', state: 'closed', startedMonthsAgo: 28, closedDaysAgo: 10, closingReason: 'goals_reached' },
  { key: 'leyla-im', person: 'leyla', programme: 'IM', owner: 'imSued', state: 'in_progress', startedMonthsAgo: 8, plannedEndInDays: 365 },
];

/** The states a case passed to reach `state` (for its history). */
const PATH: Record<CaseState, CaseState[]> = {
  intake: [],
  assessment: ['assessment'],
  plan: ['assessment', 'plan'],
  in_progress: ['assessment', 'plan', 'in_progress'],
  closed: ['assessment', 'plan', 'in_progress', 'closed'],
  reopened: ['assessment', 'plan', 'in_progress', 'closed', 'reopened'],
};

/**
 * Seeds case management into a tenant (Musterstadt) once: nothing happens when the tenant has
 * teams already. Returns the demo logins it created.
 */
export async function seedCaseDemo(db: Database, tenantId: string, slug: string): Promise<DemoLogin[]> {
  const [existing] = await db.tenant(tenantId, (tx) => tx.db.select({ n: count() }).from(teams));
  if (Number(existing?.n ?? 0) > 0) return [];
  const today = todayIso();
  const domain = `${slug}.example`;

  // Teams and programmes
  const setup = await db.tenant(tenantId, async (tx) => {
    const teamRows = await tx.db
      .insert(teams)
      .values([
        { tenantId, name: 'Team Nord' },
        { tenantId, name: 'Team Süd' },
      ])
      .returning();
    const programmeRows = await tx.db
      .insert(casePrograms)
      .values([
        {
          tenantId,
          code: 'IM',
          name: 'BW Integrationsmanagement',
          description: 'Landesförderung Baden-Württemberg: individuelle Begleitung Geflüchteter mit Integrationsplan, höchstens 3 Jahre, in begründeten Fällen 4 Jahre.',
          maxDurationMonths: 36,
          maxExtensionMonths: 12,
          warnBeforeDays: 60,
          planReviewDays: 180,
          retentionMonths: 36,
        },
        {
          tenantId,
          code: 'KIM',
          name: 'Kommunales Integrationsmanagement (KIM)',
          description: 'Rechtskreisübergreifendes Case Management mit den Ausländer- und Sozialbehörden.',
          maxDurationMonths: null,
          maxExtensionMonths: 0,
          warnBeforeDays: 30,
          planReviewDays: 120,
          retentionMonths: 24,
        },
        {
          tenantId,
          code: 'MBE',
          name: 'Migrationsberatung für erwachsene Zugewanderte (MBE)',
          description: 'Beratung mit verbindlichem Förderplan, vor allem in den ersten drei Jahren nach der Ankunft.',
          maxDurationMonths: 36,
          maxExtensionMonths: 0,
          warnBeforeDays: 45,
          planReviewDays: 180,
          retentionMonths: 24,
        },
      ])
      .returning();
    return {
      teams: { nord: teamRows[0]!.id, sued: teamRows[1]!.id },
      programmes: Object.fromEntries(programmeRows.map((p) => [p.code, p.id])) as Record<string, string>,
    };
  });

  // Accounts (two-factor login is set up at the first sign-in)
  const accountList: Array<{ key: string; email: string; name: string; role: Role; team: 'nord' | 'sued' | null; consentOverride?: boolean; note: string }> = [
    { key: 'im', email: `im@${domain}`, name: 'Ines Mahler', role: 'integration_manager', team: 'nord', note: 'Integrationsmanagerin, Team Nord: eigene Fälle' },
    { key: 'teamLead', email: `teamleitung@${domain}`, name: 'Tobias Lehmann', role: 'team_lead', team: 'nord', consentOverride: true, note: 'Teamleitung Nord: alle Fälle des Teams, Übergaben' },
    { key: 'lead', email: `leitung-im@${domain}`, name: 'Leonie Imhof', role: 'integration_lead', team: null, consentOverride: true, note: 'Leitung Integrationsmanagement: alle Fälle' },
    { key: 'im2', email: `im2@${domain}`, name: 'Jonas Brenner', role: 'integration_manager', team: 'nord', note: 'Integrationsmanager, Team Nord' },
    { key: 'imSued', email: `im-sued@${domain}`, name: 'Selin Kaya', role: 'integration_manager', team: 'sued', note: 'Integrationsmanagerin, Team Süd' },
  ];
  const accounts: Record<string, string> = {};
  const logins: DemoLogin[] = [];
  await db.system(async (tx) => {
    for (const a of accountList) {
      const [found] = await tx.db.select({ id: authUser.id }).from(authUser).where(eq(authUser.email, a.email));
      const id = found
        ? found.id
        : (
            await createAccount(
              tx,
              {
                email: a.email,
                name: a.name,
                password: DEMO_PASSWORD,
                role: a.role,
                tenantId,
                teamId: a.team ? setup.teams[a.team] : null,
                consentOverride: a.consentOverride ?? false,
              },
              null,
            )
          ).id;
      accounts[a.key] = id;
      logins.push({ email: a.email, role: a.role, tenant: slug, note: `${a.note} (2FA bei erster Anmeldung)` });
    }
  });

  // Persons, households and cases with their history
  const ctx = await db.tenant(tenantId, async (tx) => {
    const householdIds = new Map<string, string>();
    for (const key of new Set(PERSONS.flatMap((p) => (p.household ? [p.household.key] : [])))) {
      const [h] = await tx.db.insert(households).values({ tenantId, label: `Familie ${PERSONS.find((p) => p.household?.key === key)!.familyName}` }).returning();
      householdIds.set(key, h!.id);
    }
    const ownerTeam = (owner: string) => (owner === 'imSued' ? setup.teams.sued : setup.teams.nord);
    const firstCase = new Map(CASES.map((c) => [c.person, c]));
    const personRows = await tx.db
      .insert(persons)
      .values(
        PERSONS.map((p, i) => {
          const variants = [{ givenName: p.givenName, familyName: p.familyName }, ...(p.otherNames ?? [])];
          const owner = firstCase.get(p.key)?.owner ?? 'im';
          return {
            tenantId,
            givenName: p.givenName,
            familyName: p.familyName,
            otherNames: p.otherNames ?? [],
            nameSearch: nameSearchOf(variants),
            namePhonetic: namePhoneticOf(variants),
            birthDate: p.birthDate,
            gender: p.gender,
            nationalities: p.nationalities,
            languages: p.languages,
            preferredLanguage: p.preferredLanguage,
            phone: `+49 621 555 ${String(1000 + i * 37).slice(-4)}`,
            street: `Musterweg ${i + 1}`,
            postcode: '68159',
            town: p.town ?? 'Musterstadt',
            residenceStatus: p.residenceStatus,
            residenceExpiresOn: p.residenceExpiresInMonths ? addMonths(today, p.residenceExpiresInMonths) : null,
            accommodation: p.accommodation,
            householdId: p.household ? householdIds.get(p.household.key)! : null,
            householdRole: p.household?.role ?? null,
            teamId: ownerTeam(owner),
            createdBy: accounts[owner]!,
          };
        }),
      )
      .returning({ id: persons.id });
    const personIds = new Map(PERSONS.map((p, i) => [p.key, personRows[i]!.id]));

    const seeded: CaseDemoContext['cases'] = [];
    for (const c of CASES) {
      const startedOn = addDays(addMonths(today, -c.startedMonthsAgo), -(c.startedDaysAgoExtra ?? 0));
      const programmeId = setup.programmes[c.programme]!;
      const regularEnd = c.programme === 'KIM' ? null : addMonths(startedOn, 36);
      const extendedUntil = c.extendBy && regularEnd ? addMonths(regularEnd, c.extendBy) : null;
      const closedOn = c.closedDaysAgo !== undefined ? addDays(today, -c.closedDaysAgo) : null;
      const retentionMonths = c.programme === 'IM' ? 36 : 24;
      const plannedEndOn = c.plannedEndInDays !== undefined ? addDays(today, c.plannedEndInDays) : null;
      const reference = await nextReference(tx, c.programme, Number(startedOn.slice(0, 4)));
      const ownerId = accounts[c.owner]!;
      const teamId = ownerTeam(c.owner);
      const [row] = await tx.db
        .insert(cases)
        .values({
          tenantId,
          reference,
          personId: personIds.get(c.person)!,
          programmeId,
          ownerId,
          teamId,
          state: c.state,
          startedOn,
          plannedEndOn,
          extendedUntil,
          extensionReason: extendedUntil ? (c.extensionReason ?? null) : null,
          closedOn: c.state === 'closed' ? closedOn : null,
          closingReason: c.state === 'closed' ? (c.closingReason ?? 'other') : null,
          retentionDueOn: c.state === 'closed' && closedOn ? retentionDueOn(closedOn, retentionMonths) : null,
          version: 1 + PATH[c.state].length + (extendedUntil ? 1 : 0),
        })
        .returning({ id: cases.id });
      const caseId = row!.id;
      // History: opened, then one step per state on the way (spread over the time so far).
      const actor = accountList.find((a) => a.key === c.owner)!;
      const steps = PATH[c.state];
      const span = Math.max(1, Math.min(300, Math.round((Date.parse(closedOn ?? today) - Date.parse(startedOn)) / 86_400_000)));
      const at = (i: number) => new Date(Date.parse(`${startedOn}T09:00:00Z`) + Math.round(((i + 1) / (steps.length + 1)) * span) * 86_400_000);
      const events: Array<typeof caseEvents.$inferInsert> = [
        { tenantId, caseId, kind: 'created', toState: 'intake', details: { reference, programmeId, ownerId, teamId }, actorId: ownerId, actorLabel: actor.name, at: new Date(`${startedOn}T09:00:00Z`) },
      ];
      let from: CaseState = 'intake';
      for (const [i, to] of steps.entries()) {
        const closing = to === 'closed';
        const pastClosure = c.state === 'reopened' && closing;
        events.push({
          tenantId,
          caseId,
          kind: 'state',
          fromState: from,
          toState: to,
          reason: to === 'reopened' ? 'Neue Fragen zum Aufenthaltsstatus' : null,
          details: closing ? { closingReason: c.closingReason ?? (pastClosure ? 'self_reliant' : 'other'), closedOn: (closedOn ?? at(i).toISOString()).slice(0, 10) } : {},
          actorId: ownerId,
          actorLabel: actor.name,
          at: at(i),
        });
        from = to;
      }
      if (extendedUntil) {
        events.push({
          tenantId,
          caseId,
          kind: 'extension',
          reason: c.extensionReason ?? null,
          details: { from: null, to: extendedUntil, regularEndOn: regularEnd },
          actorId: ownerId,
          actorLabel: actor.name,
          at: new Date(Date.parse(`${addDays(regularEnd!, -20)}T10:00:00Z`)),
        });
      }
      await tx.db.insert(caseEvents).values(events);
      seeded.push({ key: c.key, id: caseId, reference, personId: personIds.get(c.person)!, programmeCode: c.programme, ownerKey: c.owner, teamId, state: c.state, startedOn });
    }
    return {
      persons: PERSONS.map((p) => ({ key: p.key, id: personIds.get(p.key)!, preferredLanguage: p.preferredLanguage })),
      cases: seeded,
    };
  });

  const context: CaseDemoContext = { db, tenantId, today, teams: setup.teams, programmes: setup.programmes, accounts, persons: ctx.persons, cases: ctx.cases };

  // ---------------------------------------------------------------------------------------------
  // OTHER CASE FEATURES: add your demo data here, one call each, e.g.
  //   await seedPlanDemo(context);      // assessments, integration plans, goals (PLANS)
  //   await seedReferralDemo(context);  // consents, referrals, partner feedback (REFERRALS)
  //   await seedJournalDemo(context);   // notes, appointments, tasks, documents, flags (JOURNAL)
  // Keep each seed idempotent with the rest: it runs once, right after the cases above.
  await (await import('./casePlans.ts')).seedPlanDemo(context);
  await (await import('./caseReferrals.ts')).seedReferralDemo(context);
  await (await import('./caseJournal.ts')).seedJournalDemo(context);
  void context;
  // ---------------------------------------------------------------------------------------------

  return logins;
}
