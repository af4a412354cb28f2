// Network mail: invitations and minutes go to the current members' delegates (and members in
// their own right) — never to a contact without e-mail, without consent to be contacted, opted
// out, archived or with the channel "none". Recipients are chosen inside the transaction; the
// mails go out after it committed (the mailer writes the outbox in its own transaction).
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { MailBlock } from '../../shared/contracts/actors.ts';
import type { MailResult } from '../../shared/contracts/networks.ts';
import { contactExtras, mailBlockOf } from '../actors/contactService.ts';
import { today } from '../actors/day.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { GroupRow } from './groupService.ts';
import type { MeetingRow } from './meetingService.ts';

export interface Recipient {
  contactId: string;
  name: string;
  email: string;
}

export interface RecipientPlan {
  recipients: Recipient[];
  skipped: Array<{ contactId: string; name: string; reason: MailBlock }>;
}

export async function groupRecipients(tx: Tx, groupId: string): Promise<RecipientPlan> {
  const rows = await tx.query<{
    id: string;
    name: string;
    email: string | null;
    opt_out_invitations: boolean;
    preferred_channel: 'email' | 'phone' | 'post' | 'none';
    archived_at: Date | null;
  }>(
    `SELECT DISTINCT c.id, c.name, c.email, c.opt_out_invitations, c.preferred_channel, c.archived_at
     FROM group_members m JOIN contacts c ON c.tenant_id = m.tenant_id AND c.id = m.contact_id
     WHERE m.group_id = $1 AND (m.left_on IS NULL OR m.left_on >= $2::date)
     ORDER BY c.name, c.id`,
    [groupId, today()],
  );
  const extras = await contactExtras(
    tx,
    rows.map((r) => r.id),
  );
  const plan: RecipientPlan = { recipients: [], skipped: [] };
  const addresses = new Set<string>();
  for (const r of rows) {
    const block = mailBlockOf(
      { email: r.email, optOutInvitations: r.opt_out_invitations, preferredChannel: r.preferred_channel, archivedAt: r.archived_at },
      extras.get(r.id)!.consentTo,
    );
    if (block) plan.skipped.push({ contactId: r.id, name: r.name, reason: block });
    else if (!addresses.has(r.email!.toLowerCase())) {
      // Two contacts sharing a team address get one mail.
      addresses.add(r.email!.toLowerCase());
      plan.recipients.push({ contactId: r.id, name: r.name, email: r.email! });
    }
  }
  return plan;
}

/** The group's recipients; 422 (with who was skipped and why) when nobody in it can receive mail. */
export async function requireRecipients(tx: Tx, groupId: string): Promise<RecipientPlan> {
  const plan = await groupRecipients(tx, groupId);
  if (!plan.recipients.length) {
    throw new AppError('invalid_state_transition', 'Nobody in this group can receive mail (no delegates with e-mail and consent)', { details: { skipped: plan.skipped } });
  }
  return plan;
}

const when = (meeting: MeetingRow): string => {
  const date = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(meeting.startsAt);
  const time = (d: Date) => new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(d);
  const berlinDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(d);
  const sameDay = berlinDay(meeting.startsAt) === berlinDay(meeting.endsAt);
  return sameDay ? `${date}, ${time(meeting.startsAt)}–${time(meeting.endsAt)} Uhr` : `${date}, ${time(meeting.startsAt)} Uhr bis ${new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long', timeStyle: 'short' }).format(meeting.endsAt)} Uhr`;
};

export interface MailContent {
  subject: string;
  text: (recipient: Recipient) => string;
}

export function invitationMail(tenantName: string, group: GroupRow, meeting: MeetingRow): MailContent {
  const again = meeting.invitationSentAt !== null;
  const cancelled = meeting.status === 'cancelled';
  const subject = `${cancelled ? 'Absage' : again ? 'Aktualisierte Einladung' : 'Einladung'}: ${group.name} – ${meeting.title}`;
  const agenda = meeting.agenda.map((a, i) => `${i + 1}. ${a.title}${a.description ? `\n   ${a.description.replace(/\n/g, '\n   ')}` : ''}`);
  return {
    subject,
    text: (r) =>
      [
        `Guten Tag ${r.name},`,
        '',
        cancelled
          ? `die Sitzung „${meeting.title}“ von „${group.name}“ am ${when(meeting)} fällt aus.`
          : `hiermit laden wir Sie herzlich zur Sitzung „${meeting.title}“ von „${group.name}“ ein.`,
        '',
        `Termin: ${when(meeting)}`,
        ...(meeting.location ? [`Ort: ${meeting.location}`] : []),
        ...(meeting.onlineUrl ? [`Online: ${meeting.onlineUrl}`] : []),
        ...(meeting.invitationText ? ['', meeting.invitationText] : []),
        ...(agenda.length && !cancelled ? ['', 'Tagesordnung:', ...agenda] : []),
        '',
        'Mit freundlichen Grüßen',
        tenantName,
        '',
        '—',
        'Sie erhalten diese Nachricht als Mitglied des Netzwerks. Wenn Sie keine Einladungen und Protokolle mehr per E-Mail erhalten möchten, antworten Sie bitte kurz auf diese Nachricht.',
      ].join('\n'),
  };
}

export function minutesMail(tenantName: string, group: GroupRow, meeting: MeetingRow, attendance: Array<{ name: string; status: string }>, tasks: Array<{ title: string; owner: string | null; dueOn: string | null }>): MailContent {
  const byItem = new Map<string | null, string[]>();
  for (const d of meeting.decisions) byItem.set(d.agendaItemId, [...(byItem.get(d.agendaItemId) ?? []), d.text]);
  const items = meeting.agenda.flatMap((a, i) => [
    `${i + 1}. ${a.title}`,
    ...(a.notes ? [`   ${a.notes.replace(/\n/g, '\n   ')}`] : []),
    ...(byItem.get(a.id) ?? []).map((d) => `   Beschluss: ${d}`),
  ]);
  const loose = byItem.get(null) ?? [];
  const present = attendance.filter((a) => a.status === 'present').map((a) => a.name);
  const excused = attendance.filter((a) => a.status === 'excused').map((a) => a.name);
  const formatDay = (d: string) => new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  return {
    subject: `Protokoll: ${group.name} – ${meeting.title}`,
    text: (r) =>
      [
        `Guten Tag ${r.name},`,
        '',
        `anbei das Protokoll der Sitzung „${meeting.title}“ von „${group.name}“ am ${when(meeting)}.`,
        ...(present.length ? ['', `Anwesend: ${present.join(', ')}`] : []),
        ...(excused.length ? [`Entschuldigt: ${excused.join(', ')}`] : []),
        ...(items.length ? ['', 'Tagesordnung und Ergebnisse:', ...items] : []),
        ...(loose.length ? ['', 'Weitere Beschlüsse:', ...loose.map((d) => `- ${d}`)] : []),
        ...(meeting.minutes ? ['', 'Protokoll:', meeting.minutes] : []),
        ...(tasks.length
          ? [
              '',
              'Aufgaben:',
              ...tasks.map((t) => {
                const extra = [t.owner, t.dueOn ? `bis ${formatDay(t.dueOn)}` : null].filter(Boolean).join(', ');
                return `- ${t.title}${extra ? ` (${extra})` : ''}`;
              }),
            ]
          : []),
        '',
        'Mit freundlichen Grüßen',
        tenantName,
      ].join('\n'),
  };
}

/** Sends one mail per recipient (after the transaction that chose them committed). */
export async function deliver(mailer: Mailer, tenantId: string, plan: RecipientPlan, content: MailContent): Promise<MailResult> {
  let delivered = 0;
  for (const r of plan.recipients) {
    const sent = await mailer.send({ tenantId, to: r.email, subject: content.subject, text: content.text(r) });
    if (sent.delivered) delivered++;
  }
  return { sent: plan.recipients.length, recipients: plan.recipients, skipped: plan.skipped, delivered };
}
