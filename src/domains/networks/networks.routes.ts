import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { publicUrl } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { deletedRecord } from '../../shared/contracts/actors.ts';
import { errorResponses } from '../../shared/contracts/common.ts';
import {
  groupDetail,
  groupInput,
  groupListQuery,
  groupPage,
  groupParams,
  graphQuery,
  icsParams,
  mailResult,
  meetingDetail,
  meetingInput,
  meetingParams,
  memberInput,
  memberParams,
  memberUpdate,
  minutesInput,
  networkGraph as networkGraphSchema,
  networkTask,
  staffList,
  taskInput,
  taskListQuery,
  taskPage,
  taskUpdate,
} from '../../shared/contracts/networks.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import { authorizeNetwork } from '../actors/actors.policy.ts';
import { authorOf } from '../audit/auditChanges.ts';
import { requireStaff } from '../tenants/tenantService.ts';
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
import { deliver, groupRecipients, invitationMail, minutesMail } from './networkMail.ts';
import { networkMeetings } from './networks.table.ts';
import { createTask, deleteTask, findTask, listTasks, presentTaskById, staffAccounts, updateTask } from './taskService.ts';

const tenantParams = z.object({ tenant: z.string().max(63) }).strict();

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
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'read');
      const query = request.query;
      const { items, total } = await ctx.db.tenant(tenant.id, (tx) => listGroups(tx, query), { readOnly: true });
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  );

  app.post(
    `${base}/groups`,
    { schema: { tags, summary: 'Create a network or working group', params: tenantParams, body: groupInput, response: { 201: groupDetail, ...errorResponses } } },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'write');
      const detail = await ctx.db.tenant(tenant.id, async (tx) => presentGroupDetail(tx, await createGroup(tx, authorOf(actor, request), request.body)));
      return reply.status(201).send(detail);
    },
  );

  app.get(
    `${base}/groups/:id`,
    { schema: { tags, summary: 'One group with its members (delegates, roles) and meetings', params: groupParams, response: { 200: groupDetail, ...errorResponses } } },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'read');
      return ctx.db.tenant(tenant.id, async (tx) => presentGroupDetail(tx, await requireGroup(tx, request.params.id)), { readOnly: true });
    },
  );

  app.put(
    `${base}/groups/:id`,
    { schema: { tags, summary: 'Change a group (name, kind, purpose, fields of action)', params: groupParams, body: groupInput, response: { 200: groupDetail, ...errorResponses } } },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'write');
      return ctx.db.tenant(tenant.id, async (tx) => presentGroupDetail(tx, await updateGroup(tx, authorOf(actor, request), await requireGroup(tx, request.params.id), request.body)));
    },
  );

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `${base}/groups/:id/${verb}`,
      { schema: { tags, summary: archived ? 'Archive a group' : 'Restore an archived group', params: groupParams, response: { 200: groupDetail, ...errorResponses } } },
      async (request) => {
        const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
        authorizeNetwork(actor, 'write');
        return ctx.db.tenant(tenant.id, async (tx) =>
          presentGroupDetail(tx, await setGroupArchived(tx, authorOf(actor, request), await requireGroup(tx, request.params.id), archived)),
        );
      },
    );
  }

  app.post(
    `${base}/groups/:id/members`,
    {
      schema: {
        tags,
        summary: 'Add a member: an organisation, its delegate (organisation + contact) or a person (409 when already a member)',
        params: groupParams,
        body: memberInput,
        response: { 201: groupDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'write');
      const detail = await ctx.db.tenant(tenant.id, async (tx) => {
        const group = await requireGroup(tx, request.params.id);
        await addMember(tx, authorOf(actor, request), group, request.body);
        return presentGroupDetail(tx, group);
      });
      return reply.status(201).send(detail);
    },
  );

  app.put(
    `${base}/groups/:id/members/:memberId`,
    { schema: { tags, summary: 'Change a member’s role and period', params: memberParams, body: memberUpdate, response: { 200: groupDetail, ...errorResponses } } },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'write');
      return ctx.db.tenant(tenant.id, async (tx) => {
        const group = await requireGroup(tx, request.params.id);
        await updateMember(tx, authorOf(actor, request), group, await findMember(tx, group.id, request.params.memberId), request.body);
        return presentGroupDetail(tx, group);
      });
    },
  );

  app.delete(
    `${base}/groups/:id/members/:memberId`,
    { schema: { tags, summary: 'Remove a member recorded by mistake (set an end date when someone left)', params: memberParams, response: { 200: groupDetail, ...errorResponses } } },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'write');
      return ctx.db.tenant(tenant.id, async (tx) => {
        const group = await requireGroup(tx, request.params.id);
        await removeMember(tx, authorOf(actor, request), group, await findMember(tx, group.id, request.params.memberId));
        return presentGroupDetail(tx, group);
      });
    },
  );

  // ------------------------------------------------------------------------------------------
  // Meetings

  app.post(
    `${base}/groups/:id/meetings`,
    { schema: { tags, summary: 'Plan a meeting with date, time, place and agenda', params: groupParams, body: meetingInput, response: { 201: meetingDetail, ...errorResponses } } },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'write');
      const detail = await ctx.db.tenant(tenant.id, async (tx) =>
        presentMeetingDetail(tx, await createMeeting(tx, authorOf(actor, request), await requireGroup(tx, request.params.id), request.body)),
      );
      return reply.status(201).send(detail);
    },
  );

  app.get(
    `${base}/groups/:id/meetings.ics`,
    {
      schema: {
        tags,
        summary: "The group's meetings as an iCalendar file (text/calendar, RFC 5545)",
        params: icsParams,
        response: { 200: z.unknown().describe('text/calendar'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'read');
      const body = await ctx.db.tenant(
        tenant.id,
        async (tx) => {
          const group = await requireGroup(tx, request.params.id);
          const meetings = await tx.db.select().from(networkMeetings).where(eq(networkMeetings.groupId, group.id)).orderBy(networkMeetings.startsAt);
          return groupCalendar(group, meetings, { baseUrl: publicUrl(ctx.config), slug: tenant.slug });
        },
        { readOnly: true },
      );
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="network-${request.params.id}.ics"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );

  app.get(
    `${base}/meetings/:id`,
    { schema: { tags, summary: 'One meeting with agenda, minutes, decisions, attendance and tasks', params: meetingParams, response: { 200: meetingDetail, ...errorResponses } } },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'read');
      return ctx.db.tenant(tenant.id, async (tx) => presentMeetingDetail(tx, await requireMeeting(tx, request.params.id)), { readOnly: true });
    },
  );

  app.put(
    `${base}/meetings/:id`,
    { schema: { tags, summary: 'Change a meeting (date, place, agenda, status)', params: meetingParams, body: meetingInput, response: { 200: meetingDetail, ...errorResponses } } },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'write');
      return ctx.db.tenant(tenant.id, async (tx) => presentMeetingDetail(tx, await updateMeeting(tx, authorOf(actor, request), await requireMeeting(tx, request.params.id), request.body)));
    },
  );

  app.delete(
    `${base}/meetings/:id`,
    { schema: { tags, summary: 'Delete a meeting (its tasks stay with the group)', params: meetingParams, response: { 200: deletedRecord, ...errorResponses } } },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'write');
      await ctx.db.tenant(tenant.id, async (tx) => deleteMeeting(tx, authorOf(actor, request), await requireMeeting(tx, request.params.id)));
      return { id: request.params.id, deleted: true as const };
    },
  );

  app.put(
    `${base}/meetings/:id/minutes`,
    {
      schema: {
        tags,
        summary: 'Save the minutes: text, notes per agenda item, decisions and attendance',
        params: meetingParams,
        body: minutesInput,
        response: { 200: meetingDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'write');
      return ctx.db.tenant(tenant.id, async (tx) => presentMeetingDetail(tx, await saveMinutes(tx, authorOf(actor, request), await requireMeeting(tx, request.params.id), request.body)));
    },
  );

  app.post(
    `${base}/meetings/:id/invitation`,
    {
      schema: {
        tags,
        summary: "Send the invitation by e-mail to the members' delegates (opted-out contacts and contacts without consent are skipped)",
        params: meetingParams,
        response: { 200: mailResult, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'send');
      const { plan, content } = await ctx.db.tenant(tenant.id, async (tx) => {
        const meeting = await requireMeeting(tx, request.params.id);
        const group = await requireGroup(tx, meeting.groupId);
        if (group.archivedAt) throw new AppError('invalid_state_transition', 'The group is archived');
        const plan = await groupRecipients(tx, group.id);
        if (!plan.recipients.length) {
          throw new AppError('invalid_state_transition', 'Nobody in this group can receive mail (no delegates with e-mail and consent)', { details: { skipped: plan.skipped } });
        }
        const content = invitationMail(tenant.name, group, meeting);
        await markSent(tx, authorOf(actor, request), meeting, 'invitation', { recipients: plan.recipients.length, skipped: plan.skipped.length });
        return { plan, content };
      });
      return deliver(ctx.mailer, tenant.id, plan, content);
    },
  );

  app.post(
    `${base}/meetings/:id/minutes/send`,
    {
      schema: {
        tags,
        summary: "Send the minutes (decisions, tasks) by e-mail to the members' delegates",
        params: meetingParams,
        response: { 200: mailResult, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'send');
      const { plan, content } = await ctx.db.tenant(tenant.id, async (tx) => {
        const meeting = await requireMeeting(tx, request.params.id);
        if (!meeting.minutes && !meeting.decisions.length && !meeting.agenda.some((a) => a.notes)) {
          throw new AppError('invalid_state_transition', 'Write the minutes before sending them', { field: 'minutes' });
        }
        const group = await requireGroup(tx, meeting.groupId);
        const plan = await groupRecipients(tx, group.id);
        if (!plan.recipients.length) {
          throw new AppError('invalid_state_transition', 'Nobody in this group can receive mail (no delegates with e-mail and consent)', { details: { skipped: plan.skipped } });
        }
        const detail = await presentMeetingDetail(tx, meeting);
        const content = minutesMail(
          tenant.name,
          group,
          meeting,
          detail.attendance,
          detail.tasks.map((t) => ({ title: t.title, owner: t.owner?.name ?? null, dueOn: t.dueOn })),
        );
        await markSent(tx, authorOf(actor, request), meeting, 'minutes', { recipients: plan.recipients.length, skipped: plan.skipped.length });
        return { plan, content };
      });
      return deliver(ctx.mailer, tenant.id, plan, content);
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
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'read');
      const query = request.query;
      const { items, total } = await ctx.db.tenant(tenant.id, (tx) => listTasks(tx, query), { readOnly: true });
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  );

  app.post(
    `${base}/tasks`,
    { schema: { tags, summary: 'Create a follow-up task (owner: a contact or a staff account; deadline)', params: tenantParams, body: taskInput, response: { 201: networkTask, ...errorResponses } } },
    async (request, reply) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'write');
      const task = await ctx.db.tenant(tenant.id, async (tx) => presentTaskById(tx, await createTask(tx, authorOf(actor, request), request.body)));
      return reply.status(201).send(task);
    },
  );

  app.patch(
    `${base}/tasks/:id`,
    { schema: { tags, summary: 'Change a task (e.g. only its status)', params: meetingParams, body: taskUpdate, response: { 200: networkTask, ...errorResponses } } },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'write');
      return ctx.db.tenant(tenant.id, async (tx) => {
        const before = await findTask(tx, request.params.id);
        if (!before) throw new AppError('not_found', 'Task not found');
        await updateTask(tx, authorOf(actor, request), before, request.body);
        return presentTaskById(tx, before.id);
      });
    },
  );

  app.delete(
    `${base}/tasks/:id`,
    { schema: { tags, summary: 'Delete a task', params: meetingParams, response: { 200: deletedRecord, ...errorResponses } } },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'write');
      await ctx.db.tenant(tenant.id, async (tx) => {
        const before = await findTask(tx, request.params.id);
        if (!before) throw new AppError('not_found', 'Task not found');
        await deleteTask(tx, authorOf(actor, request), before);
      });
      return { id: request.params.id, deleted: true as const };
    },
  );

  app.get(
    `${base}/staff`,
    { schema: { tags, summary: 'Staff accounts of the office that can own tasks', params: tenantParams, response: { 200: staffList, ...errorResponses } } },
    async (request) => {
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'read');
      return { items: await ctx.db.tenant(tenant.id, (tx) => staffAccounts(tx), { readOnly: true }) };
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
      const { tenant, actor } = await requireStaff(request, ctx, request.params.tenant);
      authorizeNetwork(actor, 'read');
      const query = request.query;
      const key = JSON.stringify([query.fieldId, query.areaId, query.groupId, query.organisationId, query.contacts]);
      // Computed from the same contract; sent as the cached JSON text (a string is not serialized again).
      const json = await cachedGraphJson(ctx.db, tenant.id, key, () =>
        ctx.db.tenant(tenant.id, async (tx) => networkGraphSchema.parse(await networkGraph(tx, query)), { readOnly: true }),
      );
      return reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', 'private, no-cache').send(json as never);
    },
  );
};
