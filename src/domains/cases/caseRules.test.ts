import { describe, expect, it } from 'vitest';
import { CASE_STATES, CASE_TRANSITIONS, canTransition } from '../../shared/contracts/cases.ts';
import { addDays, addMonths, caseLimits, caseWarnings, daysBetween, retentionDueOn, todayIso } from './caseRules.ts';

const im = { maxDurationMonths: 36, maxExtensionMonths: 12, warnBeforeDays: 60, retentionMonths: 36 };

describe('case rules', () => {
  it('adds months like PostgreSQL (clamped to the month’s end)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', 36)).toBe('2029-03-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-05-10', -6)).toBe('2025-11-10');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
    expect(todayIso(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('computes the regular end, the furthest extension and the current limit', () => {
    expect(caseLimits(im, { startedOn: '2026-01-15', extendedUntil: null })).toEqual({ regularEndOn: '2029-01-15', maxExtendedUntil: '2030-01-15', limitOn: '2029-01-15' });
    expect(caseLimits(im, { startedOn: '2026-01-15', extendedUntil: '2029-07-01' }).limitOn).toBe('2029-07-01');
    expect(caseLimits({ ...im, maxDurationMonths: null, maxExtensionMonths: 0 }, { startedOn: '2026-01-15', extendedUntil: null })).toEqual({
      regularEndOn: null,
      maxExtendedUntil: null,
      limitOn: null,
    });
  });

  it('warns within the warning period and after the limit; closed cases never warn', () => {
    const c = { state: 'in_progress' as const, startedOn: '2026-01-15', plannedEndOn: '2028-12-31', extendedUntil: null };
    expect(caseWarnings(im, c, '2028-10-01')).toEqual([]);
    expect(caseWarnings(im, c, '2028-11-15').map((w) => w.code)).toEqual(['planned_end_approaching']);
    expect(caseWarnings(im, c, '2028-11-16')).toEqual([
      { code: 'max_duration_approaching', on: '2029-01-15', days: 60 },
      { code: 'planned_end_approaching', on: '2028-12-31', days: 45 },
    ]);
    expect(caseWarnings(im, c, '2029-01-16')).toEqual([
      { code: 'max_duration_reached', on: '2029-01-15', days: -1 },
      { code: 'planned_end_overdue', on: '2028-12-31', days: -16 },
    ]);
    expect(caseWarnings(im, { ...c, state: 'closed' }, '2029-01-16')).toEqual([]);
    expect(caseWarnings(im, { ...c, plannedEndOn: null, extendedUntil: '2029-12-31' }, '2029-01-16')).toEqual([]);
  });

  it('dates the erasure from the closure', () => {
    expect(retentionDueOn('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('the transition table is closed over the states and never leads back to intake', () => {
    for (const from of CASE_STATES) {
      for (const to of CASE_TRANSITIONS[from]) expect(CASE_STATES).toContain(to);
      expect(canTransition(from, 'intake')).toBe(false);
      expect(canTransition(from, from)).toBe(false);
    }
    expect(CASE_STATES.filter((s) => canTransition(s, 'reopened'))).toEqual(['closed']);
    expect(CASE_STATES.filter((s) => s !== 'closed').every((s) => canTransition(s, 'closed'))).toBe(true);
  });
});
