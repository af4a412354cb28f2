import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseTask, CaseTaskList, TaskList } from '../../../shared/contracts/caseJournal.ts';
import { accountFactory } from '../../../test/factories.ts';
import { findTraces } from '../../../test/traces.ts';
import { today as berlinToday } from '../../actors/day.ts';
import type { CaseScope } from '../case.policy.ts';
import { addDays } from './journalCommon.ts';
import { taskCounts } from './journalQueries.ts';
import { type JournalWorld, journalWorld, type Who } from './journalTestKit.ts';
import { reassignOpenTasks } from './taskService.ts';

describe('case journal: tasks and reminders', () => {
  let w: JournalWorld;
  const today = berlinToday();
  beforeAll(async () => {
    w = await journalWorld();
  });
  afterAll(() => w.t.close());

  const tasks = (caseId: string, rest = '') => w.url(caseId, `/tasks${rest}`);
  const lists = (path: string) => `/api/v1/${w.tenant.slug}/cases/tasks/${path}`;
  const create = async (who: Who, caseId: string, body: Record<string, unknown>) => {
    const res = await w.call(who, 'POST', tasks(caseId), { title: 'Aufgabe', dueOn: addDays(today, 7), ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as CaseTask;
  };

  it('access: 404 outside the scope (other team, other tenant), 403 for the cross-case lists without a case role', async () => {
    const before = await w.count('case_tasks');
    for (const [who, c] of [
      ['managerA2', w.caseA],
      ['managerB', w.caseA],
      ['teamLeadB', w.caseA],
      ['managerA', w.caseOther],
      ['admin', w.caseA],
    ] as const) {
      expect((await w.call(who, 'GET', tasks(c.id))).statusCode, who).toBe(404);
      expect((await w.call(who, 'POST', tasks(c.id), { title: 'x', dueOn: today })).statusCode, who).toBe(404);
    }
    expect((await w.call('admin', 'GET', lists('mine'))).statusCode).toBe(403);
    expect((await w.call('admin', 'GET', lists('overdue?scope=team'))).statusCode).toBe(403);
    expect((await w.call(null, 'GET', lists('mine'))).statusCode).toBe(401);
    expect(await w.count('case_tasks')).toBe(before);
  });

  it('creates tasks for the actor by default or for an account that sees the case; refuses other assignees and bad dates, writing nothing', async () => {
    const c = await w.aCase('managerA', w.teamA);
    const own = await create('managerA', c.id, { title: 'Antrag Wohngeld prüfen', description: 'Nachweise fehlen', remindOn: addDays(today, 2) });
    expect(own).toMatchObject({ assigneeId: w.ids.managerA, assigneeName: 'Mara Manager', done: false, overdue: false, reminderDue: false, createdByName: 'Mara Manager', version: 1 });
    const forLead = await create('managerA', c.id, { assigneeId: w.ids.teamLeadA });
    expect(forLead.assigneeName).toBe('Tilda Teamleitung');
    await create('managerA', c.id, { assigneeId: w.ids.lead });

    const assignees = (await w.call('managerA', 'GET', w.url(c.id, '/assignees'))).json() as { items: Array<{ id: string }> };
    expect(assignees.items.map((a) => a.id).sort()).toEqual([w.ids.managerA, w.ids.teamLeadA, w.ids.lead].sort());

    const disabled = await accountFactory(w.t.db, w.tenant, { role: 'team_lead', teamId: w.teamA.id });
    await w.sql('UPDATE auth_user SET disabled = true WHERE id = $1', [disabled.id]);
    const before = await w.count('case_tasks', 'case_id = $1', [c.id]);
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ assigneeId: w.ids.managerA2 }, 'assigneeId'], // same team, but not the case's owner
      [{ assigneeId: w.ids.managerB }, 'assigneeId'],
      [{ assigneeId: w.ids.teamLeadB }, 'assigneeId'],
      [{ assigneeId: w.ids.otherManager }, 'assigneeId'], // another tenant's account
      [{ assigneeId: w.ids.admin }, 'assigneeId'], // no case role
      [{ assigneeId: 'no-such-account' }, 'assigneeId'],
      [{ assigneeId: disabled.id }, 'assigneeId'],
      [{ dueOn: '2026-02-30' }, 'body.dueOn'],
      [{ dueOn: 'morgen' }, 'body.dueOn'],
      [{ dueOn: '1999-12-31' }, 'body.dueOn'],
      [{ dueOn: undefined }, 'body.dueOn'],
      [{ remindOn: addDays(today, 8) }, 'body.remindOn'],
      [{ remindOn: '2026-13-01' }, 'body.remindOn'],
      [{ title: '  ' }, 'body.title'],
      [{ title: 'x'.repeat(201) }, 'body.title'],
      [{ done: true }, 'body'],
    ];
    for (const [body, field] of bad) {
      const res = await w.call('managerA', 'POST', tasks(c.id), { title: 'Aufgabe', dueOn: addDays(today, 7), ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field, JSON.stringify(body)).toBe(field);
    }
    expect(await w.count('case_tasks', 'case_id = $1', [c.id])).toBe(before);
    const listed = (await w.call('teamLeadA', 'GET', tasks(c.id))).json() as CaseTaskList;
    expect(listed.items).toHaveLength(3);
    expect(listed.items.find((t) => t.id === own.id)?.description).toBe('Nachweise fehlen');
  });

  it('changes, reassigns, completes and reopens a task with optimistic locking and history', async () => {
    const c = await w.aCase('managerA', w.teamA);
    const task = await create('managerA', c.id, { title: 'Sprachkurs anmelden', description: 'BAMF-Berechtigung liegt vor' });
    const url = tasks(c.id, `/${task.id}`);
    const done = await w.call('managerA', 'PATCH', url, { version: 1, done: true });
    expect(done.json()).toMatchObject({ done: true, version: 2 });
    expect(done.json().doneAt).not.toBeNull();
    const stale = await w.call('teamLeadA', 'PATCH', url, { version: 1, title: 'Überholt' });
    expect(stale.statusCode).toBe(409);
    expect((await w.call('managerA', 'GET', tasks(c.id, '?status=done'))).json().items.map((t: CaseTask) => t.title)).toEqual(['Sprachkurs anmelden']);
    const reopened = await w.call('teamLeadA', 'PATCH', url, { version: 2, done: false, title: 'Sprachkurs B1 anmelden', assigneeId: w.ids.teamLeadA });
    expect(reopened.json()).toMatchObject({ done: false, doneAt: null, title: 'Sprachkurs B1 anmelden', assigneeId: w.ids.teamLeadA, assigneeName: 'Tilda Teamleitung', version: 3 });
    const badAssignee = await w.call('managerA', 'PATCH', url, { version: 3, assigneeId: w.ids.managerB });
    expect(badAssignee.json().error.field).toBe('assigneeId');
    const remindLate = await w.call('managerA', 'PATCH', url, { version: 3, remindOn: addDays(today, 30) });
    expect(remindLate.json().error.field).toBe('remindOn');
    const badDue = await w.call('managerA', 'PATCH', url, { version: 3, dueOn: '2026-04-31' });
    expect(badDue.json().error.field).toBe('body.dueOn');
    const [row] = await w.sql<{ title: string; version: number }>('SELECT title, version FROM case_tasks WHERE id = $1', [task.id]);
    expect(row).toEqual({ title: 'Sprachkurs B1 anmelden', version: 3 });
    const history = await w.sql<{ field: string }>(`SELECT field FROM record_history WHERE entity_id = $1 AND entity_type = 'case_task' ORDER BY field`, [task.id]);
    expect(history.map((h) => h.field)).toEqual(['assigneeId', 'title']);
    const log = await w.accessLog(c.id, 'case_task');
    expect(log.map((l) => l.action)).toEqual(['create', 'update', 'list', 'update']);
    expect(log[3]?.details).toEqual({ fields: ['title', 'assigneeId', 'done'] });
    // restricted person: no new tasks, no changes
    await w.sql('UPDATE persons SET restricted = true WHERE id = $1', [c.personId]);
    const blocked = await w.call('managerA', 'PATCH', url, { version: 3, done: true });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.field).toBe('restricted');
    expect((await w.call('managerA', 'POST', tasks(c.id), { title: 'x', dueOn: today })).json().error.field).toBe('restricted');
    expect(await w.count('case_tasks', 'case_id = $1', [c.id])).toBe(1);
  });

  it('my tasks and the overdue lists follow the scope: own cases / team / office', async () => {
    const a1 = await w.aCase('managerA', w.teamA);
    const a2 = await w.aCase('managerA2', w.teamA);
    const b1 = await w.aCase('managerB', w.teamB);
    const overdueA1 = await create('managerA', a1.id, { title: 'A1 überfällig', dueOn: addDays(today, -3) });
    await create('managerA', a1.id, { title: 'A1 Teamleitung überfällig', dueOn: addDays(today, -1), assigneeId: w.ids.teamLeadA });
    await create('managerA', a1.id, { title: 'A1 heute fällig', dueOn: today, remindOn: addDays(today, -1) });
    const doneLate = await create('managerA', a1.id, { title: 'A1 erledigt', dueOn: addDays(today, -10) });
    await w.call('managerA', 'PATCH', tasks(a1.id, `/${doneLate.id}`), { version: 1, done: true });
    await create('managerA2', a2.id, { title: 'A2 überfällig', dueOn: addDays(today, -2) });
    await create('managerB', b1.id, { title: 'B1 überfällig', dueOn: addDays(today, -5) });

    const titles = (list: TaskList) => list.items.map((i) => i.title).filter((t) => /^(A1|A2|B1)/.test(t));
    const mine = (await w.call('managerA', 'GET', lists('mine'))).json() as TaskList;
    expect(titles(mine)).toEqual(['A1 überfällig', 'A1 heute fällig']);
    const dueToday = mine.items.find((i) => i.title === 'A1 heute fällig')!;
    expect(dueToday).toMatchObject({ overdue: false, reminderDue: true, caseId: a1.id });
    expect(dueToday.personName).toMatch(/Haddad$/);
    expect(mine.items.find((i) => i.id === overdueA1.id)?.overdue).toBe(true);
    expect(titles((await w.call('managerA', 'GET', lists('mine?status=all'))).json())).toEqual(['A1 überfällig', 'A1 heute fällig', 'A1 erledigt']);

    const overdue = async (who: Who, query = 'scope=team') => titles((await w.call(who, 'GET', lists(`overdue?${query}`))).json());
    expect(await overdue('managerA')).toEqual(['A1 überfällig', 'A1 Teamleitung überfällig']);
    expect(await overdue('managerA', 'scope=mine')).toEqual(['A1 überfällig']);
    expect(await overdue('managerA2')).toEqual(['A2 überfällig']);
    expect(await overdue('teamLeadA')).toEqual(['A1 überfällig', 'A2 überfällig', 'A1 Teamleitung überfällig']);
    expect(await overdue('teamLeadA', 'scope=mine')).toEqual(['A1 Teamleitung überfällig']);
    expect(await overdue('teamLeadB')).toEqual(['B1 überfällig']);
    expect(await overdue('lead')).toEqual(['B1 überfällig', 'A1 überfällig', 'A2 überfällig', 'A1 Teamleitung überfällig']);
    expect(await overdue('lead', `teamId=${w.teamB.id}`)).toEqual(['B1 überfällig']);
    // a team lead cannot widen the scope with another team's id
    expect(await overdue('teamLeadA', `teamId=${w.teamB.id}`)).toEqual([]);
    expect((await w.call('lead', 'GET', lists('overdue?scope=all'))).json().error.field).toBe('querystring.scope');
    const listLog = (await w.accessLog(null, 'case_task')).filter((l) => l.action === 'list' && l.case_id === null);
    expect(listLog.length).toBeGreaterThan(0);
    for (const l of listLog) expect(l.person_id).toBeNull();

    // the dashboard's counts, per assignee and per team, within the scope
    const counts = (scope: CaseScope) => w.t.db.tenant(w.tenant.id, (tx) => taskCounts(tx, scope, { today }));
    const teamA = await counts({ kind: 'team', userId: w.ids.teamLeadA, teamId: w.teamA.id });
    const byAssignee = Object.fromEntries(teamA.byAssignee.map((r) => [r.assigneeName, [r.open, r.overdue]]));
    expect(byAssignee['Mara Manager']).toEqual([expect.any(Number), expect.any(Number)]);
    const office = await counts({ kind: 'office', userId: w.ids.lead });
    const teamB = office.byTeam.find((r) => r.teamId === w.teamB.id)!;
    expect(teamB.teamName).toBe('Team Süd');
    expect(teamA.byTeam.map((r) => r.teamId)).toEqual([w.teamA.id]);
    expect(teamA.open).toBe(teamA.byTeam[0]!.open);
    const own = await counts({ kind: 'own', userId: w.ids.managerA2, teamId: w.teamA.id });
    expect(own).toMatchObject({ open: 1, overdue: 1 });
    expect(office.open).toBe(office.byTeam.reduce((n, r) => n + r.open, 0));
    expect(office.overdue).toBeGreaterThanOrEqual(teamA.overdue + teamB.overdue);
    const none = await counts({ kind: 'none' });
    expect(none).toEqual({ open: 0, overdue: 0, byAssignee: [], byTeam: [] });
  });

  it('hands open tasks over with the case (for the handover) and keeps descriptions encrypted at rest', async () => {
    const c = await w.aCase('managerA', w.teamA);
    await create('managerA', c.id, { title: 'Übergabe 1', description: 'Gesundheitliche Einschränkung – vertraulich-XYZ' });
    const moved = await w.t.db.tenant(w.tenant.id, (tx) => reassignOpenTasks(tx, c.id, w.ids.managerA, w.ids.teamLeadA));
    expect(moved).toBe(1);
    const list = (await w.call('teamLeadA', 'GET', tasks(c.id))).json() as CaseTaskList;
    expect(list.items[0]).toMatchObject({ assigneeId: w.ids.teamLeadA, version: 2 });
    const [row] = await w.sql<{ description_enc: string }>('SELECT description_enc FROM case_tasks WHERE case_id = $1', [c.id]);
    expect(row?.description_enc).toMatch(/^enc:v1:/);
    expect(await findTraces(w.t.db, ['vertraulich-XYZ'])).toEqual([]);
  });
});
