// Case tab "Verlauf": appointments, contacts and notes of a case, newest first, with filters;
// recording with duration and interpreter; corrections (author, team lead) with their history.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  APPOINTMENT_STATUSES,
  CONTACT_CHANNELS,
  type CaseEntry,
  type CaseEntryPage,
  type ContactChannel,
  ENTRY_KINDS,
  type EntryHistory,
  type EntryKind,
  entryIssues,
  INTERPRETER_KINDS,
  type InterpreterKind,
} from '../../../../shared/contracts/caseJournal.ts';
import { api, query } from '../../api.ts';
import { SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { ErrorNotice, Loading, Pager } from '../../components/ui.tsx';
import type { FieldErrors } from '../../forms.ts';
import { focusFirstError } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import type { CaseTabProps } from '../registry.ts';
import {
  FormError,
  formatDateTime,
  fromLocalInput,
  interpreterLanguageOptions,
  journalPaths,
  languageName,
  TabHeading,
  toLocalInput,
  useChangeNotice,
  useFormToggle,
  useJournalErrors,
} from './journalUi.tsx';

const PAGE_SIZE = 20;

interface Filters {
  kind: string;
  from: string;
  to: string;
  interpreter: string;
}

export default function JournalTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation('journal');
  const { slug } = useTenant();
  const [filters, setFilters] = useState<Filters>({ kind: '', from: '', to: '', interpreter: '' });
  const [page, setPage] = useState(1);
  const form = useFormToggle();
  const path = journalPaths.entries(slug, caseId) + query({ ...filters, page, pageSize: PAGE_SIZE });
  const list = useApi<CaseEntryPage>(path);
  const setFilter = (key: keyof Filters, value: string) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage(1);
  };
  const notice = useChangeNotice(list.reload);
  const done = notice.done;

  return (
    <section aria-labelledby="journal-heading">
      <TabHeading id="journal-heading" title={t('entries.title')} newLabel={t('entries.new')} form={form} notice={notice} />
      {form.isOpen ? (
        <EntryForm
          caseId={caseId}
          entry={null}
          onCancel={() => form.close(true)}
          onSaved={() => {
            form.close();
            setPage(1);
            done(t('entries.created'));
          }}
        />
      ) : null}
      <form className="filters" aria-label={t('entries.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('entries.kind')}
          value={filters.kind}
          onChange={(v) => setFilter('kind', v)}
          options={[{ value: '', label: t('entries.allKinds') }, ...ENTRY_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
        />
        <TextField label={t('entries.from')} type="date" value={filters.from} onChange={(v) => setFilter('from', v)} />
        <TextField label={t('entries.to')} type="date" value={filters.to} onChange={(v) => setFilter('to', v)} />
        <SelectField
          label={t('entries.interpreter')}
          value={filters.interpreter}
          onChange={(v) => setFilter('interpreter', v)}
          options={[
            { value: '', label: t('entries.anyInterpreter') },
            { value: 'used', label: t('entries.interpreterUsed') },
            ...INTERPRETER_KINDS.map((k) => ({ value: k, label: t(`interpreters.${k}`) })),
          ]}
        />
      </form>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <p>{t('entries.empty')}</p>
        ) : (
          <>
            <p className="result-count" aria-live="polite">
              {t('entries.count', { count: list.data.total })}
            </p>
            <ol className="journal-list" aria-label={t('entries.listLabel')}>
              {list.data.items.map((entry) => (
                <li key={entry.id}>
                  <EntryCard caseId={caseId} entry={entry} onSaved={() => done(t('entries.corrected'))} />
                </li>
              ))}
            </ol>
            <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
          </>
        )
      ) : null}
    </section>
  );
}

function EntryCard({ caseId, entry, onSaved }: { caseId: string; entry: CaseEntry; onSaved: () => void }) {
  const { t, i18n } = useTranslation('journal');
  const headingId = useId();
  const edit = useFormToggle();
  const lang = i18n.language;
  const title = entry.subject || t(`kinds.${entry.kind}`);
  if (edit.isOpen) {
    return (
      <EntryForm
        caseId={caseId}
        entry={entry}
        onCancel={() => edit.close(true)}
        onSaved={() => {
          edit.close();
          onSaved();
        }}
      />
    );
  }
  return (
    <article className="card journal-entry" aria-labelledby={headingId}>
      <p className="journal-meta">
        <span className="badge entry-kind">{t(`kinds.${entry.kind}`)}</span>
        <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, lang)}</time>
        {entry.channel ? <span>{t(`channels.${entry.channel}`)}</span> : null}
        {entry.durationMinutes !== null ? <span>{t('entries.minutes', { count: entry.durationMinutes })}</span> : null}
        {entry.appointmentStatus ? <span className="badge">{t(`appointmentStatuses.${entry.appointmentStatus}`)}</span> : null}
        {entry.interpreter !== 'none' ? (
          <span>
            {t('entries.withInterpreter', {
              kind: t(`interpreters.${entry.interpreter}`),
              language: entry.interpreterLanguage ? languageName(entry.interpreterLanguage, lang) : '–',
            })}
          </span>
        ) : null}
      </p>
      <h3 id={headingId}>{title}</h3>
      {entry.body ? <p className="entry-body">{entry.body}</p> : null}
      {entry.participants.length ? (
        <p>
          <strong>{t('entries.participants')}:</strong> {entry.participants.join('; ')}
        </p>
      ) : null}
      <p className="journal-meta">
        <span>{t('entries.by', { name: entry.authorName || '–' })}</span>
        {entry.editedAt ? <span>{t('entries.edited', { at: formatDateTime(entry.editedAt, lang) })}</span> : null}
      </p>
      <div className="button-row">
        {entry.canEdit ? (
          <button ref={edit.button} type="button" className="button secondary small" onClick={edit.open}>
            {t('entries.edit')}
            <span className="visually-hidden"> – {title}</span>
          </button>
        ) : null}
      </div>
      {entry.editedAt ? <EntryChanges caseId={caseId} entryId={entry.id} version={entry.version} /> : null}
    </article>
  );
}

/** The corrections of an entry, loaded when opened. */
function EntryChanges({ caseId, entryId, version }: { caseId: string; entryId: string; version: number }) {
  const { t, i18n } = useTranslation('journal');
  const { slug } = useTenant();
  const [open, setOpen] = useState(false);
  const history = useApi<EntryHistory>(open ? `${journalPaths.entryHistory(slug, caseId, entryId)}?v=${version}` : null);
  const show = (value: unknown, field: string): string => {
    if (value === null || value === undefined || value === '') return '–';
    if (Array.isArray(value)) return value.join('; ') || '–';
    if (field === 'occurredAt' && typeof value === 'string') return formatDateTime(value, i18n.language);
    if (field === 'channel') return t(`channels.${String(value)}`);
    if (field === 'interpreter') return t(`interpreters.${String(value)}`);
    if (field === 'appointmentStatus') return t(`appointmentStatuses.${String(value)}`);
    if (field === 'interpreterLanguage') return languageName(String(value), i18n.language);
    return String(value);
  };
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('history.show')}</summary>
      <ErrorNotice error={history.error} onRetry={history.reload} />
      {open && history.loading && !history.data ? <Loading /> : null}
      {history.data ? (
        <ol className="journal-changes">
          {history.data.items.map((h) => (
            <li key={h.id}>
              <strong>{t(`fields.${h.field}`, { defaultValue: h.field })}</strong>: <del>{show(h.oldValue, h.field)}</del> → <ins>{show(h.newValue, h.field)}</ins>
              <span className="meta">
                {' '}
                — {t('history.by', { name: h.actorName, at: formatDateTime(h.at, i18n.language) })}
                {h.reason ? ` (${t('history.reason', { reason: h.reason })})` : ''}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </details>
  );
}

interface EntryValues {
  kind: EntryKind;
  occurredAt: string;
  durationMinutes: string;
  channel: string;
  appointmentStatus: string;
  participants: string;
  interpreter: string;
  interpreterLanguage: string;
  subject: string;
  body: string;
  reason: string;
}

const FIELDS = ['kind', 'occurredAt', 'durationMinutes', 'channel', 'appointmentStatus', 'participants', 'interpreter', 'interpreterLanguage', 'subject', 'body', 'reason'];

function initialValues(entry: CaseEntry | null): EntryValues {
  return {
    kind: entry?.kind ?? 'note',
    occurredAt: toLocalInput(entry?.occurredAt ?? new Date().toISOString()),
    durationMinutes: entry?.durationMinutes === null || entry?.durationMinutes === undefined ? '' : String(entry.durationMinutes),
    channel: entry?.channel ?? '',
    appointmentStatus: entry?.appointmentStatus ?? 'scheduled',
    participants: entry?.participants.join('\n') ?? '',
    interpreter: entry?.interpreter ?? 'none',
    interpreterLanguage: entry?.interpreterLanguage ?? '',
    subject: entry?.subject ?? '',
    body: entry?.body ?? '',
    reason: '',
  };
}

/** Create (entry null) or correct an appointment, contact or note. */
function EntryForm({ caseId, entry, onCancel, onSaved }: { caseId: string; entry: CaseEntry | null; onCancel: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation('journal');
  const { slug } = useTenant();
  const { fieldErrors } = useJournalErrors();
  const headingId = useId();
  const [values, setValues] = useState<EntryValues>(() => initialValues(entry));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof EntryValues>(key: K, value: EntryValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      const { [key]: _gone, _form: _f, ...rest } = e;
      return rest;
    });
  };
  const kind = values.kind;
  const hasChannel = kind !== 'note';

  const validate = (): FieldErrors => {
    const out: FieldErrors = {};
    const duration = values.durationMinutes.trim();
    if (duration && (!/^\d+$/.test(duration) || Number(duration) > 1440)) out.durationMinutes = t('errors.fields.durationMinutes');
    if (values.occurredAt && Number.isNaN(new Date(values.occurredAt).getTime())) out.occurredAt = t('errors.fields.occurredAtFormat');
    if (!values.occurredAt && entry) out.occurredAt = t('errors.entry.occurredAt');
    if (kind !== 'appointment' && values.occurredAt && new Date(values.occurredAt).getTime() > Date.now() + 5 * 60_000) out.occurredAt = t('errors.fields.occurredAt');
    for (const issue of entryIssues({
      kind,
      occurredAt: values.occurredAt || null,
      channel: hasChannel && values.channel ? (values.channel as ContactChannel) : null,
      interpreter: values.interpreter as InterpreterKind,
      interpreterLanguage: values.interpreter === 'none' ? null : values.interpreterLanguage || null,
      subject: values.subject,
      body: values.body,
    })) {
      out[issue.path] ??= t(`errors.entry.${issue.path}`);
    }
    return out;
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const found = validate();
    if (Object.keys(found).length) {
      setErrors(found);
      focusFirstError(found);
      return;
    }
    const participants = values.participants
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean);
    const payload = {
      occurredAt: fromLocalInput(values.occurredAt),
      durationMinutes: values.durationMinutes.trim() ? Number(values.durationMinutes) : null,
      channel: hasChannel && values.channel ? values.channel : null,
      participants,
      interpreter: values.interpreter,
      interpreterLanguage: values.interpreter === 'none' ? null : values.interpreterLanguage || null,
      subject: values.subject,
      body: values.body,
      ...(kind === 'appointment' ? { appointmentStatus: values.appointmentStatus } : {}),
    };
    setBusy(true);
    try {
      if (entry) {
        await api('PATCH', journalPaths.entry(slug, caseId, entry.id), { ...payload, version: entry.version, ...(values.reason.trim() ? { reason: values.reason } : {}) });
      } else {
        await api('POST', journalPaths.entries(slug, caseId), { kind, ...payload });
      }
      onSaved();
    } catch (e) {
      const fe = fieldErrors(e, FIELDS);
      setErrors(fe);
      focusFirstError(fe);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card journal-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={headingId}>{entry ? t('entries.editTitle') : t('entries.newTitle')}</h3>
      <FormError message={errors._form} />
      {!entry ? (
        <fieldset className="kinds">
          <legend>{t('entries.kind')}</legend>
          {ENTRY_KINDS.map((k) => (
            <label key={k}>
              <input type="radio" name="entry-kind" value={k} checked={kind === k} onChange={() => set('kind', k)} />
              {t(`kinds.${k}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="form-grid">
        <TextField
          label={kind === 'appointment' ? t('fields.scheduledAt') : t('fields.occurredAt')}
          type="datetime-local"
          value={values.occurredAt}
          onChange={(v) => set('occurredAt', v)}
          error={errors.occurredAt}
          required={kind === 'appointment'}
        />
        <TextField
          label={t('fields.durationMinutes')}
          type="number"
          inputMode="numeric"
          value={values.durationMinutes}
          onChange={(v) => set('durationMinutes', v)}
          error={errors.durationMinutes}
          hint={t('entries.durationHint')}
        />
        {hasChannel ? (
          <SelectField
            label={t('fields.channel')}
            value={values.channel}
            onChange={(v) => set('channel', v)}
            error={errors.channel}
            required={kind === 'contact'}
            options={[{ value: '', label: t('entries.choose') }, ...CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))]}
          />
        ) : null}
        {kind === 'appointment' ? (
          <SelectField
            label={t('fields.appointmentStatus')}
            value={values.appointmentStatus}
            onChange={(v) => set('appointmentStatus', v)}
            error={errors.appointmentStatus}
            options={APPOINTMENT_STATUSES.map((s) => ({ value: s, label: t(`appointmentStatuses.${s}`) }))}
          />
        ) : null}
        <SelectField
          label={t('fields.interpreter')}
          value={values.interpreter}
          onChange={(v) => set('interpreter', v)}
          error={errors.interpreter}
          options={INTERPRETER_KINDS.map((k) => ({ value: k, label: t(`interpreters.${k}`) }))}
        />
        {values.interpreter !== 'none' ? (
          <SelectField
            label={t('fields.interpreterLanguage')}
            value={values.interpreterLanguage}
            onChange={(v) => set('interpreterLanguage', v)}
            error={errors.interpreterLanguage}
            required
            options={[{ value: '', label: t('entries.choose') }, ...interpreterLanguageOptions(i18n.language)]}
          />
        ) : null}
      </div>
      <TextField label={t('fields.subject')} value={values.subject} onChange={(v) => set('subject', v)} error={errors.subject} />
      <TextArea label={t('fields.body')} value={values.body} onChange={(v) => set('body', v)} error={errors.body} rows={6} hint={t('entries.bodyHint')} />
      <TextArea
        label={t('fields.participants')}
        value={values.participants}
        onChange={(v) => set('participants', v)}
        error={errors.participants}
        rows={2}
        hint={t('entries.participantsHint')}
      />
      {entry ? <TextField label={t('fields.reason')} value={values.reason} onChange={(v) => set('reason', v)} error={errors.reason} hint={t('entries.reasonHint')} /> : null}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('common.saving') : entry ? t('entries.saveCorrection') : t('entries.save')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
