// A paper (Vorlage): reference, title, type, date, publication; its consultations (meeting, agenda
// item, advisory or deciding) and its files (main file and attachments).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'wouter';
import { type AdminMeeting, type AdminPaperDetail, CONSULTATION_ROLES, consultationsInput, type MeetingPage, paperInput } from '../../../../shared/contracts/committees.ts';
import { api, query } from '../../api.ts';
import { Checkbox, SelectField, TextField } from '../../components/fields.tsx';
import { RecordPage } from '../../components/frames.tsx';
import { BackLink, Notice, PageHeader } from '../../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { ErrorNotice, useLocalizeErrors } from './errors.tsx';
import { PublishedBadge } from './badges.tsx';
import { committeePaths, formatMeetingTime } from './committeesApi.ts';
import { FileBox } from './FileBox.tsx';

const PAPER_TYPES = ['Beschlussvorlage', 'Informationsvorlage', 'Antrag', 'Anfrage', 'Mitteilung', 'Bericht'];

export function PaperEditPage() {
  const { t } = useTranslation('committees');
  const { id } = useParams<{ id?: string }>();
  const { slug } = useTenant();
  const paper = useApi<AdminPaperDetail>(id ? committeePaths.paper(slug, id) : null);
  const back = <BackLink href="/papers">{t('papers.back')}</BackLink>;
  return (
    <RecordPage id={id} record={paper} back={back} create={{ title: t('papers.newTitle'), form: <PaperForm paper={null} onSaved={() => undefined} /> }} ErrorView={ErrorNotice}>
      {(p) => (
        <>
          <PageHeader title={`${p.reference} – ${p.name}`} />
          <p className="meta">
            <PublishedBadge published={p.published} /> {p.published ? t('papers.publicRule') : t('papers.internalRule')}
          </p>
          <PaperForm key={p.id} paper={p} onSaved={paper.setData} />
          <Consultations key={`c-${p.updatedAt}`} paper={p} onSaved={paper.setData} />
          <section className="card" aria-labelledby="paper-files">
            <h2 id="paper-files">{t('files.paperTitle')}</h2>
            <FileBox title={t('files.paperDocuments')} parent={{ paperId: p.id }} roles={['main', 'auxiliary']} files={p.files} onChanged={paper.reload} />
          </section>
        </>
      )}
    </RecordPage>
  );
}

function PaperForm({ paper, onSaved }: { paper: AdminPaperDetail | null; onSaved: (p: AdminPaperDetail) => void }) {
  const { t } = useTranslation('committees');
  const { t: ta } = useTranslation('admin');
  const localize = useLocalizeErrors();
  const { slug } = useTenant();
  const [, navigate] = useLocation();
  const [v, setV] = useState({
    reference: paper?.reference ?? '',
    name: paper?.name ?? '',
    paperType: paper?.paperType ?? 'Beschlussvorlage',
    date: paper?.date ?? new Date().toISOString().slice(0, 10),
    published: paper?.published ?? false,
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
    const checked = validate(paperInput, v, ta);
    if (checked.errors) {
      setErrors(localize(checked.errors));
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setBusy(true);
    try {
      if (paper) {
        onSaved(await api<AdminPaperDetail>('PUT', committeePaths.paper(slug, paper.id), checked.data));
        setSaved(true);
      } else {
        const created = await api<AdminPaperDetail>('POST', committeePaths.papers(slug), checked.data);
        navigate(`/papers/${created.id}`);
        return;
      }
    } catch (err) {
      setErrors(localize(apiFieldError(err, ta)));
      setError(err);
    }
    setBusy(false);
  };
  const remove = async () => {
    if (!paper || !window.confirm(t('papers.confirmDelete', { reference: paper.reference }))) return;
    try {
      await api('DELETE', committeePaths.paper(slug, paper.id));
      navigate('/papers');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="paper-data">
      <h2 id="paper-data">{t('papers.data')}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={error} />
        {saved ? <Notice kind="success">{ta('common.savedOk')}</Notice> : null}
        <div className="grid-3">
          <TextField label={t('fields.reference')} required value={v.reference} onChange={(x) => set('reference', x)} error={errors.reference} hint={t('hints.reference')} />
          <SelectField
            label={t('fields.paperType')}
            value={v.paperType}
            onChange={(x) => set('paperType', x)}
            options={[...new Set([...PAPER_TYPES, v.paperType])].map((p) => ({ value: p, label: p }))}
          />
          <TextField label={t('fields.date')} type="date" required value={v.date} onChange={(x) => set('date', x)} error={errors.date} />
        </div>
        <TextField label={t('fields.paperName')} required value={v.name} onChange={(x) => set('name', x)} error={errors.name} />
        <Checkbox label={t('papers.publishedLabel')} checked={v.published} onChange={(x) => set('published', x)} hint={t('papers.publishedHint')} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? ta('common.saving') : paper ? ta('common.save') : t('papers.create')}
          </button>
          {paper ? (
            <button type="button" className="button danger" onClick={() => void remove()}>
              {t('papers.delete')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

interface ConsultationRow {
  key: number;
  id?: string;
  meetingId: string;
  agendaItemId: string;
  role: string;
}
let consultationKeys = 0;

function Consultations({ paper, onSaved }: { paper: AdminPaperDetail; onSaved: (p: AdminPaperDetail) => void }) {
  const { t, i18n } = useTranslation('committees');
  const { t: ta } = useTranslation('admin');
  const localize = useLocalizeErrors();
  const { slug } = useTenant();
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const meetings = useApi<MeetingPage>(committeePaths.meetings(slug) + query({ from: yearAgo, pageSize: 100 }));
  const [rows, setRows] = useState<ConsultationRow[]>(() =>
    paper.consultations.map((c) => ({ key: ++consultationKeys, id: c.id, meetingId: c.meetingId, agendaItemId: c.agendaItemId ?? '', role: c.role })),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const known = new Map((meetings.data?.items ?? []).map((m) => [m.id, `${m.committeeName}: ${formatMeetingTime(m.startAt, i18n.language)} – ${m.name}`]));
  for (const c of paper.consultations) if (!known.has(c.meetingId)) known.set(c.meetingId, `${c.committeeName}: ${formatMeetingTime(c.meetingStartAt, i18n.language)} – ${c.meetingName}`);
  const update = (key: number, patch: Partial<ConsultationRow>) => {
    setRows((r) => r.map((x) => (x.key === key ? { ...x, ...patch } : x)));
    setSaved(false);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = { items: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), meetingId: r.meetingId, agendaItemId: r.agendaItemId || null, role: r.role })) };
    const checked = validate(consultationsInput, body, ta);
    if (checked.errors) {
      setErrors(localize(checked.errors));
      return focusFirstError(checked.errors);
    }
    setErrors({});
    try {
      onSaved(await api<AdminPaperDetail>('PUT', committeePaths.consultations(slug, paper.id), checked.data));
      setSaved(true);
    } catch (err) {
      setErrors(localize(apiFieldError(err, ta)));
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="paper-consultations">
      <h2 id="paper-consultations">{t('consultations.title')}</h2>
      <p className="hint">{t('consultations.intro')}</p>
      <form onSubmit={save} noValidate>
        <ErrorNotice error={error} />
        {saved ? <Notice kind="success">{ta('common.savedOk')}</Notice> : null}
        {rows.length === 0 ? <p>{t('consultations.none')}</p> : null}
        {rows.map((row, index) => (
          <fieldset key={row.key} className="consultation-row">
            <legend>{t('consultations.item', { n: index + 1 })}</legend>
            <div className="grid-3">
              <SelectField
                label={t('fields.meeting')}
                required
                value={row.meetingId}
                onChange={(meetingId) => update(row.key, { meetingId, agendaItemId: '' })}
                error={errors[`items.${index}.meetingId`]}
                options={[{ value: '', label: ta('common.choose') }, ...[...known.entries()].map(([value, label]) => ({ value, label }))]}
              />
              <AgendaItemSelect meetingId={row.meetingId} value={row.agendaItemId} error={errors[`items.${index}.agendaItemId`]} onChange={(agendaItemId) => update(row.key, { agendaItemId })} />
              <SelectField
                label={t('fields.consultationRole')}
                value={row.role}
                onChange={(role) => update(row.key, { role })}
                options={CONSULTATION_ROLES.map((r) => ({ value: r, label: t(`consultationRole.${r}`) }))}
              />
            </div>
            <button type="button" className="button danger small" onClick={() => setRows((r) => r.filter((x) => x.key !== row.key))}>
              {ta('common.remove')}
              <span className="visually-hidden"> – {t('consultations.item', { n: index + 1 })}</span>
            </button>
          </fieldset>
        ))}
        <div className="form-actions">
          <button type="button" className="button secondary" onClick={() => setRows((r) => [...r, { key: ++consultationKeys, meetingId: '', agendaItemId: '', role: 'advisory' }])}>
            {t('consultations.add')}
          </button>
          <button type="submit" className="button primary">
            {t('consultations.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function AgendaItemSelect({ meetingId, value, error, onChange }: { meetingId: string; value: string; error?: string | undefined; onChange: (id: string) => void }) {
  const { t } = useTranslation('committees');
  const { slug } = useTenant();
  const meeting = useApi<AdminMeeting>(meetingId ? committeePaths.meeting(slug, meetingId) : null);
  const items = meeting.data?.id === meetingId ? meeting.data.agendaItems : [];
  return (
    <SelectField
      label={t('fields.agendaItem')}
      value={value}
      onChange={onChange}
      error={error}
      disabled={!meetingId}
      options={[
        { value: '', label: t('consultations.noItem') },
        ...items.map((i) => ({ value: i.id, label: `${i.number ? `${i.number} ` : ''}${i.name}${i.public ? '' : ` (${t('agenda.nonPublic')})`}` })),
      ]}
    />
  );
}
