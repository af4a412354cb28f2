// Page /admin/:tenant/cases/dashboard/team: per manager open cases, overdue tasks, reviews due and
// approaching limits (team leads: their team; the integration lead: a team or the office), with
// the way to the handover (the cases engineer's team view hands over all cases of a person).
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { TeamView } from '../../../../shared/contracts/caseReports.ts';
import { SelectField } from '../../components/fields.tsx';
import { ErrorNotice, Forbidden, Loading, PageHeader } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { useTenant } from '../../tenant.tsx';
import { adminHref } from '../caseApi.ts';
import { formatDay, useCaseOptions } from '../caseUi.tsx';
import { ManagerTable } from './DashboardPage.tsx';
import { reportPaths } from './reportsApi.ts';

export function TeamOverviewPage() {
  const { t, i18n } = useTranslation('caseReports');
  const { slug } = useTenant();
  const me = useMe();
  const options = useCaseOptions();
  const [params, setParams] = useSearchParams();
  const allowed = me.role === 'team_lead' || me.role === 'integration_lead';
  const teamId = me.role === 'integration_lead' ? (params.get('teamId') ?? '') : '';
  const load = useApi<TeamView>(allowed ? reportPaths.team(slug, teamId || undefined) : null);
  if (!allowed) return <Forbidden />;
  const shownTeam = teamId || (me.role === 'team_lead' ? me.teamId : null);
  const teamName = options.data?.teams.find((x) => x.id === shownTeam)?.name;
  // The cases engineer's team view holds the bulk handover (all cases of one person at once).
  const handoverHref = () => adminHref(slug, `/cases/team${me.role === 'integration_lead' && teamId ? `?teamId=${teamId}` : ''}`);
  return (
    <>
      <PageHeader title={teamName ? t('team.titleOf', { team: teamName }) : t('team.title')}>
        {load.data ? <span className="meta">{t('dashboard.asOf', { date: formatDay(load.data.today, i18n.language) })}</span> : null}
      </PageHeader>
      <p>{t('team.intro')}</p>
      {me.role === 'integration_lead' ? (
        <search className="filters">
          <SelectField
            label={t('scope.team_choose')}
            value={teamId}
            onChange={(v) => setParams(v ? { teamId: v } : {}, { replace: true })}
            options={[{ value: '', label: t('team.allTeams') }, ...(options.data?.teams ?? []).map((x) => ({ value: x.id, label: x.name }))]}
          />
        </search>
      ) : null}
      <ErrorNotice error={load.error} onRetry={load.reload} />
      {!load.data && !load.error ? <Loading /> : null}
      {load.data ? (
        <section className="card" aria-labelledby="team-managers">
          <h2 id="team-managers">{t('dashboard.managers')}</h2>
          <ManagerTable managers={load.data.managers} handoverHref={handoverHref} />
          <p>
            <Link href={handoverHref()}>{t('team.toHandover')}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
