import type { CaseState, CaseWarning } from '../../shared/contracts/cases.ts';

/**
 * Programme rules of a case, as pure functions over calendar days ('YYYY-MM-DD'). The same rules
 * run in SQL for lists and filters (caseService.ts: `limitOnSql`, `attentionSql`); date
 * arithmetic matches PostgreSQL's `date + interval 'n months'` (the day is clamped to the month's
 * end: 31 January + 1 month = 28/29 February).
 */

/** Today in the municipality's time zone (German municipalities: Europe/Berlin). */
export function todayIso(now = new Date(), timeZone = 'Europe/Berlin'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const toUtc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const fromUtc = (d: Date): string => d.toISOString().slice(0, 10);

export function addMonths(iso: string, months: number): string {
  const d = toUtc(iso);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay))));
}

export function addDays(iso: string, days: number): string {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Whole days from `from` to `to` (negative when `to` lies before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

export interface ProgrammeRules {
  maxDurationMonths: number | null;
  maxExtensionMonths: number;
  warnBeforeDays: number;
  retentionMonths: number;
}

export interface CaseDates {
  state: CaseState;
  startedOn: string;
  plannedEndOn: string | null;
  extendedUntil: string | null;
}

export interface CaseLimits {
  /** start + maximum duration (null: the programme has no limit) */
  regularEndOn: string | null;
  /** the furthest an extension may reach */
  maxExtendedUntil: string | null;
  /** the day the case may run until now: the extension, else the regular end */
  limitOn: string | null;
}

export function caseLimits(programme: ProgrammeRules, c: Pick<CaseDates, 'startedOn' | 'extendedUntil'>): CaseLimits {
  if (programme.maxDurationMonths === null) return { regularEndOn: null, maxExtendedUntil: null, limitOn: c.extendedUntil };
  const regularEndOn = addMonths(c.startedOn, programme.maxDurationMonths);
  const maxExtendedUntil = addMonths(c.startedOn, programme.maxDurationMonths + programme.maxExtensionMonths);
  return { regularEndOn, maxExtendedUntil, limitOn: c.extendedUntil ?? regularEndOn };
}

/**
 * What needs attention in an open case: the maximum duration (or extension) is reached or lies
 * within the programme's warning period; the planned end is overdue or near. Closed cases warn of
 * nothing.
 */
export function caseWarnings(programme: ProgrammeRules, c: CaseDates, today: string): CaseWarning[] {
  if (c.state === 'closed') return [];
  const warnings: CaseWarning[] = [];
  const { limitOn } = caseLimits(programme, c);
  if (limitOn) {
    const days = daysBetween(today, limitOn);
    if (days < 0) warnings.push({ code: 'max_duration_reached', on: limitOn, days });
    else if (days <= programme.warnBeforeDays) warnings.push({ code: 'max_duration_approaching', on: limitOn, days });
  }
  if (c.plannedEndOn) {
    const days = daysBetween(today, c.plannedEndOn);
    if (days < 0) warnings.push({ code: 'planned_end_overdue', on: c.plannedEndOn, days });
    else if (days <= programme.warnBeforeDays) warnings.push({ code: 'planned_end_approaching', on: c.plannedEndOn, days });
  }
  return warnings;
}

/** The day a closed case is due for erasure: closure + the programme's retention period. */
export function retentionDueOn(closedOn: string, retentionMonths: number): string {
  return addMonths(closedOn, retentionMonths);
}
