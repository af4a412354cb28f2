// Case tab "Aufgaben": the case's tasks and reminders (due date, reminder day, assignee), done /
// open again, change, and a new task for oneself or a colleague who works on the case.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignee, CaseTask, CaseTaskList } from '../../../../shared/contracts/caseJournal.ts';
import { api } from '../../api.ts';
import { SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { ErrorNotice, Loading } from '../../components/ui.tsx';
import { type FieldErrors, focusFirstError } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { useTenant } from '../../tenant.tsx';
import type { CaseTabProps } from '../registry.ts';
import { FormError, formatDay, journalPaths, TabHeading, TaskBadges, todayDay, useChangeNotice, useFormToggle, type TaskStatus, TaskStatusFilter, useJournalErrors, useTaskDoneToggle } from './journalUi.tsx';


export default function TasksTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation('journal');
  const { slug } = useTenant();
  const [status, setStatus] = useState<TaskStatus>('open');
  const form = useFormToggle();
  const list = useApi<CaseTaskList>(`${journalPaths.tasks(slug, caseId)}?status=${status}`);
  const assignees = useApi<{ items: Assignee[] }>(journalPaths.assignees(slug, caseId));
  const notice = useChangeNotice(list.reload);
  const done = notice.done;

  return (
    <section aria-labelledby="tasks-heading">
      <TabHeading id="tasks-heading" title={t('tasks.title')} newLabel={t('tasks.new')} form={form} notice={notice} />
      {form.isOpen ? (
        <TaskForm
          caseId={caseId}
          task={null}
          assignees={assignees.data?.items ?? []}
          onCancel={() => form.close(true)}
          onSaved={() => {
            form.close();
            done(t('tasks.created'));
          }}
        />
      ) : null}
      <TaskStatusFilter value={status} onChange={setStatus} />
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
  const headingId = useId();
  const edit = useFormToggle();
  const { error, busy, toggle } = useTaskDoneToggle(task, () => onChanged(task.done ? t('tasks.reopened') : t('tasks.completed')));
  if (edit.isOpen) {
    return (
      <TaskForm
        caseId={caseId}
        task={task}
        assignees={assignees}
        onCancel={() => edit.close(true)}
        onSaved={() => {
          edit.close();
          onChanged(t('tasks.saved'));
        }}
      />
    );
  }
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
          <button ref={edit.button} type="button" className="button secondary small" onClick={edit.open}>
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

