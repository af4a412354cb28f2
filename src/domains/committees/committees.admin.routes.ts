// Back office of the committees domain: committees, legislative terms, persons, memberships,
// meeting locations, meetings with their agenda, papers with their consultations, files.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../../server/context.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import {
  adminCommitteeDetail,
  adminCommitteeLocation,
  adminFile,
  adminMeeting,
  adminMembership,
  adminPaperDetail,
  adminPersonDetail,
  adminTerm,
  agendaInput,
  committeeIdParams,
  committeeInput,
  committeeList,
  committeeParams,
  consultationsInput,
  deletedAnswer,
  fileRename,
  fileUploadQuery,
  locationInput,
  locationList,
  meetingInput,
  meetingListQuery,
  meetingPage,
  membershipInput,
  paperInput,
  paperListQuery,
  paperPage,
  personInput,
  personListQuery,
  personPage,
  termInput,
  termList,
} from '../../shared/contracts/committees.ts';
import { errorResponses } from '../../shared/contracts/common.ts';
import { type Author, authorOf } from '../audit/auditChanges.ts';
import type { Actor } from '../auth/roles.ts';
import { requireStaff } from '../tenants/tenantService.ts';
import { committeeCalendar } from './committeeCalendar.ts';
import { authorizeCommittees } from './committees.policy.ts';
import {
  committeeDetail,
  createCommittee,
  deleteCommittee,
  deleteLocation,
  deleteMembership,
  deletePerson,
  deleteTerm,
  findCommittee,
  findLocation,
  findMembership,
  findPerson,
  findTerm,
  listCommittees,
  listLocations,
  listPersons,
  listTerms,
  personDetail,
  presentLocation,
  presentTerm,
  saveLocation,
  saveMembership,
  savePerson,
  saveTerm,
  updateCommittee,
} from './committeeService.ts';
import { contentDisposition } from './oparl/oparl.routes.ts';
import { deleteFile, findFile, presentFile, readFileContent, renameFile, storeFile } from './fileService.ts';
import { deleteMeeting, findMeeting, listMeetingSummaries, meetingDetail, saveAgenda, saveMeeting, setMeetingPublished } from './meetingService.ts';
import { deletePaper, findPaper, listPapers, paperDetail, saveConsultations, savePaper } from './paperService.ts';

const tags = ['admin'];
const BASE = '/api/v1/:tenant/admin';

interface Staff {
  tenantId: string;
  slug: string;
  actor: Actor;
  author: Author;
}

async function staff(request: FastifyRequest<{ Params: { tenant: string } }>, ctx: AppContext, action: 'read' | 'write'): Promise<Staff> {
  const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
  authorizeCommittees(actor, action);
  return { tenantId: tenant.id, slug: tenant.slug, actor, author: authorOf(actor, request) };
}

/** The uploaded file from the multipart field `file`. */
async function readUpload(request: FastifyRequest): Promise<{ bytes: Buffer; filename: string }> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data in the field "file"', { field: 'content-type' });
  }
  const file = await request.file();
  if (!file) throw new AppError('validation_failed', 'No file: send it in the form field "file"', { field: 'file' });
  if (file.fieldname !== 'file') throw new AppError('validation_failed', `Send the file in the form field "file", not "${file.fieldname.slice(0, 40)}"`, { field: 'file' });
  const bytes = await file.toBuffer();
  return { bytes, filename: file.filename };
}

export const committeeAdminRoutes: RouteRegistrar = async (app, ctx) => {
  const readTx = <T>(s: Staff, fn: (tx: Tx) => Promise<T>) => ctx.db.tenant(s.tenantId, fn, { readOnly: true });
  const writeTx = <T>(s: Staff, fn: (tx: Tx) => Promise<T>) => ctx.db.tenant(s.tenantId, fn);
  const res = <T extends z.ZodType>(ok: T) => ({ 200: ok, ...errorResponses, 415: errorResponses[400] });
  const created = <T extends z.ZodType>(ok: T) => ({ 201: ok, ...errorResponses, 415: errorResponses[400] });

  // -------------------------------------------------------------------------------------------
  // Committees

  app.get(
    `${BASE}/committees`,
    { schema: { tags, summary: 'Committees (Gremien) with member count and next meeting', params: committeeParams, response: res(committeeList) } },
    async (request) => {
      const s = await staff(request, ctx, 'read');
      return { items: await readTx(s, listCommittees) };
    },
  );

  app.post(
    `${BASE}/committees`,
    { schema: { tags, summary: 'Create a committee', params: committeeParams, body: committeeInput, response: created(adminCommitteeDetail) } },
    async (request, reply) => {
      const s = await staff(request, ctx, 'write');
      const detail = await writeTx(s, async (tx) => committeeDetail(tx, await createCommittee(tx, s.author, request.body)));
      return reply.status(201).send(detail);
    },
  );

  app.get(
    `${BASE}/committees/:id`,
    { schema: { tags, summary: 'A committee with its legislative terms, memberships and meetings', params: committeeIdParams, response: res(adminCommitteeDetail) } },
    async (request) => {
      const s = await staff(request, ctx, 'read');
      return readTx(s, async (tx) => committeeDetail(tx, await findCommittee(tx, request.params.id)));
    },
  );

  app.put(
    `${BASE}/committees/:id`,
    { schema: { tags, summary: 'Change a committee', params: committeeIdParams, body: committeeInput, response: res(adminCommitteeDetail) } },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      return writeTx(s, async (tx) => committeeDetail(tx, await updateCommittee(tx, s.author, await findCommittee(tx, request.params.id), request.body)));
    },
  );

  app.delete(
    `${BASE}/committees/:id`,
    { schema: { tags, summary: 'Delete a committee without meetings (its memberships go with it)', params: committeeIdParams, response: res(deletedAnswer) } },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      await writeTx(s, async (tx) => deleteCommittee(tx, s.author, await findCommittee(tx, request.params.id)));
      return { id: request.params.id, deleted: true as const };
    },
  );

  app.get(
    `${BASE}/committees/:id/meetings.ics`,
    {
      schema: {
        tags,
        summary: 'iCalendar of all meetings of a committee, unpublished ones included (marked tentative)',
        params: committeeIdParams,
        response: { 200: z.string().describe('text/calendar'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const s = await staff(request, ctx, 'read');
      const ics = await readTx(s, (tx) => committeeCalendar(tx, { committeeId: request.params.id, publicOnly: false, host: new URL(ctx.config.PUBLIC_URL ?? 'http://localhost').host }));
      if (ics === null) throw new AppError('not_found', 'Committee not found');
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="sitzungen.ics"').header('cache-control', 'no-store').send(ics);
    },
  );

  // -------------------------------------------------------------------------------------------
  // Legislative terms

  app.get(`${BASE}/committee-terms`, { schema: { tags, summary: 'Legislative terms (Wahlperioden)', params: committeeParams, response: res(termList) } }, async (request) => {
    const s = await staff(request, ctx, 'read');
    return { items: await readTx(s, listTerms) };
  });

  app.post(
    `${BASE}/committee-terms`,
    { schema: { tags, summary: 'Create a legislative term (of the council, or of one committee)', params: committeeParams, body: termInput, response: created(adminTerm) } },
    async (request, reply) => {
      const s = await staff(request, ctx, 'write');
      const row = await writeTx(s, (tx) => saveTerm(tx, s.author, null, request.body));
      return reply.status(201).send(presentTerm(row));
    },
  );

  app.put(
    `${BASE}/committee-terms/:id`,
    { schema: { tags, summary: 'Change a legislative term', params: committeeIdParams, body: termInput, response: res(adminTerm) } },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      return presentTerm(await writeTx(s, async (tx) => saveTerm(tx, s.author, await findTerm(tx, request.params.id), request.body)));
    },
  );

  app.delete(
    `${BASE}/committee-terms/:id`,
    { schema: { tags, summary: 'Delete a legislative term', params: committeeIdParams, response: res(deletedAnswer) } },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      await writeTx(s, async (tx) => deleteTerm(tx, s.author, await findTerm(tx, request.params.id)));
      return { id: request.params.id, deleted: true as const };
    },
  );

  // -------------------------------------------------------------------------------------------
  // Persons and memberships

  app.get(
    `${BASE}/committee-persons`,
    { schema: { tags, summary: 'Committee members and other persons, by name', params: committeeParams, querystring: personListQuery, response: res(personPage) } },
    async (request) => {
      const s = await staff(request, ctx, 'read');
      const { rows, total } = await readTx(s, (tx) => listPersons(tx, request.query));
      return { items: rows, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    `${BASE}/committee-persons`,
    { schema: { tags, summary: 'Create a person', params: committeeParams, body: personInput, response: created(adminPersonDetail) } },
    async (request, reply) => {
      const s = await staff(request, ctx, 'write');
      const detail = await writeTx(s, async (tx) => personDetail(tx, await savePerson(tx, s.author, null, request.body)));
      return reply.status(201).send(detail);
    },
  );

  app.get(
    `${BASE}/committee-persons/:id`,
    { schema: { tags, summary: 'A person with memberships', params: committeeIdParams, response: res(adminPersonDetail) } },
    async (request) => {
      const s = await staff(request, ctx, 'read');
      return readTx(s, async (tx) => personDetail(tx, await findPerson(tx, request.params.id)));
    },
  );

  app.put(
    `${BASE}/committee-persons/:id`,
    { schema: { tags, summary: 'Change a person', params: committeeIdParams, body: personInput, response: res(adminPersonDetail) } },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      return writeTx(s, async (tx) => personDetail(tx, await savePerson(tx, s.author, await findPerson(tx, request.params.id), request.body)));
    },
  );

  app.delete(
    `${BASE}/committee-persons/:id`,
    { schema: { tags, summary: 'Delete a person and end its memberships', params: committeeIdParams, response: res(deletedAnswer) } },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      await writeTx(s, async (tx) => deletePerson(tx, s.author, await findPerson(tx, request.params.id)));
      return { id: request.params.id, deleted: true as const };
    },
  );

  app.post(
    `${BASE}/committee-memberships`,
    { schema: { tags, summary: 'Add a person to a committee (role, voting right, period)', params: committeeParams, body: membershipInput, response: created(adminMembership) } },
    async (request, reply) => {
      const s = await staff(request, ctx, 'write');
      return reply.status(201).send(await writeTx(s, (tx) => saveMembership(tx, s.author, null, request.body)));
    },
  );

  app.put(
    `${BASE}/committee-memberships/:id`,
    { schema: { tags, summary: 'Change a membership', params: committeeIdParams, body: membershipInput, response: res(adminMembership) } },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      return writeTx(s, async (tx) => saveMembership(tx, s.author, await findMembership(tx, request.params.id), request.body));
    },
  );

  app.delete(
    `${BASE}/committee-memberships/:id`,
    { schema: { tags, summary: 'Delete a membership', params: committeeIdParams, response: res(deletedAnswer) } },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      await writeTx(s, async (tx) => deleteMembership(tx, s.author, await findMembership(tx, request.params.id)));
      return { id: request.params.id, deleted: true as const };
    },
  );

  // -------------------------------------------------------------------------------------------
  // Locations

  app.get(`${BASE}/committee-locations`, { schema: { tags, summary: 'Meeting locations', params: committeeParams, response: res(locationList) } }, async (request) => {
    const s = await staff(request, ctx, 'read');
    return { items: await readTx(s, listLocations) };
  });

  app.post(
    `${BASE}/committee-locations`,
    { schema: { tags, summary: 'Create a meeting location', params: committeeParams, body: locationInput, response: created(adminCommitteeLocation) } },
    async (request, reply) => {
      const s = await staff(request, ctx, 'write');
      return reply.status(201).send(presentLocation(await writeTx(s, (tx) => saveLocation(tx, s.author, null, request.body))));
    },
  );

  app.put(
    `${BASE}/committee-locations/:id`,
    { schema: { tags, summary: 'Change a meeting location', params: committeeIdParams, body: locationInput, response: res(adminCommitteeLocation) } },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      return presentLocation(await writeTx(s, async (tx) => saveLocation(tx, s.author, await findLocation(tx, request.params.id), request.body)));
    },
  );

  app.delete(
    `${BASE}/committee-locations/:id`,
    { schema: { tags, summary: 'Delete a meeting location no meeting uses', params: committeeIdParams, response: res(deletedAnswer) } },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      await writeTx(s, async (tx) => deleteLocation(tx, s.author, await findLocation(tx, request.params.id)));
      return { id: request.params.id, deleted: true as const };
    },
  );

  // -------------------------------------------------------------------------------------------
  // Meetings and agenda

  app.get(
    `${BASE}/committee-meetings`,
    { schema: { tags, summary: 'Meetings by start, filtered by committee and period', params: committeeParams, querystring: meetingListQuery, response: res(meetingPage) } },
    async (request) => {
      const s = await staff(request, ctx, 'read');
      const { rows, total } = await readTx(s, (tx) => listMeetingSummaries(tx, request.query));
      return { items: rows, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    `${BASE}/committee-meetings`,
    { schema: { tags, summary: 'Create a meeting (unpublished)', params: committeeParams, body: meetingInput, response: created(adminMeeting) } },
    async (request, reply) => {
      const s = await staff(request, ctx, 'write');
      const detail = await writeTx(s, async (tx) => meetingDetail(tx, await saveMeeting(tx, s.author, null, request.body)));
      return reply.status(201).send(detail);
    },
  );

  app.get(
    `${BASE}/committee-meetings/:id`,
    { schema: { tags, summary: 'A meeting with its whole agenda (non-public items included), consultations and files', params: committeeIdParams, response: res(adminMeeting) } },
    async (request) => {
      const s = await staff(request, ctx, 'read');
      return readTx(s, async (tx) => meetingDetail(tx, await findMeeting(tx, request.params.id)));
    },
  );

  app.put(
    `${BASE}/committee-meetings/:id`,
    { schema: { tags, summary: 'Change a meeting (committee, name, state, times, location)', params: committeeIdParams, body: meetingInput, response: res(adminMeeting) } },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      return writeTx(s, async (tx) => meetingDetail(tx, await saveMeeting(tx, s.author, await findMeeting(tx, request.params.id), request.body)));
    },
  );

  app.put(
    `${BASE}/committee-meetings/:id/agenda`,
    {
      schema: {
        tags,
        summary: 'Save the whole agenda in order (public/non-public, result, decision, minutes); left-out items are deleted',
        params: committeeIdParams,
        body: agendaInput,
        response: res(adminMeeting),
      },
    },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      return writeTx(s, async (tx) => {
        const meeting = await findMeeting(tx, request.params.id);
        await saveAgenda(tx, s.author, meeting, request.body);
        return meetingDetail(tx, await findMeeting(tx, meeting.id));
      });
    },
  );

  for (const [verb, published] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    app.post(
      `${BASE}/committee-meetings/:id/${verb}`,
      {
        schema: {
          tags,
          summary: published ? 'Publish a meeting (navigator, OParl, calendar): its public agenda items only' : 'Withdraw a meeting from the public',
          params: committeeIdParams,
          response: res(adminMeeting),
        },
      },
      async (request) => {
        const s = await staff(request, ctx, 'write');
        return writeTx(s, async (tx) => meetingDetail(tx, await setMeetingPublished(tx, s.author, await findMeeting(tx, request.params.id), published)));
      },
    );
  }

  app.delete(
    `${BASE}/committee-meetings/:id`,
    { schema: { tags, summary: 'Delete a meeting with its agenda, consultations and files', params: committeeIdParams, response: res(deletedAnswer) } },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      await writeTx(s, async (tx) => deleteMeeting(tx, s.author, await findMeeting(tx, request.params.id)));
      return { id: request.params.id, deleted: true as const };
    },
  );

  // -------------------------------------------------------------------------------------------
  // Papers and consultations

  app.get(
    `${BASE}/committee-papers`,
    { schema: { tags, summary: 'Papers (Vorlagen), newest first, searchable by reference and title', params: committeeParams, querystring: paperListQuery, response: res(paperPage) } },
    async (request) => {
      const s = await staff(request, ctx, 'read');
      const { rows, total } = await readTx(s, (tx) => listPapers(tx, request.query));
      return { items: rows, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    `${BASE}/committee-papers`,
    { schema: { tags, summary: 'Create a paper', params: committeeParams, body: paperInput, response: created(adminPaperDetail) } },
    async (request, reply) => {
      const s = await staff(request, ctx, 'write');
      const detail = await writeTx(s, async (tx) => paperDetail(tx, await savePaper(tx, s.author, null, request.body)));
      return reply.status(201).send(detail);
    },
  );

  app.get(
    `${BASE}/committee-papers/:id`,
    { schema: { tags, summary: 'A paper with consultations and files', params: committeeIdParams, response: res(adminPaperDetail) } },
    async (request) => {
      const s = await staff(request, ctx, 'read');
      return readTx(s, async (tx) => paperDetail(tx, await findPaper(tx, request.params.id)));
    },
  );

  app.put(
    `${BASE}/committee-papers/:id`,
    { schema: { tags, summary: 'Change a paper (published: visible to the public)', params: committeeIdParams, body: paperInput, response: res(adminPaperDetail) } },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      return writeTx(s, async (tx) => paperDetail(tx, await savePaper(tx, s.author, await findPaper(tx, request.params.id), request.body)));
    },
  );

  app.put(
    `${BASE}/committee-papers/:id/consultations`,
    {
      schema: {
        tags,
        summary: 'Save all consultations of a paper (meeting, agenda item, advisory/deciding); left-out ones are deleted',
        params: committeeIdParams,
        body: consultationsInput,
        response: res(adminPaperDetail),
      },
    },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      return writeTx(s, async (tx) => {
        const paper = await findPaper(tx, request.params.id);
        await saveConsultations(tx, s.author, paper, request.body);
        return paperDetail(tx, await findPaper(tx, paper.id));
      });
    },
  );

  app.delete(
    `${BASE}/committee-papers/:id`,
    { schema: { tags, summary: 'Delete a paper with its consultations and files', params: committeeIdParams, response: res(deletedAnswer) } },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      await writeTx(s, async (tx) => deletePaper(tx, s.author, await findPaper(tx, request.params.id)));
      return { id: request.params.id, deleted: true as const };
    },
  );

  // -------------------------------------------------------------------------------------------
  // Files (multipart stays inside this plugin: every other route keeps JSON-only bodies)

  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    await scope.register(fastifyMultipart, { limits: { fileSize: ctx.config.UPLOAD_LIMIT_BYTES, files: 1, fields: 5 } });

    scope.post(
      `${BASE}/committee-files`,
      {
        bodyLimit: ctx.config.UPLOAD_LIMIT_BYTES + 64 * 1024,
        schema: {
          tags,
          summary: 'Upload a file (PDF, ODT, DOCX, PNG, JPEG) to a paper, meeting or agenda item',
          description: `Multipart field \`file\`; at most UPLOAD_LIMIT_BYTES (413 beyond). The type is recognised by the content (415 for anything else). A file in a single role (main, invitation, protocol, resolution) replaces the previous one.`,
          consumes: ['multipart/form-data'],
          params: committeeParams,
          querystring: fileUploadQuery,
          response: created(adminFile),
        },
      },
      async (request, reply) => {
        const s = await staff(request, ctx, 'write');
        // The whole upload is read (and size-checked) before the transaction starts: nothing half-written.
        const upload = await readUpload(request);
        const row = await writeTx(s, (tx) => storeFile(tx, s.author, request.query, upload));
        return reply.status(201).send(presentFile(row));
      },
    );
  });

  app.put(
    `${BASE}/committee-files/:id`,
    { schema: { tags, summary: 'Rename a file', params: committeeIdParams, body: fileRename, response: res(adminFile) } },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      return presentFile(await writeTx(s, async (tx) => renameFile(tx, s.author, await findFile(tx, request.params.id), request.body.name)));
    },
  );

  app.delete(
    `${BASE}/committee-files/:id`,
    { schema: { tags, summary: 'Delete a file (its content is removed)', params: committeeIdParams, response: res(deletedAnswer) } },
    async (request) => {
      const s = await staff(request, ctx, 'write');
      await writeTx(s, async (tx) => deleteFile(tx, s.author, await findFile(tx, request.params.id)));
      return { id: request.params.id, deleted: true as const };
    },
  );

  app.get(
    `${BASE}/committee-files/:id/content`,
    { schema: { tags, summary: 'Download a file (also non-public ones)', params: committeeIdParams, response: { 200: z.unknown().describe('The file'), ...errorResponses } } },
    async (request, reply) => {
      const s = await staff(request, ctx, 'read');
      const { row, content } = await readTx(s, async (tx) => {
        const file = await findFile(tx, request.params.id);
        return { row: file, content: await readFileContent(tx, file.id) };
      });
      if (!content) throw new AppError('not_found', 'File content not found');
      return reply
        .type(row.mimeType)
        .header('content-disposition', contentDisposition('attachment', row.fileName))
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );
};
