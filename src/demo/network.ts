// Demo actor network of Musterstadt (fictional): ~40 organisations (most linked to their provider
// record), ~80 contact persons with consents, typed relationships, six networks and working groups
// with members and delegates, a held meeting with minutes, decisions, attendance and tasks and a
// planned meeting each. Dates are relative to the day of seeding, so there is always a next meeting.
import { randomUUID } from 'node:crypto';
import type { Database, Tx } from '../db/database.ts';
import { actorRelationships, contactConsents, contacts, organisations } from '../domains/actors/actors.table.ts';
import { domainsOf, normalizeName } from '../domains/actors/normalize.ts';
import { writeAudit } from '../domains/audit/auditLog.ts';
import { groupMembers, meetingAttendance, networkGroups, networkMeetings, networkTasks } from '../domains/networks/networks.table.ts';
import type { GroupKind, MemberRole, TaskStatus } from '../shared/contracts/networks.ts';
import type { OrganisationType } from '../shared/contracts/actors.ts';
import type { TenantKeyMaps } from './seed.ts';
import { providers as demoProviders } from './musterstadt/places.ts';

type O = [key: string, type: OrganisationType, fields: string[], targetGroups: string[], areas: string[], languages: string[], name?: string, domain?: string];

/** Organisations: a provider key (same name, address and contacts as in the offer directory) or a name of their own. */
const ORGS: O[] = [
  ['stadt-integration', 'authority', ['counselling', 'participation', 'language'], ['refugees', 'eu_newcomers', 'family_reunion'], [], ['de', 'en']],
  ['vhs', 'adult_education_centre', ['language', 'education', 'work'], ['refugees', 'eu_newcomers', 'women', 'parents', 'skilled_workers'], [], ['de', 'en', 'ar', 'uk']],
  ['caritas', 'provider', ['counselling', 'family', 'language'], ['refugees', 'women', 'parents', 'family_reunion'], ['innenstadt', 'weststadt'], ['de', 'ar', 'fa']],
  ['diakonie', 'provider', ['counselling', 'health'], ['refugees', 'eu_newcomers'], ['oststadt', 'muehlbach'], ['de', 'ru', 'uk']],
  ['awo', 'provider', ['counselling', 'family', 'participation'], ['labour_migrants', 'parents', 'seniors'], ['nordstadt'], ['de', 'tr']],
  ['drk', 'provider', ['health', 'counselling', 'residence'], ['refugees'], ['suedstadt'], ['de', 'ar']],
  ['jmd-ib', 'provider', ['education', 'work', 'counselling'], ['young_people', 'refugees'], [], ['de', 'ar', 'fa', 'uk']],
  ['jobcenter', 'job_centre', ['work'], ['refugees', 'labour_migrants', 'eu_newcomers'], [], ['de', 'en']],
  ['arbeitsagentur', 'job_centre', ['work', 'language'], ['skilled_workers', 'young_people'], [], ['de', 'en']],
  ['auslaenderbehoerde', 'foreigners_office', ['residence'], ['refugees', 'skilled_workers', 'family_reunion', 'students'], [], ['de', 'en']],
  ['welcome-center', 'authority', ['work', 'counselling'], ['skilled_workers', 'family_reunion'], [], ['de', 'en']],
  ['adb', 'association', ['antidiscrimination', 'counselling'], ['refugees', 'women', 'young_people'], [], ['de', 'en', 'tr', 'ar']],
  ['frauenzentrum', 'association', ['language', 'family', 'participation'], ['women', 'parents'], ['suedstadt', 'lindenfeld'], ['de', 'ar', 'tr', 'fa']],
  ['mieterverein', 'association', ['housing', 'counselling'], ['labour_migrants', 'refugees'], [], ['de']],
  ['gesundheitsamt', 'authority', ['health'], ['refugees', 'parents', 'seniors'], [], ['de', 'en']],
  ['famz-nord', 'provider', ['family', 'language', 'education'], ['parents', 'women'], ['nordstadt'], ['de', 'tr', 'ar']],
  ['famz-eichwald', 'provider', ['family', 'participation'], ['parents'], ['eichwald'], ['de', 'ru']],
  ['lingua-plus', 'company', ['language'], ['refugees', 'eu_newcomers', 'skilled_workers'], ['innenstadt'], ['de', 'en', 'ro', 'bg']],
  ['kompass', 'provider', ['language'], ['women', 'parents', 'refugees'], ['muehlbach', 'oststadt'], ['de', 'uk', 'ru']],
  ['iq-beratung', 'provider', ['work', 'counselling'], ['skilled_workers'], [], ['de', 'en', 'ar']],
  ['faire-arbeit', 'provider', ['work', 'counselling'], ['eu_newcomers', 'labour_migrants'], ['lindenfeld'], ['de', 'ro', 'bg']],
  ['afrika-verein', 'migrant_organisation', ['participation', 'education'], ['young_people', 'refugees'], ['weststadt'], ['de', 'en', 'fr']],
  ['tuerk-elternverein', 'migrant_organisation', ['education', 'family'], ['parents'], ['nordstadt'], ['de', 'tr']],
  ['ukr-gemeinde', 'migrant_organisation', ['participation', 'language'], ['refugees', 'women', 'parents'], [], ['uk', 'ru', 'de']],
  ['soe-zentrum', 'migrant_organisation', ['counselling', 'work', 'housing'], ['eu_newcomers', 'labour_migrants'], ['lindenfeld', 'rheinufer'], ['ro', 'bg', 'de']],
  ['arab-kulturhaus', 'migrant_organisation', ['participation', 'family', 'language'], ['women', 'parents'], ['suedstadt'], ['ar', 'de']],
  ['bruecke', 'migrant_organisation', ['language', 'participation'], ['refugees', 'women'], ['eichwald'], ['fa', 'prs', 'ps', 'de']],
  ['psz', 'provider', ['health', 'counselling'], ['refugees'], [], ['de', 'ar', 'fa', 'ti']],
  ['freiwilligenagentur', 'association', ['participation', 'language'], ['refugees', 'seniors'], [], ['de']],
  ['stadtbibliothek', 'authority', ['language', 'education'], ['parents', 'young_people'], ['innenstadt'], ['de', 'en', 'ar', 'tr', 'uk']],
  ['refugee-law-clinic', 'association', ['residence', 'counselling'], ['refugees'], [], ['de', 'en', 'ar']],
  ['kinderschutzbund', 'association', ['family'], ['parents'], ['nordstadt'], ['de']],
  ['wbg', 'company', ['housing'], ['refugees', 'labour_migrants'], [], ['de']],
  ['jugendhaus-nord', 'provider', ['education', 'participation'], ['young_people'], ['nordstadt'], ['de', 'tr', 'ar']],
  ['', 'school', ['education', 'language'], ['young_people', 'parents'], ['lindenfeld'], ['de'], 'Grundschule Lindenfeld', 'gs-lindenfeld.example'],
  ['', 'school', ['education', 'language'], ['young_people'], ['nordstadt'], ['de'], 'Gemeinschaftsschule Nordstadt', 'gms-nordstadt.example'],
  ['', 'company', ['work'], ['skilled_workers', 'labour_migrants'], [], ['de', 'en'], 'Pflegedienst Sonnenschein GmbH', 'pflege-sonnenschein.example'],
  ['', 'company', ['work', 'language'], ['skilled_workers'], [], ['de', 'en'], 'Stadtwerke Musterstadt GmbH', 'stadtwerke-musterstadt.example'],
  ['', 'other', ['participation'], ['seniors', 'women'], ['weststadt'], ['de', 'tr', 'ru'], 'Interkultureller Garten Weststadt e. V.', 'garten-weststadt.example'],
  ['', 'association', ['participation', 'antidiscrimination'], [], [], ['de'], 'Stiftung Bürgersinn Musterstadt', 'buergersinn.example'],
];

/** People: [organisation index, name, function, languages, flags]. */
type C = [org: number, name: string, jobFunction: string, languages: string[], flags?: { noConsent?: boolean; optOut?: boolean; noEmail?: boolean; chair?: boolean }];
const PEOPLE: C[] = [
  [0, 'Erika Mustermann', 'Leitung Büro für Integration', ['de', 'en'], { chair: true }],
  [0, 'Jonas Becker', 'Netzwerkkoordination', ['de', 'en', 'fr']],
  [1, 'Petra Lindner', 'Fachbereichsleitung Deutsch', ['de', 'en']],
  [1, 'Oleksandr Kovalenko', 'Kursplanung Integrationskurse', ['uk', 'ru', 'de']],
  [2, 'Miriam Haddad', 'Migrationsberatung für Erwachsene', ['de', 'ar', 'fr']],
  [2, 'Thomas Krüger', 'Bereichsleitung Migration', ['de'], { chair: true }],
  [3, 'Natalia Smirnova', 'Migrationsberatung', ['ru', 'uk', 'de']],
  [3, 'Klaus Hoffmann', 'Geschäftsführung', ['de'], { noConsent: true }],
  [4, 'Ayşe Yıldız', 'Migrationsberatung', ['tr', 'de']],
  [4, 'Frank Weber', 'Seniorenarbeit', ['de']],
  [5, 'Samir Aziz', 'Asylverfahrensberatung', ['ar', 'de', 'en']],
  [5, 'Julia Schäfer', 'Gesundheitsprojekte', ['de', 'en']],
  [6, 'Hamid Rahimi', 'Jugendmigrationsdienst', ['fa', 'de', 'en']],
  [6, 'Lena Vogel', 'Gruppenangebote', ['de', 'en']],
  [7, 'Stefan Braun', 'Teamleitung Integration in Arbeit', ['de'], { chair: true }],
  [7, 'Daniela Popescu', 'Arbeitsvermittlung', ['ro', 'de']],
  [8, 'Sabine Richter', 'Berufsberatung', ['de', 'en']],
  [8, 'Markus Wolf', 'Sprachförderung für den Beruf', ['de']],
  [9, 'Andrea Neumann', 'Sachgebietsleitung Aufenthalt', ['de', 'en']],
  [9, 'Yusuf Demir', 'Einbürgerung', ['tr', 'de'], { optOut: true }],
  [10, 'Laura Martínez', 'Beratung internationale Fachkräfte', ['es', 'en', 'de']],
  [10, 'Peter Schmitz', 'Arbeitgeberservice', ['de', 'en']],
  [11, 'Amina Diallo', 'Beratung bei Diskriminierung', ['fr', 'en', 'de'], { chair: true }],
  [11, 'Tobias Klein', 'Empowerment und Bildung', ['de']],
  [12, 'Fatma Öztürk', 'Frauenberatung', ['tr', 'de'], { chair: true }],
  [12, 'Shirin Karimi', 'Sprachcafé für Frauen', ['fa', 'de', 'en']],
  [12, 'Helga Zimmermann', 'Vorstand', ['de']],
  [13, 'Werner Schulz', 'Rechtsberatung', ['de']],
  [14, 'Dr. Maria Fischer', 'Gesundheitslotsen-Programm', ['de', 'en']],
  [14, 'Ahmad Nouri', 'Gesundheitslotse', ['ar', 'fa', 'de']],
  [15, 'Sandra Keller', 'Leitung Familienzentrum', ['de'], { chair: true }],
  [15, 'Elif Kaya', 'Elterncafé', ['tr', 'de']],
  [16, 'Irina Wagner', 'Familienbildung', ['ru', 'de']],
  [16, 'Michael Hahn', 'Offene Treffs', ['de']],
  [17, 'Bogdan Ionescu', 'Kursleitung', ['ro', 'de', 'en']],
  [17, 'Desislava Petrova', 'Standortleitung', ['bg', 'de']],
  [18, 'Olga Bondarenko', 'Deutschkurse mit Kinderbetreuung', ['uk', 'ru', 'de']],
  [18, 'Christian Lang', 'Prüfungszentrum', ['de', 'en']],
  [19, 'Nadia Benali', 'Anerkennungsberatung', ['ar', 'fr', 'de']],
  [19, 'Georg Huber', 'Qualifizierungsberatung', ['de']],
  [20, 'Radu Stan', 'Arbeitsrechtliche Beratung', ['ro', 'de']],
  [20, 'Mariya Dimitrova', 'Arbeitsrechtliche Beratung', ['bg', 'de'], { noConsent: true }],
  [21, 'Kwame Mensah', 'Vorsitz', ['en', 'fr', 'de'], { chair: true }],
  [21, 'Grace Okafor', 'Bildungsprojekte', ['en', 'de']],
  [22, 'Mehmet Aydın', 'Vorsitz', ['tr', 'de'], { chair: true }],
  [22, 'Zeynep Arslan', 'Hausaufgabenhilfe', ['tr', 'de']],
  [23, 'Tetiana Melnyk', 'Vorstand', ['uk', 'ru', 'de'], { chair: true }],
  [23, 'Andrii Shevchenko', 'Orientierungskurse', ['uk', 'de']],
  [24, 'Elena Georgieva', 'Beratung', ['bg', 'ro', 'de']],
  [24, 'Ion Munteanu', 'Wohnraumberatung', ['ro', 'de'], { noEmail: true }],
  [25, 'Layla Hassan', 'Frauentreff', ['ar', 'de'], { chair: true }],
  [25, 'Omar Khalil', 'Kulturprogramm', ['ar', 'de', 'en']],
  [26, 'Farida Ahmadi', 'Sprachpatenschaften', ['fa', 'prs', 'de']],
  [26, 'Wahid Sultani', 'Vorsitz', ['ps', 'fa', 'de'], { chair: true }],
  [27, 'Dr. Eva Brandt', 'Psychotherapie', ['de', 'en']],
  [27, 'Tesfaye Gebre', 'Sprach- und Kulturmittlung', ['ti', 'de']],
  [28, 'Nicole Franke', 'Ehrenamtskoordination', ['de', 'en']],
  [28, 'Rolf Meier', 'Sprachpatenschaften', ['de']],
  [29, 'Birgit Lehmann', 'Interkulturelle Bibliotheksarbeit', ['de', 'en']],
  [29, 'Hoa Nguyen', 'Sprachcafé', ['vi', 'de']],
  [30, 'Leonie Ziegler', 'Koordination', ['de', 'en']],
  [30, 'Karim Saleh', 'Beratung', ['ar', 'de']],
  [31, 'Monika Graf', 'Familienberatung', ['de']],
  [32, 'Uwe Roth', 'Sozialmanagement', ['de'], { optOut: true }],
  [32, 'Svetlana Koch', 'Vermietung', ['ru', 'de']],
  [33, 'Deniz Kılıç', 'Jugendarbeit', ['tr', 'de']],
  [33, 'Jana Berger', 'Bewerbungswerkstatt', ['de']],
  [34, 'Ute Sommer', 'Schulleitung', ['de']],
  [34, 'Maja Kovač', 'Schulsozialarbeit', ['sr', 'de']],
  [35, 'Holger Busch', 'Schulleitung', ['de']],
  [35, 'Aylin Çelik', 'Deutsch als Zweitsprache', ['tr', 'de']],
  [36, 'Kerstin Vogt', 'Personal', ['de']],
  [36, 'Anan Suwan', 'Praxisanleitung', ['en', 'de']],
  [37, 'Dirk Schröder', 'Ausbildung', ['de']],
  [37, 'Martina Walter', 'Personalentwicklung', ['de', 'en']],
  [38, 'Gül Şahin', 'Gartenprojekt', ['tr', 'de']],
  [38, 'Ludmila Frank', 'Gartenprojekt', ['ru', 'de']],
  [39, 'Dr. Hans Albrecht', 'Stiftungsvorstand', ['de']],
  [39, 'Katrin Scholz', 'Förderprogramme', ['de', 'en']],
  [1, 'Rania Mahmoud', 'Alphabetisierungskurse', ['ar', 'de']],
];

/** Groups: name, kind, purpose, fields, members [org index, role, delegate person indices]. */
type G = [name: string, kind: GroupKind, purpose: string, fields: string[], members: Array<[org: number, role: MemberRole, delegates: number[]]>];
const GROUPS: G[] = [
  [
    'Arbeitskreis Sprache und Integrationskurse',
    'working_group',
    'Abstimmung der Integrations-, Berufssprach- und Alphabetisierungskurse: Bedarf, freie Plätze, Kurse mit Kinderbetreuung, Übergänge in den Beruf.',
    ['language'],
    [[1, 'chair', [2]], [0, 'coordination', [1]], [17, 'member', [34]], [18, 'member', [36]], [7, 'member', [14]], [8, 'member', [17]], [2, 'member', [4]], [12, 'member', [25]], [29, 'member', [58]], [23, 'guest', [47]]],
  ],
  [
    'Netzwerk Frühe Hilfen und Familie',
    'network',
    'Familienzentren, Beratungsstellen und Migrantenorganisationen stimmen Angebote für Eltern mit kleinen Kindern ab.',
    ['family', 'education'],
    [[15, 'chair', [30]], [16, 'member', [32]], [31, 'member', [62]], [22, 'member', [45]], [25, 'member', [50]], [14, 'member', [28]], [2, 'member', [5]], [34, 'member', [67]], [12, 'member', [24]]],
  ],
  [
    'Arbeitskreis Arbeitsmarktintegration',
    'working_group',
    'Jobcenter, Agentur für Arbeit, Anerkennungsberatung und Arbeitgeber: Wege in Ausbildung und Arbeit für Zugewanderte.',
    ['work'],
    [[7, 'chair', [14, 15]], [8, 'member', [16]], [10, 'member', [20]], [19, 'member', [38]], [20, 'member', [40, 41]], [36, 'member', [72]], [37, 'member', [73]], [6, 'member', [12]], [0, 'coordination', [1]]],
  ],
  [
    'Netzwerk gegen Diskriminierung',
    'network',
    'Beratung, Dokumentation und Öffentlichkeitsarbeit gegen Diskriminierung; interkulturelle Öffnung der Verwaltung.',
    ['antidiscrimination'],
    [[11, 'chair', [22]], [0, 'deputy', [0]], [21, 'member', [42]], [26, 'member', [53]], [30, 'member', [60]], [9, 'guest', [18, 19]], [33, 'member', [65]]],
  ],
  [
    'Arbeitskreis Wohnen',
    'working_group',
    'Wohnraum für Geflüchtete und Neuzugewanderte: Wohnraumbörse, Mieterberatung, Konflikte in der Nachbarschaft.',
    ['housing'],
    [[32, 'member', [63, 64]], [13, 'chair', [27]], [24, 'member', [48, 49]], [5, 'member', [10]], [0, 'coordination', [1]], [3, 'member', [6]]],
  ],
  [
    'Netzwerk Migrantenorganisationen',
    'network',
    'Austausch und gemeinsame Projekte der Migrantenorganisationen; Vorschläge an den Migrationsbeirat.',
    ['participation'],
    [[21, 'member', [42, 43]], [22, 'member', [44]], [23, 'chair', [46]], [24, 'member', [48]], [25, 'member', [51]], [26, 'deputy', [53]], [0, 'coordination', [0]], [39, 'guest', [78]]],
  ],
];

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** A meeting on a working day (Tuesday to Thursday) about `offset` days from now, from `hourUtc` for two hours. */
const at = (offset: number, hourUtc: number) => {
  const d = new Date(Date.now() + offset * 86_400_000);
  while (d.getUTCDay() < 2 || d.getUTCDay() > 4) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};
const monthTitle = (d: Date) => `Sitzung ${new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }).format(d)}`;

const slugOf = (name: string) =>
  normalizeName(name)
    .replace(/ /g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .slice(0, 40);

export async function seedNetworkDemo(db: Database, maps: TenantKeyMaps): Promise<void> {
  const tenantId = maps.tenantId;
  const [existing] = await db.tenant(tenantId, (tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations'));
  if ((existing?.n ?? 0) > 0) return;
  const providerByKey = new Map(demoProviders.map((p) => [p.key, p]));
  await db.tenant(tenantId, async (tx: Tx) => {
    const [office] = await tx.query<{ id: string }>("SELECT id FROM auth_user WHERE tenant_id = $1 AND role = 'office_editor' ORDER BY created_at LIMIT 1", [tenantId]);
    const ids = (keys: string[], map: Map<string, string>) => keys.map((k) => map.get(k)).filter((x): x is string => Boolean(x));
    const orgRows = await tx.db
      .insert(organisations)
      .values(
        ORGS.map(([key, type, fields, groups, areaKeys, languages, ownName, domain]) => {
          const p = key ? providerByKey.get(key) : undefined;
          const name = p?.name ?? ownName!;
          const website = p?.website ?? (domain ? `https://www.${domain}` : null);
          const email = p?.email ?? (domain ? `info@${domain}` : null);
          return {
            tenantId,
            name,
            normName: normalizeName(name),
            type,
            description: p?.description ?? '',
            street: p?.street ?? null,
            postcode: p?.postcode ?? null,
            town: p?.town ?? 'Musterstadt',
            website,
            email,
            phone: p?.phone ?? null,
            domains: domainsOf(website, email),
            languages,
            fieldIds: ids(fields, maps.fields),
            targetGroupIds: ids(groups, maps.targetGroups),
            areaIds: ids(areaKeys, maps.areas),
            providerId: key ? (maps.providers.get(key) ?? null) : null,
          };
        }),
      )
      .returning({ id: organisations.id });
    const orgId = (i: number) => orgRows[i]!.id;
    const domainOf = (i: number) => {
      const [key, , , , , , ownName, domain] = ORGS[i]!;
      const p = key ? providerByKey.get(key) : undefined;
      return (p?.email?.split('@')[1] ?? domain ?? `${slugOf(ownName ?? 'verein')}.example`).toLowerCase();
    };
    const personRows = await tx.db
      .insert(contacts)
      .values(
        PEOPLE.map(([org, name, jobFunction, languages, flags]) => ({
          tenantId,
          name,
          normName: normalizeName(name),
          email: flags?.noEmail ? null : `${slugOf(name.replace(/^Dr\. /, '')).replace(/-/g, '.')}@${domainOf(org)}`,
          phone: `0699 ${String(5000 + org * 10 + name.length).padStart(4, '0')}`,
          jobFunction,
          languages,
          optOutInvitations: Boolean(flags?.optOut),
          preferredChannel: 'email' as const,
        })),
      )
      .returning({ id: contacts.id });
    const personId = (i: number) => personRows[i]!.id;
    await tx.db.insert(contactConsents).values(
      PEOPLE.flatMap(([, , , , flags], i) =>
        flags?.noConsent
          ? []
          : [
              {
                tenantId,
                contactId: personId(i),
                purpose: 'contact' as const,
                givenOn: day(-200 + (i % 90)),
                source: i % 3 === 0 ? 'Anmeldeformular Netzwerktreffen' : i % 3 === 1 ? 'E-Mail an das Büro für Integration' : 'mündlich bei der Sitzung, protokolliert',
                recordedBy: 'demo',
              },
              ...(i % 4 === 0 ? [{ tenantId, contactId: personId(i), purpose: 'newsletter' as const, givenOn: day(-150 + (i % 60)), source: 'Anmeldeformular Newsletter', recordedBy: 'demo' }] : []),
            ],
      ),
    );
    // Everyone works for their organisation; chairs also chair it; a few changed jobs.
    await tx.db.insert(actorRelationships).values([
      ...PEOPLE.map(([org], i) => ({ tenantId, kind: 'works_for' as const, fromContactId: personId(i), toOrganisationId: orgId(org), startsOn: day(-400 - i * 17) })),
      ...PEOPLE.flatMap(([org, , , , flags], i) => (flags?.chair ? [{ tenantId, kind: 'chairs' as const, fromContactId: personId(i), toOrganisationId: orgId(org), startsOn: day(-300) }] : [])),
      { tenantId, kind: 'works_for' as const, fromContactId: personId(1), toOrganisationId: orgId(11), startsOn: day(-1400), endsOn: day(-420), note: 'vorher Antidiskriminierungsbüro' },
      { tenantId, kind: 'member_of' as const, fromContactId: personId(24), toOrganisationId: orgId(11), startsOn: day(-700) },
      // Funding and cooperation between organisations.
      ...[11, 12, 21, 22, 23, 24, 25, 26].map((o) => ({ tenantId, kind: 'funds' as const, fromOrganisationId: orgId(0), toOrganisationId: orgId(o), startsOn: day(-365) })),
      ...[28, 38, 26].map((o) => ({ tenantId, kind: 'funds' as const, fromOrganisationId: orgId(39), toOrganisationId: orgId(o), startsOn: day(-500) })),
      ...[
        [1, 18],
        [1, 17],
        [7, 19],
        [15, 22],
        [12, 25],
        [29, 28],
        [6, 33],
        [2, 27],
        [10, 36],
        [20, 24],
      ].map(([a, b]) => ({ tenantId, kind: 'cooperates_with' as const, fromOrganisationId: orgId(a!), toOrganisationId: orgId(b!), startsOn: day(-600) })),
      ...[21, 22, 23, 25, 26].map((o) => ({ tenantId, kind: 'member_of' as const, fromOrganisationId: orgId(o), toOrganisationId: orgId(38), startsOn: day(-200), note: 'Gartenpatenschaft' })),
    ]);

    for (const [g, [name, kind, purpose, fields, members]] of GROUPS.entries()) {
      const [group] = await tx.db
        .insert(networkGroups)
        .values({ tenantId, name, kind, purpose, fieldIds: ids(fields, maps.fields) })
        .returning({ id: networkGroups.id });
      const groupId = group!.id;
      await tx.db.insert(groupMembers).values(
        members.flatMap(([org, role, delegates]) => [
          { tenantId, groupId, organisationId: orgId(org), contactId: null, role: 'member' as const, joinedOn: day(-720 + g * 30) },
          ...delegates.map((p, k) => ({ tenantId, groupId, organisationId: orgId(org), contactId: personId(p), role: k === 0 ? role : ('member' as const), joinedOn: day(-700 + g * 30) })),
        ]),
      );
      // A held meeting with minutes, and the next one, planned.
      const agenda = [
        { id: randomUUID(), title: 'Begrüßung und Protokoll der letzten Sitzung', description: '', notes: 'Das Protokoll wurde ohne Änderungen angenommen.' },
        { id: randomUUID(), title: 'Berichte aus den Einrichtungen', description: 'Kurze Runde: Was ist neu, wo gibt es Engpässe?', notes: 'Mehrere Einrichtungen berichten von langen Wartelisten.' },
        { id: randomUUID(), title: 'Gemeinsame Aktion im Herbst', description: 'Ideen sammeln, Verantwortliche finden', notes: 'Die Gruppe plant einen Infotag im Rathaus.' },
      ];
      const decisions = [
        { id: randomUUID(), agendaItemId: agenda[2]!.id, text: 'Die Gruppe organisiert einen gemeinsamen Infotag; das Büro für Integration stellt den Raum.' },
        { id: randomUUID(), agendaItemId: null, text: 'Die nächste Sitzung findet in sechs Wochen statt.' },
      ];
      const pastOffset = -21 - g * 4;
      const [held] = await tx.db
        .insert(networkMeetings)
        .values({
          tenantId,
          groupId,
          title: monthTitle(at(pastOffset, 15)),
          startsAt: at(pastOffset, 15),
          endsAt: at(pastOffset, 17),
          location: 'Rathaus Musterstadt, Sitzungssaal 2',
          invitationText: 'Wir freuen uns auf den Austausch.',
          agenda,
          decisions,
          minutes: 'Protokoll: Büro für Integration. Nächste Schritte siehe Aufgaben.',
          status: 'held',
          invitationSentAt: new Date(at(pastOffset, 9).getTime() - 14 * 86_400_000),
          minutesSentAt: new Date(at(pastOffset, 9).getTime() + 3 * 86_400_000),
        })
        .returning({ id: networkMeetings.id });
      const delegateIndices = members.flatMap(([, , d]) => d);
      await tx.db.insert(meetingAttendance).values(
        delegateIndices.map((p, k) => ({ tenantId, meetingId: held!.id, contactId: personId(p), status: k % 5 === 4 ? ('excused' as const) : ('present' as const) })),
      );
      const futureOffset = 14 + g * 5;
      await tx.db.insert(networkMeetings).values({
        tenantId,
        groupId,
        title: monthTitle(at(futureOffset, 15)),
        startsAt: at(futureOffset, 15),
        endsAt: at(futureOffset, 17),
        location: g % 2 ? 'Stadtbibliothek Musterstadt, Veranstaltungsraum' : 'Rathaus Musterstadt, Sitzungssaal 2',
        onlineUrl: g % 3 === 0 ? 'https://video.musterstadt.example/netzwerk' : null,
        agenda: [
          { id: randomUUID(), title: 'Begrüßung', description: '', notes: '' },
          { id: randomUUID(), title: 'Stand der Aufgaben', description: 'Berichte der Zuständigen', notes: '' },
          { id: randomUUID(), title: 'Infotag: Programm und Aufgabenverteilung', description: '', notes: '' },
        ],
      });
      const tasks: Array<{ title: string; owner: number | 'office' | null; due: number; status: TaskStatus }> = [
        { title: 'Raum und Technik für den Infotag klären', owner: 'office', due: 10, status: 'open' },
        { title: 'Übersicht der Wartelisten zusammenstellen', owner: delegateIndices[0] ?? null, due: -3, status: 'open' },
        { title: 'Flyer in mehreren Sprachen entwerfen', owner: delegateIndices[1] ?? null, due: 20, status: 'in_progress' },
        { title: 'Protokoll an neue Mitglieder schicken', owner: 'office', due: -10, status: 'done' },
      ];
      await tx.db.insert(networkTasks).values(
        tasks.map((t) => ({
          tenantId,
          groupId,
          meetingId: held!.id,
          title: t.title,
          ownerContactId: typeof t.owner === 'number' ? personId(t.owner) : null,
          ownerAccountId: t.owner === 'office' ? (office?.id ?? null) : null,
          dueOn: day(t.due + g),
          status: t.status,
          completedAt: t.status === 'done' ? new Date() : null,
        })),
      );
    }
    await writeAudit(tx, { action: 'demo.network_seeded', entityType: 'tenant', entityId: tenantId, actorLabel: 'system', details: { organisations: ORGS.length, contacts: PEOPLE.length, groups: GROUPS.length } });
  });
}
