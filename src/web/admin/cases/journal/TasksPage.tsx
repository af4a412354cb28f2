// Page /admin/:tenant/cases/tasks: my tasks, overdue tasks in my scope (own cases / team / office),
// my upcoming appointments and expiring documents — each linking to the case.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ExpiringList, TaskList, TaskListItem, UpcomingList } from '../../../../shared/contracts/caseJournal.ts';
import { query } from '../../api.ts';
import { Tabs } from '../../components/Tabs.tsx';
import { ErrorNotice, Loading, Notice, PageHeader } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { useTenant } from '../../tenant.tsx';
import { CaseIdleTimeout } from '../IdleTimeout.tsx';
import { ExpiryBadge, FormError, formatDateTime, formatDay, journalPaths, languageName, TaskBadges, type TaskStatus, TaskStatusFilter, FilterSelect, useTaskDoneToggle } from './journalUi.tsx';

type View = 'mine' | 'overdue' | 'appointments' | 'documents';

export function CaseTasksPage() {
  const { t } = useTranslation('journal');
  const me = useMe();
  const [view, setView] = useState<View>('mine');
  const overdueLabel = me.role === 'integration_lead' ? t('page.overdueOffice') : me.role === 'team_lead' ? t('page.overdueTeam') : t('page.overdueOwn');
  return (
    <>
      <CaseIdleTimeout />
      <PageHeader title={t('page.title')} />
      <Tabs
        label={t('page.views')}
        tabs={[
          { key: 'mine', label: t('page.mine') },
          { key: 'overdue', label: overdueLabel },
          { key: 'appointments', label: t('page.appointments') },
          { key: 'documents', label: t('page.documents') },
        ]}
        active={view}
        onChange={setView}
      >
        {view === 'mine' ? <MyTasks /> : null}
        {view === 'overdue' ? <OverdueTasks /> : null}
        {view === 'appointments' ? <Appointments /> : null}
        {view === 'documents' ? <ExpiringDocuments /> : null}
      </Tabs>
    </>
  );
}

function MyTasks() {
  const { t } = useTranslation('journal');
  const { slug } = useTenant();
  const [status, setStatus] = useState<TaskStatus>('open');
  const list = useApi<TaskList>(journalPaths.myTasks(slug) + query({ status }));
  return (
    <>
      <TaskStatusFilter value={status} onChange={setStatus} />
      <TaskTable list={list} caption={t('page.mine')} showAssignee={false} onChanged={list.reload} />
    </>
  );
}

function OverdueTasks() {
  const { t } = useTranslation('journal');
  const { slug } = useTenant();
  const [scope, setScope] = useState<'team' | 'mine'>('team');
  const list = useApi<TaskList>(journalPaths.overdueTasks(slug) + query({ scope }));
  return (
    <>
      <FilterSelect
        label={t('page.scope')}
        value={scope}
        onChange={(v) => setScope(v as typeof scope)}
        options={[
          { value: 'team', label: t('page.scopeTeam') },
          { value: 'mine', label: t('page.scopeMine') },
        ]}
      />
      <TaskTable list={list} caption={t('page.overdue')} showAssignee onChanged={list.reload} />
    </>
  );
}

function TaskTable({
  list,
  caption,
  showAssignee,
  onChanged,
}: {
  list: ReturnType<typeof useApi<TaskList>>;
  caption: string;
  showAssignee: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation('journal');
  if (list.error) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  if (list.data.items.length === 0) return <p>{t('page.noTasks')}</p>;
  return (
    <>
      {list.data.total > list.data.items.length ? <Notice kind="info">{t('page.more', { shown: list.data.items.length, total: list.data.total })}</Notice> : null}
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fields.dueOn')}</th>
              <th scope="col">{t('fields.title')}</th>
              <th scope="col">{t('page.case')}</th>
              {showAssignee ? <th scope="col">{t('fields.assignee')}</th> : null}
              <th scope="col">{t('documents.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((task) => (
              <tr key={task.id} className={task.done ? 'task-done' : undefined}>
                <td>
                  {formatDay(task.dueOn, i18n.language)} <TaskBadges task={task} />
                </td>
                <td>{task.title}</td>
                <td>
                  <Link href={`/cases/${task.caseId}/tasks`}>{task.caseReference}</Link>
                  <span className="meta"> – {task.personName}</span>
                </td>
                {showAssignee ? <td>{task.assigneeName}</td> : null}
                <td className="actions">
                  <DoneButton task={task} onChanged={onChanged} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function DoneButton({ task, onChanged }: { task: TaskListItem; onChanged: () => void }) {
  const { t } = useTranslation('journal');
  const { error, busy, toggle } = useTaskDoneToggle(task, onChanged);
  return (
    <>
      <button type="button" className="button secondary small" disabled={busy} onClick={() => void toggle()}>
        {task.done ? t('tasks.reopen') : t('tasks.markDone')}
        <span className="visually-hidden"> – {task.title}</span>
      </button>
      <FormError message={error ?? undefined} />
    </>
  );
}

function Appointments() {
  const { t, i18n } = useTranslation('journal');
  const { slug } = useTenant();
  const [days, setDays] = useState('14');
  const list = useApi<UpcomingList>(journalPaths.upcoming(slug) + query({ days }));
  const lang = i18n.language;
  return (
    <>
      <FilterSelect
        label={t('page.period')}
        value={days}
        onChange={setDays}
        options={['7', '14', '30', '90'].map((d) => ({ value: d, label: t('page.days', { count: Number(d) }) }))}
      />
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? <p>{t('page.noAppointments')}</p> : null}
      {list.data?.items.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('page.appointments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.scheduledAt')}</th>
                <th scope="col">{t('fields.subject')}</th>
                <th scope="col">{t('page.case')}</th>
                <th scope="col">{t('fields.interpreter')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((a) => (
                <tr key={a.id}>
                  <td>
                    {formatDateTime(a.occurredAt, lang)}
                    {a.durationMinutes !== null ? <span className="meta"> ({t('entries.minutes', { count: a.durationMinutes })})</span> : null}
                  </td>
                  <td>
                    {a.subject || t('kinds.appointment')}
                    {a.channel ? <span className="meta"> – {t(`channels.${a.channel}`)}</span> : null}
                  </td>
                  <td>
                    <Link href={`/cases/${a.caseId}/journal`}>{a.caseReference}</Link>
                    <span className="meta"> – {a.personName}</span>
                  </td>
                  <td>
                    {a.interpreter === 'none'
                      ? t('interpreters.none')
                      : `${t(`interpreters.${a.interpreter}`)}${a.interpreterLanguage ? ` (${languageName(a.interpreterLanguage, lang)})` : ''}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

function ExpiringDocuments() {
  const { t, i18n } = useTranslation('journal');
  const { slug } = useTenant();
  const list = useApi<ExpiringList>(journalPaths.expiring(slug));
  const lang = i18n.language;
  if (list.error) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  if (list.data.items.length === 0) return <p>{t('page.noDocuments')}</p>;
  return (
    <>
      <p className="hint">{t('page.documentsHint')}</p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('page.documents')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fields.expiresOn')}</th>
              <th scope="col">{t('fields.docType')}</th>
              <th scope="col">{t('page.case')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((d) => (
              <tr key={d.id}>
                <td>
                  {formatDay(d.expiresOn, lang)} <ExpiryBadge doc={{ expired: d.daysLeft < 0, expiringSoon: d.daysLeft >= 0 }} />
                  <span className="meta"> {d.daysLeft < 0 ? t('page.daysAgo', { count: -d.daysLeft }) : t('page.daysLeft', { count: d.daysLeft })}</span>
                </td>
                <td>{t(`docTypes.${d.docType}`)}</td>
                <td>
                  <Link href={`/cases/${d.caseId}/documents`}>{d.caseReference}</Link>
                  <span className="meta"> – {d.personName}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
