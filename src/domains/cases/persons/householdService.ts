import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../../errors.ts';
import type { Household, HouseholdCreate, HouseholdMemberBody } from '../../../shared/contracts/casePersons.ts';
import { logCaseAccess } from '../accessLog.ts';
import { households, persons } from '../case.table.ts';
import { loadPerson, type PersonRow } from '../caseLookup.ts';
import { assertNotRestricted } from './person.policy.ts';
import { deleteEmptyHousehold, householdVisible, type PersonCtx, plainOf, summariesOf, visibleIds, writePersonValues } from './personService.ts';

/**
 * Households (Haushalt / Bedarfsgemeinschaft). A household has no owner of its own: the actor sees
 * it when at least one member lies in their scope, and then sees in full only those members — the
 * others count as "another person (no access)". Membership is a field of the person
 * (household_id, household_role), so every change is an edit of that person: refused while the
 * person is restricted, recorded in the Art. 16 history, logged. A household without members is
 * deleted.
 */

/** The household, if the actor may see it (else 404). */
async function loadHousehold(pctx: PersonCtx, id: string) {
  const [row] = await pctx.tx.db.select().from(households).where(eq(households.id, id));
  if (!row || !(await householdVisible(pctx.tx, pctx.scope, id))) throw new AppError('not_found', 'Household not found');
  return row;
}

/** A person named in a request body: invisible or unknown reads as a bad reference (400). */
async function memberPerson(pctx: PersonCtx, personId: string, field: string): Promise<PersonRow> {
  try {
    return await loadPerson(pctx.tx, pctx.scope, personId);
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') throw new AppError('validation_failed', 'Unknown person', { field });
    throw e;
  }
}

/** Moves a person into (or out of) a household, as an edit of the person. */
async function setMembership(pctx: PersonCtx, row: PersonRow, householdId: string | null, role: string | null): Promise<void> {
  assertNotRestricted(row);
  const before = plainOf(pctx.crypto, row);
  await writePersonValues(pctx, row, { ...before, householdId, householdRole: householdId ? role : null });
  if (before.householdId && before.householdId !== householdId) await deleteEmptyHousehold(pctx.tx, before.householdId);
}

export async function createHousehold(pctx: PersonCtx, input: HouseholdCreate): Promise<Household> {
  const members: Array<{ row: PersonRow; role: string }> = [];
  const seen = new Set<string>();
  for (const [i, m] of input.members.entries()) {
    if (seen.has(m.personId)) throw new AppError('validation_failed', 'A person is named twice', { field: `members.${i}.personId` });
    seen.add(m.personId);
    const row = await memberPerson(pctx, m.personId, `members.${i}.personId`);
    assertNotRestricted(row);
    members.push({ row, role: m.role });
  }
  const [created] = await pctx.tx.db.insert(households).values({ tenantId: pctx.tx.tenantId!, label: input.label }).returning();
  for (const m of members) await setMembership(pctx, m.row, created!.id, m.role);
  return presentHousehold(pctx, created!.id);
}

export async function readHousehold(pctx: PersonCtx, id: string): Promise<Household> {
  await loadHousehold(pctx, id);
  return presentHousehold(pctx, id);
}

export async function updateHousehold(pctx: PersonCtx, id: string, label: string): Promise<Household> {
  const before = await loadHousehold(pctx, id);
  if (before.label !== label) {
    await pctx.tx.db.update(households).set({ label, updatedAt: new Date() }).where(eq(households.id, id));
    // the change is in the access log of every member the actor sees (like the read that follows)
    const { visible } = await membersOf(pctx, id);
    for (const m of visible) {
      await logCaseAccess(pctx.tx, pctx.actor, { action: 'update', entityType: 'household', entityId: id, personId: m.id, details: { fields: ['label'] } });
    }
  }
  return presentHousehold(pctx, id);
}

export async function addMember(pctx: PersonCtx, id: string, body: HouseholdMemberBody): Promise<Household> {
  await loadHousehold(pctx, id);
  const row = await memberPerson(pctx, body.personId, 'personId');
  await setMembership(pctx, row, id, body.role);
  return presentHousehold(pctx, id);
}

/** Removes a member; the answer is null when the household is gone (it had no other member). */
export async function removeMember(pctx: PersonCtx, id: string, personId: string): Promise<Household | null> {
  await loadHousehold(pctx, id);
  const row = await loadPerson(pctx.tx, pctx.scope, personId);
  if (row.householdId !== id) throw new AppError('not_found', 'This person is not a member of the household');
  await setMembership(pctx, row, null, null);
  const [still] = await pctx.tx.db.select({ id: households.id }).from(households).where(eq(households.id, id));
  return still ? presentHousehold(pctx, id) : null;
}

/** The household's members, and those of them the actor may see. */
async function membersOf(pctx: PersonCtx, id: string) {
  const members = await pctx.tx.db
    .select({ id: persons.id, role: persons.householdRole })
    .from(persons)
    .where(eq(persons.householdId, id))
    .orderBy(asc(persons.familyName), asc(persons.givenName), asc(persons.id));
  const visibleSet = await visibleIds(pctx.tx, pctx.scope, members.map((m) => m.id));
  return { members, visible: members.filter((m) => visibleSet.has(m.id)) };
}

/** Members the actor sees in full (logged as a read of each), the rest only counted. */
async function presentHousehold(pctx: PersonCtx, id: string): Promise<Household> {
  const { tx, scope } = pctx;
  const [row] = await tx.db.select().from(households).where(eq(households.id, id));
  const { members, visible } = await membersOf(pctx, id);
  const summaries = await summariesOf(tx, scope, visible.map((m) => m.id));
  for (const m of visible) {
    await logCaseAccess(tx, pctx.actor, { action: 'read', entityType: 'household', entityId: id, personId: m.id, details: { view: 'household' } });
  }
  return {
    id,
    label: row?.label ?? '',
    members: visible.map((m) => ({ person: summaries.get(m.id)!, role: m.role })),
    hiddenMembers: members.length - visible.length,
  };
}
