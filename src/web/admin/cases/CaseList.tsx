// The case list: "my cases" for managers, the team's or the office's cases for leads, with filters
// (state, programme, owner, team, due for attention, reference), sorting and paging. The filters live
// in the URL (ids and states only — never names), so back navigation keeps them.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { CASE_SORTS, CASE_STATES, type CasePage } from '../../../shared/contracts/cases.ts';
import { query } from '../api.ts';
import { SelectField, TextField } from '../components/fields.tsx';
import { ErrorNotice, Loading, PageHeader, Pager } from '../components/ui.tsx';
import { useApi } from '../hooks.ts';
import { useMe } from '../session.tsx';
import { useTenant } from '../tenant.tsx';
import { casePaths } from './caseApi.ts';
import { CaseStateBadge, WarningBadges, formatDay, useCaseOptions } from './caseUi.tsx';

const FILTERS = ['view', 'state', 'programmeId', 'ownerId', 'teamId', 'attention', 'q', 'sort', 'dir', 'page'] as const;
type Filter = (typeof FILTERS)[number];

export function CaseListPage() {
  const { t, i18n } = useTranslation('cases');
  const { slug } = useTenant();
  const me = useMe();
  const options = useCaseOptions();
  const [params, setParams] = useSearchParams();
  const get = (k: Filter, fallback = '') => params.get(k) ?? fallback;
  const isLead = me.role === 'team_lead' || me.role === 'integration_lead';
  const view = isLead ? get('view', 'all') : 'mine';
  const state = get('state', 'open');
  const sort = get('sort', 'startedOn');
  const dir = get('dir', 'desc');
  const page = Number(get('page', '1')) || 1;

  const set = (changes: Partial<Record<Filter, string>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  // The reference search is typed; apply it after a pause.
  const [q, setQ] = useState(get('q'));
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text triggers
  useEffect(() => {
    const id = setTimeout(() => {
      const cleaned = q.trim().replace(/[^A-Za-z0-9-]/g, '');
      if (cleaned !== get('q')) set({ q: cleaned });
    }, 300);
    return () => clearTimeout(id);
  }, [q]);

  const apiQuery = query({
    state: state === 'all' ? undefined : state,
    programmeId: get('programmeId'),
    ownerId: isLead ? get('ownerId') : undefined,
    teamId: me.role === 'integration_lead' ? get('teamId') : undefined,
    attention: get('attention'),
    q: get('q'),
    mine: view === 'mine' && isLead ? 'true' : undefined,
    sort,
    dir,
    page,
    pageSize: 25,
  });
  const list = useApi<CasePage>(casePaths.cases(slug) + apiQuery);
  const opts = options.data;
  const title = view === 'mine' ? t('list.titleMine') : me.role === 'team_lead' ? t('list.titleTeam') : t('list.titleOffice');

  return (
    <>
      <PageHeader title={title}>
        <Link href="/new" className="button primary">
          {t('list.new')}
        </Link>
        {isLead ? (
          <Link href="/team" className="button secondary">
            {t('team.title')}
          </Link>
        ) : null}
      </PageHeader>
      <search className="filters" aria-label={t('list.filters')}>
        {isLead ? (
          <SelectField
            label={t('list.view')}
            value={view}
            onChange={(v) => set({ view: v === 'all' ? '' : v })}
            options={[
              { value: 'all', label: me.role === 'team_lead' ? t('list.viewTeam') : t('list.viewOffice') },
              { value: 'mine', label: t('list.viewMine') },
            ]}
          />
        ) : null}
        <SelectField
          label={t('fields.state')}
          value={state}
          onChange={(v) => set({ state: v === 'open' ? '' : v })}
          options={[
            { value: 'open', label: t('list.stateOpen') },
            { value: 'all', label: t('list.stateAll') },
            ...CASE_STATES.map((s) => ({ value: s, label: t(`states.${s}`) })),
          ]}
        />
        <SelectField
          label={t('fields.programme')}
          value={get('programmeId')}
          onChange={(v) => set({ programmeId: v })}
          options={[{ value: '', label: t('list.any') }, ...(opts?.programmes ?? []).map((p) => ({ value: p.id, label: p.name }))]}
        />
        {isLead && view !== 'mine' ? (
          <SelectField
            label={t('fields.owner')}
            value={get('ownerId')}
            onChange={(v) => set({ ownerId: v })}
            options={[{ value: '', label: t('list.any') }, ...(opts?.staff ?? []).map((s) => ({ value: s.id, label: s.disabled ? `${s.name} (${t('list.disabled')})` : s.name }))]}
          />
        ) : null}
        {me.role === 'integration_lead' ? (
          <SelectField
            label={t('fields.team')}
            value={get('teamId')}
            onChange={(v) => set({ teamId: v })}
            options={[{ value: '', label: t('list.any') }, ...(opts?.teams ?? []).map((x) => ({ value: x.id, label: x.name }))]}
          />
        ) : null}
        <SelectField
          label={t('list.attention')}
          value={get('attention')}
          onChange={(v) => set({ attention: v })}
          options={[
            { value: '', label: t('list.any') },
            { value: 'any', label: t('list.attentionAny') },
            { value: 'max_duration', label: t('list.attentionMaxDuration') },
            { value: 'planned_end', label: t('list.attentionPlannedEnd') },
          ]}
        />
        <TextField label={t('list.reference')} type="search" value={q} onChange={setQ} hint={t('list.referenceHint')} />
        <SelectField
          label={t('list.sort')}
          value={sort}
          onChange={(v) => set({ sort: v === 'startedOn' ? '' : v })}
          options={CASE_SORTS.map((s) => ({ value: s, label: t(`list.sorts.${s}`) }))}
        />
        <SelectField
          label={t('list.direction')}
          value={dir}
          onChange={(v) => set({ dir: v === 'desc' ? '' : v })}
          options={[
            { value: 'desc', label: t('list.desc') },
            { value: 'asc', label: t('list.asc') },
          ]}
        />
      </search>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <>
          <p className="result-count" aria-live="polite">
            {list.data.totalCapped ? t('list.countCapped', { count: list.data.total }) : t('list.count', { count: list.data.total })}
          </p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.reference')}</th>
                  <th scope="col">{t('fields.person')}</th>
                  <th scope="col">{t('fields.programme')}</th>
                  <th scope="col">{t('fields.state')}</th>
                  {isLead ? <th scope="col">{t('fields.owner')}</th> : null}
                  {me.role === 'integration_lead' ? <th scope="col">{t('fields.team')}</th> : null}
                  <th scope="col">{t('fields.startedOn')}</th>
                  <th scope="col">{t('fields.plannedEndOn')}</th>
                  <th scope="col">{t('fields.limitOn')}</th>
                  <th scope="col">{t('fields.warnings')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link href={`/${c.id}`}>{c.reference}</Link>
                    </td>
                    <td>{c.person.name}</td>
                    <td>{c.programme.name}</td>
                    <td>
                      <CaseStateBadge state={c.state} />
                    </td>
                    {isLead ? <td>{c.owner?.name ?? '–'}</td> : null}
                    {me.role === 'integration_lead' ? <td>{c.team.name}</td> : null}
                    <td>{formatDay(c.startedOn, i18n.language)}</td>
                    <td>{formatDay(c.plannedEndOn, i18n.language)}</td>
                    <td>{formatDay(c.limitOn, i18n.language)}</td>
                    <td>
                      <WarningBadges warnings={c.warnings} />
                    </td>
                  </tr>
                ))}
                {list.data.items.length === 0 ? (
                  <tr>
                    <td colSpan={10}>{t('list.empty')}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => set({ page: String(p) })} />
        </>
      ) : null}
    </>
  );
}
