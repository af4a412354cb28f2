import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentEntry, AssessmentResponse, Plan, PlanOverview } from '../../../shared/contracts/casePlans.ts';
import { seedPlanForCase } from '../../../demo/casePlans.ts';
import { caseScope } from '../case.policy.ts';
import { addDays, today } from './planDay.ts';
import { goalOutcomeSummary, planSummaryForCase, plansDueForReview } from './planQueries.ts';
import { type PlansWorld, plansWorld, type TestCase } from './plansTestKit.ts';

describe('case assessment and integration plan', () => {
  let w: PlansWorld;
  beforeAll(async () => {
    w = await plansWorld();
  });
  afterAll(() => w.t.close());

  const now = today();
  const tomorrow = addDays(now, 1);
  const goal = (extra: Record<string, unknown> = {}) => ({
    fieldOfAction: 'language',
    title: 'Deutschkurs B1 abschließen',
    steps: [
      { text: 'Anmeldung Integrationskurs', responsible: 'person' },
      { text: 'Kinderbetreuung klären', responsible: 'manager' },
    ],
    responsible: 'person',
    deadline: '2026-09-30',
    ...extra,
  });
  const startPlan = async (c: TestCase, who: Parameters<PlansWorld['call']>[0] = 'managerA') => {
    const res = await w.call(who, 'POST', w.url(c.id, '/plans'), {});
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Plan;
  };
  const saveDraft = async (c: TestCase, plan: Plan, goals: unknown[], extra: Record<string, unknown> = {}) =>
    w.call('managerA', 'PUT', w.url(c.id, `/plans/${plan.id}`), { lockVersion: plan.lockVersion, startsOn: plan.startsOn, goals, ...extra });

  describe('access', () => {
    it('401 without a session, 403 without two-factor login, 404 for roles without case data', async () => {
      expect((await w.call(null, 'GET', w.url(w.caseA.id, '/plans'))).statusCode).toBe(401);
      const no2fa = await w.call('no2fa', 'GET', w.url(w.caseA.id, '/assessment'));
      expect(no2fa.statusCode).toBe(403);
      expect(no2fa.json().error.code).toBe('two_factor_required');
      expect((await w.call('admin', 'GET', w.url(w.caseA.id, '/plans'))).statusCode).toBe(404);
      expect((await w.call('admin', 'POST', w.url(w.caseA.id, '/plans'), {})).statusCode).toBe(404);
      expect((await w.call('otherManager', 'GET', w.url(w.caseA.id, '/plans'))).statusCode).toBe(403);
    });

    it('a case outside the scope reads as 404 (other manager, other team, other tenant) and nothing is written', async () => {
      const before = (await w.count('case_plans')) + (await w.count('case_assessments'));
      const logBefore = await w.count('case_access_log');
      const matrix: Array<[TestCase, Parameters<PlansWorld['call']>[0], number]> = [
        [w.caseB, 'managerA', 404],
        [w.caseA, 'managerA2', 404],
        [w.caseA, 'managerB', 404],
        [w.caseA, 'teamLeadB', 404],
        [w.caseOther, 'managerA', 404],
        [w.caseOther, 'lead', 404],
      ];
      for (const [c, who, status] of matrix) {
        expect((await w.call(who, 'GET', w.url(c.id, '/plans'))).statusCode, `${who} GET plans`).toBe(status);
        expect((await w.call(who, 'GET', w.url(c.id, '/assessment'))).statusCode, `${who} GET assessment`).toBe(status);
        expect((await w.call(who, 'POST', w.url(c.id, '/plans'), {})).statusCode, `${who} POST plan`).toBe(status);
        const put = await w.call(who, 'PUT', w.url(c.id, '/assessment/language'), { situation: 'x', version: 0 });
        expect(put.statusCode, `${who} PUT assessment`).toBe(status);
      }
      expect((await w.count('case_plans')) + (await w.count('case_assessments'))).toBe(before);
      expect(await w.count('case_access_log')).toBe(logBefore);
      for (const who of ['managerA', 'teamLeadA', 'lead'] as const) {
        expect((await w.call(who, 'GET', w.url(w.caseA.id, '/plans'))).statusCode, who).toBe(200);
      }
    });

    it("a plan id of another case reads as 404, also for someone who may see both cases", async () => {
      const c1 = await w.aCase('managerA', w.teamA);
      const c2 = await w.aCase('managerA', w.teamA);
      const plan = await startPlan(c1);
      expect((await w.call('managerA', 'GET', w.url(c2.id, `/plans/${plan.id}`))).statusCode).toBe(404);
      expect((await w.call('lead', 'GET', w.url(c2.id, `/plans/${plan.id}/pdf`))).statusCode).toBe(404);
      const put = await w.call('managerA', 'PUT', w.url(c2.id, `/plans/${plan.id}`), { lockVersion: 1, startsOn: '2026-01-15', goals: [] });
      expect(put.statusCode).toBe(404);
    });
  });

  describe('assessment', () => {
    it('writes each field encrypted at rest, reads it back, and logs every read and change without the texts', async () => {
      const c = await w.aCase('managerA', w.teamA);
      const first = await w.call('managerA', 'PUT', w.url(c.id, '/assessment/language'), {
        situation: 'Spricht Arabisch und etwas Englisch, Deutsch A1.',
        needs: 'Integrationskurs mit Kinderbetreuung',
        resources: 'Sehr motiviert',
        version: 0,
      });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ fieldOfAction: 'language', version: 1, updatedBy: 'Mara Manager', needs: 'Integrationskurs mit Kinderbetreuung' });
      const second = await w.call('teamLeadA', 'PUT', w.url(c.id, '/assessment/language'), {
        situation: 'Deutsch A2 erreicht.',
        needs: 'Integrationskurs mit Kinderbetreuung',
        resources: '',
        version: 1,
      });
      expect(second.statusCode).toBe(200);
      expect((second.json() as AssessmentEntry).version).toBe(2);
      await w.call('managerA', 'PUT', w.url(c.id, '/assessment/health'), { situation: 'Rückenschmerzen', version: 0 });

      const read = await w.call('managerA', 'GET', w.url(c.id, '/assessment'));
      const body = read.json() as AssessmentResponse;
      expect(body.entries.map((e) => e.fieldOfAction).sort()).toEqual(['health', 'language']);
      expect(body.entries.find((e) => e.fieldOfAction === 'language')).toMatchObject({ situation: 'Deutsch A2 erreicht.', resources: '', updatedBy: 'Tilda Teamleitung' });
      expect(body.fieldsOfAction.slice(0, 8).map((f) => f.key)).toEqual(['language', 'education', 'work', 'housing', 'health', 'family', 'residence', 'participation']);
      expect(body.fieldsOfAction.map((f) => f.key)).toContain('counselling');
      expect(body.lockedBecause).toBeNull();

      const raw = await w.sql<{ situation_enc: string; needs_enc: string; resources_enc: string | null }>(
        'SELECT situation_enc, needs_enc, resources_enc FROM case_assessments WHERE case_id = $1 AND field_of_action = $2',
        [c.id, 'language'],
      );
      expect(raw[0]!.situation_enc).toMatch(/^enc:v1:/);
      expect(raw[0]!.needs_enc).toMatch(/^enc:v1:/);
      expect(raw[0]!.resources_enc).toBeNull();
      expect(JSON.stringify(raw)).not.toContain('Deutsch');

      const log = await w.accessLog(c.id, 'assessment');
      expect(log.map((e) => e.action)).toEqual(['create', 'update', 'create', 'read']);
      expect(log[1]!.details).toEqual({ fieldOfAction: 'language', changed: ['situation', 'resources'] });
      expect(log.every((e) => e.person_id === c.personId)).toBe(true);
      expect(JSON.stringify(log)).not.toMatch(/Deutsch|Kinderbetreuung|Rücken/);
    });

    it('a stale version is a 409 conflict and writes nothing; unknown fields and bad input are 400 naming the field', async () => {
      const c = await w.aCase('managerA', w.teamA);
      await w.call('managerA', 'PUT', w.url(c.id, '/assessment/work'), { needs: 'Anerkennung', version: 0 });
      const stale = await w.call('teamLeadA', 'PUT', w.url(c.id, '/assessment/work'), { needs: 'Überschrieben', version: 0 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ code: 'conflict', field: 'version' });
      const [both] = await Promise.all([
        w.call('managerA', 'PUT', w.url(c.id, '/assessment/work'), { needs: 'A', version: 1 }),
        w.call('teamLeadA', 'PUT', w.url(c.id, '/assessment/work'), { needs: 'B', version: 1 }),
      ]).then((r) => [r.map((x) => x.statusCode).sort()]);
      expect(both).toEqual([200, 409]);
      const unknown = await w.call('managerA', 'PUT', w.url(c.id, '/assessment/astrology'), { needs: 'x', version: 0 });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.field).toBe('field');
      const tooLong = await w.call('managerA', 'PUT', w.url(c.id, '/assessment/work'), { needs: 'x'.repeat(20001), version: 2 });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().error.field).toBe('body.needs');
      expect(await w.count('case_assessments', 'case_id = $1', [c.id])).toBe(1);
      const [row] = await w.sql<{ version: number }>('SELECT version FROM case_assessments WHERE case_id = $1', [c.id]);
      expect(row!.version).toBe(2);
    });
  });

  describe('plan versions', () => {
    it('draft → agreed (frozen, review date) → re-planning copies the goals → the new agreement supersedes the old one unchanged', async () => {
      const c = await w.aCase('managerA', w.teamA);
      const draft = await startPlan(c);
      expect(draft).toMatchObject({ version: 1, status: 'draft', startsOn: '2026-01-15', editable: 'full', lockVersion: 1, goals: [] });
      const again = await w.call('managerA', 'POST', w.url(c.id, '/plans'), {});
      expect(again.statusCode).toBe(409);
      expect(again.json().error.details).toEqual({ draftPlanId: draft.id });

      const saved = await saveDraft(c, draft, [
        goal(),
        goal({ fieldOfAction: 'work', title: 'Anerkennung Pflegeausbildung', steps: [], responsible: 'partner', responsibleName: 'IQ Netzwerk', deadline: null }),
      ]);
      expect(saved.statusCode, saved.body).toBe(200);
      const v1 = saved.json() as Plan;
      expect(v1.lockVersion).toBe(2);
      expect(v1.goals.map((g) => [g.position, g.fieldOfAction, g.title, g.status])).toEqual([
        [0, 'language', 'Deutschkurs B1 abschließen', 'open'],
        [1, 'work', 'Anerkennung Pflegeausbildung', 'open'],
      ]);
      expect(v1.goals[0]!.steps).toEqual([
        { text: 'Anmeldung Integrationskurs', responsible: 'person', done: false },
        { text: 'Kinderbetreuung klären', responsible: 'manager', done: false },
      ]);
      expect(v1.goals[0]!.originId).toBe(v1.goals[0]!.id);

      const agreedOn = addDays(now, -30);
      const agree = await w.call('managerA', 'POST', w.url(c.id, `/plans/${v1.id}/agree`), { lockVersion: v1.lockVersion, agreedOn });
      expect(agree.statusCode, agree.body).toBe(200);
      const agreed = agree.json() as Plan;
      expect(agreed).toMatchObject({ status: 'agreed', agreedOn, reviewDueOn: addDays(agreedOn, 90), agreedBy: 'Mara Manager', editable: 'progress' });

      // frozen: no more edits of the texts, but progress is recorded
      const edit = await saveDraft(c, agreed, [goal({ title: 'Geändert' })]);
      expect(edit.statusCode).toBe(422);
      expect(edit.json().error.field).toBe('status');
      const progress = await w.call('managerA', 'PUT', w.url(c.id, `/plans/${v1.id}/goals/${v1.goals[0]!.id}/progress`), {
        lockVersion: agreed.lockVersion,
        status: 'in_progress',
        stepsDone: [true, false],
        outcome: null,
        outcomeOn: null,
      });
      expect(progress.statusCode, progress.body).toBe(200);
      expect((progress.json() as Plan).goals[0]).toMatchObject({ status: 'in_progress', steps: [{ done: true }, { done: false }] });
      // the database refuses a change of an agreed goal's text even past the service
      await expect(w.sql("UPDATE case_goals SET title = 'x' WHERE id = $1", [v1.goals[0]!.id])).rejects.toThrow(/frozen/);

      // re-planning: a new draft copies the goals (same origin), the agreement stays in force
      const v2 = await startPlan(c);
      expect(v2).toMatchObject({ version: 2, status: 'draft', previousPlanId: v1.id, startsOn: now });
      expect(v2.goals.map((g) => [g.originId, g.title, g.status])).toEqual([
        [v1.goals[0]!.id, 'Deutschkurs B1 abschließen', 'in_progress'],
        [v1.goals[1]!.id, 'Anerkennung Pflegeausbildung', 'open'],
      ]);
      expect(v2.goals[0]!.id).not.toBe(v1.goals[0]!.id);
      expect(v2.goals[0]!.steps[0]!.done).toBe(true);
      const overview = (await w.call('managerA', 'GET', w.url(c.id, '/plans'))).json() as PlanOverview;
      expect(overview).toMatchObject({ draftPlanId: v2.id, agreedPlanId: v1.id });
      expect(overview.plans.map((p) => [p.version, p.status, p.goalCount])).toEqual([
        [2, 'draft', 2],
        [1, 'agreed', 2],
      ]);
      // with a newer draft, the old agreement takes no more progress
      const late = await w.call('managerA', 'PUT', w.url(c.id, `/plans/${v1.id}/goals/${v1.goals[0]!.id}/progress`), {
        lockVersion: (progress.json() as Plan).lockVersion,
        status: 'done',
        stepsDone: [true, true],
        outcome: null,
        outcomeOn: null,
      });
      expect(late.statusCode).toBe(422);
      expect((await w.call('managerA', 'GET', w.url(c.id, `/plans/${v1.id}`))).json().editable).toBe('none');

      // change the new draft: first goal reached, second dropped, a new one added
      const changed = await saveDraft(c, v2, [
        { ...goal(), id: v2.goals[0]!.id, outcome: 'reached', outcomeOn: addDays(now, -2), steps: [{ text: 'Anmeldung Integrationskurs', done: true }] },
        goal({ fieldOfAction: 'housing', title: 'Eigene Wohnung finden', deadline: addDays(now, 200) }),
      ]);
      expect(changed.statusCode, changed.body).toBe(200);
      const v2b = changed.json() as Plan;
      expect(v2b.goals.map((g) => [g.title, g.status, g.outcome])).toEqual([
        ['Deutschkurs B1 abschließen', 'done', 'reached'],
        ['Eigene Wohnung finden', 'open', null],
      ]);
      expect(v2b.goals[0]!.originId).toBe(v1.goals[0]!.id);
      const agree2 = await w.call('managerA', 'POST', w.url(c.id, `/plans/${v2.id}/agree`), { lockVersion: v2b.lockVersion });
      expect(agree2.statusCode, agree2.body).toBe(200);
      expect(agree2.json()).toMatchObject({ status: 'agreed', agreedOn: now, reviewDueOn: addDays(now, 90) });

      // the earlier agreement is readable and unchanged
      const old = (await w.call('teamLeadA', 'GET', w.url(c.id, `/plans/${v1.id}`))).json() as Plan;
      expect(old).toMatchObject({ status: 'superseded', supersededOn: now, agreedOn, editable: 'none' });
      expect(old.goals.map((g) => [g.title, g.status, g.outcome])).toEqual([
        ['Deutschkurs B1 abschließen', 'in_progress', null],
        ['Anerkennung Pflegeausbildung', 'open', null],
      ]);
      await expect(w.sql("UPDATE case_goals SET status = 'done' WHERE id = $1", [v1.goals[1]!.id])).rejects.toThrow(/superseded/);

      // summary for dashboards and outcome figures: each goal once, dated from its first agreement
      const summary = await w.t.db.tenant(w.tenant.id, (tx) => planSummaryForCase(tx, c.id));
      expect(summary.currentPlan).toMatchObject({ id: v2.id, version: 2, status: 'agreed' });
      expect(summary.agreedPlan?.id).toBe(v2.id);
      expect(summary.draftPlanId).toBeNull();
      expect(summary.versions).toBe(2);
      const byTitle = Object.fromEntries(summary.goals.map((g) => [g.title, g]));
      expect(byTitle['Deutschkurs B1 abschließen']).toMatchObject({ fieldOfAction: 'language', outcome: 'reached', agreedOn, daysToOutcome: 28, inCurrentPlan: true });
      expect(byTitle['Anerkennung Pflegeausbildung']).toMatchObject({ fieldOfAction: 'work', planVersion: 1, inCurrentPlan: false, agreedOn, outcome: null });
      expect(byTitle['Eigene Wohnung finden']).toMatchObject({ agreedOn: now, inCurrentPlan: true });
      expect(goalOutcomeSummary(summary)).toEqual({
        language: { reached: 1, partly: 0, notReached: 0, open: 0, daysToReach: [28] },
        work: { reached: 0, partly: 0, notReached: 0, open: 1, daysToReach: [] },
        housing: { reached: 0, partly: 0, notReached: 0, open: 1, daysToReach: [] },
      });

      const log = await w.accessLog(c.id);
      const actions = log.filter((e) => e.entity_type === 'plan' || e.entity_type === 'goal').map((e) => `${e.action}:${e.entity_type}`);
      expect(actions).toEqual([
        'create:plan',
        'update:plan',
        'update:plan',
        'update:goal',
        'create:plan',
        'read:plan',
        'read:plan',
        'update:plan',
        'update:plan',
        'read:plan',
      ]);
      expect(log.find((e) => e.details.change === 'agreed' && e.entity_id === v2.id)?.details.supersededPlanId).toBe(v1.id);
      expect(JSON.stringify(log)).not.toMatch(/Deutschkurs|Wohnung|Pflege/);
    });

    it('discarding a re-planning draft keeps the agreement in force', async () => {
      const c = await w.aCase('managerA', w.teamA);
      const v1 = (await saveDraft(c, await startPlan(c), [goal()])).json() as Plan;
      await w.call('managerA', 'POST', w.url(c.id, `/plans/${v1.id}/agree`), { lockVersion: v1.lockVersion });
      const v2 = await startPlan(c);
      const stale = await w.call('managerA', 'DELETE', w.url(c.id, `/plans/${v2.id}?lockVersion=7`));
      expect(stale.statusCode).toBe(409);
      const del = await w.call('managerA', 'DELETE', w.url(c.id, `/plans/${v2.id}?lockVersion=${v2.lockVersion}`));
      expect(del.statusCode).toBe(200);
      const overview = (await w.call('managerA', 'GET', w.url(c.id, '/plans'))).json() as PlanOverview;
      expect(overview).toMatchObject({ draftPlanId: null, agreedPlanId: v1.id });
      expect((await w.call('managerA', 'GET', w.url(c.id, `/plans/${v1.id}`))).json().editable).toBe('progress');
      const refused = await w.call('managerA', 'DELETE', w.url(c.id, `/plans/${v1.id}?lockVersion=3`));
      expect(refused.statusCode).toBe(422);
    });
  });

  describe('concurrent edits', () => {
    it('two simultaneous saves of the same version: one wins, the other gets 409 and nothing of it is written', async () => {
      const c = await w.aCase('managerA', w.teamA);
      const plan = await startPlan(c);
      const [a, b] = await Promise.all([
        w.call('managerA', 'PUT', w.url(c.id, `/plans/${plan.id}`), { lockVersion: 1, startsOn: plan.startsOn, goals: [goal({ title: 'Version von Mara' })] }),
        w.call('teamLeadA', 'PUT', w.url(c.id, `/plans/${plan.id}`), {
          lockVersion: 1,
          startsOn: plan.startsOn,
          goals: [goal({ title: 'Version von Tilda' }), goal({ title: 'Zweites Ziel von Tilda' })],
        }),
      ]);
      const statuses = [a.statusCode, b.statusCode].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = a.statusCode === 409 ? a : b;
      const winner = a.statusCode === 200 ? a : b;
      expect(loser.json().error).toMatchObject({ code: 'conflict', field: 'lockVersion' });
      expect(loser.json().error.message).toMatch(/changed by someone else/);
      const stored = (await w.call('managerA', 'GET', w.url(c.id, `/plans/${plan.id}`))).json() as Plan;
      expect(stored.lockVersion).toBe(2);
      expect(stored.goals.map((g) => g.title)).toEqual((winner.json() as Plan).goals.map((g) => g.title));
      // the loser reloads and saves on top of the winner's version
      const retry = await w.call(loser === a ? 'managerA' : 'teamLeadA', 'PUT', w.url(c.id, `/plans/${plan.id}`), {
        lockVersion: stored.lockVersion,
        startsOn: plan.startsOn,
        goals: [...stored.goals.map(({ originId: _o, position: _p, ...g }) => g), goal({ title: 'Nachgetragen' })],
      });
      expect(retry.statusCode, retry.body).toBe(200);
      expect((retry.json() as Plan).goals.at(-1)!.title).toBe('Nachgetragen');
    });

    it('agreeing and editing at the same time: only one of them happens', async () => {
      const c = await w.aCase('managerA', w.teamA);
      const plan = (await saveDraft(c, await startPlan(c), [goal()])).json() as Plan;
      const [agree, edit] = await Promise.all([
        w.call('managerA', 'POST', w.url(c.id, `/plans/${plan.id}/agree`), { lockVersion: plan.lockVersion }),
        w.call('teamLeadA', 'PUT', w.url(c.id, `/plans/${plan.id}`), { lockVersion: plan.lockVersion, startsOn: plan.startsOn, goals: [goal({ title: 'Anders' })] }),
      ]);
      expect([agree.statusCode, edit.statusCode].filter((s) => s === 200)).toHaveLength(1);
      expect([agree.statusCode, edit.statusCode].filter((s) => s !== 200)[0]).toBeGreaterThanOrEqual(409);
      const stored = (await w.call('managerA', 'GET', w.url(c.id, `/plans/${plan.id}`))).json() as Plan;
      if (agree.statusCode === 200) expect(stored).toMatchObject({ status: 'agreed', goals: [{ title: 'Deutschkurs B1 abschließen' }] });
      else expect(stored).toMatchObject({ status: 'draft', goals: [{ title: 'Anders' }] });
    });
  });

  describe('bad input', () => {
    it('is a 400 naming the field, and nothing is written', async () => {
      const c = await w.aCase('managerA', w.teamA);
      const plan = (await saveDraft(c, await startPlan(c), [goal()])).json() as Plan;
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ goals: [goal(), goal({ deadline: '2026-01-10' })] }, 'goals.1.deadline'],
        [{ startsOn: '2026-03-01', goals: [goal({ deadline: '2026-02-15' })] }, 'goals.0.deadline'],
        [{ startsOn: '2026-01-01', goals: [goal()] }, 'startsOn'],
        [{ goals: [goal({ outcome: 'reached' })] }, 'goals.0.outcomeOn'],
        [{ goals: [goal({ outcome: 'partly', outcomeOn: tomorrow })] }, 'goals.0.outcomeOn'],
        [{ goals: [goal({ outcomeOn: '2026-03-01' })] }, 'goals.0.outcome'],
        [{ goals: [goal({ outcome: 'reached', outcomeOn: '2025-12-31' })] }, 'goals.0.outcomeOn'],
        [{ goals: [goal({ fieldOfAction: 'astrology' })] }, 'goals.0.fieldOfAction'],
        [{ goals: [goal({ id: plan.goals[0]!.id }), goal({ id: plan.goals[0]!.id })] }, 'goals.1.id'],
        [{ goals: [goal({ id: w.caseA.id })] }, 'goals.0.id'],
        [{ goals: [goal({ fieldOfAction: 'Language!' })] }, 'body.goals.0.fieldOfAction'],
        [{ goals: [goal({ title: '' })] }, 'body.goals.0.title'],
        [{ goals: [goal({ deadline: '2026-02-30' })] }, 'body.goals.0.deadline'],
        [{ goals: [goal({ outcome: 'maybe' })] }, 'body.goals.0.outcome'],
        [{ goals: [goal({ steps: [{ text: 'x', responsible: 'nobody' }] })] }, 'body.goals.0.steps.0.responsible'],
        [{ lockVersion: 0 }, 'body.lockVersion'],
      ];
      for (const [patch, field] of cases) {
        const res = await saveDraft(c, plan, (patch.goals as unknown[]) ?? [goal()], patch);
        expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
        expect(res.json().error.field, JSON.stringify(patch)).toBe(field);
      }
      const stored = (await w.call('managerA', 'GET', w.url(c.id, `/plans/${plan.id}`))).json() as Plan;
      expect(stored.lockVersion).toBe(plan.lockVersion);
      expect(stored.goals).toEqual(plan.goals);
      expect(stored.startsOn).toBe('2026-01-15');

      // agreement: not in the future, not before the plan's start, not without goals
      for (const [body, field] of [
        [{ lockVersion: plan.lockVersion, agreedOn: tomorrow }, 'agreedOn'],
        [{ lockVersion: plan.lockVersion, agreedOn: '2026-01-14' }, 'agreedOn'],
      ] as const) {
        const res = await w.call('managerA', 'POST', w.url(c.id, `/plans/${plan.id}/agree`), body);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.field).toBe(field);
      }
      const emptyCase = await w.aCase('managerA', w.teamA);
      const empty = await startPlan(emptyCase);
      const none = await w.call('managerA', 'POST', w.url(emptyCase.id, `/plans/${empty.id}/agree`), { lockVersion: empty.lockVersion });
      expect(none.statusCode).toBe(400);
      expect(none.json().error.field).toBe('goals');
      expect((await w.call('managerA', 'GET', w.url(c.id, `/plans/${plan.id}`))).json().status).toBe('draft');

      // progress: one flag per step, an outcome with its date
      const agreed = (await w.call('managerA', 'POST', w.url(c.id, `/plans/${plan.id}/agree`), { lockVersion: plan.lockVersion })).json() as Plan;
      const goalUrl = w.url(c.id, `/plans/${plan.id}/goals/${plan.goals[0]!.id}/progress`);
      const progress = (extra: Record<string, unknown>) =>
        w.call('managerA', 'PUT', goalUrl, { lockVersion: agreed.lockVersion, status: 'in_progress', stepsDone: [true, false], outcome: null, outcomeOn: null, ...extra });
      for (const [extra, field] of [
        [{ stepsDone: [true] }, 'stepsDone'],
        [{ outcome: 'reached' }, 'outcomeOn'],
        [{ outcome: 'not_reached', outcomeOn: tomorrow }, 'outcomeOn'],
        [{ outcomeOn: now }, 'outcome'],
      ] as const) {
        const res = await progress(extra);
        expect(res.statusCode, JSON.stringify(extra)).toBe(400);
        expect(res.json().error.field).toBe(field);
      }
      const ok = await progress({ outcome: 'partly', outcomeOn: now });
      expect(ok.statusCode).toBe(200);
      expect((ok.json() as Plan).goals[0]).toMatchObject({ status: 'done', outcome: 'partly', outcomeOn: now });
      const unknownGoal = await w.call('managerA', 'PUT', w.url(c.id, `/plans/${plan.id}/goals/${w.caseA.id}/progress`), {
        lockVersion: 9,
        status: 'open',
        stepsDone: [],
        outcome: null,
        outcomeOn: null,
      });
      expect(unknownGoal.statusCode).toBe(404);
    });
  });

  describe('restriction and closed cases', () => {
    it('Art. 18: a restricted person’s plan and assessment can be read and printed, not changed', async () => {
      const c = w.caseRestricted;
      const plan = await w.call('managerA', 'POST', w.url(c.id, '/plans'), {});
      expect(plan.statusCode).toBe(403);
      expect(plan.json().error.field).toBe('restricted');
      const assessment = await w.call('managerA', 'PUT', w.url(c.id, '/assessment/language'), { needs: 'x', version: 0 });
      expect(assessment.statusCode).toBe(403);
      expect(await w.count('case_plans', 'case_id = $1', [c.id])).toBe(0);
      // a plan made before the restriction stays readable, not changeable
      await w.sql('UPDATE persons SET restricted = false WHERE id = $1', [c.personId]);
      const draft = await startPlan(c);
      await w.sql('UPDATE persons SET restricted = true WHERE id = $1', [c.personId]);
      const read = await w.call('managerA', 'GET', w.url(c.id, `/plans/${draft.id}`));
      expect(read.statusCode).toBe(200);
      expect(read.json().editable).toBe('none');
      expect(((await w.call('managerA', 'GET', w.url(c.id, '/plans'))).json() as PlanOverview).lockedBecause).toBe('restricted');
      expect(((await w.call('managerA', 'GET', w.url(c.id, '/assessment'))).json() as AssessmentResponse).lockedBecause).toBe('restricted');
      const edit = await saveDraft(c, draft, [goal()]);
      expect(edit.statusCode).toBe(403);
      const agree = await w.call('managerA', 'POST', w.url(c.id, `/plans/${draft.id}/agree`), { lockVersion: draft.lockVersion });
      expect(agree.statusCode).toBe(403);
      expect((await w.call('managerA', 'GET', w.url(c.id, `/plans/${draft.id}/pdf`))).statusCode).toBe(200);
      expect(await w.count('case_goals', 'case_id = $1', [c.id])).toBe(0);
    });

    it('a closed case is read-only (422 naming the state)', async () => {
      const c = await w.aCase('managerA', w.teamA);
      const plan = await startPlan(c);
      await w.sql("UPDATE cases SET state = 'closed', closed_on = '2026-06-30' WHERE id = $1", [c.id]);
      const edit = await saveDraft(c, plan, [goal()]);
      expect(edit.statusCode).toBe(422);
      expect(edit.json().error.field).toBe('state');
      const assessment = await w.call('managerA', 'PUT', w.url(c.id, '/assessment/work'), { needs: 'x', version: 0 });
      expect(assessment.statusCode).toBe(422);
      expect((await w.call('managerA', 'GET', w.url(c.id, `/plans/${plan.id}`))).json().editable).toBe('none');
    });
  });

  describe('demo data', () => {
    it('seeds an assessment and plans for demo cases that the API reads like any other', async () => {
      const made = [await w.aCase('managerA', w.teamA), await w.aCase('managerA', w.teamA), await w.aCase('managerA', w.teamA)];
      await w.t.db.tenant(w.tenant.id, async (tx) => {
        for (const [variant, c] of made.entries()) await seedPlanForCase(tx, w.t.ctx.crypto, { caseId: c.id, variant });
      });
      const [due, replanned, draft] = await Promise.all(made.map((c) => w.call('managerA', 'GET', w.url(c.id, '/plans')).then((r) => r.json() as PlanOverview)));
      expect(due!.plans.map((p) => p.status)).toEqual(['agreed']);
      expect(due!.plans[0]!.reviewDueOn! <= addDays(now, 14)).toBe(true);
      expect(replanned!.plans.map((p) => p.status)).toEqual(['agreed', 'superseded']);
      expect(draft!.plans.map((p) => p.status)).toEqual(['draft']);
      const assessment = (await w.call('managerA', 'GET', w.url(made[0]!.id, '/assessment'))).json() as AssessmentResponse;
      expect(assessment.entries.find((e) => e.fieldOfAction === 'language')?.needs).toContain('Integrationskurs');
      const summary = await w.t.db.tenant(w.tenant.id, (tx) => planSummaryForCase(tx, made[1]!.id));
      expect(summary.goals.filter((g) => g.outcome === 'reached')).toHaveLength(1);
      expect(summary.goals.every((g) => g.agreedOn !== null)).toBe(true);
      const pdf = await w.call('managerA', 'GET', w.url(made[1]!.id, `/plans/${replanned!.agreedPlanId}/pdf`));
      expect(pdf.statusCode).toBe(200);
    });
  });

  describe('plans due for review', () => {
    it('lists agreements in force whose review is due within the window, in the actor’s scope', async () => {
      const make = async (owner: 'managerA' | 'managerB', team: { id: string }, agreedDaysAgo: number) => {
        const c = await w.aCase(owner, team);
        const start = await w.call(owner, 'POST', w.url(c.id, '/plans'), {});
        const p = start.json() as Plan;
        const saved = (await w.call(owner, 'PUT', w.url(c.id, `/plans/${p.id}`), { lockVersion: p.lockVersion, startsOn: p.startsOn, goals: [goal()] })).json() as Plan;
        await w.call(owner, 'POST', w.url(c.id, `/plans/${p.id}/agree`), { lockVersion: saved.lockVersion, agreedOn: addDays(now, -agreedDaysAgo) });
        return { c, planId: p.id };
      };
      const due = await make('managerA', w.teamA, 85); // review in 5 days (90-day programme)
      const later = await make('managerA', w.teamA, 10); // review in 80 days
      const otherTeam = await make('managerB', w.teamB, 100); // overdue, team B
      const until = addDays(now, 14);
      const actor = (id: string, role: 'integration_manager' | 'team_lead' | 'integration_lead', teamId: string | null) => ({
        userId: id,
        name: '',
        email: '',
        role,
        tenantId: w.tenant.id,
        providerId: null,
        teamId,
        consentOverride: false,
        twoFactorEnabled: true,
        sessionId: null,
      });
      const list = (a: ReturnType<typeof actor>) => w.t.db.tenant(w.tenant.id, (tx) => plansDueForReview(tx, caseScope(a), until));
      const mine = await list(actor(w.ids.managerA, 'integration_manager', w.teamA.id));
      expect(mine.map((r) => r.planId)).toContain(due.planId);
      expect(mine.map((r) => r.planId)).not.toContain(later.planId);
      expect(mine.map((r) => r.planId)).not.toContain(otherTeam.planId);
      expect(mine.find((r) => r.planId === due.planId)).toMatchObject({ caseId: due.c.id, reviewDueOn: addDays(now, 5), version: 1 });
      const office = await list(actor(w.ids.lead, 'integration_lead', null));
      expect(office.map((r) => r.planId)).toEqual(expect.arrayContaining([due.planId, otherTeam.planId]));
      expect(office[0]!.reviewDueOn <= office[office.length - 1]!.reviewDueOn).toBe(true);
    });
  });
});
