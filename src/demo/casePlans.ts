// Demo assessment and integration plans for demo cases (fictional). The case-management demo
// (src/demo/cases.ts) calls seedPlanDemo(context) once after its cases; seedPlanForCase() seeds one
// case and serves tests.
import { eq } from 'drizzle-orm';
import { loadConfig } from '../config.ts';
import type { Tx } from '../db/database.ts';
import { casePrograms, cases } from '../domains/cases/case.table.ts';
import { addDays, today } from '../domains/cases/plans/planDay.ts';
import { caseAssessments, caseGoals, casePlans, type GoalStep } from '../domains/cases/plans/plans.table.ts';
import { cryptoContext, FieldCrypto } from '../security/fieldCrypto.ts';
import type { CaseDemoContext } from './cases.ts';

interface DemoGoal {
  fieldOfAction: string;
  title: string;
  steps: GoalStep[];
  responsible: 'person' | 'manager' | 'partner';
  responsibleName?: string;
  /** days after the plan's agreement */
  deadlineIn: number | null;
  status: 'open' | 'in_progress' | 'done';
  outcome?: 'reached' | 'partly' | 'not_reached';
  /** days after the agreement the outcome was recorded */
  outcomeAfter?: number;
}

const step = (text: string, responsible: GoalStep['responsible'], done = false): GoalStep => ({ text, responsible, done });

const ASSESSMENTS: Array<Array<{ field: string; situation: string; needs: string; resources: string }>> = [
  [
    { field: 'language', situation: 'Spricht Arabisch (Muttersprache) und Englisch; Deutsch auf Niveau A2.', needs: 'Integrationskurs bis B1, Kinderbetreuung während des Kurses.', resources: 'Sehr motiviert, lernt mit einer App.' },
    { field: 'work', situation: 'Ausbildung als Krankenpflegerin im Herkunftsland, 6 Jahre Berufserfahrung.', needs: 'Anerkennung des Abschlusses, Anpassungsqualifizierung.', resources: 'Zeugnisse liegen übersetzt vor.' },
    { field: 'housing', situation: 'Lebt mit zwei Kindern in der Gemeinschaftsunterkunft.', needs: 'Eigene Wohnung, Wohnberechtigungsschein.', resources: 'Unterstützung durch Ehrenamtliche bei der Suche.' },
  ],
  [
    { field: 'language', situation: 'Ukrainisch und Russisch; Deutsch B1 erreicht.', needs: 'Berufssprachkurs B2.', resources: 'Kursträger in der Nähe.' },
    { field: 'family', situation: 'Zwei Kinder im Grundschulalter, eines ohne Schulplatz.', needs: 'Schulplatz, Hort.', resources: 'Großmutter hilft bei der Betreuung.' },
  ],
  [{ field: 'residence', situation: 'Aufenthaltserlaubnis läuft in vier Monaten ab.', needs: 'Verlängerung rechtzeitig beantragen, Beratung.', resources: 'Alle Unterlagen vorhanden.' }],
];

const PLANS: DemoGoal[][] = [
  [
    {
      fieldOfAction: 'language',
      title: 'Deutschkurs B1 abschließen',
      steps: [step('Anmeldung zum Integrationskurs bei der VHS', 'person', true), step('Kinderbetreuung während des Kurses klären', 'manager', true), step('Prüfung „Deutsch-Test für Zuwanderer“ ablegen', 'person')],
      responsible: 'person',
      deadlineIn: 240,
      status: 'in_progress',
    },
    {
      fieldOfAction: 'work',
      title: 'Anerkennung der Pflegeausbildung beantragen',
      steps: [step('Beratungstermin beim IQ Netzwerk', 'partner', true), step('Antrag bei der Anerkennungsstelle stellen', 'person')],
      responsible: 'partner',
      responsibleName: 'IQ Netzwerk',
      deadlineIn: 150,
      status: 'in_progress',
    },
    {
      fieldOfAction: 'housing',
      title: 'Wohnberechtigungsschein erhalten',
      steps: [step('Antrag ausfüllen', 'person', true), step('Antrag beim Wohnungsamt einreichen', 'manager', true)],
      responsible: 'manager',
      deadlineIn: 60,
      status: 'done',
      outcome: 'reached',
      outcomeAfter: 41,
    },
  ],
  [
    {
      fieldOfAction: 'language',
      title: 'Berufssprachkurs B2 beginnen',
      steps: [step('Berechtigungsschein beim Jobcenter beantragen', 'person', true), step('Kursplatz suchen', 'manager', true)],
      responsible: 'person',
      deadlineIn: 90,
      status: 'done',
      outcome: 'reached',
      outcomeAfter: 70,
    },
    {
      fieldOfAction: 'family',
      title: 'Schulplatz für die jüngere Tochter',
      steps: [step('Anmeldung beim Staatlichen Schulamt', 'manager', true)],
      responsible: 'manager',
      deadlineIn: 45,
      status: 'done',
      outcome: 'partly',
      outcomeAfter: 52,
    },
    {
      fieldOfAction: 'participation',
      title: 'Kontakt zu einem Sportverein herstellen',
      steps: [step('Probetraining vereinbaren', 'partner')],
      responsible: 'partner',
      responsibleName: 'Stadtsportbund',
      deadlineIn: 120,
      status: 'open',
    },
  ],
  [
    {
      fieldOfAction: 'residence',
      title: 'Aufenthaltserlaubnis rechtzeitig verlängern',
      steps: [step('Termin bei der Ausländerbehörde buchen', 'person'), step('Unterlagen gemeinsam prüfen', 'manager')],
      responsible: 'person',
      deadlineIn: 100,
      status: 'open',
    },
  ],
];

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * Assessment and plan of one demo case, by variant:
 * 0 — assessment in three fields; plan version 1 agreed, due for review within two weeks, one goal reached;
 * 1 — two agreed versions (the first superseded), goals with outcomes (for the outcome figures);
 * 2 — assessment of one field and a draft plan, not yet agreed.
 * Dates are counted back from today and never lie before the case's start. Writes directly (no
 * access-log entries: nobody read anything).
 */
export async function seedPlanForCase(tx: Tx, crypto: FieldCrypto, demo: { caseId: string; variant: number; now?: Date }): Promise<void> {
  const [row] = await tx.db.select().from(cases).where(eq(cases.id, demo.caseId));
  if (!row) throw new Error(`demo case ${demo.caseId} not found`);
  const [programme] = await tx.db.select({ planReviewDays: casePrograms.planReviewDays }).from(casePrograms).where(eq(casePrograms.id, row.programmeId));
  const reviewDays = programme?.planReviewDays ?? 180;
  const variant = ((demo.variant % 3) + 3) % 3;
  const now = today(demo.now);
  const start = earlier(row.startedOn, now);
  const base = { tenantId: row.tenantId, caseId: row.id, personId: row.personId };
  const author = { updatedBy: row.ownerId, updatedByLabel: 'Demo' };

  for (const a of ASSESSMENTS[variant]!) {
    const ctx = (column: string) => cryptoContext(row.tenantId, 'case_assessments', column);
    await tx.db.insert(caseAssessments).values({
      ...base,
      fieldOfAction: a.field,
      situationEnc: crypto.encrypt(a.situation, ctx('situation_enc')),
      needsEnc: crypto.encrypt(a.needs, ctx('needs_enc')),
      resourcesEnc: crypto.encrypt(a.resources, ctx('resources_enc')),
      ...author,
    });
  }

  const insertPlan = async (version: number, startsOn: string, goals: DemoGoal[], agreedOn: string, previousPlanId: string | null, originIds?: string[]) => {
    const [plan] = await tx.db
      .insert(casePlans)
      .values({ ...base, version, status: 'draft', startsOn, previousPlanId, createdBy: row.ownerId, createdByLabel: 'Demo', updatedBy: row.ownerId, updatedByLabel: 'Demo' })
      .returning();
    const ids: string[] = [];
    for (const [position, g] of goals.entries()) {
      const id = globalThis.crypto.randomUUID();
      ids.push(id);
      const outcomeOn = g.outcome && g.outcomeAfter !== undefined ? earlier(addDays(agreedOn, g.outcomeAfter), now) : null;
      await tx.db.insert(caseGoals).values({
        ...base,
        id,
        originId: originIds?.[position] ?? id,
        planId: plan!.id,
        position,
        fieldOfAction: g.fieldOfAction,
        title: g.title,
        steps: g.steps,
        responsible: g.responsible,
        responsibleName: g.responsibleName ?? null,
        deadline: g.deadlineIn === null ? null : later(addDays(agreedOn, g.deadlineIn), startsOn),
        status: outcomeOn ? 'done' : g.status === 'done' ? 'in_progress' : g.status,
        outcome: outcomeOn ? g.outcome! : null,
        outcomeOn,
      });
    }
    return { planId: plan!.id, ids };
  };
  const agree = (planId: string, agreedOn: string) =>
    tx.db
      .update(casePlans)
      .set({ status: 'agreed', agreedOn, agreedBy: row.ownerId, agreedByLabel: 'Demo', reviewDueOn: addDays(agreedOn, reviewDays) })
      .where(eq(casePlans.id, planId));

  if (variant === 0) {
    // agreed so long ago that the review falls due within two weeks
    const agreedOn = later(addDays(now, -(reviewDays - 10)), start);
    const v1 = await insertPlan(1, start, PLANS[0]!, agreedOn, null);
    await agree(v1.planId, agreedOn);
  } else if (variant === 1) {
    const firstAgreed = later(addDays(now, -200), start);
    const v1 = await insertPlan(1, start, PLANS[1]!.map((g) => ({ ...g, outcome: undefined, status: 'open' })), firstAgreed, null);
    await agree(v1.planId, firstAgreed);
    const secondAgreed = later(addDays(now, -60), firstAgreed);
    const v2 = await insertPlan(2, secondAgreed, PLANS[1]!, firstAgreed, v1.planId, v1.ids);
    await tx.db.update(casePlans).set({ status: 'superseded', supersededOn: secondAgreed }).where(eq(casePlans.id, v1.planId));
    await agree(v2.planId, secondAgreed);
  } else {
    await insertPlan(1, start, PLANS[2]!, now, null);
  }
}

/**
 * Plans for the demo cases: a due review and a re-planned case with outcomes among the cases in
 * progress, drafts for cases in assessment or planning, outcomes for closed and reopened cases.
 * The assessment texts are encrypted with the keys of this installation's configuration.
 */
export async function seedPlanDemo(context: CaseDemoContext, crypto: FieldCrypto = FieldCrypto.fromConfig(loadConfig())): Promise<number> {
  let seeded = 0;
  let inProgress = 0;
  await context.db.tenant(context.tenantId, async (tx) => {
    for (const c of context.cases) {
      let variant: number | null = null;
      if (c.state === 'in_progress') variant = inProgress++ % 2;
      else if (c.state === 'assessment' || c.state === 'plan') variant = 2;
      else if (c.state === 'closed' || c.state === 'reopened') variant = 1;
      if (variant === null || seeded >= 16) continue;
      await seedPlanForCase(tx, crypto, { caseId: c.id, variant });
      seeded++;
    }
  });
  return seeded;
}
