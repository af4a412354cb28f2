// Demo journal for demo cases (fictional): notes, contacts and appointments (some with
// interpreters), tasks (some overdue, one with a reminder due, one done), a document with an expiry
// date, and flags. The case-management demo (src/demo/cases.ts) calls seedJournalDemo(context) once
// after its cases; seedJournalForCase() seeds one case inside the tenant's transaction. Texts, file
// names and file content are encrypted like the API does.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { authUser } from '../domains/auth/auth.table.ts';
import { cases } from '../domains/cases/case.table.ts';
import { caseDocuments, caseEntries, caseFlags, caseTasks } from '../domains/cases/journal/journal.table.ts';
import { loadConfig } from '../config.ts';
import { cryptoContext, FieldCrypto } from '../security/fieldCrypto.ts';
import type { CaseDemoContext } from './cases.ts';
import type { AppointmentStatus, ContactChannel, DocumentType, EntryKind, FlagKind, InterpreterKind } from '../shared/contracts/caseJournal.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface DemoEntry {
  kind: EntryKind;
  /** hours from now (negative: past) */
  at: number;
  minutes?: number;
  channel?: ContactChannel;
  status?: AppointmentStatus;
  interpreter?: InterpreterKind;
  language?: string;
  participants?: string[];
  subject: string;
  body: string;
}

interface DemoTask {
  title: string;
  description?: string;
  /** days from today (negative: overdue) */
  due: number;
  remind?: number;
  done?: boolean;
  /** assign to the team lead of the case's team (if there is one) */
  toTeamLead?: boolean;
}

interface DemoVariant {
  entries: DemoEntry[];
  tasks: DemoTask[];
  document?: { type: DocumentType; filename: string; title: string; expiresInDays: number | null };
  flags: Array<{ kind: FlagKind; reason: string; resolved?: string }>;
}

const VARIANTS: DemoVariant[] = [
  {
    entries: [
      { kind: 'note', at: -24 * 40, minutes: 20, subject: 'Erstgespräch dokumentiert', body: 'Anliegen: Sprachkurs, Anerkennung des Berufsabschlusses (Pflegehelferin), Kita-Platz für die Tochter. Unterlagen teilweise vorhanden.' },
      {
        kind: 'contact',
        at: -24 * 12,
        minutes: 15,
        channel: 'phone',
        interpreter: 'volunteer',
        language: 'ar',
        participants: ['Ehrenamtliche Sprachmittlerin (Netzwerk Sprachmittlung)'],
        subject: 'Rückruf wegen Integrationskurs',
        body: 'Kursbeginn im nächsten Monat bestätigt. Fahrtkosten beim Jobcenter beantragen.',
      },
      {
        kind: 'appointment',
        at: -24 * 5,
        minutes: 60,
        channel: 'in_person',
        status: 'held',
        interpreter: 'professional',
        language: 'ar',
        participants: ['Anerkennungsberatung (IQ-Netzwerk)'],
        subject: 'Begleitung zur Anerkennungsberatung',
        body: 'Unterlagen zur Anerkennung besprochen; Übersetzung des Abschlusszeugnisses nötig.',
      },
      {
        kind: 'appointment',
        at: 24 * 3 + 2,
        minutes: 45,
        channel: 'in_person',
        interpreter: 'professional',
        language: 'ar',
        participants: ['Ausländerbehörde'],
        subject: 'Termin Ausländerbehörde',
        body: 'Verlängerung des Aufenthaltstitels; Unterlagen mitbringen.',
      },
    ],
    tasks: [
      { title: 'Übersetzung des Zeugnisses beauftragen', description: 'Kostenübernahme klären.', due: -4 },
      { title: 'Kita-Anmeldung nachfassen', due: 5, remind: -1 },
      { title: 'Fahrtkostenantrag Integrationskurs', due: 14, remind: 10 },
      { title: 'Unterlagen für die Anerkennung kopieren', due: -10, done: true },
    ],
    document: { type: 'residence_permit', filename: 'Aufenthaltstitel (Kopie).pdf', title: 'Muster - Aufenthaltstitel (Demo)', expiresInDays: 20 },
    flags: [{ kind: 'interpreter_needed', reason: 'Termine nur mit Sprachmittlung Arabisch.' }],
  },
  {
    entries: [
      { kind: 'note', at: -24 * 60, minutes: 30, subject: 'Aufnahme', body: 'Familie mit zwei Kindern, Unterkunft in Gemeinschaftsunterkunft, Wohnungssuche läuft.' },
      { kind: 'contact', at: -24 * 8, minutes: 10, channel: 'email', subject: 'Wohnungsangebot weitergeleitet', body: 'Angebot der Wohnungsbaugesellschaft per E-Mail weitergeleitet.' },
      {
        kind: 'appointment',
        at: -24 * 2,
        minutes: 30,
        channel: 'in_person',
        status: 'missed',
        interpreter: 'family',
        language: 'uk',
        subject: 'Beratungstermin',
        body: 'Termin nicht wahrgenommen; telefonisch neuen Termin vereinbaren.',
      },
      { kind: 'appointment', at: 24 * 6, minutes: 60, channel: 'video', interpreter: 'volunteer', language: 'uk', subject: 'Videoberatung Wohnungssuche', body: 'Bewerbungsunterlagen für Wohnungen gemeinsam durchgehen.' },
    ],
    tasks: [
      { title: 'Neuen Beratungstermin vereinbaren', due: -1 },
      { title: 'Wohnberechtigungsschein beantragen', description: 'Einkommensnachweise fehlen noch.', due: -6, toTeamLead: true },
      { title: 'Schulanmeldung der Kinder prüfen', due: 21 },
    ],
    document: { type: 'id_copy', filename: 'Pass_Kopie.pdf', title: 'Muster - Passkopie (Demo)', expiresInDays: 400 },
    flags: [
      { kind: 'safeguarding', reason: 'Beengte Wohnsituation, Kinder im Haushalt – engmaschig begleiten.' },
      { kind: 'deadline', reason: 'Widerspruchsfrist Leistungsbescheid', resolved: 'Widerspruch fristgerecht eingelegt.' },
    ],
  },
  {
    entries: [
      { kind: 'note', at: -24 * 20, minutes: 15, subject: 'Zwischenstand', body: 'Arbeitsaufnahme in Teilzeit; Unterstützungsbedarf nimmt ab.' },
      { kind: 'contact', at: -24 * 3, minutes: 20, channel: 'in_person', subject: 'Kurzes Gespräch im Büro', body: 'Fragen zur Steuererklärung; an Lohnsteuerhilfe verwiesen.' },
    ],
    tasks: [{ title: 'Abschlussgespräch planen', due: 30, remind: 25 }],
    flags: [],
  },
];

/** A minimal one-page PDF (valid xref) with a line of text: the demo document's content. */
export function demoPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const berlinDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

/** Seeds the journal of one demo case (variant 0, 1, 2, … cycles through the examples). */
export async function seedJournalForCase(tx: Tx, crypto: FieldCrypto, demo: { caseId: string; variant: number; now?: Date }): Promise<void> {
  const tenantId = tx.tenantId!;
  const now = demo.now ?? new Date();
  const [kase] = await tx.db.select().from(cases).where(eq(cases.id, demo.caseId));
  if (!kase) throw new Error(`demo case ${demo.caseId} not found`);
  const variant = VARIANTS[demo.variant % VARIANTS.length]!;
  const [owner] = kase.ownerId ? await tx.db.select({ id: authUser.id, name: authUser.name }).from(authUser).where(eq(authUser.id, kase.ownerId)) : [];
  const [lead] = await tx.db
    .select({ id: authUser.id, name: authUser.name })
    .from(authUser)
    .where(and(eq(authUser.teamId, kase.teamId), eq(authUser.role, 'team_lead'), eq(authUser.disabled, false)))
    .limit(1);
  const author = owner ?? lead;
  if (!author) return; // nobody works on the case: nothing to document
  const enc = (table: string, column: string, value: string) => crypto.encrypt(value, cryptoContext(tenantId, table, column));
  const base = { tenantId, caseId: kase.id, personId: kase.personId };
  const closed = kase.state === 'closed';

  if (variant.entries.length) {
    await tx.db.insert(caseEntries).values(
      variant.entries.map((e) => {
        const occurredAt = new Date(now.getTime() + e.at * HOUR);
        return {
          ...base,
          kind: e.kind,
          occurredAt,
          durationMinutes: e.minutes ?? null,
          channel: e.channel ?? null,
          appointmentStatus: e.kind === 'appointment' ? (e.status ?? 'scheduled') : null,
          interpreter: e.interpreter ?? 'none',
          interpreterLanguage: e.language ?? null,
          participantsEnc: e.participants?.length ? enc('case_entries', 'participants_enc', JSON.stringify(e.participants)) : null,
          subjectEnc: enc('case_entries', 'subject_enc', e.subject),
          bodyEnc: enc('case_entries', 'body_enc', e.body),
          authorId: author.id,
          authorName: author.name,
          createdAt: occurredAt < now ? occurredAt : now,
          updatedAt: occurredAt < now ? occurredAt : now,
        };
      }),
    );
  }

  if (variant.tasks.length) {
    await tx.db.insert(caseTasks).values(
      variant.tasks.map((task) => {
        const assignee = task.toTeamLead && lead ? lead : author;
        return {
          ...base,
          title: task.title,
          descriptionEnc: task.description ? enc('case_tasks', 'description_enc', task.description) : null,
          dueOn: berlinDay(new Date(now.getTime() + task.due * DAY)),
          remindOn: task.remind === undefined ? null : berlinDay(new Date(now.getTime() + task.remind * DAY)),
          assigneeId: assignee.id,
          // a closed case has no open tasks
          doneAt: task.done ? new Date(now.getTime() + (task.due + 1) * DAY) : closed ? new Date(now.getTime() - DAY) : null,
          doneBy: task.done || closed ? assignee.id : null,
          createdBy: author.id,
          createdByName: author.name,
        };
      }),
    );
  }

  if (variant.document) {
    const doc = variant.document;
    const content = crypto.encryptBytes(demoPdf(doc.title), cryptoContext(tenantId, 'case_documents', 'content'));
    await tx.db.insert(caseDocuments).values({
      ...base,
      docType: doc.type,
      filenameEnc: enc('case_documents', 'filename_enc', doc.filename),
      mimeType: 'application/pdf',
      sizeBytes: demoPdf(doc.title).length,
      content: sql`decode(${content.toString('base64')}, 'base64')` as unknown as Buffer,
      expiresOn: doc.expiresInDays === null ? null : berlinDay(new Date(now.getTime() + doc.expiresInDays * DAY)),
      remindBeforeDays: 30,
      uploadedBy: author.id,
      uploadedByName: author.name,
    });
  }

  for (const flag of variant.flags) {
    await tx.db.insert(caseFlags).values({
      ...base,
      kind: flag.kind,
      reasonEnc: enc('case_flags', 'reason_enc', flag.reason),
      setBy: author.id,
      setByName: author.name,
      active: !flag.resolved,
      resolvedAt: flag.resolved ? new Date(now.getTime() - 2 * DAY) : null,
      resolvedBy: flag.resolved ? author.id : null,
      resolvedByName: flag.resolved ? author.name : null,
      resolutionNoteEnc: flag.resolved ? enc('case_flags', 'resolution_note_enc', flag.resolved) : null,
      createdAt: new Date(now.getTime() - 30 * DAY),
      updatedAt: new Date(now.getTime() - (flag.resolved ? 2 : 30) * DAY),
    });
  }
}

/**
 * The journal demo of the case-management demo: open cases get the full examples in turn (entries
 * with interpreters, overdue tasks, a document expiring soon, flags), closed ones a short history.
 * Returns the number of cases seeded.
 */
export async function seedJournalDemo(context: CaseDemoContext, crypto: FieldCrypto = FieldCrypto.fromConfig(loadConfig())): Promise<number> {
  let seeded = 0;
  let open = 0;
  await context.db.tenant(context.tenantId, async (tx) => {
    for (const c of context.cases) {
      if (seeded >= 16) break;
      const variant = c.state === 'closed' ? 2 : open++ % 3;
      await seedJournalForCase(tx, crypto, { caseId: c.id, variant });
      seeded++;
    }
  });
  return seeded;
}
