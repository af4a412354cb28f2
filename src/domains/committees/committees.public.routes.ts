/**
 * Public committee pages of the navigator (/{tenant}/{lang}/gremien): committees with their
 * members, published meetings with their public agenda items, public papers and files, and the
 * iCalendar feed. Everything goes through visibility.ts; files are served by the OParl routes.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { publicUrl } from '../../config.ts';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import {
  type MeetingState,
  type PublicCommittee,
  type PublicCommitteeSummary,
  type PublicFile,
  type PublicMeeting,
  type PublicMeetingSummary,
  type PublicPaper,
  publicCommittee,
  publicCommitteeList,
  publicMeeting,
  publicPaper,
} from '../../shared/contracts/committees.ts';
import { errorResponses } from '../../shared/contracts/common.ts';
import { cachedPublicRead } from '../offers/search/publicCache.ts';
import { sendPublicJson, toContractJson } from '../offers/search/publicResponse.ts';
import { requireTenant } from '../tenants/tenantService.ts';
import { committeeCalendar } from './committeeCalendar.ts';
import { personName } from './committeePresenters.ts';
import { OPARL_PREFIX } from './oparl/oparlUrls.ts';
import { visibleConsultation, visibleMeeting, visiblePaper } from './visibility.ts';

const PAST_LIMIT = 50;
const UPCOMING_LIMIT = 50;

interface MeetingRow {
  id: string;
  committeeId: string;
  committeeName: string;
  name: string;
  state: MeetingState;
  startAt: Date;
  endAt: Date | null;
}

interface FileRow {
  id: string;
  name: string;
  fileName: string;
  mimeType: string;
  size: number;
  role: PublicFile['role'];
  paperId: string | null;
  meetingId: string | null;
  agendaItemId: string | null;
}

const MEETING_COLUMNS = `m.id, m.committee_id AS "committeeId", c.name AS "committeeName", m.name, m.state, m.start_at AS "startAt", m.end_at AS "endAt"`;
const MEETING_FROM = 'committee_meetings m JOIN committees c ON c.tenant_id = m.tenant_id AND c.id = m.committee_id';

const summary = (m: MeetingRow): PublicMeetingSummary => ({
  id: m.id,
  committeeId: m.committeeId,
  committeeName: m.committeeName,
  name: m.name,
  state: m.state,
  startAt: new Date(m.startAt).toISOString(),
  endAt: m.endAt ? new Date(m.endAt).toISOString() : null,
});

function fileLinks(slug: string) {
  const base = `${OPARL_PREFIX}/bodies/${slug}/files`;
  return (f: FileRow): PublicFile => ({
    id: f.id,
    name: f.name,
    fileName: f.fileName,
    mimeType: f.mimeType,
    size: f.size,
    role: f.role,
    accessUrl: `${base}/${f.id}/access`,
    downloadUrl: `${base}/${f.id}/download`,
  });
}

async function files(tx: Tx, column: 'paper_id' | 'meeting_id' | 'agenda_item_id', ids: string[]): Promise<FileRow[]> {
  if (!ids.length) return [];
  return tx.query<FileRow>(
    `SELECT id, name, file_name AS "fileName", mime_type AS "mimeType", size, role, paper_id AS "paperId", meeting_id AS "meetingId", agenda_item_id AS "agendaItemId"
     FROM committee_files WHERE ${column} = ANY($1::uuid[]) AND deleted_at IS NULL
     ORDER BY array_position(ARRAY['main','invitation','resolution','results_protocol','verbatim_protocol','auxiliary']::text[], role), created_at, id`,
    [ids],
  );
}

export async function listPublicCommittees(tx: Tx): Promise<PublicCommitteeSummary[]> {
  const committees = await tx.query<{ id: string; name: string; shortName: string; kind: PublicCommitteeSummary['kind']; description: string; website: string | null }>(
    `SELECT id, name, short_name AS "shortName", kind, description, website FROM committees WHERE deleted_at IS NULL ORDER BY sort, name, id`,
  );
  const next = await tx.query<MeetingRow>(
    `SELECT DISTINCT ON (m.committee_id) ${MEETING_COLUMNS} FROM ${MEETING_FROM}
     WHERE m.deleted_at IS NULL AND ${visibleMeeting('m')} AND m.start_at >= now() ORDER BY m.committee_id, m.start_at, m.id`,
  );
  return committees.map((c) => {
    const n = next.find((m) => m.committeeId === c.id);
    return { ...c, nextMeeting: n ? summary(n) : null };
  });
}

export async function loadPublicCommittee(tx: Tx, id: string, calendarUrl: string): Promise<PublicCommittee | null> {
  const [c] = await tx.query<{ id: string; name: string; shortName: string; kind: PublicCommittee['kind']; description: string; website: string | null }>(
    `SELECT id, name, short_name AS "shortName", kind, description, website FROM committees WHERE id = $1 AND deleted_at IS NULL`,
    [id],
  );
  if (!c) return null;
  const terms = await tx.query<{ id: string; name: string; startDate: string; endDate: string | null }>(
    `SELECT id, name, start_date::text AS "startDate", end_date::text AS "endDate" FROM committee_terms
     WHERE deleted_at IS NULL AND (committee_id IS NULL OR committee_id = $1) ORDER BY start_date DESC, id`,
    [id],
  );
  const members = await tx.query<{
    personId: string;
    title: string;
    givenName: string;
    familyName: string;
    email: string | null;
    phone: string | null;
    publishContact: boolean;
    role: PublicCommittee['members'][number]['role'];
    votingRight: boolean;
    startDate: string | null;
    endDate: string | null;
  }>(
    `SELECT p.id AS "personId", p.title, p.given_name AS "givenName", p.family_name AS "familyName", p.email, p.phone, p.publish_contact AS "publishContact",
       ms.role, ms.voting_right AS "votingRight", ms.start_date::text AS "startDate", ms.end_date::text AS "endDate"
     FROM committee_memberships ms JOIN committee_persons p ON p.tenant_id = ms.tenant_id AND p.id = ms.person_id
     WHERE ms.committee_id = $1 AND ms.deleted_at IS NULL AND p.deleted_at IS NULL
       AND (ms.end_date IS NULL OR ms.end_date >= current_date) AND (ms.start_date IS NULL OR ms.start_date <= current_date)
     ORDER BY array_position(ARRAY['chair','deputy_chair','member','advisory_member']::text[], ms.role), p.family_name, p.given_name, p.id`,
    [id],
  );
  const upcoming = await tx.query<MeetingRow>(
    `SELECT ${MEETING_COLUMNS} FROM ${MEETING_FROM} WHERE m.committee_id = $1 AND m.deleted_at IS NULL AND ${visibleMeeting('m')} AND m.start_at >= now()
     ORDER BY m.start_at, m.id LIMIT ${UPCOMING_LIMIT}`,
    [id],
  );
  const past = await tx.query<MeetingRow>(
    `SELECT ${MEETING_COLUMNS} FROM ${MEETING_FROM} WHERE m.committee_id = $1 AND m.deleted_at IS NULL AND ${visibleMeeting('m')} AND m.start_at < now()
     ORDER BY m.start_at DESC, m.id LIMIT ${PAST_LIMIT}`,
    [id],
  );
  return {
    ...c,
    nextMeeting: upcoming[0] ? summary(upcoming[0]) : null,
    terms,
    members: members.map((m) => ({
      personId: m.personId,
      name: personName(m),
      role: m.role,
      votingRight: m.votingRight,
      startDate: m.startDate,
      endDate: m.endDate,
      email: m.publishContact ? m.email : null,
      phone: m.publishContact ? m.phone : null,
    })),
    upcoming: upcoming.map(summary),
    past: past.map(summary),
    calendarUrl,
  };
}

export async function loadPublicMeeting(tx: Tx, slug: string, id: string, calendarUrl: (committeeId: string) => string): Promise<PublicMeeting | null> {
  const [m] = await tx.query<
    MeetingRow & { location: { description: string; streetAddress: string; room: string; postalCode: string; locality: string } | null }
  >(
    `SELECT ${MEETING_COLUMNS},
       CASE WHEN l.id IS NULL THEN NULL ELSE json_build_object('description', l.description, 'streetAddress', l.street_address, 'room', l.room,
         'postalCode', l.postal_code, 'locality', l.locality) END AS location
     FROM ${MEETING_FROM} LEFT JOIN committee_locations l ON l.tenant_id = m.tenant_id AND l.id = m.location_id
     WHERE m.id = $1 AND m.deleted_at IS NULL AND ${visibleMeeting('m')}`,
    [id],
  );
  if (!m) return null;
  // Public items only: a non-public item, its paper, its files and its minutes never leave the database.
  const items = await tx.query<{ id: string; number: string; name: string; result: string; resolutionText: string; minutes: string }>(
    `SELECT id, number, name, result, resolution_text AS "resolutionText", minutes FROM committee_agenda_items
     WHERE meeting_id = $1 AND deleted_at IS NULL AND public ORDER BY position, id`,
    [id],
  );
  const itemIds = items.map((i) => i.id);
  const papers = itemIds.length
    ? await tx.query<{ agendaItemId: string; id: string; reference: string; name: string; paperType: string; date: string; role: 'advisory' | 'deciding' }>(
        `SELECT x.agenda_item_id AS "agendaItemId", p.id, p.reference, p.name, p.paper_type AS "paperType", p.date::text AS date, x.role
         FROM committee_consultations x
           JOIN committee_papers p ON p.tenant_id = x.tenant_id AND p.id = x.paper_id
           JOIN committee_meetings m ON m.tenant_id = x.tenant_id AND m.id = x.meeting_id
           LEFT JOIN committee_agenda_items a ON a.tenant_id = x.tenant_id AND a.id = x.agenda_item_id
         WHERE x.agenda_item_id = ANY($1::uuid[]) AND x.deleted_at IS NULL AND p.deleted_at IS NULL AND ${visibleConsultation('x', 'p', 'm', 'a')}`,
        [itemIds],
      )
    : [];
  const link = fileLinks(slug);
  const paperFiles = await files(
    tx,
    'paper_id',
    papers.map((p) => p.id),
  );
  const itemFiles = await files(tx, 'agenda_item_id', itemIds);
  const meetingFiles = await files(tx, 'meeting_id', [id]);
  return {
    ...summary(m),
    location: m.location,
    agendaItems: items.map((i) => {
      const p = papers.find((x) => x.agendaItemId === i.id);
      return {
        ...i,
        paper: p
          ? {
              id: p.id,
              reference: p.reference,
              name: p.name,
              paperType: p.paperType,
              date: p.date,
              role: p.role,
              files: paperFiles.filter((f) => f.paperId === p.id).map(link),
            }
          : null,
        files: itemFiles.filter((f) => f.agendaItemId === i.id).map(link),
      };
    }),
    files: meetingFiles.map(link),
    calendarUrl: calendarUrl(m.committeeId),
  };
}

export async function loadPublicPaper(tx: Tx, slug: string, id: string): Promise<PublicPaper | null> {
  const [p] = await tx.query<{ id: string; reference: string; name: string; paperType: string; date: string }>(
    `SELECT x.id, x.reference, x.name, x.paper_type AS "paperType", x.date::text AS date FROM committee_papers x
     WHERE x.id = $1 AND x.deleted_at IS NULL AND ${visiblePaper('x')}`,
    [id],
  );
  if (!p) return null;
  const consultations = await tx.query<MeetingRow & { role: 'advisory' | 'deciding'; itemNumber: string | null; itemName: string | null }>(
    `SELECT ${MEETING_COLUMNS}, x.role, a.number AS "itemNumber", a.name AS "itemName"
     FROM committee_consultations x
       JOIN committee_papers p ON p.tenant_id = x.tenant_id AND p.id = x.paper_id
       JOIN committee_meetings m ON m.tenant_id = x.tenant_id AND m.id = x.meeting_id
       JOIN committees c ON c.tenant_id = m.tenant_id AND c.id = m.committee_id
       LEFT JOIN committee_agenda_items a ON a.tenant_id = x.tenant_id AND a.id = x.agenda_item_id
     WHERE x.paper_id = $1 AND x.deleted_at IS NULL AND m.deleted_at IS NULL AND ${visibleConsultation('x', 'p', 'm', 'a')}
     ORDER BY m.start_at, x.id`,
    [id],
  );
  return {
    ...p,
    files: (await files(tx, 'paper_id', [id])).map(fileLinks(slug)),
    consultations: consultations.map((c) => ({ meeting: summary(c), agendaItemNumber: c.itemNumber, agendaItemName: c.itemName, role: c.role })),
  };
}

const tenantParam = z.object({ tenant: z.string().max(63) });
const idParams = tenantParam.extend({ id: z.uuid() });
const tags = ['public'];

export const committeePublicRoutes: RouteRegistrar = (app, ctx) => {
  /** Public answers cached per node as checked JSON text, keyed by the content generation; null is "not found". */
  const cached = async <S extends z.ZodType>(
    reply: FastifyReply,
    tenantId: string,
    key: string,
    schema: S,
    load: (tx: Tx) => Promise<z.input<S> | null>,
    what: string,
  ): Promise<FastifyReply> => {
    const { value } = await cachedPublicRead(ctx.db, tenantId, `committees:${key}`, async (tx) => {
      const answer = await load(tx);
      return answer === null ? null : toContractJson(schema, answer);
    });
    if (value === null) throw new AppError('not_found', `${what} not found`);
    return sendPublicJson(reply, value);
  };
  const calendarPath = (slug: string, committeeId: string) => `/api/v1/${slug}/committees/${committeeId}/meetings.ics`;

  app.get(
    '/api/v1/:tenant/committees',
    { schema: { tags, summary: 'Committees (Gremien) with their next public meeting', params: tenantParam, response: { 200: publicCommitteeList, ...errorResponses } } },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      return cached(reply, tenant.id, 'list', publicCommitteeList, async (tx) => ({ items: await listPublicCommittees(tx) }), 'Committees');
    },
  );

  app.get(
    '/api/v1/:tenant/committees/:id',
    {
      schema: {
        tags,
        summary: 'A committee: current members, legislative terms, upcoming and past published meetings',
        params: idParams,
        response: { 200: publicCommittee, ...errorResponses },
      },
    },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      const { id } = request.params;
      return cached(reply, tenant.id, `committee:${id}`, publicCommittee, (tx) => loadPublicCommittee(tx, id, calendarPath(tenant.slug, id)), 'Committee');
    },
  );

  app.get(
    '/api/v1/:tenant/committees/:id/meetings.ics',
    {
      schema: {
        tags,
        summary: "iCalendar feed (RFC 5545) of a committee's published meetings",
        params: idParams,
        response: { 200: z.string().describe('text/calendar'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      const base = publicUrl(ctx.config);
      const { value: ics } = await cachedPublicRead(ctx.db, tenant.id, `committees:ics:${request.params.id}`, (tx) =>
        committeeCalendar(tx, { committeeId: request.params.id, publicOnly: true, host: new URL(base).host, webBase: `${base}/${tenant.slug}/${tenant.defaultLanguage}/gremien` }),
      );
      if (ics === null) throw new AppError('not_found', 'Committee not found');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="sitzungen.ics"')
        .header('cache-control', 'public, max-age=300')
        .header('access-control-allow-origin', '*')
        .send(ics);
    },
  );

  app.get(
    '/api/v1/:tenant/committee-meetings/:id',
    {
      schema: {
        tags,
        summary: 'A published meeting with its public agenda items, their papers and files (non-public items are left out)',
        params: idParams,
        response: { 200: publicMeeting, ...errorResponses },
      },
    },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      const { id } = request.params;
      return cached(reply, tenant.id, `meeting:${id}`, publicMeeting, (tx) => loadPublicMeeting(tx, tenant.slug, id, (committeeId) => calendarPath(tenant.slug, committeeId)), 'Meeting');
    },
  );

  app.get(
    '/api/v1/:tenant/committee-papers/:id',
    {
      schema: { tags, summary: 'A public paper with its files and public consultations', params: idParams, response: { 200: publicPaper, ...errorResponses } },
    },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      const { id } = request.params;
      return cached(reply, tenant.id, `paper:${id}`, publicPaper, (tx) => loadPublicPaper(tx, tenant.slug, id), 'Paper');
    },
  );
};
