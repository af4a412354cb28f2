import { and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { CaseProgramme, CaseTeam, ProgrammeInput, TeamInput } from '../../shared/contracts/cases.ts';
import { type Author, changedFields } from '../audit/auditChanges.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { authUser } from '../auth/auth.table.ts';
import type { Actor } from '../auth/roles.ts';
import { casePrograms, cases, teams } from './case.table.ts';

/**
 * The tenant admin's setup of case management: teams (managers and team leads belong to one) and
 * programmes with their rules (maximum duration, extension, warning period, plan review, retention
 * period). No case data is read or shown here — only counts.
 */

export type TeamRow = typeof teams.$inferSelect;
export type ProgrammeRow = typeof casePrograms.$inferSelect;

/** Only the tenant admin (and super admins) set up case management. */
export function authorizeCaseSetup(actor: Actor): void {
  if (actor.role !== 'tenant_admin' && actor.role !== 'super_admin') {
    throw new AppError('forbidden', 'Only the administration sets up teams and programmes');
  }
}

// ---------------------------------------------------------------------------------------------
// Teams

async function teamCounts(tx: Tx): Promise<{ members: Map<string, number>; open: Map<string, number> }> {
  const members = await tx.db
    .select({ teamId: authUser.teamId, n: count() })
    .from(authUser)
    .where(and(eq(authUser.disabled, false), sql`${authUser.teamId} is not null`))
    .groupBy(authUser.teamId);
  const open = await tx.db
    .select({ teamId: cases.teamId, n: count() })
    .from(cases)
    .where(ne(cases.state, 'closed'))
    .groupBy(cases.teamId);
  return {
    members: new Map(members.map((m) => [m.teamId!, Number(m.n)])),
    open: new Map(open.map((o) => [o.teamId, Number(o.n)])),
  };
}

const presentTeam = (row: TeamRow, counts: { members: Map<string, number>; open: Map<string, number> }): CaseTeam => ({
  id: row.id,
  name: row.name,
  archived: row.archivedAt !== null,
  archivedAt: row.archivedAt?.toISOString() ?? null,
  members: counts.members.get(row.id) ?? 0,
  openCases: counts.open.get(row.id) ?? 0,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export async function listTeams(tx: Tx, includeArchived: boolean): Promise<CaseTeam[]> {
  const rows = await tx.db
    .select()
    .from(teams)
    .where(includeArchived ? undefined : isNull(teams.archivedAt))
    .orderBy(asc(teams.name));
  const counts = await teamCounts(tx);
  return rows.map((r) => presentTeam(r, counts));
}

async function presentOneTeam(tx: Tx, row: TeamRow): Promise<CaseTeam> {
  return presentTeam(row, await teamCounts(tx));
}

export async function findTeam(tx: Tx, id: string): Promise<TeamRow> {
  const [row] = await tx.db.select().from(teams).where(eq(teams.id, id));
  if (!row) throw new AppError('not_found', 'Team not found');
  return row;
}

async function assertTeamNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const [other] = await tx.db
    .select({ id: teams.id })
    .from(teams)
    .where(and(sql`lower(${teams.name}) = lower(${name})`, exceptId ? ne(teams.id, exceptId) : undefined));
  if (other) throw new AppError('duplicate', 'A team with this name exists already', { field: 'name' });
}

export async function createTeam(tx: Tx, author: Author, input: TeamInput): Promise<CaseTeam> {
  await assertTeamNameFree(tx, input.name);
  const [row] = await tx.db.insert(teams).values({ tenantId: tx.tenantId!, name: input.name }).returning();
  await writeAudit(tx, { ...author, action: 'team.created', entityType: 'team', entityId: row!.id, details: { name: input.name } });
  return presentOneTeam(tx, row!);
}

export async function renameTeam(tx: Tx, author: Author, id: string, input: TeamInput): Promise<CaseTeam> {
  const before = await findTeam(tx, id);
  if (before.name === input.name) return presentOneTeam(tx, before);
  await assertTeamNameFree(tx, input.name, id);
  const [row] = await tx.db.update(teams).set({ name: input.name, updatedAt: new Date() }).where(eq(teams.id, id)).returning();
  await writeAudit(tx, { ...author, action: 'team.renamed', entityType: 'team', entityId: id, details: { changes: { name: { before: before.name, after: input.name } } } });
  return presentOneTeam(tx, row!);
}

/**
 * Archives or restores a team. A team with active accounts or open cases cannot be archived: its
 * people and cases must move first (accounts page, handover).
 */
export async function setTeamArchived(tx: Tx, author: Author, id: string, archived: boolean): Promise<CaseTeam> {
  const before = await findTeam(tx, id);
  if ((before.archivedAt !== null) === archived) return presentOneTeam(tx, before);
  if (archived) {
    const counts = await teamCounts(tx);
    const members = counts.members.get(id) ?? 0;
    const openCases = counts.open.get(id) ?? 0;
    if (members > 0 || openCases > 0) {
      throw new AppError('conflict', 'The team still has active accounts or open cases: move them to another team first', {
        details: { members, openCases },
      });
    }
  }
  const [row] = await tx.db
    .update(teams)
    .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
    .where(eq(teams.id, id))
    .returning();
  await writeAudit(tx, { ...author, action: archived ? 'team.archived' : 'team.restored', entityType: 'team', entityId: id, details: {} });
  return presentOneTeam(tx, row!);
}

// ---------------------------------------------------------------------------------------------
// Programmes

const PROGRAMME_FIELDS = [
  'code',
  'name',
  'description',
  'maxDurationMonths',
  'maxExtensionMonths',
  'warnBeforeDays',
  'planReviewDays',
  'retentionMonths',
  'active',
] as const;

async function openCasesByProgramme(tx: Tx): Promise<Map<string, number>> {
  const rows = await tx.db
    .select({ programmeId: cases.programmeId, n: count() })
    .from(cases)
    .where(ne(cases.state, 'closed'))
    .groupBy(cases.programmeId);
  return new Map(rows.map((r) => [r.programmeId, Number(r.n)]));
}

const presentProgramme = (row: ProgrammeRow, open: Map<string, number>): CaseProgramme => ({
  id: row.id,
  code: row.code,
  name: row.name,
  description: row.description,
  maxDurationMonths: row.maxDurationMonths,
  maxExtensionMonths: row.maxExtensionMonths,
  warnBeforeDays: row.warnBeforeDays,
  planReviewDays: row.planReviewDays,
  retentionMonths: row.retentionMonths,
  active: row.active,
  openCases: open.get(row.id) ?? 0,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export async function listProgrammes(tx: Tx): Promise<CaseProgramme[]> {
  const rows = await tx.db.select().from(casePrograms).orderBy(asc(casePrograms.name));
  const open = await openCasesByProgramme(tx);
  return rows.map((r) => presentProgramme(r, open));
}

export async function findProgrammeRow(tx: Tx, id: string): Promise<ProgrammeRow> {
  const [row] = await tx.db.select().from(casePrograms).where(eq(casePrograms.id, id));
  if (!row) throw new AppError('not_found', 'Programme not found');
  return row;
}

export async function getProgramme(tx: Tx, id: string): Promise<CaseProgramme> {
  return presentProgramme(await findProgrammeRow(tx, id), await openCasesByProgramme(tx));
}

async function assertCodeFree(tx: Tx, code: string, exceptId?: string): Promise<void> {
  const [other] = await tx.db
    .select({ id: casePrograms.id })
    .from(casePrograms)
    .where(and(eq(casePrograms.code, code), exceptId ? ne(casePrograms.id, exceptId) : undefined));
  if (other) throw new AppError('duplicate', 'A programme with this code exists already', { field: 'code' });
}

const values = (input: ProgrammeInput) => ({
  code: input.code,
  name: input.name,
  description: input.description,
  maxDurationMonths: input.maxDurationMonths,
  maxExtensionMonths: input.maxExtensionMonths,
  warnBeforeDays: input.warnBeforeDays,
  planReviewDays: input.planReviewDays,
  retentionMonths: input.retentionMonths,
  active: input.active,
});

export async function createProgramme(tx: Tx, author: Author, input: ProgrammeInput): Promise<CaseProgramme> {
  await assertCodeFree(tx, input.code);
  const [row] = await tx.db
    .insert(casePrograms)
    .values({ tenantId: tx.tenantId!, ...values(input) })
    .returning();
  await writeAudit(tx, {
    ...author,
    action: 'programme.created',
    entityType: 'programme',
    entityId: row!.id,
    details: { changes: changedFields({} as Record<string, unknown>, row!, PROGRAMME_FIELDS) },
  });
  return getProgramme(tx, row!.id);
}

/**
 * Replaces a programme's fields. A new retention period applies to the closed cases of the
 * programme as well: their erasure date is recomputed from their closing date.
 */
export async function updateProgramme(tx: Tx, author: Author, id: string, input: ProgrammeInput): Promise<CaseProgramme> {
  const before = await findProgrammeRow(tx, id);
  await assertCodeFree(tx, input.code, id);
  const next = values(input);
  const changes = changedFields(before, next, PROGRAMME_FIELDS);
  if (Object.keys(changes).length === 0) return getProgramme(tx, id);
  await tx.db
    .update(casePrograms)
    .set({ ...next, updatedAt: new Date() })
    .where(eq(casePrograms.id, id));
  let recomputed = 0;
  if (changes.retentionMonths) {
    const updated = await tx.db
      .update(cases)
      .set({ retentionDueOn: sql`(${cases.closedOn} + make_interval(months => ${input.retentionMonths}))::date`, updatedAt: new Date() })
      .where(and(eq(cases.programmeId, id), eq(cases.state, 'closed'), sql`${cases.closedOn} is not null`))
      .returning({ id: cases.id });
    recomputed = updated.length;
  }
  await writeAudit(tx, { ...author, action: 'programme.updated', entityType: 'programme', entityId: id, details: { changes, recomputedRetention: recomputed } });
  return getProgramme(tx, id);
}
