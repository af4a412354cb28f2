// The task list across all groups: open, overdue, done; by group and owner; status changes in place.
import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import { type GroupPage, type StaffList, TASK_STATUSES, type TaskPage } from '../../../../shared/contracts/networks.ts';
import { api, query } from '../../api.ts';
import { SelectField } from '../../components/fields.tsx';
import { DataTable, PagedList } from '../../components/frames.tsx';
import { PageHeader } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { formatDay, formatWhen, networkPaths, useNetworkT } from './common.tsx';

export function TaskListPage() {
  const { t, ta, lang } = useNetworkT();
  const { slug } = useTenant();
  const params = new URLSearchParams(useSearch());
  const [status, setStatus] = useState(params.get('status') ?? 'open');
  const [groupId, setGroupId] = useState(params.get('groupId') ?? '');
  const [owner, setOwner] = useState('');
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const groups = useApi<GroupPage>(networkPaths.groups(slug) + query({ pageSize: 100 }));
  const staff = useApi<StaffList>(networkPaths.staff(slug));
  const list = useApi<TaskPage>(networkPaths.tasks(slug) + query({ status, groupId, ownerAccountId: owner, page, pageSize: 50 }));
  const change = async (id: string, next: string) => {
    setError(null);
    try {
      await api('PATCH', networkPaths.task(slug, id), { status: next });
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <PageHeader title={t('tasks.title')} />
      <p className="lead">{t('tasks.lead')}</p>
      <search className="filters">
        <SelectField
          label={t('tasks.show')}
          value={status}
          onChange={(v) => { setStatus(v); setPage(1); }}
          options={['open', 'overdue', 'done', 'cancelled', 'all'].map((s) => ({ value: s, label: t(`tasks.filter.${s}`) }))}
        />
        <SelectField
          label={t('tasks.group')}
          value={groupId}
          onChange={(v) => { setGroupId(v); setPage(1); }}
          options={[{ value: '', label: ta('common.all') }, ...(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))]}
        />
        <SelectField
          label={t('tasks.ownerFilter')}
          value={owner}
          onChange={(v) => { setOwner(v); setPage(1); }}
          options={[{ value: '', label: ta('common.all') }, ...(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))]}
        />
      </search>
      <PagedList list={list} onPage={setPage} error={error}>
        {(data) => (
          <DataTable
            caption={t('tasks.title')}
            columns={[t('tasks.taskTitle'), t('tasks.group'), t('tasks.owner'), t('tasks.dueOn'), t('fields.status')]}
            items={data.items}
            empty={t('tasks.none')}
            row={(x) => (
              <tr>
                <td>
                  {x.title}
                  {x.meeting ? (
                    <div className="muted small">
                      <Link href={`/meetings/${x.meeting.id}`}>
                        {x.meeting.title}, {formatWhen(x.meeting.startsAt, null, lang)}
                      </Link>
                    </div>
                  ) : null}
                </td>
                <td>
                  <Link href={`/groups/${x.group.id}`}>{x.group.name}</Link>
                </td>
                <td>{x.owner ? x.owner.type === 'contact' ? <Link href={`/contacts/${x.owner.id}`}>{x.owner.name}</Link> : x.owner.name : '–'}</td>
                <td>
                  {formatDay(x.dueOn, lang)}
                  {x.overdue ? <span className="badge overdue">{t('tasks.overdue')}</span> : null}
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={`status-${x.id}`}>
                    {t('tasks.statusOf', { title: x.title })}
                  </label>
                  <select id={`status-${x.id}`} value={x.status} onChange={(e) => void change(x.id, e.target.value)}>
                    {TASK_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`taskStatus.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            )}
          />
        )}
      </PagedList>
    </>
  );
}
