/**
 * The OParl 1.1 objects of one body (tenant): paged lists with the standard's filters, single
 * objects, and the objects embedded in them. Only what the public may see (visibility.ts) leaves
 * here; a deleted object that was public comes back as `deleted: true` with its id, type, created,
 * modified and the properties its schema requires.
 */
import type { Tx } from '../../../db/database.ts';
import type { CommitteeKind, MeetingState, MembershipRole } from '../../../shared/contracts/committees.ts';
import { berlinDateTime } from '../../../shared/berlinTime.ts';
import { personName } from '../committeePresenters.ts';
import { fileParentJoins, visibleAgendaItem, visibleConsultation, visibleFile, visibleMeeting, visiblePaper } from '../visibility.ts';
import { KIND_TYPE, type OparlKind, type OparlUrls, oparlType } from './oparlUrls.ts';

export type OparlObject = Record<string, unknown> & { id: string; type: string };

export interface OparlScope {
  tx: Tx;
  urls: OparlUrls;
  slug: string;
}

export interface ListFilter {
  createdSince?: Date | undefined;
  createdUntil?: Date | undefined;
  modifiedSince?: Date | undefined;
  modifiedUntil?: Date | undefined;
}

export interface PageRequest {
  page: number;
  perPage: number;
}

/** Only for the lists below an organization: its meetings and its consultations. */
export interface ListScope {
  organizationId?: string;
}

const KIND_LABEL: Record<CommitteeKind, string> = { committee: 'Ausschuss', advisory_council: 'Beirat', forum: 'Forum', working_group: 'Arbeitsgruppe' };
const ROLE_LABEL: Record<MembershipRole, string> = {
  chair: 'Vorsitz',
  deputy_chair: 'Stellvertretender Vorsitz',
  member: 'Mitglied',
  advisory_member: 'Beratendes Mitglied',
};
const STATE_LABEL: Record<MeetingState, string> = { scheduled: 'terminiert', invited: 'eingeladen', held: 'durchgeführt', cancelled: 'abgesagt' };

const dt = (d: Date | string): string => berlinDateTime(d instanceof Date ? d : new Date(d));

/** Leaves out empty strings, null, undefined and empty arrays (OParl: no nulls, no empty lists). */
function compact(o: Record<string, unknown>): OparlObject {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as OparlObject;
}

interface Stamped {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

const STAMPS = `x.id, x.created_at AS "createdAt", x.updated_at AS "updatedAt", x.deleted_at AS "deletedAt"`;

// ---------------------------------------------------------------------------------------------
// Rows

interface OrgRow extends Stamped {
  name: string;
  shortName: string;
  kind: CommitteeKind;
  website: string | null;
  startDate: string | null;
  endDate: string | null;
}
interface PersonRow extends Stamped {
  familyName: string;
  givenName: string;
  formOfAddress: string;
  title: string;
  email: string | null;
  phone: string | null;
  publishContact: boolean;
}
interface MembershipRow extends Stamped {
  committeeId: string;
  personId: string;
  role: MembershipRole;
  votingRight: boolean;
  startDate: string | null;
  endDate: string | null;
}
interface TermRow extends Stamped {
  name: string;
  startDate: string;
  endDate: string | null;
}
interface LocationRow extends Stamped {
  description: string;
  streetAddress: string;
  room: string;
  postalCode: string;
  locality: string;
}
interface MeetingRow extends Stamped {
  committeeId: string;
  name: string;
  state: MeetingState;
  startAt: Date;
  endAt: Date | null;
  locationId: string | null;
  location: (Omit<LocationRow, 'deletedAt'> & { deletedAt: null }) | null;
}
interface AgendaItemRow extends Stamped {
  meetingId: string;
  position: number;
  number: string;
  name: string;
  public: boolean;
  result: string;
  resolutionText: string;
}
interface PaperRow extends Stamped {
  reference: string;
  name: string;
  paperType: string;
  date: string;
}
interface ConsultationRow extends Stamped {
  paperId: string;
  meetingId: string;
  agendaItemId: string | null;
  role: 'advisory' | 'deciding';
  committeeId: string;
}
interface FileRow extends Stamped {
  name: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha1: string;
  sha512: string;
  date: string | null;
  role: string;
  paperId: string | null;
  meetingId: string | null;
  agendaItemId: string | null;
}

// ---------------------------------------------------------------------------------------------
// Presenters (one object; embedded objects are loaded per page by the batch loaders below)

function organization(s: OparlScope, r: OrgRow, membershipIds: string[]): OparlObject {
  return compact({
    id: s.urls.object(s.slug, 'organization', r.id),
    type: oparlType('Organization'),
    body: s.urls.body(s.slug),
    name: r.name,
    shortName: r.shortName,
    organizationType: 'Gremium',
    classification: KIND_LABEL[r.kind],
    startDate: r.startDate,
    endDate: r.endDate,
    website: r.website,
    membership: membershipIds.map((id) => s.urls.object(s.slug, 'membership', id)),
    meeting: s.urls.organizationMeetings(s.slug, r.id),
    consultation: s.urls.organizationConsultations(s.slug, r.id),
    created: dt(r.createdAt),
    modified: dt(r.updatedAt),
    web: s.urls.web(s.slug, `/${r.id}`),
  });
}

/** Embedded objects leave out the back-reference to the object they sit in (allowed by OParl). */
function membership(s: OparlScope, r: MembershipRow, embedded = false): OparlObject {
  return compact({
    id: s.urls.object(s.slug, 'membership', r.id),
    type: oparlType('Membership'),
    person: embedded ? null : s.urls.object(s.slug, 'person', r.personId),
    organization: s.urls.object(s.slug, 'organization', r.committeeId),
    role: ROLE_LABEL[r.role],
    votingRight: r.votingRight,
    startDate: r.startDate,
    endDate: r.endDate,
    created: dt(r.createdAt),
    modified: dt(r.updatedAt),
  });
}

function person(s: OparlScope, r: PersonRow, memberships: MembershipRow[]): OparlObject {
  return compact({
    id: s.urls.object(s.slug, 'person', r.id),
    type: oparlType('Person'),
    body: s.urls.body(s.slug),
    name: personName(r),
    familyName: r.familyName,
    givenName: r.givenName,
    formOfAddress: r.formOfAddress,
    title: r.title ? [r.title] : [],
    email: r.publishContact && r.email ? [r.email] : [],
    phone: r.publishContact && r.phone ? [r.phone] : [],
    membership: memberships.map((m) => membership(s, m, true)),
    created: dt(r.createdAt),
    modified: dt(r.updatedAt),
  });
}

function legislativeTerm(s: OparlScope, r: TermRow): OparlObject {
  return compact({
    id: s.urls.object(s.slug, 'legislativeTerm', r.id),
    type: oparlType('LegislativeTerm'),
    body: s.urls.body(s.slug),
    name: r.name,
    startDate: r.startDate,
    endDate: r.endDate,
    created: dt(r.createdAt),
    modified: dt(r.updatedAt),
  });
}

function location(s: OparlScope, r: Omit<LocationRow, 'deletedAt'>): OparlObject {
  const street = [r.streetAddress, [r.postalCode, r.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return compact({
    id: s.urls.object(s.slug, 'location', r.id),
    type: oparlType('Location'),
    description: [r.description, r.room, street].filter(Boolean).join(', '),
    streetAddress: r.streetAddress,
    room: r.room,
    postalCode: r.postalCode,
    locality: r.locality,
    created: dt(r.createdAt),
    modified: dt(r.updatedAt),
  });
}

function file(s: OparlScope, r: FileRow): OparlObject {
  return compact({
    id: s.urls.object(s.slug, 'file', r.id),
    type: oparlType('File'),
    name: r.name,
    fileName: r.fileName,
    mimeType: r.mimeType,
    date: r.date,
    size: r.size,
    sha1Checksum: r.sha1,
    sha512Checksum: r.sha512,
    accessUrl: s.urls.fileAccess(s.slug, r.id),
    downloadUrl: s.urls.fileDownload(s.slug, r.id),
    paper: r.paperId ? [s.urls.object(s.slug, 'paper', r.paperId)] : [],
    meeting: r.meetingId ? [s.urls.object(s.slug, 'meeting', r.meetingId)] : [],
    agendaItem: r.agendaItemId ? [s.urls.object(s.slug, 'agendaItem', r.agendaItemId)] : [],
    created: dt(r.createdAt),
    modified: dt(r.updatedAt),
  });
}

function consultation(s: OparlScope, r: ConsultationRow, embedded = false): OparlObject {
  return compact({
    id: s.urls.object(s.slug, 'consultation', r.id),
    type: oparlType('Consultation'),
    paper: embedded ? null : s.urls.object(s.slug, 'paper', r.paperId),
    agendaItem: r.agendaItemId ? s.urls.object(s.slug, 'agendaItem', r.agendaItemId) : null,
    meeting: s.urls.object(s.slug, 'meeting', r.meetingId),
    organization: [s.urls.object(s.slug, 'organization', r.committeeId)],
    authoritative: r.role === 'deciding',
    role: r.role === 'deciding' ? 'beschließend' : 'beratend',
    created: dt(r.createdAt),
    modified: dt(r.updatedAt),
  });
}

function agendaItem(s: OparlScope, r: AgendaItemRow, consultationId: string | null, files: FileRow[], embedded = false): OparlObject {
  return compact({
    id: s.urls.object(s.slug, 'agendaItem', r.id),
    type: oparlType('AgendaItem'),
    meeting: embedded ? null : s.urls.object(s.slug, 'meeting', r.meetingId),
    number: r.number,
    order: r.position,
    name: r.name,
    public: true,
    consultation: consultationId ? s.urls.object(s.slug, 'consultation', consultationId) : null,
    result: r.result,
    resolutionText: r.resolutionText,
    resolutionFile: pick(files, 'resolution', (f) => file(s, f)),
    auxiliaryFile: files.filter((f) => f.role === 'auxiliary').map((f) => file(s, f)),
    created: dt(r.createdAt),
    modified: dt(r.updatedAt),
  });
}

const pick = (files: FileRow[], role: string, present: (f: FileRow) => OparlObject): OparlObject | null => {
  const f = files.find((x) => x.role === role);
  return f ? present(f) : null;
};

function meeting(s: OparlScope, r: MeetingRow, items: OparlObject[], files: FileRow[]): OparlObject {
  return compact({
    id: s.urls.object(s.slug, 'meeting', r.id),
    type: oparlType('Meeting'),
    name: r.name,
    meetingState: STATE_LABEL[r.state],
    cancelled: r.state === 'cancelled',
    start: dt(r.startAt),
    end: r.endAt ? dt(r.endAt) : null,
    location: r.location ? location(s, r.location) : null,
    organization: [s.urls.object(s.slug, 'organization', r.committeeId)],
    invitation: pick(files, 'invitation', (f) => file(s, f)),
    resultsProtocol: pick(files, 'results_protocol', (f) => file(s, f)),
    verbatimProtocol: pick(files, 'verbatim_protocol', (f) => file(s, f)),
    auxiliaryFile: files.filter((f) => f.role === 'auxiliary').map((f) => file(s, f)),
    agendaItem: items,
    created: dt(r.createdAt),
    modified: dt(r.updatedAt),
    web: s.urls.web(s.slug, `/sitzungen/${r.id}`),
  });
}

function paper(s: OparlScope, r: PaperRow, consultations: ConsultationRow[], files: FileRow[]): OparlObject {
  return compact({
    id: s.urls.object(s.slug, 'paper', r.id),
    type: oparlType('Paper'),
    body: s.urls.body(s.slug),
    name: r.name,
    reference: r.reference,
    date: r.date,
    paperType: r.paperType,
    mainFile: pick(files, 'main', (f) => file(s, f)),
    auxiliaryFile: files.filter((f) => f.role === 'auxiliary').map((f) => file(s, f)),
    consultation: consultations.map((c) => consultation(s, c, true)),
    created: dt(r.createdAt),
    modified: dt(r.updatedAt),
    web: s.urls.web(s.slug, `/vorlagen/${r.id}`),
  });
}

/** A deleted object: id, type, created, modified, deleted — plus what its schema requires. */
function tombstone(s: OparlScope, kind: OparlKind, r: Stamped & { position?: number }): OparlObject {
  const base: OparlObject = {
    id: s.urls.object(s.slug, kind, r.id),
    type: oparlType(KIND_TYPE[kind]),
    created: dt(r.createdAt),
    modified: dt(r.updatedAt),
    deleted: true,
  };
  if (kind === 'file') base.accessUrl = s.urls.fileAccess(s.slug, r.id);
  if (kind === 'agendaItem') base.order = r.position ?? 0;
  return base;
}

// ---------------------------------------------------------------------------------------------
// Batch loaders for embedded objects (the parents are visible and not deleted)

const groupBy = <T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> => {
  const map = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
};

const FILE_COLUMNS = `${STAMPS}, x.name, x.file_name AS "fileName", x.mime_type AS "mimeType", x.size, x.sha1, x.sha512, x.date::text AS date, x.role,
  x.paper_id AS "paperId", x.meeting_id AS "meetingId", x.agenda_item_id AS "agendaItemId"`;

async function filesOf(tx: Tx, column: 'paper_id' | 'meeting_id' | 'agenda_item_id', ids: string[]): Promise<FileRow[]> {
  if (!ids.length) return [];
  return tx.query<FileRow>(`SELECT ${FILE_COLUMNS} FROM committee_files x WHERE x.${column} = ANY($1::uuid[]) AND x.deleted_at IS NULL ORDER BY x.created_at, x.id`, [ids]);
}

const MEMBERSHIP_COLUMNS = `${STAMPS}, x.committee_id AS "committeeId", x.person_id AS "personId", x.role, x.voting_right AS "votingRight",
  x.start_date::text AS "startDate", x.end_date::text AS "endDate"`;

async function membershipsOf(tx: Tx, column: 'person_id' | 'committee_id', ids: string[]): Promise<MembershipRow[]> {
  if (!ids.length) return [];
  return tx.query<MembershipRow>(
    `SELECT ${MEMBERSHIP_COLUMNS} FROM committee_memberships x WHERE x.${column} = ANY($1::uuid[]) AND x.deleted_at IS NULL ORDER BY x.created_at, x.id`,
    [ids],
  );
}

const CONSULTATION_COLUMNS = `${STAMPS}, x.paper_id AS "paperId", x.meeting_id AS "meetingId", x.agenda_item_id AS "agendaItemId", x.role, m.committee_id AS "committeeId"`;
const CONSULTATION_FROM = `committee_consultations x
  JOIN committee_papers p ON p.tenant_id = x.tenant_id AND p.id = x.paper_id
  JOIN committee_meetings m ON m.tenant_id = x.tenant_id AND m.id = x.meeting_id
  LEFT JOIN committee_agenda_items a ON a.tenant_id = x.tenant_id AND a.id = x.agenda_item_id`;

async function consultationsOf(tx: Tx, column: 'paper_id' | 'agenda_item_id', ids: string[]): Promise<ConsultationRow[]> {
  if (!ids.length) return [];
  return tx.query<ConsultationRow>(
    `SELECT ${CONSULTATION_COLUMNS} FROM ${CONSULTATION_FROM}
     WHERE x.${column} = ANY($1::uuid[]) AND x.deleted_at IS NULL AND ${visibleConsultation('x', 'p', 'm', 'a')}
     ORDER BY m.start_at, x.created_at, x.id`,
    [ids],
  );
}

const AGENDA_COLUMNS = `${STAMPS}, x.meeting_id AS "meetingId", x.position, x.number, x.name, x.public, x.result, x.resolution_text AS "resolutionText"`;

async function presentAgendaItems(s: OparlScope, rows: AgendaItemRow[], embedded = false): Promise<OparlObject[]> {
  const ids = rows.map((r) => r.id);
  const [consultations, files] = [await consultationsOf(s.tx, 'agenda_item_id', ids), await filesOf(s.tx, 'agenda_item_id', ids)];
  const consultationOf = new Map(consultations.map((c) => [c.agendaItemId, c.id]));
  const filesByItem = groupBy(files, (f) => f.agendaItemId);
  return rows.map((r) => agendaItem(s, r, consultationOf.get(r.id) ?? null, filesByItem.get(r.id) ?? [], embedded));
}

// ---------------------------------------------------------------------------------------------
// Object types: where they come from, who sees them, how a page of them is presented

interface KindSpec<R extends Stamped> {
  from: string;
  columns: string;
  visible: string;
  /** Extra condition for the lists below an organization ($1 = the organization's id). */
  scoped?: string;
  present(s: OparlScope, rows: R[]): Promise<OparlObject[]>;
}

const SPECS: { [K in OparlKind]: KindSpec<Stamped> } = {
  organization: {
    from: 'committees x',
    columns: `${STAMPS}, x.name, x.short_name AS "shortName", x.kind, x.website, x.start_date::text AS "startDate", x.end_date::text AS "endDate"`,
    visible: 'TRUE',
    async present(s, rows) {
      const memberships = groupBy(
        await membershipsOf(
          s.tx,
          'committee_id',
          rows.map((r) => r.id),
        ),
        (m) => m.committeeId,
      );
      return (rows as OrgRow[]).map((r) =>
        organization(
          s,
          r,
          (memberships.get(r.id) ?? []).map((m) => m.id),
        ),
      );
    },
  },
  person: {
    from: 'committee_persons x',
    columns: `${STAMPS}, x.family_name AS "familyName", x.given_name AS "givenName", x.form_of_address AS "formOfAddress", x.title, x.email, x.phone, x.publish_contact AS "publishContact"`,
    visible: 'TRUE',
    async present(s, rows) {
      const memberships = groupBy(
        await membershipsOf(
          s.tx,
          'person_id',
          rows.map((r) => r.id),
        ),
        (m) => m.personId,
      );
      return (rows as PersonRow[]).map((r) => person(s, r, memberships.get(r.id) ?? []));
    },
  },
  membership: {
    from: 'committee_memberships x',
    columns: MEMBERSHIP_COLUMNS,
    visible: 'TRUE',
    async present(s, rows) {
      return (rows as MembershipRow[]).map((r) => membership(s, r));
    },
  },
  legislativeTerm: {
    from: 'committee_terms x',
    columns: `${STAMPS}, x.name, x.start_date::text AS "startDate", x.end_date::text AS "endDate"`,
    visible: 'TRUE',
    async present(s, rows) {
      return (rows as TermRow[]).map((r) => legislativeTerm(s, r));
    },
  },
  location: {
    from: 'committee_locations x',
    columns: `${STAMPS}, x.description, x.street_address AS "streetAddress", x.room, x.postal_code AS "postalCode", x.locality`,
    visible: 'TRUE',
    async present(s, rows) {
      return (rows as LocationRow[]).map((r) => location(s, r));
    },
  },
  meeting: {
    from: 'committee_meetings x LEFT JOIN committee_locations l ON l.tenant_id = x.tenant_id AND l.id = x.location_id',
    columns: `${STAMPS}, x.committee_id AS "committeeId", x.name, x.state, x.start_at AS "startAt", x.end_at AS "endAt", x.location_id AS "locationId",
      CASE WHEN l.id IS NULL THEN NULL ELSE json_build_object('id', l.id, 'description', l.description, 'streetAddress', l.street_address, 'room', l.room,
        'postalCode', l.postal_code, 'locality', l.locality, 'createdAt', l.created_at, 'updatedAt', l.updated_at) END AS location`,
    visible: visibleMeeting('x'),
    scoped: 'x.committee_id = $1',
    async present(s, rows) {
      const ids = rows.map((r) => r.id);
      const items = await s.tx.query<AgendaItemRow>(
        `SELECT ${AGENDA_COLUMNS} FROM committee_agenda_items x WHERE x.meeting_id = ANY($1::uuid[]) AND x.deleted_at IS NULL AND x.public ORDER BY x.position, x.id`,
        [ids],
      );
      const presentedItems = await presentAgendaItems(s, items, true);
      const itemsByMeeting = groupBy(
        items.map((r, i) => ({ meetingId: r.meetingId, object: presentedItems[i]! })),
        (x) => x.meetingId,
      );
      const files = groupBy(await filesOf(s.tx, 'meeting_id', ids), (f) => f.meetingId);
      return (rows as MeetingRow[]).map((r) => {
        const loc = r.location ? { ...r.location, createdAt: new Date(r.location.createdAt), updatedAt: new Date(r.location.updatedAt) } : null;
        return meeting(
          s,
          { ...r, location: loc },
          (itemsByMeeting.get(r.id) ?? []).map((x) => x.object),
          files.get(r.id) ?? [],
        );
      });
    },
  },
  agendaItem: {
    from: 'committee_agenda_items x JOIN committee_meetings m ON m.tenant_id = x.tenant_id AND m.id = x.meeting_id',
    columns: AGENDA_COLUMNS,
    visible: visibleAgendaItem('x', 'm'),
    async present(s, rows) {
      return presentAgendaItems(s, rows as AgendaItemRow[]);
    },
  },
  paper: {
    from: 'committee_papers x',
    columns: `${STAMPS}, x.reference, x.name, x.paper_type AS "paperType", x.date::text AS date`,
    visible: visiblePaper('x'),
    async present(s, rows) {
      const ids = rows.map((r) => r.id);
      const consultations = groupBy(await consultationsOf(s.tx, 'paper_id', ids), (c) => c.paperId);
      const files = groupBy(await filesOf(s.tx, 'paper_id', ids), (f) => f.paperId);
      return (rows as PaperRow[]).map((r) => paper(s, r, consultations.get(r.id) ?? [], files.get(r.id) ?? []));
    },
  },
  consultation: {
    from: CONSULTATION_FROM,
    columns: CONSULTATION_COLUMNS,
    visible: visibleConsultation('x', 'p', 'm', 'a'),
    scoped: 'm.committee_id = $1',
    async present(s, rows) {
      return (rows as ConsultationRow[]).map((r) => consultation(s, r));
    },
  },
  file: {
    from: `committee_files x ${fileParentJoins('x')}`,
    columns: FILE_COLUMNS,
    visible: visibleFile('x'),
    async present(s, rows) {
      return (rows as FileRow[]).map((r) => file(s, r));
    },
  },
};

/**
 * One page of a list. Sorted by creation (then id): stable while a client pages through, new
 * objects come last. Deleted objects are included when the client filters by modification — that
 * is how it learns about deletions since its last visit.
 */
export async function listPage(
  s: OparlScope,
  kind: OparlKind,
  filter: ListFilter,
  page: PageRequest,
  scope: ListScope = {},
): Promise<{ data: OparlObject[]; total: number }> {
  const spec = SPECS[kind];
  const params: unknown[] = [];
  const where = [spec.visible];
  if (scope.organizationId) {
    if (!spec.scoped) throw new Error(`${kind} has no organization scope`);
    params.push(scope.organizationId);
    where.push(spec.scoped);
  }
  const withDeleted = filter.modifiedSince !== undefined || filter.modifiedUntil !== undefined;
  if (!withDeleted) where.push('x.deleted_at IS NULL');
  for (const [value, condition] of [
    [filter.createdSince, 'x.created_at >='],
    [filter.createdUntil, 'x.created_at <='],
    [filter.modifiedSince, 'x.updated_at >='],
    [filter.modifiedUntil, 'x.updated_at <='],
  ] as const) {
    if (!value) continue;
    params.push(value.toISOString());
    where.push(`${condition} $${params.length}::timestamptz`);
  }
  params.push(page.perPage, (page.page - 1) * page.perPage);
  const rows = await s.tx.query<Stamped & { position?: number; total: number }>(
    `SELECT ${spec.columns}, count(*) OVER () AS total FROM ${spec.from}
     WHERE ${where.join(' AND ')}
     ORDER BY x.created_at, x.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (!rows.length && page.page > 1) {
    const [counted] = await s.tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${spec.from} WHERE ${where.join(' AND ')}`, params.slice(0, -2));
    total = Number(counted?.n ?? 0);
  }
  const live = rows.filter((r) => r.deletedAt === null);
  const presented = new Map((await spec.present(s, live)).map((o, i) => [live[i]!.id, o]));
  return { data: rows.map((r) => presented.get(r.id) ?? tombstone(s, kind, r)), total };
}

/** One object, or null when it does not exist or the public may not see it. */
export async function getObject(s: OparlScope, kind: OparlKind, id: string): Promise<OparlObject | null> {
  const spec = SPECS[kind];
  const [row] = await s.tx.query<Stamped & { position?: number }>(`SELECT ${spec.columns} FROM ${spec.from} WHERE x.id = $1 AND ${spec.visible}`, [id]);
  if (!row) return null;
  if (row.deletedAt !== null) return tombstone(s, kind, row);
  const [object] = await spec.present(s, [row]);
  return object ?? null;
}

/** Whether an organization exists for the public (for its meeting and consultation lists). */
export async function organizationExists(s: OparlScope, id: string): Promise<boolean> {
  const [row] = await s.tx.query<{ id: string }>('SELECT id FROM committees WHERE id = $1', [id]);
  return Boolean(row);
}

/** A visible file with its bytes, or whether it was deleted (410) — for accessUrl and downloadUrl. */
export async function fileForAccess(
  s: OparlScope,
  id: string,
): Promise<{ state: 'missing' } | { state: 'deleted' } | { state: 'ok'; row: FileRow; content: Buffer }> {
  const [row] = await s.tx.query<FileRow>(`SELECT ${FILE_COLUMNS} FROM ${SPECS.file.from} WHERE x.id = $1 AND ${SPECS.file.visible}`, [id]);
  if (!row) return { state: 'missing' };
  if (row.deletedAt !== null) return { state: 'deleted' };
  const [content] = await s.tx.query<{ b64: string }>(`SELECT encode(content, 'base64') AS b64 FROM committee_file_contents WHERE file_id = $1`, [id]);
  if (!content) return { state: 'deleted' };
  return { state: 'ok', row, content: Buffer.from(content.b64, 'base64') };
}
