import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { publicUrl } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { deletedRecord } from '../../shared/contracts/actors.ts';
import { errorResponses } from '../../shared/contracts/common.ts';
import { tenantParams } from '../../shared/contracts/directoryAdmin.ts';
import {
  groupDetail,
  groupInput,
  groupListQuery,
  groupPage,
  graphQuery,
  mailResult,
  meetingDetail,
  meetingInput,
  memberInput,
  memberParams,
  memberUpdate,
  minutesInput,
  networkGraph as networkGraphSchema,
  networkIdParams,
  networkTask,
  staffList,
  taskInput,
  taskListQuery,
  taskPage,
  taskUpdate,
} from '../../shared/contracts/networks.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import { networkStaff } from '../actors/networkStaff.ts';
import {
  addMember,
  createGroup,
  findMember,
  listGroups,
  presentGroupDetail,
  removeMember,
  requireGroup,
  setGroupArchived,
  updateGroup,
  updateMember,
} from './groupService.ts';
import { createMeeting, deleteMeeting, markSent, presentMeetingDetail, requireMeeting, saveMinutes, updateMeeting } from './meetingService.ts';
import { groupCalendar } from './networkCalendar.ts';
import { cachedGraphJson } from './graphCache.ts';
import { networkGraph } from './networkGraph.ts';
import { deliver, invitationMail, minutesMail, requireRecipients } from './networkMail.ts';
import { networkMeetings } from './networks.table.ts';
import { createTask, deleteTask, listTasks, presentTaskById, requireTask, staffAccounts, updateTask } from './taskService.ts';

/** Back office: networks and working groups, members, meetings (invitation, minutes), tasks, graph, calendar. */
export const networkRoutes: RouteRegistrar = (app, ctx) => {
  const base = '/api/v1/:tenant/admin/network';
  const tags = ['network'];

  // ------------------------------------------------------------------------------------------
  // Groups and members

  app.get(
    `${base}/groups`,
    { schema: { tags, summary: 'Networks and working groups with member counts, open tasks and the next meeting', params: tenantParams, querystring: groupListQuery, response: { 200: groupPage, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'read');
      const query = request.query;
      const { items, total } = await staff.read((tx) => listGroups(tx, query));
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  );

  app.post(
    `${base}/groups`,
    { schema: { tags, summary: 'Create a network or working group', params: tenantParams, body: groupInput, response: { 201: groupDetail, ...errorResponses } } },
    async (request, reply) => {
      const staff = await networkStaff(request, ctx, 'write');
      const detail = await staff.write(async (tx) => presentGroupDetail(tx, await createGroup(tx, staff.author, request.body)));
      return reply.status(201).send(detail);
    },
  );

  app.get(
    `${base}/groups/:id`,
    { schema: { tags, summary: 'One group with its members (delegates, roles) and meetings', params: networkIdParams, response: { 200: groupDetail, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'read');
      return staff.read(async (tx) => presentGroupDetail(tx, await requireGroup(tx, request.params.id)));
    },
  );

  app.put(
    `${base}/groups/:id`,
    { schema: { tags, summary: 'Change a group (name, kind, purpose, fields of action)', params: networkIdParams, body: groupInput, response: { 200: groupDetail, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'write');
      return staff.write(async (tx) => presentGroupDetail(tx, await updateGroup(tx, staff.author, await requireGroup(tx, request.params.id), request.body)));
    },
  );

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `${base}/groups/:id/${verb}`,
      { schema: { tags, summary: archived ? 'Archive a group' : 'Restore an archived group', params: networkIdParams, response: { 200: groupDetail, ...errorResponses } } },
      async (request) => {
        const staff = await networkStaff(request, ctx, 'write');
        return staff.write(async (tx) => presentGroupDetail(tx, await setGroupArchived(tx, staff.author, await requireGroup(tx, request.params.id), archived)));
      },
    );
  }

  app.post(
    `${base}/groups/:id/members`,
    {
      schema: {
        tags,
        summary: 'Add a member: an organisation, its delegate (organisation + contact) or a person (409 when already a member)',
        params: networkIdParams,
        body: memberInput,
        response: { 201: groupDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const staff = await networkStaff(request, ctx, 'write');
      const detail = await staff.write(async (tx) => {
        const group = await requireGroup(tx, request.params.id);
        await addMember(tx, staff.author, group, request.body);
        return presentGroupDetail(tx, group);
      });
      return reply.status(201).send(detail);
    },
  );

  app.put(
    `${base}/groups/:id/members/:memberId`,
    { schema: { tags, summary: 'Change a member’s role and period', params: memberParams, body: memberUpdate, response: { 200: groupDetail, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'write');
      return staff.write(async (tx) => {
        const group = await requireGroup(tx, request.params.id);
        await updateMember(tx, staff.author, group, await findMember(tx, group.id, request.params.memberId), request.body);
        return presentGroupDetail(tx, group);
      });
    },
  );

  app.delete(
    `${base}/groups/:id/members/:memberId`,
    { schema: { tags, summary: 'Remove a member recorded by mistake (set an end date when someone left)', params: memberParams, response: { 200: groupDetail, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'write');
      return staff.write(async (tx) => {
        const group = await requireGroup(tx, request.params.id);
        await removeMember(tx, staff.author, group, await findMember(tx, group.id, request.params.memberId));
        return presentGroupDetail(tx, group);
      });
    },
  );

  // ------------------------------------------------------------------------------------------
  // Meetings

  app.post(
    `${base}/groups/:id/meetings`,
    { schema: { tags, summary: 'Plan a meeting with date, time, place and agenda', params: networkIdParams, body: meetingInput, response: { 201: meetingDetail, ...errorResponses } } },
    async (request, reply) => {
      const staff = await networkStaff(request, ctx, 'write');
      const detail = await staff.write(async (tx) => presentMeetingDetail(tx, await createMeeting(tx, staff.author, await requireGroup(tx, request.params.id), request.body)));
      return reply.status(201).send(detail);
    },
  );

  app.get(
    `${base}/groups/:id/meetings.ics`,
    {
      schema: {
        tags,
        summary: "The group's meetings as an iCalendar file (text/calendar, RFC 5545)",
        params: networkIdParams,
        response: { 200: z.unknown().describe('text/calendar'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const staff = await networkStaff(request, ctx, 'read');
      const body = await staff.read(async (tx) => {
        const group = await requireGroup(tx, request.params.id);
        const meetings = await tx.db.select().from(networkMeetings).where(eq(networkMeetings.groupId, group.id)).orderBy(networkMeetings.startsAt);
        return groupCalendar(group, meetings, { baseUrl: publicUrl(ctx.config), slug: staff.tenant.slug });
      });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="network-${request.params.id}.ics"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );

  app.get(
    `${base}/meetings/:id`,
    { schema: { tags, summary: 'One meeting with agenda, minutes, decisions, attendance and tasks', params: networkIdParams, response: { 200: meetingDetail, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'read');
      return staff.read(async (tx) => presentMeetingDetail(tx, await requireMeeting(tx, request.params.id)));
    },
  );

  app.put(
    `${base}/meetings/:id`,
    { schema: { tags, summary: 'Change a meeting (date, place, agenda, status)', params: networkIdParams, body: meetingInput, response: { 200: meetingDetail, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'write');
      return staff.write(async (tx) => presentMeetingDetail(tx, await updateMeeting(tx, staff.author, await requireMeeting(tx, request.params.id), request.body)));
    },
  );

  app.delete(
    `${base}/meetings/:id`,
    { schema: { tags, summary: 'Delete a meeting (its tasks stay with the group)', params: networkIdParams, response: { 200: deletedRecord, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'write');
      await staff.write(async (tx) => deleteMeeting(tx, staff.author, await requireMeeting(tx, request.params.id)));
      return { id: request.params.id, deleted: true as const };
    },
  );

  app.put(
    `${base}/meetings/:id/minutes`,
    {
      schema: {
        tags,
        summary: 'Save the minutes: text, notes per agenda item, decisions and attendance',
        params: networkIdParams,
        body: minutesInput,
        response: { 200: meetingDetail, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'write');
      return staff.write(async (tx) => presentMeetingDetail(tx, await saveMinutes(tx, staff.author, await requireMeeting(tx, request.params.id), request.body)));
    },
  );

  app.post(
    `${base}/meetings/:id/invitation`,
    {
      schema: {
        tags,
        summary: "Send the invitation by e-mail to the members' delegates (opted-out contacts and contacts without consent are skipped)",
        params: networkIdParams,
        response: { 200: mailResult, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'send');
      const { plan, content } = await staff.write(async (tx) => {
        const meeting = await requireMeeting(tx, request.params.id);
        const group = await requireGroup(tx, meeting.groupId);
        if (group.archivedAt) throw new AppError('invalid_state_transition', 'The group is archived');
        const plan = await requireRecipients(tx, group.id);
        const content = invitationMail(staff.tenant.name, group, meeting);
        await markSent(tx, staff.author, meeting, 'invitation', { recipients: plan.recipients.length, skipped: plan.skipped.length });
        return { plan, content };
      });
      return deliver(ctx.mailer, staff.tenant.id, plan, content);
    },
  );

  app.post(
    `${base}/meetings/:id/minutes/send`,
    {
      schema: {
        tags,
        summary: "Send the minutes (decisions, tasks) by e-mail to the members' delegates",
        params: networkIdParams,
        response: { 200: mailResult, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'send');
      const { plan, content } = await staff.write(async (tx) => {
        const meeting = await requireMeeting(tx, request.params.id);
        if (!meeting.minutes && !meeting.decisions.length && !meeting.agenda.some((a) => a.notes)) {
          throw new AppError('invalid_state_transition', 'Write the minutes before sending them', { field: 'minutes' });
        }
        const group = await requireGroup(tx, meeting.groupId);
        const plan = await requireRecipients(tx, group.id);
        const detail = await presentMeetingDetail(tx, meeting);
        const content = minutesMail(
          staff.tenant.name,
          group,
          meeting,
          detail.attendance,
          detail.tasks.map((t) => ({ title: t.title, owner: t.owner?.name ?? null, dueOn: t.dueOn })),
        );
        await markSent(tx, staff.author, meeting, 'minutes', { recipients: plan.recipients.length, skipped: plan.skipped.length });
        return { plan, content };
      });
      return deliver(ctx.mailer, staff.tenant.id, plan, content);
    },
  );

  // ------------------------------------------------------------------------------------------
  // Tasks

  app.get(
    `${base}/tasks`,
    {
      schema: {
        tags,
        summary: 'Follow-up tasks across all groups: open, overdue, done …, by group and owner; soonest deadline first',
        params: tenantParams,
        querystring: taskListQuery,
        response: { 200: taskPage, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'read');
      const query = request.query;
      const { items, total } = await staff.read((tx) => listTasks(tx, query));
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  );

  app.post(
    `${base}/tasks`,
    { schema: { tags, summary: 'Create a follow-up task (owner: a contact or a staff account; deadline)', params: tenantParams, body: taskInput, response: { 201: networkTask, ...errorResponses } } },
    async (request, reply) => {
      const staff = await networkStaff(request, ctx, 'write');
      const task = await staff.write(async (tx) => presentTaskById(tx, await createTask(tx, staff.author, request.body)));
      return reply.status(201).send(task);
    },
  );

  app.patch(
    `${base}/tasks/:id`,
    { schema: { tags, summary: 'Change a task (e.g. only its status)', params: networkIdParams, body: taskUpdate, response: { 200: networkTask, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'write');
      return staff.write(async (tx) => {
        const before = await requireTask(tx, request.params.id);
        await updateTask(tx, staff.author, before, request.body);
        return presentTaskById(tx, before.id);
      });
    },
  );

  app.delete(
    `${base}/tasks/:id`,
    { schema: { tags, summary: 'Delete a task', params: networkIdParams, response: { 200: deletedRecord, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'write');
      await staff.write(async (tx) => deleteTask(tx, staff.author, await requireTask(tx, request.params.id)));
      return { id: request.params.id, deleted: true as const };
    },
  );

  app.get(
    `${base}/staff`,
    { schema: { tags, summary: 'Staff accounts of the office that can own tasks', params: tenantParams, response: { 200: staffList, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'read');
      return { items: await staff.read((tx) => staffAccounts(tx)) };
    },
  );

  // ------------------------------------------------------------------------------------------
  // Graph

  app.get(
    `${base}/graph`,
    {
      // A whole tenant is ~0.5 MB of JSON: fast compression costs a third of the default's CPU for a slightly larger answer.
      compress: { zlibOptions: { level: 1 } },
      schema: {
        tags,
        summary: 'The network as a graph: groups, organisations (and contacts on demand), edges = memberships and relationships; filter by field of action, area, group or organisation',
        params: tenantParams,
        querystring: graphQuery,
        response: { 200: networkGraphSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const staff = await networkStaff(request, ctx, 'read');
      const query = request.query;
      const key = JSON.stringify([query.fieldId, query.areaId, query.groupId, query.organisationId, query.contacts]);
      // Computed from the same contract; sent as the cached JSON text (a string is not serialized again).
      const json = await cachedGraphJson(ctx.db, staff.tenant.id, key, () =>
        staff.read(async (tx) => networkGraphSchema.parse(await networkGraph(tx, query))),
      );
      return reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', 'private, no-cache').send(json as never);
    },
  );
};
