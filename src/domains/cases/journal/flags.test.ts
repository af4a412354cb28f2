import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFlag, CaseFlagList } from '../../../shared/contracts/caseJournal.ts';
import { findTraces } from '../../../test/traces.ts';
import { activeFlagKinds, activeFlags } from './journalQueries.ts';
import { type JournalWorld, journalWorld } from './journalTestKit.ts';

describe('case journal: flags', () => {
  let w: JournalWorld;
  beforeAll(async () => {
    w = await journalWorld();
  });
  afterAll(() => w.t.close());

  const flags = (caseId: string, rest = '') => w.url(caseId, `/flags${rest}`);

  it('sets flags with a reason, resolves them with a note, once; shows the active ones for the case header', async () => {
    const c = await w.aCase('managerA', w.teamA);
    const set = await w.call('managerA', 'POST', flags(c.id), { kind: 'safeguarding', reason: 'Hinweise auf häusliche Gewalt – Kinder im Haushalt' });
    expect(set.statusCode).toBe(201);
    const safeguarding = set.json() as CaseFlag;
    expect(safeguarding).toMatchObject({ kind: 'safeguarding', active: true, setByName: 'Mara Manager', resolvedAt: null, resolutionNote: null });
    const interpreter = (await w.call('teamLeadA', 'POST', flags(c.id), { kind: 'interpreter_needed', reason: 'Tigrinya, Termine nur mit Sprachmittlung' })).json() as CaseFlag;
    const deadline = (await w.call('managerA', 'POST', flags(c.id), { kind: 'deadline', reason: 'Widerspruchsfrist Jobcenter' })).json() as CaseFlag;

    const resolved = await w.call('managerA', 'POST', flags(c.id, `/${deadline.id}/resolve`), { resolutionNote: 'Widerspruch eingelegt' });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ active: false, resolvedByName: 'Mara Manager', resolutionNote: 'Widerspruch eingelegt' });
    const twice = await w.call('teamLeadA', 'POST', flags(c.id, `/${deadline.id}/resolve`), { resolutionNote: 'nochmal' });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.code).toBe('invalid_state_transition');

    const all = (await w.call('managerA', 'GET', flags(c.id))).json() as CaseFlagList;
    expect(all.items.map((f) => [f.kind, f.active])).toEqual([
      ['interpreter_needed', true],
      ['safeguarding', true],
      ['deadline', false],
    ]);
    const active = (await w.call('managerA', 'GET', flags(c.id, '?status=active'))).json() as CaseFlagList;
    expect(active.items.map((f) => f.id)).toEqual([interpreter.id, safeguarding.id]);

    // the header helper for the CASES page, with and without the reasons
    const header = await w.t.db.tenant(w.tenant.id, (tx) => activeFlags(tx, c.id, { crypto: w.t.ctx.crypto }));
    expect(header.map((f) => [f.kind, f.reason])).toEqual([
      ['interpreter_needed', 'Tigrinya, Termine nur mit Sprachmittlung'],
      ['safeguarding', 'Hinweise auf häusliche Gewalt – Kinder im Haushalt'],
    ]);
    const kindsOnly = await w.t.db.tenant(w.tenant.id, (tx) => activeFlags(tx, c.id));
    expect(kindsOnly.every((f) => f.reason === null)).toBe(true);
    const byCase = await w.t.db.tenant(w.tenant.id, (tx) => activeFlagKinds(tx, [c.id, w.caseB.id]));
    expect(byCase.get(c.id)).toEqual(['interpreter_needed', 'safeguarding']);
    expect(byCase.has(w.caseB.id)).toBe(false);

    // reason and resolution note are ciphertext at rest; the log names no reason
    expect(await findTraces(w.t.db, ['häusliche Gewalt', 'Widerspruch eingelegt', 'Tigrinya, Termine'])).toEqual([]);
    const log = await w.accessLog(c.id, 'case_flag');
    expect(log.map((l) => l.action)).toEqual(['create', 'create', 'create', 'update', 'list', 'list']);
    expect(log[3]?.details).toEqual({ resolved: true, kind: 'deadline' });
    expect(JSON.stringify(log)).not.toContain('Gewalt');
  });

  it('refuses bad input naming the field; scope 404; restriction 403; nothing written', async () => {
    const c = await w.aCase('managerA', w.teamA);
    for (const [body, field] of [
      [{ kind: 'safeguarding' }, 'body.reason'],
      [{ kind: 'safeguarding', reason: '   ' }, 'body.reason'],
      [{ kind: 'danger', reason: 'x' }, 'body.kind'],
      [{ kind: 'other', reason: 'x'.repeat(1001) }, 'body.reason'],
      [{ kind: 'other', reason: 'x', active: false }, 'body'],
    ] as const) {
      const res = await w.call('managerA', 'POST', flags(c.id), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect(await w.count('case_flags', 'case_id = $1', [c.id])).toBe(0);
    const flag = (await w.call('managerA', 'POST', flags(c.id), { kind: 'health', reason: 'Diabetes' })).json() as CaseFlag;
    expect((await w.call('managerA', 'POST', flags(c.id, `/${flag.id}/resolve`), {})).json().error.field).toBe('body.resolutionNote');
    for (const who of ['managerA2', 'managerB', 'teamLeadB', 'admin'] as const) {
      expect((await w.call(who, 'GET', flags(c.id))).statusCode, who).toBe(404);
      expect((await w.call(who, 'POST', flags(c.id), { kind: 'other', reason: 'x' })).statusCode, who).toBe(404);
      expect((await w.call(who, 'POST', flags(c.id, `/${flag.id}/resolve`), { resolutionNote: 'x' })).statusCode, who).toBe(404);
    }
    expect((await w.call('managerA', 'GET', flags(w.caseOther.id))).statusCode).toBe(404);
    expect((await w.call('managerA', 'POST', flags(w.caseA.id, `/${flag.id}/resolve`), { resolutionNote: 'falscher Fall' })).statusCode).toBe(404);
    await w.sql('UPDATE persons SET restricted = true WHERE id = $1', [c.personId]);
    const blocked = await w.call('managerA', 'POST', flags(c.id), { kind: 'other', reason: 'x' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.field).toBe('restricted');
    expect((await w.call('managerA', 'POST', flags(c.id, `/${flag.id}/resolve`), { resolutionNote: 'x' })).statusCode).toBe(403);
    expect((await w.call('managerA', 'GET', flags(c.id))).json().items).toHaveLength(1);
    expect(await w.count('case_flags', 'case_id = $1 AND active', [c.id])).toBe(1);
  });
});
