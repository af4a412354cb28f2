import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/database.ts';
import type { PdfLanguage } from '../../../shared/contracts/casePlans.ts';
import { authUser } from '../../auth/auth.table.ts';
import type { Actor } from '../../auth/roles.ts';
import type { Tenant } from '../../tenants/tenantService.ts';
import { logCaseAccess } from '../accessLog.ts';
import { casePrograms } from '../case.table.ts';
import type { CaseRow, PersonRow } from '../caseLookup.ts';
import { fieldOptions } from './fieldsOfAction.ts';
import type { GoalAgreementData } from './pdf/goalAgreementPdf.ts';
import { today } from './planDay.ts';
import { personPdfLanguage, planForPrint } from './planService.ts';

/**
 * Collects what the goal agreement prints and logs the print (in the caller's transaction). The
 * PDF itself is rendered after the transaction, so the database is not held while it is laid out.
 */
export async function goalAgreementFor(
  tx: Tx,
  tenant: Tenant,
  actor: Actor,
  found: { case: CaseRow; person: PersonRow },
  planId: string,
  requested: PdfLanguage | undefined,
): Promise<{ data: GoalAgreementData; languages: PdfLanguage[]; filename: string }> {
  const { plan, goals } = await planForPrint(tx, found, planId);
  const [programme] = await tx.db.select({ name: casePrograms.name }).from(casePrograms).where(eq(casePrograms.id, found.case.programmeId));
  const [owner] = found.case.ownerId ? await tx.db.select({ name: authUser.name }).from(authUser).where(eq(authUser.id, found.case.ownerId)) : [];
  const second = requested ?? personPdfLanguage(found.person) ?? 'de';
  const languages: PdfLanguage[] = second === 'de' ? ['de'] : ['de', second];
  await logCaseAccess(tx, actor, {
    action: 'print',
    entityType: 'plan',
    entityId: plan.id,
    personId: found.person.id,
    caseId: found.case.id,
    purpose: 'goal agreement for signature',
    details: { version: plan.version, status: plan.status, languages },
  });
  const data: GoalAgreementData = {
    tenantName: tenant.name,
    programmeName: programme?.name ?? '',
    caseReference: found.case.reference,
    person: { name: `${found.person.givenName} ${found.person.familyName}`.trim(), birthDate: found.person.birthDate },
    managerName: owner?.name ?? null,
    plan: {
      version: plan.version,
      status: plan.status,
      startsOn: plan.startsOn,
      agreedOn: plan.agreedOn,
      reviewDueOn: plan.reviewDueOn,
      updatedOn: today(plan.updatedAt),
    },
    goals: goals.map((g) => ({
      fieldOfAction: g.fieldOfAction,
      title: g.title,
      steps: g.steps,
      responsible: g.responsible,
      responsibleName: g.responsibleName,
      deadline: g.deadline,
      outcome: g.outcome,
      outcomeOn: g.outcomeOn,
    })),
    fields: await fieldOptions(tx),
    printedOn: today(),
  };
  // no name in the file name: the case reference and the plan version identify it
  const safeReference = found.case.reference.replace(/[^A-Za-z0-9._-]/g, '_');
  return { data, languages, filename: `Zielvereinbarung_${safeReference}_v${plan.version}_${languages.join('-')}.pdf` };
}
