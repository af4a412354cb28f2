// Factories for committee tests: a realistic body with public and internal content, built in one
// tenant transaction. Files are made in the test (tiny PDF, PNG bytes), never read from fixtures.
import { createHash } from 'node:crypto';
import type { Database, Tx } from '../../db/database.ts';
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
} from './committees.table.ts';
import { tinyPdf } from './tinyPdf.ts';

/** The first bytes of a PNG image (enough for the type check). */
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

export async function insertFile(
  tx: Tx,
  values: { name: string; role: (typeof committeeFiles.$inferInsert)['role']; paperId?: string; meetingId?: string; agendaItemId?: string; bytes?: Buffer; fileName?: string },
) {
  const bytes = values.bytes ?? tinyPdf([values.name]);
  const [row] = await tx.db
    .insert(committeeFiles)
    .values({
      tenantId: tx.tenantId!,
      name: values.name,
      fileName: values.fileName ?? `${values.name.replace(/[^A-Za-z0-9]+/g, '-')}.pdf`,
      mimeType: bytes[0] === 0x89 ? 'image/png' : 'application/pdf',
      size: bytes.length,
      sha1: createHash('sha1').update(bytes).digest('hex'),
      sha512: createHash('sha512').update(bytes).digest('hex'),
      date: '2026-03-02',
      role: values.role,
      paperId: values.paperId ?? null,
      meetingId: values.meetingId ?? null,
      agendaItemId: values.agendaItemId ?? null,
    })
    .returning();
  await tx.query(`INSERT INTO committee_file_contents (tenant_id, file_id, content) VALUES ($1, $2, decode($3, 'base64'))`, [tx.tenantId, row!.id, bytes.toString('base64')]);
  return row!;
}

export interface CommitteeWorld {
  committeeId: string;
  otherCommitteeId: string;
  termIds: string[];
  personIds: string[];
  membershipIds: string[];
  locationId: string;
  /** Published, held, with a public item (paper + files) and a non-public item (paper + file + minutes). */
  meetingId: string;
  publicItemId: string;
  secretItemId: string;
  publicPaperId: string;
  secretPaperId: string;
  /** A published paper not yet on any agenda. */
  loosePaperId: string;
  draftPaperId: string;
  /** Not published. */
  draftMeetingId: string;
  draftItemId: string;
  publicConsultationId: string;
  secretConsultationId: string;
  files: { publicMain: string; publicAux: string; secretMain: string; invitation: string; protocol: string; publicResolution: string; secretItemFile: string; draftMeetingFile: string };
}

/** A body's committee world: two committees, terms, members, one published and one draft meeting. */
export async function buildCommitteeWorld(db: Database, tenantId: string): Promise<CommitteeWorld> {
  return db.tenant(tenantId, async (tx) => {
    const [committee, other] = await tx.db
      .insert(committees)
      .values([
        { tenantId, name: 'Ausschuss für Integration und Vielfalt', shortName: 'AIV', kind: 'committee', startDate: '2024-07-01', website: 'https://www.example.org/aiv' },
        { tenantId, name: 'Migrationsbeirat', shortName: 'MBR', kind: 'advisory_council', description: 'Gewählte Vertretung der Migrantinnen und Migranten.' },
      ])
      .returning();
    const terms = await tx.db
      .insert(committeeTerms)
      .values([
        { tenantId, name: 'Wahlperiode 2019–2024', startDate: '2019-07-01', endDate: '2024-06-30' },
        { tenantId, name: 'Wahlperiode 2024–2029', startDate: '2024-07-01', endDate: '2029-06-30' },
        { tenantId, committeeId: other!.id, name: 'Beiratsperiode 2025–2030', startDate: '2025-01-01' },
      ])
      .returning();
    const persons = await tx.db
      .insert(committeePersons)
      .values([
        { tenantId, familyName: 'Demir', givenName: 'Aylin', formOfAddress: 'Frau', title: 'Dr.', email: 'a.demir@example.org', phone: '+49 621 1234', publishContact: true },
        { tenantId, familyName: 'Kowalski', givenName: 'Jan', formOfAddress: 'Herr', email: 'private@example.org', publishContact: false },
        { tenantId, familyName: 'Haddad', givenName: 'Rania', formOfAddress: 'Frau' },
      ])
      .returning();
    const memberships = await tx.db
      .insert(committeeMemberships)
      .values([
        { tenantId, committeeId: committee!.id, personId: persons[0]!.id, role: 'chair', votingRight: true, startDate: '2024-07-01' },
        { tenantId, committeeId: committee!.id, personId: persons[1]!.id, role: 'member', votingRight: true, startDate: '2024-07-01' },
        { tenantId, committeeId: committee!.id, personId: persons[2]!.id, role: 'advisory_member', votingRight: false, startDate: '2024-07-01', endDate: '2025-12-31' },
        { tenantId, committeeId: other!.id, personId: persons[2]!.id, role: 'deputy_chair', votingRight: true, startDate: '2025-01-01' },
      ])
      .returning();
    const [location] = await tx.db
      .insert(committeeLocations)
      .values({ tenantId, description: 'Rathaus', room: 'Sitzungssaal 2', streetAddress: 'Rathausplatz 1', postalCode: '68161', locality: 'Teststadt' })
      .returning();
    const [meeting, draft] = await tx.db
      .insert(committeeMeetings)
      .values([
        {
          tenantId,
          committeeId: committee!.id,
          name: '5. Sitzung',
          state: 'held',
          startAt: new Date('2026-03-11T16:00:00Z'),
          endAt: new Date('2026-03-11T18:30:00Z'),
          locationId: location!.id,
          publishedAt: new Date('2026-02-25T09:00:00Z'),
        },
        { tenantId, committeeId: committee!.id, name: '6. Sitzung', state: 'scheduled', startAt: new Date('2026-06-10T15:00:00Z'), locationId: location!.id },
      ])
      .returning();
    const [publicItem, secretItem, draftItem] = await tx.db
      .insert(committeeAgendaItems)
      .values([
        {
          tenantId,
          meetingId: meeting!.id,
          position: 1,
          number: 'Ö 1',
          name: 'Sprachkursangebot für Eltern',
          public: true,
          result: 'einstimmig beschlossen',
          resolutionText: 'Der Ausschuss beschließt das Konzept.',
          minutes: 'Die Verwaltung stellt das Konzept vor.',
        },
        {
          tenantId,
          meetingId: meeting!.id,
          position: 2,
          number: 'N 1',
          name: 'Personalangelegenheit Integrationsbüro',
          public: false,
          result: 'vertagt',
          resolutionText: 'Vertraulicher Beschluss',
          minutes: 'Vertrauliche Niederschrift über Frau Beispiel',
        },
        { tenantId, meetingId: draft!.id, position: 1, number: 'Ö 1', name: 'Entwurfspunkt', public: true },
      ])
      .returning();
    const [publicPaper, secretPaper, loosePaper, draftPaper] = await tx.db
      .insert(committeePapers)
      .values([
        { tenantId, reference: 'VO/2026/011', name: 'Konzept Elternsprachkurse', paperType: 'Beschlussvorlage', date: '2026-02-20', publishedAt: new Date('2026-02-21T08:00:00Z') },
        { tenantId, reference: 'VO/2026/012-N', name: 'Stellenbesetzung (vertraulich)', paperType: 'Beschlussvorlage', date: '2026-02-20', publishedAt: new Date('2026-02-21T08:00:00Z') },
        { tenantId, reference: 'VO/2026/015', name: 'Bericht Integrationsmonitoring', paperType: 'Informationsvorlage', date: '2026-03-01', publishedAt: new Date('2026-03-01T08:00:00Z') },
        { tenantId, reference: 'VO/2026/020', name: 'Entwurf Haushalt', paperType: 'Beschlussvorlage', date: '2026-03-05' },
      ])
      .returning();
    const [publicConsultation, secretConsultation] = await tx.db
      .insert(committeeConsultations)
      .values([
        { tenantId, paperId: publicPaper!.id, meetingId: meeting!.id, agendaItemId: publicItem!.id, role: 'deciding' },
        { tenantId, paperId: secretPaper!.id, meetingId: meeting!.id, agendaItemId: secretItem!.id, role: 'deciding' },
        { tenantId, paperId: publicPaper!.id, meetingId: draft!.id, agendaItemId: draftItem!.id, role: 'advisory' },
      ])
      .returning();
    const files = {
      publicMain: (await insertFile(tx, { name: 'Konzept Elternsprachkurse', role: 'main', paperId: publicPaper!.id })).id,
      publicAux: (await insertFile(tx, { name: 'Anlage Kursorte', role: 'auxiliary', paperId: publicPaper!.id, bytes: PNG_BYTES, fileName: 'kursorte.png' })).id,
      secretMain: (await insertFile(tx, { name: 'Stellenbesetzung', role: 'main', paperId: secretPaper!.id })).id,
      invitation: (await insertFile(tx, { name: 'Einladung 5. Sitzung', role: 'invitation', meetingId: meeting!.id })).id,
      protocol: (await insertFile(tx, { name: 'Niederschrift öffentlicher Teil', role: 'results_protocol', meetingId: meeting!.id })).id,
      publicResolution: (await insertFile(tx, { name: 'Beschluss Ö 1', role: 'resolution', agendaItemId: publicItem!.id })).id,
      secretItemFile: (await insertFile(tx, { name: 'Bewerbungsunterlagen', role: 'auxiliary', agendaItemId: secretItem!.id })).id,
      draftMeetingFile: (await insertFile(tx, { name: 'Einladung Entwurf', role: 'invitation', meetingId: draft!.id })).id,
    };
    return {
      committeeId: committee!.id,
      otherCommitteeId: other!.id,
      termIds: terms.map((t) => t.id),
      personIds: persons.map((p) => p.id),
      membershipIds: memberships.map((m) => m.id),
      locationId: location!.id,
      meetingId: meeting!.id,
      publicItemId: publicItem!.id,
      secretItemId: secretItem!.id,
      publicPaperId: publicPaper!.id,
      secretPaperId: secretPaper!.id,
      loosePaperId: loosePaper!.id,
      draftPaperId: draftPaper!.id,
      draftMeetingId: draft!.id,
      draftItemId: draftItem!.id,
      publicConsultationId: publicConsultation!.id,
      secretConsultationId: secretConsultation!.id,
      files,
    };
  });
}

/** Every id of the world that the public must never see (in any API, list or embedded object). */
export function internalIds(w: CommitteeWorld): string[] {
  return [w.secretItemId, w.secretPaperId, w.draftPaperId, w.draftMeetingId, w.draftItemId, w.secretConsultationId, w.files.secretMain, w.files.secretItemFile, w.files.draftMeetingFile];
}

/** Texts that exist only in internal records. */
export const INTERNAL_TEXTS = ['Personalangelegenheit', 'Vertraulich', 'vertraulich', 'Stellenbesetzung', 'Bewerbungsunterlagen', 'Entwurfspunkt', 'Entwurf Haushalt', 'private@example.org'];
