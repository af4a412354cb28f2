// Shared pieces of the journal views (Verlauf, Aufgaben, Dokumente, Hinweise, task page): server
// paths, error texts in the interface language, date helpers, language options.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDocument, CaseTask } from '../../../../shared/contracts/caseJournal.ts';
import { LANGUAGES } from '../../../../shared/languages.ts';
import { ApiError, api } from '../../api.ts';
import { SelectField } from '../../components/fields.tsx';
import { Notice } from '../../components/ui.tsx';
import { useTenant } from '../../tenant.tsx';
import type { FieldErrors } from '../../forms.ts';
import './journal.css';

const v1 = (slug: string) => `/api/v1/${encodeURIComponent(slug)}/cases`;

export const journalPaths = {
  entries: (slug: string, caseId: string) => `${v1(slug)}/${caseId}/entries`,
  entry: (slug: string, caseId: string, id: string) => `${v1(slug)}/${caseId}/entries/${id}`,
  entryHistory: (slug: string, caseId: string, id: string) => `${v1(slug)}/${caseId}/entries/${id}/history`,
  upcoming: (slug: string) => `${v1(slug)}/appointments/upcoming`,
  tasks: (slug: string, caseId: string) => `${v1(slug)}/${caseId}/tasks`,
  task: (slug: string, caseId: string, id: string) => `${v1(slug)}/${caseId}/tasks/${id}`,
  assignees: (slug: string, caseId: string) => `${v1(slug)}/${caseId}/assignees`,
  myTasks: (slug: string) => `${v1(slug)}/tasks/mine`,
  overdueTasks: (slug: string) => `${v1(slug)}/tasks/overdue`,
  documents: (slug: string, caseId: string) => `${v1(slug)}/${caseId}/documents`,
  document: (slug: string, caseId: string, id: string) => `${v1(slug)}/${caseId}/documents/${id}`,
  documentContent: (slug: string, caseId: string, id: string) => `${v1(slug)}/${caseId}/documents/${id}/content`,
  expiring: (slug: string) => `${v1(slug)}/documents/expiring`,
  flags: (slug: string, caseId: string) => `${v1(slug)}/${caseId}/flags`,
  flagResolve: (slug: string, caseId: string, id: string) => `${v1(slug)}/${caseId}/flags/${id}/resolve`,
};

/** The field an API error names, without the "body."/"querystring." prefix of schema errors. */
export function errorField(error: unknown): string | null {
  if (!(error instanceof ApiError) || !error.field) return null;
  return error.field.replace(/^(body|querystring|params)\./, '');
}

/**
 * Error texts in the interface language: known codes and fields of the journal have their own
 * sentence (the server speaks English); anything else falls back to the general error texts.
 */
export function useJournalErrors() {
  const { t } = useTranslation('journal');
  const { t: ta } = useTranslation();
  const text = useCallback(
    (error: unknown): string => {
      if (!(error instanceof ApiError)) return ta('errors.internal');
      const field = errorField(error);
      if (field === 'restricted') return t('errors.restricted');
      if (error.code === 'conflict') return t('errors.conflict');
      if (error.code === 'unsupported_media_type') return t('errors.fileType');
      if (error.code === 'payload_too_large') return t('errors.fileSize');
      if (error.code === 'invalid_state_transition') return t('errors.alreadyResolved');
      if (field && error.code === 'validation_failed') {
        const known = t(`errors.fields.${field}`, { defaultValue: '' });
        if (known) return known;
      }
      const general = ta(`errors.${error.code}`, { defaultValue: '' });
      return general || error.message;
    },
    [t, ta],
  );
  /** The error as field errors (for the form's controls) or as a form-level message. */
  const fieldErrors = useCallback(
    (error: unknown, fields: readonly string[]): FieldErrors => {
      const field = errorField(error);
      if (field && fields.includes(field)) return { [field]: text(error) };
      return { _form: text(error) };
    },
    [text],
  );
  return { text, fieldErrors };
}

/** A calendar day 'YYYY-MM-DD' in the interface language. */
export function formatDay(day: string | null | undefined, lang: string): string {
  if (!day) return '–';
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return d.toLocaleDateString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
}

/** Date and time in the office's time zone. */
export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
}

/** Today in Germany, 'YYYY-MM-DD'. */
export const todayDay = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** An ISO instant as the value of a datetime-local input (the browser's local time). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as an ISO instant ('' → null; an unreadable value stays as typed for the server to name). */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

export function languageName(code: string, lang: string): string {
  const info = LANGUAGES.find((l) => l.code === code);
  if (lang === 'de' && info) return info.germanName;
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? info?.nativeName ?? code;
  } catch {
    return info?.nativeName ?? code;
  }
}

/** Languages an interpreter may have interpreted (German excluded), sorted by name. */
export function interpreterLanguageOptions(lang: string): Array<{ value: string; label: string }> {
  return LANGUAGES.filter((l) => l.code !== 'de')
    .map((l) => ({ value: l.code, label: languageName(l.code, lang) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}

export function formatSize(bytes: number, lang: string): string {
  const nf = (n: number) => n.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${nf(bytes / 1024)} KB`;
  return `${nf(bytes / 1024 / 1024)} MB`;
}

/**
 * A form opened by a button (a new record, the correction of one): `close(true)` — on cancel — gives
 * the focus back to the button, which is rendered again once the form is gone.
 */
export function useFormToggle() {
  const [isOpen, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return {
    isOpen,
    button,
    open: () => setOpen(true),
    close: (refocus = false) => {
      setOpen(false);
      if (refocus) requestAnimationFrame(() => button.current?.focus());
    },
  };
}

/** Marks a task done or open again (sending the version read); `error` is the failure in the interface language. */
export function useTaskDoneToggle(task: Pick<CaseTask, 'id' | 'caseId' | 'version' | 'done'>, onChanged: () => void) {
  const { slug } = useTenant();
  const { text } = useJournalErrors();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('PATCH', journalPaths.task(slug, task.caseId, task.id), { version: task.version, done: !task.done });
      onChanged();
    } catch (e) {
      setError(text(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, toggle };
}

/** The message of a tab's last change; `done(text)` shows it and reloads the tab's data. */
export function useChangeNotice(reload: () => void) {
  const [message, setMessage] = useState<string | null>(null);
  return {
    message,
    clear: () => setMessage(null),
    done: (text: string) => {
      setMessage(text);
      reload();
    },
  };
}

/** The success message above a tab's list (focused, so it is announced). */
export function ChangeNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Notice kind="success" focus>
      {message}
    </Notice>
  );
}

/**
 * A tab's heading with the button that opens the form for a new record (hidden while the form is
 * open; opening it clears the last message), and the message of the last change below.
 */
export function TabHeading(props: { id: string; title: string; newLabel: string; form: ReturnType<typeof useFormToggle>; notice: ReturnType<typeof useChangeNotice> }) {
  const { form, notice } = props;
  return (
    <>
      <div className="page-header">
        <h2 id={props.id}>{props.title}</h2>
        {!form.isOpen ? (
          <div className="page-actions">
            <button
              ref={form.button}
              type="button"
              className="button primary"
              onClick={() => {
                notice.clear();
                form.open();
              }}
            >
              {props.newLabel}
            </button>
          </div>
        ) : null}
      </div>
      <ChangeNotice message={notice.message} />
    </>
  );
}

/** A filter with one choice; the list below follows it at once (nothing to submit). */
export function FilterSelect(props: { label: string; value: string; onChange: (value: string) => void; options: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation('journal');
  return (
    <form className="filters" aria-label={t('tasks.filter')} onSubmit={(e) => e.preventDefault()}>
      <SelectField label={props.label} value={props.value} onChange={props.onChange} options={props.options} />
    </form>
  );
}

export type TaskStatus = 'open' | 'done' | 'all';

/** Which tasks a list shows: open, done or all. */
export function TaskStatusFilter({ value, onChange }: { value: TaskStatus; onChange: (status: TaskStatus) => void }) {
  const { t } = useTranslation('journal');
  return (
    <FilterSelect
      label={t('tasks.show')}
      value={value}
      onChange={(v) => onChange(v as TaskStatus)}
      options={(['open', 'done', 'all'] as const).map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
    />
  );
}

/** A form-level error (role=alert), for errors that name no control of the form. */
export function FormError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
    </div>
  );
}

export function TaskBadges({ task }: { task: Pick<CaseTask, 'done' | 'overdue' | 'reminderDue'> }) {
  const { t } = useTranslation('journal');
  return (
    <>
      {task.done ? <span className="badge journal-done">{t('tasks.doneBadge')}</span> : null}
      {task.overdue ? <span className="badge journal-overdue">{t('tasks.overdue')}</span> : null}
      {!task.overdue && task.reminderDue ? <span className="badge journal-reminder">{t('tasks.reminder')}</span> : null}
    </>
  );
}

export function ExpiryBadge({ doc }: { doc: Pick<CaseDocument, 'expired' | 'expiringSoon'> }) {
  const { t } = useTranslation('journal');
  if (doc.expired) return <span className="badge doc-expired">{t('documents.expired')}</span>;
  if (doc.expiringSoon) return <span className="badge doc-expiring">{t('documents.expiringSoon')}</span>;
  return null;
}
