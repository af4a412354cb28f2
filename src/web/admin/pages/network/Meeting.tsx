// One meeting of a working group, from invitation to minutes: details and agenda, invitation by
// e-mail to the members' delegates, attendance, notes per agenda item, decisions, follow-up tasks,
// minutes by e-mail.
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'wouter';
import {
  ATTENDANCE_STATUSES,
  type GroupDetail,
  type MailResult,
  MEETING_STATUSES,
  type MeetingDetail,
  meetingInput,
  type NetworkTask,
  type StaffList,
  taskInput,
} from '../../../../shared/contracts/networks.ts';
import { api } from '../../api.ts';
import { SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { BackLink, ErrorNotice, Loading, Notice, PageHeader, formatDateTime } from '../../components/ui.tsx';
import { type FieldErrors, focusFirstError, validate } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { berlinToIso, EntityPicker, formatDay, formatWhen, formFieldErrors, isoToBerlin, networkPaths, type Picked, useNetworkT } from './common.tsx';

interface AgendaDraft {
  key: string;
  id?: string;
  title: string;
  description: string;
}

let draftKey = 0;
const nextKey = () => `a${++draftKey}`;

/** Plan a new meeting or change one: date, time, place, invitation text, agenda, status. */
export function MeetingForm(props: { groupId: string; meeting: MeetingDetail | null; onSaved: (m: MeetingDetail) => void; onCancel?: () => void }) {
  const { t, ta } = useNetworkT();
  const { slug } = useTenant();
  const m = props.meeting;
  const start = m ? isoToBerlin(m.startsAt) : { date: '', time: '18:00' };
  const end = m ? isoToBerlin(m.endsAt) : { date: '', time: '20:00' };
  const [v, setV] = useState({
    title: m?.title ?? '',
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    location: m?.location ?? '',
    onlineUrl: m?.onlineUrl ?? '',
    invitationText: m?.invitationText ?? '',
    status: m?.status ?? 'planned',
  });
  const [agenda, setAgenda] = useState<AgendaDraft[]>(m ? m.agenda.map((a) => ({ key: nextKey(), id: a.id, title: a.title, description: a.description })) : [{ key: nextKey(), title: '', description: '' }]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV((o) => ({ ...o, [k]: value }));
  const move = (i: number, by: number) =>
    setAgenda((list) => {
      const next = [...list];
      const [item] = next.splice(i, 1);
      next.splice(i + by, 0, item!);
      return next;
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const local: FieldErrors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) local.date = t('meetings.dateRequired');
    if (!/^\d{2}:\d{2}$/.test(v.startTime)) local.startTime = t('meetings.timeRequired');
    if (!/^\d{2}:\d{2}$/.test(v.endTime)) local.endTime = t('meetings.timeRequired');
    const body = {
      title: v.title,
      startsAt: berlinToIso(v.date, v.startTime),
      endsAt: berlinToIso(v.date, v.endTime),
      location: v.location,
      onlineUrl: v.onlineUrl.trim() || null,
      invitationText: v.invitationText,
      status: v.status,
      agenda: agenda.filter((a) => a.title.trim() || a.description.trim() || a.id).map((a) => ({ ...(a.id ? { id: a.id } : {}), title: a.title, description: a.description })),
    };
    const checked = validate(meetingInput, body, ta);
    const all = { ...(checked.errors ?? {}), ...local };
    if (all.endsAt && !local.endTime) all.endTime = all.endsAt;
    if (all.startsAt && !local.startTime) all.startTime = all.startsAt;
    if (Object.keys(all).length || !checked.data) {
      setErrors(all);
      return focusFirstError(all);
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = m
        ? await api<MeetingDetail>('PUT', networkPaths.meeting(slug, m.id), checked.data)
        : await api<MeetingDetail>('POST', `${networkPaths.group(slug, props.groupId)}/meetings`, checked.data);
      props.onSaved(saved);
    } catch (err) {
      const fieldErrors = formFieldErrors(err, ta);
      if (fieldErrors.endsAt) fieldErrors.endTime = fieldErrors.endsAt;
      setErrors(fieldErrors);
      setError(err);
    }
    setBusy(false);
  };

  return (
    <form className="form meeting-form" onSubmit={submit} noValidate>
      <h3>{m ? t('meetings.edit') : t('meetings.new')}</h3>
      <ErrorNotice error={error} />
      <TextField label={t('fields.title')} value={v.title} onChange={(x) => set('title', x)} error={errors.title} required />
      <div className="grid-3">
        <TextField label={t('meetings.date')} type="date" value={v.date} onChange={(x) => set('date', x)} error={errors.date} required />
        <TextField label={t('meetings.startTime')} type="time" value={v.startTime} onChange={(x) => set('startTime', x)} error={errors.startTime} required />
        <TextField label={t('meetings.endTime')} type="time" value={v.endTime} onChange={(x) => set('endTime', x)} error={errors.endTime} required />
      </div>
      <div className="grid-2">
        <TextField label={t('fields.location')} value={v.location} onChange={(x) => set('location', x)} error={errors.location} />
        <TextField label={t('fields.onlineUrl')} type="url" value={v.onlineUrl} onChange={(x) => set('onlineUrl', x)} error={errors.onlineUrl} hint={ta('hints.url')} />
      </div>
      <TextArea label={t('fields.invitationText')} value={v.invitationText} onChange={(x) => set('invitationText', x)} error={errors.invitationText} rows={3} />
      {m ? (
        <SelectField label={t('fields.status')} value={v.status} onChange={(x) => set('status', x as typeof v.status)} options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetingStatus.${s}`) }))} />
      ) : null}
      <fieldset className="group agenda-editor">
        <legend>{t('meetings.agenda')}</legend>
        <ol>
          {agenda.map((a, i) => (
            <li key={a.key}>
              <fieldset className="group">
                <legend>{t('meetings.agendaItem', { number: i + 1 })}</legend>
                <TextField
                  label={t('meetings.agendaTitle', { number: i + 1 })}
                  value={a.title}
                  onChange={(x) => setAgenda((list) => list.map((y) => (y.key === a.key ? { ...y, title: x } : y)))}
                  error={errors[`agenda.${i}.title`]}
                />
                <TextArea
                  label={t('meetings.agendaDescription', { number: i + 1 })}
                  value={a.description}
                  rows={2}
                  onChange={(x) => setAgenda((list) => list.map((y) => (y.key === a.key ? { ...y, description: x } : y)))}
                />
                <div className="button-row">
                  <button type="button" className="button small secondary" disabled={i === 0} onClick={() => move(i, -1)}>
                    {t('meetings.up', { number: i + 1 })}
                  </button>
                  <button type="button" className="button small secondary" disabled={i === agenda.length - 1} onClick={() => move(i, 1)}>
                    {t('meetings.down', { number: i + 1 })}
                  </button>
                  <button type="button" className="button small danger" onClick={() => setAgenda((list) => list.filter((y) => y.key !== a.key))}>
                    {t('meetings.removeItem', { number: i + 1 })}
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <button type="button" className="button secondary" onClick={() => setAgenda((list) => [...list, { key: nextKey(), title: '', description: '' }])}>
          {t('meetings.addItem')}
        </button>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {m ? ta('common.save') : t('meetings.create')}
        </button>
        {props.onCancel ? (
          <button type="button" className="button secondary" onClick={props.onCancel}>
            {ta('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

export function MeetingPage() {
  const { t, lang } = useNetworkT();
  const { id } = useParams<{ id: string }>();
  const { slug } = useTenant();
  const data = useApi<MeetingDetail>(networkPaths.meeting(slug, id));
  const group = useApi<GroupDetail>(data.data ? networkPaths.group(slug, data.data.group.id) : null);
  const [editing, setEditing] = useState(false);
  if (data.error && !data.data) return <ErrorNotice error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const m = data.data;
  return (
    <>
      <BackLink href={`/groups/${m.group.id}`}>{t('meetings.backToGroup', { name: m.group.name })}</BackLink>
      <PageHeader title={m.title} />
      <dl className="kv meeting-facts">
        <dt>{t('meetings.when')}</dt>
        <dd>{formatWhen(m.startsAt, m.endsAt, lang)}</dd>
        <dt>{t('fields.location')}</dt>
        <dd>{m.location || '–'}</dd>
        {m.onlineUrl ? (
          <>
            <dt>{t('fields.onlineUrl')}</dt>
            <dd>
              <a href={m.onlineUrl}>{m.onlineUrl}</a>
            </dd>
          </>
        ) : null}
        <dt>{t('fields.status')}</dt>
        <dd>{t(`meetingStatus.${m.status}`)}</dd>
      </dl>
      {editing ? (
        <section className="card">
          <MeetingForm
            groupId={m.group.id}
            meeting={m}
            onSaved={(saved) => {
              data.setData(saved);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        </section>
      ) : (
        <p>
          <button type="button" className="button secondary" onClick={() => setEditing(true)}>
            {t('meetings.edit')}
          </button>
        </p>
      )}
      {m.agenda.length ? (
        <section className="card" aria-labelledby="meeting-agenda">
          <h2 id="meeting-agenda">{t('meetings.agenda')}</h2>
          <ol>
            {m.agenda.map((a) => (
              <li key={a.id}>
                <strong>{a.title}</strong>
                {a.description ? <p className="muted">{a.description}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <SendMail meeting={m} what="invitation" onSent={data.reload} />
      {group.data ? <MinutesForm meeting={m} group={group.data} onSaved={data.setData} /> : <Loading />}
      <MeetingTasks meeting={m} onChanged={data.reload} />
      <SendMail meeting={m} what="minutes" onSent={data.reload} />
    </>
  );
}

function SendMail({ meeting, what, onSent }: { meeting: MeetingDetail; what: 'invitation' | 'minutes'; onSent: () => void }) {
  const { t, lang } = useNetworkT();
  const { slug } = useTenant();
  const [result, setResult] = useState<MailResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const sentAt = what === 'invitation' ? meeting.invitationSentAt : meeting.minutesSentAt;
  const send = async () => {
    if (sentAt && !window.confirm(t(`mail.${what}.confirmAgain`))) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api<MailResult>('POST', `${networkPaths.meeting(slug, meeting.id)}/${what === 'invitation' ? 'invitation' : 'minutes/send'}`));
      onSent();
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };
  return (
    <section className="card" aria-labelledby={`mail-${what}`}>
      <h2 id={`mail-${what}`}>{t(`mail.${what}.title`)}</h2>
      <p className="hint">{t(`mail.${what}.hint`)}</p>
      {sentAt ? <p>{t('mail.sentAt', { date: formatDateTime(sentAt, lang) })}</p> : null}
      {result ? (
        <Notice kind="success" focus>
          <p>{t(`mail.${what}.sent`, { count: result.sent })}</p>
          {result.skipped.length ? (
            <>
              <p>{t('mail.skipped', { count: result.skipped.length })}</p>
              <ul>
                {result.skipped.map((s) => (
                  <li key={s.contactId}>
                    {s.name}: {t(`mailBlock.${s.reason}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Notice>
      ) : null}
      <ErrorNotice error={error} />
      <button type="button" className="button primary" disabled={busy} onClick={() => void send()}>
        {sentAt ? t(`mail.${what}.again`) : t(`mail.${what}.button`)}
      </button>
    </section>
  );
}

interface DecisionDraft {
  key: string;
  id?: string;
  agendaItemId: string;
  text: string;
}

function MinutesForm({ meeting, group, onSaved }: { meeting: MeetingDetail; group: GroupDetail; onSaved: (m: MeetingDetail) => void }) {
  const { t, ta } = useNetworkT();
  const { slug } = useTenant();
  // Everyone who sits in the group (delegates and people), plus whoever is already on the list.
  const people = new Map<string, { name: string; organisation: string | null }>();
  for (const member of group.members) if (member.contact && member.current) people.set(member.contact.id, { name: member.contact.name, organisation: member.organisation?.name ?? null });
  for (const a of meeting.attendance) if (!people.has(a.contactId)) people.set(a.contactId, { name: a.name, organisation: a.organisation });
  const [attendance, setAttendance] = useState<Record<string, string>>(Object.fromEntries(meeting.attendance.map((a) => [a.contactId, a.status])));
  const [notes, setNotes] = useState<Record<string, string>>(Object.fromEntries(meeting.agenda.map((a) => [a.id, a.notes])));
  const [decisions, setDecisions] = useState<DecisionDraft[]>(meeting.decisions.map((d) => ({ key: nextKey(), id: d.id, agendaItemId: d.agendaItemId ?? '', text: d.text })));
  const [minutes, setMinutes] = useState(meeting.minutes);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const result = await api<MeetingDetail>('PUT', `${networkPaths.meeting(slug, meeting.id)}/minutes`, {
        minutes,
        agendaNotes: meeting.agenda.map((a) => ({ id: a.id, notes: notes[a.id] ?? '' })),
        decisions: decisions.filter((d) => d.text.trim()).map((d) => ({ ...(d.id ? { id: d.id } : {}), agendaItemId: d.agendaItemId || null, text: d.text })),
        attendance: Object.entries(attendance)
          .filter(([, s]) => s)
          .map(([contactId, status]) => ({ contactId, status })),
        status: meeting.status === 'cancelled' ? 'cancelled' : 'held',
      });
      setErrors({});
      onSaved(result);
      setSaved(t('minutes.saved'));
    } catch (err) {
      const fieldErrors = formFieldErrors(err, ta);
      setErrors(fieldErrors);
      setError(err);
      focusFirstError(fieldErrors);
    }
    setBusy(false);
  };
  const agendaOptions = [{ value: '', label: t('minutes.noItem') }, ...meeting.agenda.map((a, i) => ({ value: a.id, label: `${i + 1}. ${a.title}` }))];
  return (
    <form className="card form minutes" onSubmit={submit} noValidate aria-labelledby="minutes-title">
      <h2 id="minutes-title">{t('minutes.title')}</h2>
      {saved ? (
        <Notice kind="success" focus>
          {saved}
        </Notice>
      ) : null}
      <ErrorNotice error={error} />
      <fieldset className="group">
        <legend>{t('minutes.attendance')}</legend>
        {people.size ? (
          <div className="attendance">
            {[...people.entries()].map(([contactId, p]) => (
              <SelectField
                key={contactId}
                label={p.organisation ? `${p.name} (${p.organisation})` : p.name}
                value={attendance[contactId] ?? ''}
                onChange={(x) => setAttendance((o) => ({ ...o, [contactId]: x }))}
                options={[{ value: '', label: t('attendance.unknown') }, ...ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`attendance.${s}`) }))]}
              />
            ))}
          </div>
        ) : (
          <p>{t('minutes.noPeople')}</p>
        )}
      </fieldset>
      {meeting.agenda.map((a, i) => (
        <TextArea key={a.id} label={t('minutes.notesFor', { number: i + 1, title: a.title })} value={notes[a.id] ?? ''} onChange={(x) => setNotes((o) => ({ ...o, [a.id]: x }))} rows={3} />
      ))}
      <fieldset className="group">
        <legend>{t('minutes.decisions')}</legend>
        {decisions.map((d, i) => (
          <div key={d.key} className="decision">
            <TextArea
              label={t('minutes.decision', { number: i + 1 })}
              value={d.text}
              rows={2}
              onChange={(x) => setDecisions((list) => list.map((y) => (y.key === d.key ? { ...y, text: x } : y)))}
              error={errors[`decisions.${i}.text`]}
            />
            <SelectField
              label={t('minutes.decisionItem', { number: i + 1 })}
              value={d.agendaItemId}
              onChange={(x) => setDecisions((list) => list.map((y) => (y.key === d.key ? { ...y, agendaItemId: x } : y)))}
              options={agendaOptions}
            />
            <button type="button" className="button small danger" onClick={() => setDecisions((list) => list.filter((y) => y.key !== d.key))}>
              {t('minutes.removeDecision', { number: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="button secondary" onClick={() => setDecisions((list) => [...list, { key: nextKey(), agendaItemId: '', text: '' }])}>
          {t('minutes.addDecision')}
        </button>
      </fieldset>
      <TextArea label={t('minutes.text')} value={minutes} onChange={setMinutes} rows={6} error={errors.minutes} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t('minutes.save')}
        </button>
      </div>
    </form>
  );
}

function MeetingTasks({ meeting, onChanged }: { meeting: MeetingDetail; onChanged: () => void }) {
  const { t, ta, lang } = useNetworkT();
  const { slug } = useTenant();
  const staff = useApi<StaffList>(networkPaths.staff(slug));
  const [title, setTitle] = useState('');
  const [ownerKind, setOwnerKind] = useState<'contact' | 'account' | ''>('contact');
  const [contact, setContact] = useState<Picked | null>(null);
  const [accountId, setAccountId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = {
      groupId: meeting.group.id,
      meetingId: meeting.id,
      title,
      ownerContactId: ownerKind === 'contact' ? (contact?.id ?? null) : null,
      ownerAccountId: ownerKind === 'account' ? accountId || null : null,
      dueOn: dueOn || null,
    };
    const checked = validate(taskInput, body, ta);
    if (checked.errors) {
      setErrors(checked.errors);
      return focusFirstError(checked.errors);
    }
    try {
      await api<NetworkTask>('POST', networkPaths.tasks(slug), checked.data);
      setTitle('');
      setContact(null);
      setAccountId('');
      setDueOn('');
      setErrors({});
      onChanged();
    } catch (err) {
      setErrors(formFieldErrors(err, ta));
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="meeting-tasks">
      <h2 id="meeting-tasks">{t('tasks.followUp')}</h2>
      {meeting.tasks.length ? (
        <ul className="plain-list">
          {meeting.tasks.map((x) => (
            <li key={x.id}>
              <strong>{x.title}</strong> – {x.owner ? x.owner.name : t('tasks.noOwner')}
              {x.dueOn ? <> · {t('tasks.due', { date: formatDay(x.dueOn, lang) })}</> : null} · {t(`taskStatus.${x.status}`)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('tasks.noneForMeeting')}</p>
      )}
      <p>
        <Link href={`/tasks?groupId=${meeting.group.id}`}>{t('tasks.allOfGroup')}</Link>
      </p>
      <form className="inline-form" onSubmit={submit} noValidate>
        <h3>{t('tasks.add')}</h3>
        <ErrorNotice error={error} />
        <TextField label={t('tasks.taskTitle')} value={title} onChange={setTitle} error={errors.title} required />
        <div className="grid-3">
          <SelectField
            label={t('tasks.ownerKind')}
            value={ownerKind}
            onChange={(x) => setOwnerKind(x as typeof ownerKind)}
            options={[
              { value: 'contact', label: t('tasks.ownerContact') },
              { value: 'account', label: t('tasks.ownerAccount') },
              { value: '', label: t('tasks.noOwner') },
            ]}
          />
          {ownerKind === 'contact' ? <EntityPicker kind="contact" label={t('tasks.owner')} value={contact} onChange={setContact} error={errors.ownerContactId} /> : null}
          {ownerKind === 'account' ? (
            <SelectField
              label={t('tasks.owner')}
              value={accountId}
              onChange={setAccountId}
              options={[{ value: '', label: ta('common.choose') }, ...(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))]}
              error={errors.ownerAccountId}
            />
          ) : null}
          <TextField label={t('tasks.dueOn')} type="date" value={dueOn} onChange={setDueOn} error={errors.dueOn} />
        </div>
        <button type="submit" className="button secondary">
          {t('tasks.addButton')}
        </button>
      </form>
    </section>
  );
}
