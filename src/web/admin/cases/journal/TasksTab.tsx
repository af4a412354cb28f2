// Case tab "Aufgaben": the case's tasks and reminders (due date, reminder day, assignee), done /
// open again, change, and a new task for oneself or a colleague who works on the case.
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignee, CaseTask, CaseTaskList } from '../../../../shared/contracts/caseJournal.ts';
import { api } from '../../api.ts';
import { SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { ErrorNotice, Loading, Notice } from '../../components/ui.tsx';
import { type FieldErrors, focusFirstError } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { useTenant } from '../../tenant.tsx';
import type { CaseTabProps } from '../registry.ts';
import { FormError, formatDay, journalPaths, TaskBadges, todayDay, useJournalErrors } from './journalUi.tsx';

type Status = 'open' | 'done' | 'all';

export default function TasksTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation('journal');
  const { slug } = useTenant();
  const [status, setStatus] = useState<Status>('open');
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const list = useApi<CaseTaskList>(`${journalPaths.tasks(slug, caseId)}?status=${status}`);
  const assignees = useApi<{ items: Assignee[] }>(journalPaths.assignees(slug, caseId));
  const done = (text: string) => {
    setMessage(text);
    list.reload();
  };

  return (
    <section aria-labelledby="tasks-heading">
      <div className="page-header">
        <h2 id="tasks-heading">{t('tasks.title')}</h2>
        {!creating ? (
          <div className="page-actions">
            <button
              ref={newButton}
              type="button"
              className="button primary"
              onClick={() => {
                setMessage(null);
                setCreating(true);
              }}
            >
              {t('tasks.new')}
            </button>
          </div>
        ) : null}
      </div>
      {message ? (
        <Notice kind="success" focus>
          {message}
        </Notice>
      ) : null}
      {creating ? (
        <TaskForm
          caseId={caseId}
          task={null}
          assignees={assignees.data?.items ?? []}
          onCancel={() => {
            setCreating(false);
            requestAnimationFrame(() => newButton.current?.focus());
          }}
          onSaved={() => {
            setCreating(false);
            done(t('tasks.created'));
          }}
        />
      ) : null}
      <form className="filters" aria-label={t('tasks.filter')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('tasks.show')}
          value={status}
          onChange={(v) => setStatus(v as Status)}
          options={(['open', 'done', 'all'] as const).map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
        />
      </form>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <p>{t('tasks.empty')}</p>
        ) : (
          <ul className="journal-list" aria-label={t('tasks.listLabel')}>
            {list.data.items.map((task) => (
              <li key={task.id}>
                <TaskCard caseId={caseId} task={task} assignees={assignees.data?.items ?? []} onChanged={done} />
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

function TaskCard({ caseId, task, assignees, onChanged }: { caseId: string; task: CaseTask; assignees: Assignee[]; onChanged: (message: string) => void }) {
  const { t, i18n } = useTranslation('journal');
  const { slug } = useTenant();
  const { text } = useJournalErrors();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  if (editing) {
    return (
      <TaskForm
        caseId={caseId}
        task={task}
        assignees={assignees}
        onCancel={() => {
          setEditing(false);
          requestAnimationFrame(() => editButton.current?.focus());
        }}
        onSaved={() => {
          setEditing(false);
          onChanged(t('tasks.saved'));
        }}
      />
    );
  }
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('PATCH', journalPaths.task(slug, caseId, task.id), { version: task.version, done: !task.done });
      onChanged(task.done ? t('tasks.reopened') : t('tasks.completed'));
    } catch (e) {
      setError(text(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <article className={`card journal-entry ${task.done ? 'task-done' : ''}`} aria-labelledby={headingId}>
      <p className="journal-meta">
        <TaskBadges task={task} />
        <span>{t('tasks.dueOn', { date: formatDay(task.dueOn, i18n.language) })}</span>
        {task.remindOn ? <span>{t('tasks.remindOn', { date: formatDay(task.remindOn, i18n.language) })}</span> : null}
        <span>{t('tasks.assignee', { name: task.assigneeName || '–' })}</span>
      </p>
      <h3 id={headingId}>{task.title}</h3>
      {task.description ? <p className="entry-body">{task.description}</p> : null}
      <FormError message={error ?? undefined} />
      <div className="button-row">
        <button type="button" className="button secondary small" disabled={busy} onClick={() => void toggle()}>
          {task.done ? t('tasks.reopen') : t('tasks.markDone')}
          <span className="visually-hidden"> – {task.title}</span>
        </button>
        {!task.done ? (
          <button ref={editButton} type="button" className="button secondary small" onClick={() => setEditing(true)}>
            {t('tasks.edit')}
            <span className="visually-hidden"> – {task.title}</span>
          </button>
        ) : null}
      </div>
    </article>
  );
}

const TASK_FIELDS = ['title', 'description', 'dueOn', 'remindOn', 'assigneeId'];

function TaskForm({
  caseId,
  task,
  assignees,
  onCancel,
  onSaved,
}: {
  caseId: string;
  task: CaseTask | null;
  assignees: Assignee[];
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('journal');
  const { slug } = useTenant();
  const me = useMe();
  const { fieldErrors } = useJournalErrors();
  const headingId = useId();
  const [values, setValues] = useState({
    title: task?.title ?? '',
    description: task?.description ?? '',
    dueOn: task?.dueOn ?? todayDay(),
    remindOn: task?.remindOn ?? '',
    assigneeId: task?.assigneeId ?? me.id,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof values, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors({});
  };
  const options = assignees.some((a) => a.id === values.assigneeId)
    ? assignees
    : [...assignees, { id: values.assigneeId, name: task?.assigneeName || me.name, role: '' }];

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const found: FieldErrors = {};
    if (!values.title.trim()) found.title = t('errors.fields.title');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.dueOn)) found.dueOn = t('errors.fields.dueOn');
    if (values.remindOn && values.remindOn > values.dueOn) found.remindOn = t('errors.fields.remindOn');
    if (Object.keys(found).length) {
      setErrors(found);
      focusFirstError(found);
      return;
    }
    const body = {
      title: values.title.trim(),
      description: values.description,
      dueOn: values.dueOn,
      remindOn: values.remindOn || null,
      assigneeId: values.assigneeId,
    };
    setBusy(true);
    try {
      if (task) await api('PATCH', journalPaths.task(slug, caseId, task.id), { ...body, version: task.version });
      else await api('POST', journalPaths.tasks(slug, caseId), body);
      onSaved();
    } catch (e) {
      const fe = fieldErrors(e, TASK_FIELDS);
      setErrors(fe);
      focusFirstError(fe);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card journal-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={headingId}>{task ? t('tasks.editTitle') : t('tasks.newTitle')}</h3>
      <FormError message={errors._form} />
      <TextField label={t('fields.title')} value={values.title} onChange={(v) => set('title', v)} error={errors.title} required />
      <div className="form-grid">
        <TextField label={t('fields.dueOn')} type="date" value={values.dueOn} onChange={(v) => set('dueOn', v)} error={errors.dueOn} required />
        <TextField
          label={t('fields.remindOn')}
          type="date"
          value={values.remindOn}
          onChange={(v) => set('remindOn', v)}
          error={errors.remindOn}
          hint={t('tasks.remindHint')}
        />
        <SelectField
          label={t('fields.assignee')}
          value={values.assigneeId}
          onChange={(v) => set('assigneeId', v)}
          error={errors.assigneeId}
          options={options.map((a) => ({ value: a.id, label: a.id === me.id ? t('tasks.me', { name: a.name }) : a.name }))}
        />
      </div>
      <TextArea label={t('fields.description')} value={values.description} onChange={(v) => set('description', v)} error={errors.description} rows={3} />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('common.saving') : t('tasks.save')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

