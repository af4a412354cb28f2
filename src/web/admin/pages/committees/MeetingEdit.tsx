// A meeting: its data (committee, time, place, state), the agenda with public and non-public items
// in order, results, decisions and minutes per item, files, and publishing.
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'wouter';
import {
  type AdminAgendaItem,
  type AdminCommittee,
  type AdminCommitteeLocation,
  type AdminMeeting,
  agendaInput,
  MEETING_STATES,
  meetingInput,
} from '../../../../shared/contracts/committees.ts';
import { api } from '../../api.ts';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { RecordPage } from '../../components/frames.tsx';
import { BackLink, Loading, Notice, PageHeader } from '../../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { ErrorNotice, useLocalizeErrors } from './errors.tsx';
import { PublicBadge, PublishedBadge, StateBadge } from './badges.tsx';
import { committeePaths, formatMeetingTime, fromLocalInput, toLocalInput } from './committeesApi.ts';
import { FileBox } from './FileBox.tsx';

export function MeetingEditPage() {
  const { t, i18n } = useTranslation('committees');
  const { id } = useParams<{ id?: string }>();
  const { slug } = useTenant();
  const meeting = useApi<AdminMeeting>(id ? committeePaths.meeting(slug, id) : null);
  const back = <BackLink href="/meetings">{t('meetings.back')}</BackLink>;
  return (
    <RecordPage id={id} record={meeting} back={back} create={{ title: t('meetings.newTitle'), form: <MeetingForm meeting={null} onSaved={() => undefined} /> }} ErrorView={ErrorNotice}>
      {(m) => (
        <>
          <PageHeader title={m.name}>
            <PublishButton meeting={m} onChanged={meeting.setData} />
          </PageHeader>
          <p className="meta">
            <Link href={`/${m.committeeId}`}>{m.committeeName}</Link> · {formatMeetingTime(m.startAt, i18n.language)} · <StateBadge state={m.state} /> <PublishedBadge published={m.published} />
          </p>
          <MeetingForm key={`m-${m.id}`} meeting={m} onSaved={meeting.setData} />
          <AgendaEditor key={`a-${m.id}`} meeting={m} onSaved={meeting.setData} onChanged={meeting.reload} />
          <section className="card" aria-labelledby="meeting-files">
            <h2 id="meeting-files">{t('files.meetingTitle')}</h2>
            <FileBox
              title={t('files.meetingDocuments')}
              headingLevel={3}
              parent={{ meetingId: m.id }}
              roles={['invitation', 'results_protocol', 'verbatim_protocol', 'auxiliary']}
              files={m.files}
              onChanged={meeting.reload}
            />
          </section>
        </>
      )}
    </RecordPage>
  );
}

function PublishButton({ meeting, onChanged }: { meeting: AdminMeeting; onChanged: (m: AdminMeeting) => void }) {
  const { t, i18n } = useTranslation('committees');
  const { slug, profile } = useTenant();
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const toggle = async () => {
    setError(null);
    const verb = meeting.published ? 'unpublish' : 'publish';
    if (verb === 'unpublish' && !window.confirm(t('publish.confirmUnpublish'))) return;
    try {
      const updated = await api<AdminMeeting>('POST', committeePaths.meetingPublish(slug, meeting.id, verb));
      onChanged(updated);
      setMessage(updated.published ? t('publish.done') : t('publish.withdrawn'));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      {meeting.published ? (
        <a className="button secondary" href={committeePaths.publicMeeting(slug, profile.defaultLanguage ?? i18n.language, meeting.id)}>
          {t('publish.view')}
        </a>
      ) : null}
      <button type="button" className={`button ${meeting.published ? 'secondary' : 'primary'}`} onClick={() => void toggle()}>
        {meeting.published ? t('publish.unpublish') : t('publish.publish')}
      </button>
      <div className="publish-status">
        {message ? <Notice kind="success">{message}</Notice> : null}
        <ErrorNotice error={error} />
      </div>
    </>
  );
}

function MeetingForm({ meeting, onSaved }: { meeting: AdminMeeting | null; onSaved: (m: AdminMeeting) => void }) {
  const { t } = useTranslation('committees');
  const { t: ta } = useTranslation('admin');
  const localize = useLocalizeErrors();
  const { slug } = useTenant();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const committees = useApi<{ items: AdminCommittee[] }>(committeePaths.committees(slug));
  const locations = useApi<{ items: AdminCommitteeLocation[] }>(committeePaths.locations(slug));
  const [v, setV] = useState({
    committeeId: meeting?.committeeId ?? params.get('committeeId') ?? '',
    name: meeting?.name ?? '',
    state: meeting?.state ?? 'scheduled',
    startAt: toLocalInput(meeting?.startAt),
    endAt: toLocalInput(meeting?.endAt),
    locationId: meeting?.locationId ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    setSaved(false);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = { ...v, startAt: fromLocalInput(v.startAt) ?? '', endAt: fromLocalInput(v.endAt), locationId: v.locationId || null };
    const checked = validate(meetingInput, body, ta);
    if (checked.errors) {
      setErrors(localize(checked.errors));
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setBusy(true);
    try {
      if (meeting) {
        onSaved(await api<AdminMeeting>('PUT', committeePaths.meeting(slug, meeting.id), checked.data));
        setSaved(true);
      } else {
        const created = await api<AdminMeeting>('POST', committeePaths.meetings(slug), checked.data);
        navigate(`/meetings/${created.id}`);
        return;
      }
    } catch (err) {
      setErrors(localize(apiFieldError(err, ta)));
      setError(err);
    }
    setBusy(false);
  };
  const remove = async () => {
    if (!meeting || !window.confirm(t('meetings.confirmDelete', { name: meeting.name }))) return;
    try {
      await api('DELETE', committeePaths.meeting(slug, meeting.id));
      navigate('/meetings');
    } catch (err) {
      setError(err);
    }
  };
  const fieldError = (key: string) => errors[key] ?? errors[`body.${key}`];
  // The selects get their options before their first render, so the preselected committee shows.
  if (!committees.data || !locations.data) {
    return committees.error || locations.error ? <ErrorNotice error={committees.error ?? locations.error} onRetry={committees.error ? committees.reload : locations.reload} /> : <Loading />;
  }
  return (
    <section className="card" aria-labelledby="meeting-data">
      <h2 id="meeting-data">{t('meetings.data')}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={error} />
        {saved ? <Notice kind="success">{ta('common.savedOk')}</Notice> : null}
        <div className="grid-2">
          <SelectField
            label={t('fields.committee')}
            required
            value={v.committeeId}
            onChange={(x) => set('committeeId', x)}
            error={fieldError('committeeId')}
            options={[{ value: '', label: ta('common.choose') }, ...(committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))]}
          />
          <TextField label={t('fields.meetingName')} required value={v.name} onChange={(x) => set('name', x)} error={fieldError('name')} hint={t('hints.meetingName')} />
        </div>
        <div className="grid-3">
          <TextField label={t('fields.start')} type="datetime-local" required value={v.startAt} onChange={(x) => set('startAt', x)} error={fieldError('startAt')} hint={t('hints.berlinTime')} />
          <TextField label={t('fields.end')} type="datetime-local" value={v.endAt} onChange={(x) => set('endAt', x)} error={fieldError('endAt')} />
          <SelectField label={t('fields.state')} value={v.state} onChange={(x) => set('state', x as typeof v.state)} options={MEETING_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))} />
        </div>
        <SelectField
          label={t('fields.location')}
          value={v.locationId}
          onChange={(x) => set('locationId', x)}
          error={fieldError('locationId')}
          options={[{ value: '', label: ta('common.none') }, ...(locations.data?.items ?? []).map((l) => ({ value: l.id, label: [l.description, l.room].filter(Boolean).join(', ') }))]}
          hint={t('hints.locations')}
        />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? ta('common.saving') : meeting ? ta('common.save') : t('meetings.create')}
          </button>
          {meeting ? (
            <button type="button" className="button danger" onClick={() => void remove()}>
              {t('meetings.delete')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

interface Row {
  key: number;
  id?: string;
  number: string;
  name: string;
  public: boolean;
  result: string;
  resolutionText: string;
  minutes: string;
  saved?: AdminAgendaItem;
}

let rowKeys = 0;
const rowOf = (i: AdminAgendaItem): Row => ({
  key: ++rowKeys,
  id: i.id,
  number: i.number,
  name: i.name,
  public: i.public,
  result: i.result,
  resolutionText: i.resolutionText,
  minutes: i.minutes,
  saved: i,
});

function AgendaEditor({ meeting, onSaved, onChanged }: { meeting: AdminMeeting; onSaved: (m: AdminMeeting) => void; onChanged: () => void }) {
  const { t } = useTranslation('committees');
  const { t: ta } = useTranslation('admin');
  const localize = useLocalizeErrors();
  const { slug } = useTenant();
  const [rows, setRows] = useState<Row[]>(() => meeting.agendaItems.map(rowOf));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  // Files and papers of saved items change elsewhere (uploads): refresh them without touching typed input.
  useEffect(() => {
    setRows((current) => current.map((r) => (r.id ? { ...r, saved: meeting.agendaItems.find((i) => i.id === r.id) ?? r.saved } : r)));
  }, [meeting.agendaItems]);
  const update = (key: number, patch: Partial<Row>) => {
    setRows((r) => r.map((x) => (x.key === key ? { ...x, ...patch } : x)));
    setDirty(true);
    setSaved(false);
  };
  const move = (index: number, by: -1 | 1) => {
    setRows((r) => {
      const next = [...r];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });
    setDirty(true);
    setErrors({});
  };
  const add = () => {
    const publicCount = rows.filter((r) => r.public).length;
    setRows((r) => [...r, { key: ++rowKeys, number: `Ö ${publicCount + 1}`, name: '', public: true, result: '', resolutionText: '', minutes: '' }]);
    setDirty(true);
    requestAnimationFrame(() => {
      const inputs = document.querySelectorAll<HTMLInputElement>('.agenda-row input[data-agenda-name]');
      inputs[inputs.length - 1]?.focus();
    });
  };
  const remove = (row: Row) => {
    if (row.saved && !window.confirm(t('agenda.confirmRemove', { name: row.name }))) return;
    setRows((r) => r.filter((x) => x.key !== row.key));
    setDirty(true);
    setErrors({});
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = { items: rows.map(({ id, number, name, public: isPublic, result, resolutionText, minutes }) => ({ ...(id ? { id } : {}), number, name, public: isPublic, result, resolutionText, minutes })) };
    const checked = validate(agendaInput, body, ta);
    if (checked.errors) {
      setErrors(localize(checked.errors));
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setBusy(true);
    try {
      const updated = await api<AdminMeeting>('PUT', committeePaths.agenda(slug, meeting.id), checked.data);
      setRows(updated.agendaItems.map(rowOf));
      setDirty(false);
      setSaved(true);
      onSaved(updated);
    } catch (err) {
      setErrors(localize(apiFieldError(err, ta)));
      setError(err);
    }
    setBusy(false);
  };
  return (
    <section className="card" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('agenda.title')}</h2>
      <p className="hint">{t('agenda.intro')}</p>
      <form onSubmit={save} noValidate>
        <ErrorNotice error={error} />
        {saved ? <Notice kind="success">{t('agenda.saved')}</Notice> : null}
        {rows.length === 0 ? <p>{t('agenda.empty')}</p> : null}
        <ol className="agenda-list">
          {rows.map((row, index) => (
            <li key={row.key} className={`agenda-row ${row.public ? '' : 'agenda-row-internal'}`}>
              <fieldset>
                <legend>
                  {t('agenda.item', { n: index + 1 })} <PublicBadge isPublic={row.public} />
                </legend>
                <div className="agenda-main">
                  <TextField label={t('fields.number')} className="agenda-number" value={row.number} onChange={(number) => update(row.key, { number })} error={errors[`items.${index}.number`]} />
                  <AgendaName row={row} index={index} error={errors[`items.${index}.name`]} onChange={(name) => update(row.key, { name })} />
                </div>
                <Checkbox label={t('agenda.publicLabel')} checked={row.public} onChange={(isPublic) => update(row.key, { public: isPublic })} hint={t('agenda.publicHint')} />
                {row.saved?.consultation ? (
                  <p className="meta">
                    {t('agenda.paper')}: <Link href={`/papers/${row.saved.consultation.paperId}`}>{`${row.saved.consultation.paperReference} – ${row.saved.consultation.paperName}`}</Link> (
                    {t(`consultationRole.${row.saved.consultation.role}`)})
                  </p>
                ) : null}
                <details className="agenda-details">
                  <summary>{t('agenda.details')}</summary>
                  <TextField label={t('fields.result')} value={row.result} onChange={(result) => update(row.key, { result })} error={errors[`items.${index}.result`]} hint={t('hints.result')} />
                  <TextArea label={t('fields.resolutionText')} value={row.resolutionText} onChange={(resolutionText) => update(row.key, { resolutionText })} rows={3} />
                  <TextArea label={t('fields.minutes')} value={row.minutes} onChange={(minutes) => update(row.key, { minutes })} rows={4} hint={row.public ? t('hints.minutesPublic') : t('hints.minutesInternal')} />
                  {row.saved ? (
                    <FileBox
                      title={t('files.itemTitle', { n: row.number || index + 1 })}
                      headingLevel={4}
                      parent={{ agendaItemId: row.saved.id }}
                      roles={['resolution', 'auxiliary']}
                      files={row.saved.files}
                      onChanged={onChanged}
                    />
                  ) : (
                    <p className="hint">{t('files.saveFirst')}</p>
                  )}
                </details>
                <div className="button-row">
                  <button type="button" className="button secondary small" disabled={index === 0} onClick={() => move(index, -1)}>
                    {t('agenda.up')}
                    <span className="visually-hidden"> – {row.name || t('agenda.item', { n: index + 1 })}</span>
                  </button>
                  <button type="button" className="button secondary small" disabled={index === rows.length - 1} onClick={() => move(index, 1)}>
                    {t('agenda.down')}
                    <span className="visually-hidden"> – {row.name || t('agenda.item', { n: index + 1 })}</span>
                  </button>
                  <button type="button" className="button danger small" onClick={() => remove(row)}>
                    {ta('common.remove')}
                    <span className="visually-hidden"> – {row.name || t('agenda.item', { n: index + 1 })}</span>
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="form-actions">
          <button type="button" className="button secondary" onClick={add}>
            {t('agenda.add')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? ta('common.saving') : t('agenda.save')}
          </button>
          {dirty ? <span className="hint">{t('agenda.unsaved')}</span> : null}
        </div>
      </form>
    </section>
  );
}

function AgendaName({ row, index, error, onChange }: { row: Row; index: number; error?: string | undefined; onChange: (name: string) => void }) {
  const { t } = useTranslation('committees');
  const id = `agenda-name-${row.key}`;
  return (
    <div className="field agenda-name">
      <label htmlFor={id}>
        {t('fields.itemName')}
        <span aria-hidden="true"> *</span>
      </label>
      <input
        id={id}
        data-agenda-name={index}
        required
        value={row.name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
