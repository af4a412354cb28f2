// All meetings, by start, filtered by committee; upcoming first by default.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AdminCommittee, MeetingPage } from '../../../../shared/contracts/committees.ts';
import { query } from '../../api.ts';
import { SelectField } from '../../components/fields.tsx';
import { PagedList } from '../../components/frames.tsx';
import { PageHeader } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { ErrorNotice } from './errors.tsx';
import { MeetingTable } from './CommitteeDetail.tsx';
import { committeePaths } from './committeesApi.ts';

export function MeetingListPage() {
  const { t } = useTranslation('committees');
  const { t: ta } = useTranslation('admin');
  const { slug } = useTenant();
  const [committeeId, setCommitteeId] = useState('');
  const [period, setPeriod] = useState<'upcoming' | 'past' | 'all'>('upcoming');
  const [page, setPage] = useState(1);
  const today = new Date().toISOString().slice(0, 10);
  const committees = useApi<{ items: AdminCommittee[] }>(committeePaths.committees(slug));
  const list = useApi<MeetingPage>(
    committeePaths.meetings(slug) + query({ committeeId, from: period === 'upcoming' ? today : undefined, to: period === 'past' ? today : undefined, page, pageSize: 25 }),
  );
  return (
    <>
      <PageHeader title={t('meetings.title')}>
        <Link href={`/meetings/new${committeeId ? `?committeeId=${committeeId}` : ''}`} className="button primary">
          {t('meetings.new')}
        </Link>
      </PageHeader>
      <search className="filters" aria-label={ta('common.filters')}>
        <SelectField
          label={t('fields.committee')}
          value={committeeId}
          onChange={(v) => {
            setCommitteeId(v);
            setPage(1);
          }}
          options={[{ value: '', label: ta('common.all') }, ...(committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        />
        <SelectField
          label={t('meetings.period')}
          value={period}
          onChange={(v) => {
            setPeriod(v as typeof period);
            setPage(1);
          }}
          options={[
            { value: 'upcoming', label: t('meetings.upcoming') },
            { value: 'past', label: t('meetings.past') },
            { value: 'all', label: ta('common.all') },
          ]}
        />
      </search>
      <PagedList list={list} onPage={setPage} ErrorView={ErrorNotice}>
        {(data) => <MeetingTable meetings={data.items} />}
      </PagedList>
    </>
  );
}
