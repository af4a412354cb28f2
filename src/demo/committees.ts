// Committee demo data for Musterstadt: the council's integration committee and the migration
// advisory council, two legislative terms, members, ten meetings around the seeding date (held
// ones with minutes and decisions, upcoming ones with invitations), papers with PDF files. All
// names are invented. Meetings are placed relative to "now" so the demo always has both.
import { createHash } from 'node:crypto';
import type { Database, Tx } from '../db/database.ts';
import { berlinDate, boundary } from '../shared/berlinTime.ts';
import {
  committeeAgendaItems,
  committeeConsultations,
  committeeFiles,
  committeeLocations,
  committeeMeetings,
  committeeMemberships,
  committeePapers,
  committeePersons,
  committees,
  committeeTerms,
} from '../domains/committees/committees.table.ts';
import { tinyPdf } from '../domains/committees/tinyPdf.ts';
import type { FileRole, MeetingState, MembershipRole } from '../shared/contracts/committees.ts';

interface DemoItem {
  number: string;
  name: string;
  public?: boolean;
  result?: string;
  resolutionText?: string;
  minutes?: string;
  /** Reference of the paper discussed under this item. */
  paper?: string;
  role?: 'advisory' | 'deciding';
}

interface DemoMeeting {
  committee: 'aim' | 'mbr';
  name: string;
  /** Days from the seeding date; the meeting starts at 17:00 in Musterstadt. */
  days: number;
  state: MeetingState;
  location: 'rathaus' | 'buergerhaus';
  published: boolean;
  items: DemoItem[];
}

const PERSONS: Array<{ key: string; familyName: string; givenName: string; formOfAddress: string; title?: string; publish?: boolean }> = [
  { key: 'yilmaz', familyName: 'Yılmaz', givenName: 'Derya', formOfAddress: 'Frau', publish: true },
  { key: 'becker', familyName: 'Becker', givenName: 'Thomas', formOfAddress: 'Herr', title: 'Dr.' },
  { key: 'nowak', familyName: 'Nowak', givenName: 'Agnieszka', formOfAddress: 'Frau' },
  { key: 'schulze', familyName: 'Schulze', givenName: 'Martin', formOfAddress: 'Herr' },
  { key: 'okafor', familyName: 'Okafor', givenName: 'Chidi', formOfAddress: 'Herr' },
  { key: 'weber', familyName: 'Weber', givenName: 'Sabine', formOfAddress: 'Frau' },
  { key: 'hussein', familyName: 'Hussein', givenName: 'Lina', formOfAddress: 'Frau', publish: true },
  { key: 'petrov', familyName: 'Petrov', givenName: 'Ivan', formOfAddress: 'Herr' },
  { key: 'marino', familyName: 'Marino', givenName: 'Giulia', formOfAddress: 'Frau' },
  { key: 'schmitt', familyName: 'Schmitt', givenName: 'Klaus', formOfAddress: 'Herr' },
  { key: 'karimi', familyName: 'Karimi', givenName: 'Reza', formOfAddress: 'Herr', title: 'Prof. Dr.' },
  { key: 'popescu', familyName: 'Popescu', givenName: 'Elena', formOfAddress: 'Frau' },
  { key: 'kovalenko', familyName: 'Kovalenko', givenName: 'Olena', formOfAddress: 'Frau' },
  { key: 'mustermann', familyName: 'Mustermann', givenName: 'Erika', formOfAddress: 'Frau' },
];

const MEMBERS: Array<{ committee: 'aim' | 'mbr'; person: string; role: MembershipRole; votingRight?: boolean; from: string; until?: string }> = [
  { committee: 'aim', person: 'yilmaz', role: 'chair', from: '2024-07-01' },
  { committee: 'aim', person: 'becker', role: 'deputy_chair', from: '2024-07-01' },
  { committee: 'aim', person: 'nowak', role: 'member', from: '2024-07-01' },
  { committee: 'aim', person: 'schulze', role: 'member', from: '2024-07-01' },
  { committee: 'aim', person: 'weber', role: 'member', from: '2024-07-01' },
  { committee: 'aim', person: 'schmitt', role: 'member', from: '2019-07-01', until: '2024-06-30' },
  { committee: 'aim', person: 'hussein', role: 'advisory_member', votingRight: false, from: '2024-07-01' },
  { committee: 'aim', person: 'mustermann', role: 'advisory_member', votingRight: false, from: '2019-07-01' },
  { committee: 'mbr', person: 'hussein', role: 'chair', from: '2025-01-01' },
  { committee: 'mbr', person: 'okafor', role: 'deputy_chair', from: '2025-01-01' },
  { committee: 'mbr', person: 'petrov', role: 'member', from: '2025-01-01' },
  { committee: 'mbr', person: 'marino', role: 'member', from: '2025-01-01' },
  { committee: 'mbr', person: 'karimi', role: 'member', from: '2025-01-01' },
  { committee: 'mbr', person: 'popescu', role: 'member', from: '2025-01-01' },
  { committee: 'mbr', person: 'kovalenko', role: 'member', from: '2025-01-01' },
  { committee: 'mbr', person: 'yilmaz', role: 'advisory_member', votingRight: false, from: '2025-01-01' },
];

const PAPERS: Array<{ reference: string; name: string; paperType: string; days: number; published: boolean }> = [
  { reference: 'V/2026/0141', name: 'Integrationskonzept der Stadt Musterstadt – Fortschreibung', paperType: 'Beschlussvorlage', days: -130, published: true },
  { reference: 'V/2026/0152', name: 'Bericht zum Integrationsmonitoring 2025', paperType: 'Informationsvorlage', days: -125, published: true },
  { reference: 'A/2026/0031', name: 'Antrag des Migrationsbeirats: Mehrsprachige Elterninformation an Schulen', paperType: 'Antrag', days: -80, published: true },
  { reference: 'V/2026/0188', name: 'Förderrichtlinie Sprachmittlerpool', paperType: 'Beschlussvorlage', days: -60, published: true },
  { reference: 'V/2026/0190-N', name: 'Vergabe Sprachmittlerdienstleistungen (nichtöffentlich)', paperType: 'Beschlussvorlage', days: -60, published: false },
  { reference: 'V/2026/0203', name: 'Ergebnisse der Befragung neu zugewanderter Familien', paperType: 'Informationsvorlage', days: -20, published: true },
  { reference: 'V/2026/0215', name: 'Haushaltsansätze Integration 2027', paperType: 'Beschlussvorlage', days: -5, published: true },
  { reference: 'A/2026/0044', name: 'Antrag: Beratungsangebot für EU-Zugewanderte in der Neckarstadt', paperType: 'Antrag', days: -3, published: true },
];

const MEETINGS: DemoMeeting[] = [
  {
    committee: 'aim',
    name: '9. Sitzung des Ausschusses für Integration und Migration',
    days: -120,
    state: 'held',
    location: 'rathaus',
    published: true,
    items: [
      { number: 'Ö 1', name: 'Eröffnung und Feststellung der Tagesordnung', result: 'festgestellt' },
      {
        number: 'Ö 2',
        name: 'Integrationskonzept – Fortschreibung',
        paper: 'V/2026/0141',
        role: 'advisory',
        result: 'einstimmig empfohlen',
        resolutionText: 'Der Ausschuss empfiehlt dem Gemeinderat, die Fortschreibung des Integrationskonzepts zu beschließen.',
        minutes: 'Die Leiterin des Büros für Integration stellt die Fortschreibung vor. Nachfragen zu den Handlungsfeldern Sprache und Arbeit werden beantwortet.',
      },
      { number: 'Ö 3', name: 'Integrationsmonitoring 2025', paper: 'V/2026/0152', role: 'advisory', result: 'zur Kenntnis genommen', minutes: 'Der Bericht wird zur Kenntnis genommen.' },
      { number: 'Ö 4', name: 'Verschiedenes', minutes: 'Keine Wortmeldungen.' },
    ],
  },
  {
    committee: 'mbr',
    name: '4. Sitzung des Migrationsbeirats',
    days: -90,
    state: 'held',
    location: 'buergerhaus',
    published: true,
    items: [
      { number: 'Ö 1', name: 'Begrüßung und Tagesordnung', result: 'festgestellt' },
      {
        number: 'Ö 2',
        name: 'Mehrsprachige Elterninformation an Schulen',
        paper: 'A/2026/0031',
        role: 'deciding',
        result: 'mehrheitlich beschlossen',
        resolutionText: 'Der Migrationsbeirat stellt den Antrag an den Ausschuss für Integration und Migration.',
        minutes: 'Mitglieder berichten von Erfahrungen aus Elternabenden. Der Antrag wird mit 9 Ja-Stimmen bei 2 Enthaltungen beschlossen.',
      },
      { number: 'Ö 3', name: 'Bericht aus den Arbeitsgruppen', minutes: 'Die AG Wohnen berichtet über die Sprechstunde im Bürgerhaus.' },
    ],
  },
  {
    committee: 'aim',
    name: '10. Sitzung des Ausschusses für Integration und Migration',
    days: -56,
    state: 'held',
    location: 'rathaus',
    published: true,
    items: [
      { number: 'Ö 1', name: 'Eröffnung und Feststellung der Tagesordnung', result: 'festgestellt' },
      { number: 'Ö 2', name: 'Antrag des Migrationsbeirats: Mehrsprachige Elterninformation', paper: 'A/2026/0031', role: 'deciding', result: 'einstimmig beschlossen', resolutionText: 'Die Verwaltung wird beauftragt, Elternbriefe in fünf Sprachen anzubieten.' },
      { number: 'Ö 3', name: 'Förderrichtlinie Sprachmittlerpool', paper: 'V/2026/0188', role: 'deciding', result: 'einstimmig beschlossen', resolutionText: 'Die Förderrichtlinie wird in der vorgelegten Fassung beschlossen.' },
      { number: 'N 1', name: 'Vergabe Sprachmittlerdienstleistungen', public: false, paper: 'V/2026/0190-N', role: 'deciding', result: 'beschlossen', minutes: 'Vertrauliche Beratung über die Angebote der Bieter.' },
    ],
  },
  {
    committee: 'mbr',
    name: '5. Sitzung des Migrationsbeirats',
    days: -35,
    state: 'cancelled',
    location: 'buergerhaus',
    published: true,
    items: [{ number: 'Ö 1', name: 'Sitzung entfällt wegen Beschlussunfähigkeit' }],
  },
  {
    committee: 'mbr',
    name: '6. Sitzung des Migrationsbeirats',
    days: -14,
    state: 'held',
    location: 'buergerhaus',
    published: true,
    items: [
      { number: 'Ö 1', name: 'Begrüßung und Tagesordnung', result: 'festgestellt' },
      { number: 'Ö 2', name: 'Befragung neu zugewanderter Familien', paper: 'V/2026/0203', role: 'advisory', result: 'zur Kenntnis genommen', minutes: 'Die Ergebnisse werden vorgestellt und diskutiert.' },
      { number: 'N 1', name: 'Persönliche Angelegenheit eines Beiratsmitglieds', public: false, minutes: 'Vertraulich.' },
    ],
  },
  {
    committee: 'aim',
    name: '11. Sitzung des Ausschusses für Integration und Migration',
    days: 12,
    state: 'invited',
    location: 'rathaus',
    published: true,
    items: [
      { number: 'Ö 1', name: 'Eröffnung und Feststellung der Tagesordnung' },
      { number: 'Ö 2', name: 'Befragung neu zugewanderter Familien', paper: 'V/2026/0203', role: 'advisory' },
      { number: 'Ö 3', name: 'Haushaltsansätze Integration 2027', paper: 'V/2026/0215', role: 'advisory' },
      { number: 'Ö 4', name: 'Antrag: Beratungsangebot für EU-Zugewanderte', paper: 'A/2026/0044', role: 'deciding' },
      { number: 'N 1', name: 'Personalangelegenheiten', public: false },
    ],
  },
  {
    committee: 'mbr',
    name: '7. Sitzung des Migrationsbeirats',
    days: 26,
    state: 'scheduled',
    location: 'buergerhaus',
    published: true,
    items: [
      { number: 'Ö 1', name: 'Begrüßung und Tagesordnung' },
      { number: 'Ö 2', name: 'Vorbereitung des Tags der Vielfalt' },
    ],
  },
  {
    committee: 'aim',
    name: '12. Sitzung des Ausschusses für Integration und Migration',
    days: 54,
    state: 'scheduled',
    location: 'rathaus',
    published: true,
    items: [{ number: 'Ö 1', name: 'Eröffnung und Feststellung der Tagesordnung' }],
  },
  {
    committee: 'mbr',
    name: '8. Sitzung des Migrationsbeirats',
    days: 68,
    state: 'scheduled',
    location: 'buergerhaus',
    published: false,
    items: [{ number: 'Ö 1', name: 'Begrüßung und Tagesordnung' }],
  },
  {
    committee: 'aim',
    name: '13. Sitzung des Ausschusses für Integration und Migration',
    days: 96,
    state: 'scheduled',
    location: 'rathaus',
    published: false,
    items: [],
  },
];

async function insertPdf(tx: Tx, name: string, role: FileRole, parent: { paperId?: string; meetingId?: string }, lines: string[], date: string): Promise<void> {
  const bytes = tinyPdf([name, ...lines, 'Stadt Musterstadt (fiktive Demo-Daten)']);
  const [row] = await tx.db
    .insert(committeeFiles)
    .values({
      tenantId: tx.tenantId!,
      name,
      fileName: `${name.replace(/[^A-Za-z0-9ÄÖÜäöüß]+/g, '-').replace(/^-|-$/g, '')}.pdf`,
      mimeType: 'application/pdf',
      size: bytes.length,
      sha1: createHash('sha1').update(bytes).digest('hex'),
      sha512: createHash('sha512').update(bytes).digest('hex'),
      date,
      role,
      paperId: parent.paperId ?? null,
      meetingId: parent.meetingId ?? null,
    })
    .returning({ id: committeeFiles.id });
  await tx.query(`INSERT INTO committee_file_contents (tenant_id, file_id, content) VALUES ($1, $2, decode($3, 'base64'))`, [tx.tenantId, row!.id, bytes.toString('base64')]);
}

/** Seeds the committees of Musterstadt once: a tenant that has committees already is left alone. */
export async function seedDemoCommittees(db: Database, tenantId: string, now = new Date()): Promise<{ meetings: number } | null> {
  return db.tenant(tenantId, async (tx) => {
    const [existing] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM committees');
    if (Number(existing?.n ?? 0) > 0) return null;
    const day = (days: number) => berlinDate(new Date(now.getTime() + days * 86_400_000));
    const at = (days: number, hour: number) => new Date(boundary(day(days)).getTime() + hour * 3_600_000);

    const [aim, mbr] = await tx.db
      .insert(committees)
      .values([
        {
          tenantId,
          name: 'Ausschuss für Integration und Migration',
          shortName: 'AIM',
          kind: 'committee',
          description: 'Beratender Ausschuss des Gemeinderats für alle Fragen der Integration und Migration. Die Geschäftsführung liegt beim Büro für Integration.',
          startDate: '2019-07-01',
          sort: 1,
        },
        {
          tenantId,
          name: 'Migrationsbeirat',
          shortName: 'MBR',
          kind: 'advisory_council',
          description: 'Gewählte Vertretung der Einwohnerinnen und Einwohner mit Migrationsgeschichte. Er berät den Gemeinderat und kann Anträge an den Ausschuss stellen.',
          startDate: '2025-01-01',
          sort: 2,
        },
      ])
      .returning();
    const committeeId = { aim: aim!.id, mbr: mbr!.id };
    await tx.db.insert(committeeTerms).values([
      { tenantId, name: 'Wahlperiode 2019–2024', startDate: '2019-07-01', endDate: '2024-06-30' },
      { tenantId, name: 'Wahlperiode 2024–2029', startDate: '2024-07-01', endDate: '2029-06-30' },
    ]);
    const persons = await tx.db
      .insert(committeePersons)
      .values(
        PERSONS.map((p) => ({
          tenantId,
          familyName: p.familyName,
          givenName: p.givenName,
          formOfAddress: p.formOfAddress,
          title: p.title ?? '',
          email: p.publish ? `${p.givenName.toLowerCase()}.${p.key}@musterstadt.example` : null,
          publishContact: p.publish ?? false,
        })),
      )
      .returning({ id: committeePersons.id });
    const personId = new Map(PERSONS.map((p, i) => [p.key, persons[i]!.id]));
    await tx.db.insert(committeeMemberships).values(
      MEMBERS.map((m) => ({
        tenantId,
        committeeId: committeeId[m.committee],
        personId: personId.get(m.person)!,
        role: m.role,
        votingRight: m.votingRight ?? true,
        startDate: m.from,
        endDate: m.until ?? null,
      })),
    );
    const [rathaus, buergerhaus] = await tx.db
      .insert(committeeLocations)
      .values([
        { tenantId, description: 'Rathaus Musterstadt', room: 'Ratssaal', streetAddress: 'Rathausplatz 1', postalCode: '68161', locality: 'Musterstadt' },
        { tenantId, description: 'Bürgerhaus Neckarstadt', room: 'Saal 1', streetAddress: 'Lange Straße 12', postalCode: '68169', locality: 'Musterstadt' },
      ])
      .returning({ id: committeeLocations.id });
    const locationId = { rathaus: rathaus!.id, buergerhaus: buergerhaus!.id };

    const paperId = new Map<string, string>();
    for (const p of PAPERS) {
      const [row] = await tx.db
        .insert(committeePapers)
        .values({ tenantId, reference: p.reference, name: p.name, paperType: p.paperType, date: day(p.days), publishedAt: p.published ? at(p.days, 12) : null })
        .returning({ id: committeePapers.id });
      paperId.set(p.reference, row!.id);
      await insertPdf(tx, p.name, 'main', { paperId: row!.id }, [`${p.paperType} ${p.reference}`, `Datum: ${day(p.days)}`], day(p.days));
    }

    for (const m of MEETINGS) {
      const start = at(m.days, 17);
      const [meeting] = await tx.db
        .insert(committeeMeetings)
        .values({
          tenantId,
          committeeId: committeeId[m.committee],
          name: m.name,
          state: m.state,
          startAt: start,
          endAt: new Date(start.getTime() + 2.5 * 3_600_000),
          locationId: locationId[m.location],
          publishedAt: m.published ? at(m.days - 14, 9) : null,
        })
        .returning({ id: committeeMeetings.id });
      if (m.items.length) {
        const items = await tx.db
          .insert(committeeAgendaItems)
          .values(
            m.items.map((item, i) => ({
              tenantId,
              meetingId: meeting!.id,
              position: i + 1,
              number: item.number,
              name: item.name,
              public: item.public ?? true,
              result: m.state === 'held' ? (item.result ?? '') : '',
              resolutionText: m.state === 'held' ? (item.resolutionText ?? '') : '',
              minutes: m.state === 'held' ? (item.minutes ?? '') : '',
            })),
          )
          .returning({ id: committeeAgendaItems.id });
        const consultations = m.items.flatMap((item, i) =>
          item.paper ? [{ tenantId, paperId: paperId.get(item.paper)!, meetingId: meeting!.id, agendaItemId: items[i]!.id, role: item.role ?? ('advisory' as const) }] : [],
        );
        if (consultations.length) await tx.db.insert(committeeConsultations).values(consultations);
      }
      if (m.published && m.state !== 'cancelled') {
        const agenda = m.items.filter((i) => i.public !== false).map((i) => `${i.number} ${i.name}`);
        await insertPdf(tx, `Einladung ${m.name}`, 'invitation', { meetingId: meeting!.id }, [`Beginn: ${day(m.days)}, 17:00 Uhr`, ...agenda], day(m.days - 14));
        if (m.state === 'held') {
          await insertPdf(tx, `Niederschrift ${m.name} (öffentlicher Teil)`, 'results_protocol', { meetingId: meeting!.id }, agenda, day(m.days + 7));
        }
      }
    }
    return { meetings: MEETINGS.length };
  });
}
