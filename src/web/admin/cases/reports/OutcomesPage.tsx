// Page /admin/:tenant/cases/outcomes: outcome figures of a year (pseudonymised aggregates) with
// filters (year, cohort, programme, team), tables with SVG bar charts, CSV/XLSX download.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import type { GoalCounts, OutcomeBlock, OutcomeFigures } from '../../../../shared/contracts/caseReports.ts';
import { SelectField } from '../../components/fields.tsx';
import { ErrorNotice, Loading, Notice, PageHeader } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { useTenant } from '../../tenant.tsx';
import { todayDay, useCaseOptions } from '../caseUi.tsx';
import { SimpleTable } from './DashboardPage.tsx';
import { reportPaths } from './reportsApi.ts';
import { BarChart, useNumberFormat } from './reportsUi.tsx';

const FIRST_YEAR = 2015;

export function OutcomesPage() {
  const { t } = useTranslation('caseReports');
  const { slug } = useTenant();
  const me = useMe();
  const options = useCaseOptions();
  const [params, setParams] = useSearchParams();
  const currentYear = Number(todayDay().slice(0, 4));
  const year = Number(params.get('year')) || currentYear;
  const cohort = params.get('cohort') === 'active' ? 'active' : 'closed';
  const programmeId = params.get('programmeId') ?? '';
  const teamId = me.role === 'integration_lead' ? (params.get('teamId') ?? '') : '';
  const filter = { year, cohort, programmeId: programmeId || undefined, teamId: teamId || undefined };
  const load = useApi<OutcomeFigures>(reportPaths.outcomes(slug, filter));
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const years = Array.from({ length: currentYear - FIRST_YEAR + 1 }, (_, i) => currentYear - i);

  return (
    <>
      <PageHeader title={t('outcomes.title')} />
      <p>{t('outcomes.intro')}</p>
      <search className="filters" aria-label={t('outcomes.filters')}>
        <SelectField label={t('outcomes.year')} value={String(year)} onChange={(v) => set('year', v)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <SelectField
          label={t('outcomes.cohort')}
          value={cohort}
          onChange={(v) => set('cohort', v === 'closed' ? '' : v)}
          options={(['closed', 'active'] as const).map((c) => ({ value: c, label: t(`outcomes.cohorts.${c}`) }))}
        />
        <SelectField
          label={t('outcomes.programme')}
          value={programmeId}
          onChange={(v) => set('programmeId', v)}
          options={[{ value: '', label: t('outcomes.allProgrammes') }, ...(options.data?.programmes ?? []).map((p) => ({ value: p.id, label: p.name }))]}
        />
        {me.role === 'integration_lead' ? (
          <SelectField
            label={t('outcomes.team')}
            value={teamId}
            onChange={(v) => set('teamId', v)}
            options={[{ value: '', label: t('outcomes.allTeams') }, ...(options.data?.teams ?? []).map((x) => ({ value: x.id, label: x.name }))]}
          />
        ) : null}
      </search>
      <section className="card" aria-labelledby="outcomes-download">
        <h2 id="outcomes-download">{t('outcomes.download')}</h2>
        <div className="report-downloads">
          <a className="button secondary" href={reportPaths.outcomesExport(slug, { ...filter, format: 'csv' })} download>
            {t('outcomes.csv')}
          </a>
          <a className="button secondary" href={reportPaths.outcomesExport(slug, { ...filter, format: 'xlsx' })} download>
            {t('outcomes.xlsx')}
          </a>
        </div>
        <p className="hint">{t('outcomes.downloadHint')}</p>
      </section>
      <ErrorNotice error={load.error} onRetry={load.reload} />
      {!load.data && !load.error ? <Loading /> : null}
      {load.data ? <Figures f={load.data} /> : null}
    </>
  );
}

function Figures({ f }: { f: OutcomeFigures }) {
  const { t } = useTranslation('caseReports');
  return (
    <>
      <Notice kind="info">{f.includesErased ? t('outcomes.erasedIncluded') : t('outcomes.erasedNotIncluded')}</Notice>
      <BlockFigures f={f} block={f.total} />
      {f.programmeId === null ? (
        <Breakdown
          id="outcomes-programmes"
          title={t('outcomes.byProgramme.title')}
          caption={t('outcomes.byProgramme.caption')}
          nameHead={t('outcomes.byProgramme.name')}
          rows={f.byProgramme.map((p) => ({ key: p.programmeId ?? 'unknown', name: p.name ?? t('outcomes.byProgramme.unknown'), block: p }))}
        />
      ) : null}
      {f.scope === 'office' && f.teamId === null ? (
        <Breakdown
          id="outcomes-teams"
          title={t('outcomes.byTeam.title')}
          caption={t('outcomes.byTeam.caption')}
          nameHead={t('outcomes.byTeam.name')}
          rows={f.byTeam.map((x) => ({ key: x.teamId ?? 'unknown', name: x.name ?? t('outcomes.byTeam.unknown'), block: x }))}
        />
      ) : null}
    </>
  );
}

function BlockFigures({ f, block }: { f: OutcomeFigures; block: OutcomeBlock }) {
  const { t, i18n } = useTranslation('caseReports');
  const { t: tc } = useTranslation('cases');
  const { number, percent, share } = useNumberFormat();
  const fieldName = (key: string) => {
    const names = f.fields.find((x) => x.key === key)?.names;
    return names?.[i18n.language] || names?.de || key;
  };
  const days = (v: number | null) => (v === null ? t('outcomes.noValue') : t('outcomes.daysValue', { value: number(v) }));
  const goalCells = (g: GoalCounts) => [g.reached, g.partly, g.notReached, g.open, g.total, percent(g.reachedRate)];
  const reasonLabel = (r: string) => (r === 'unknown' ? t('outcomes.reasons.unknown') : tc(`closingReasons.${r}`, { defaultValue: r }));
  const outcomesLegend = [t('outcomes.goals.reached'), t('outcomes.goals.partly'), t('outcomes.goals.notReached'), t('outcomes.goals.open')];
  const { cases, goals, referrals } = block;
  const referralRows: Array<[string, number, string]> = [
    [t('outcomes.referrals.sent'), referrals.sent, share(referrals.sent, referrals.sent)],
    [t('outcomes.referrals.accepted'), referrals.accepted, percent(referrals.acceptanceRate)],
    [t('outcomes.referrals.rejected'), referrals.rejected, percent(referrals.rejectionRate)],
    [t('outcomes.referrals.completed'), referrals.completed, percent(referrals.completionRate)],
  ];

  return (
    <>
      <h2 className="visually-hidden">{t('outcomes.cases.title')}</h2>
      <ul className="report-tiles">
        <li>
          <span className="tile-value">{cases.active}</span>
          <span className="tile-label">{t('outcomes.cases.active')}</span>
        </li>
        <li>
          <span className="tile-value">{cases.opened}</span>
          <span className="tile-label">{t('outcomes.cases.opened')}</span>
        </li>
        <li>
          <span className="tile-value">{cases.closed}</span>
          <span className="tile-label">{t('outcomes.cases.closed')}</span>
        </li>
        <li>
          <span className="tile-value">{days(cases.meanDurationDays)}</span>
          <span className="tile-label">{t('outcomes.cases.meanDuration')}</span>
        </li>
      </ul>

      <section className="card" aria-labelledby="outcomes-goals">
        <h2 id="outcomes-goals">{t('outcomes.goals.title')}</h2>
        {goals.byField.length === 0 ? (
          <p>{t('outcomes.goals.none')}</p>
        ) : (
          <>
            <BarChart
              title={t('outcomes.goals.chart', {
                list: goals.byField.map((g) => `${fieldName(g.field)}: ${g.reached} / ${g.partly} / ${g.notReached} / ${g.open}`).join('; '),
              })}
              legend={outcomesLegend}
              rows={goals.byField.map((g) => ({
                label: fieldName(g.field),
                segments: [
                  { label: outcomesLegend[0]!, value: g.reached },
                  { label: outcomesLegend[1]!, value: g.partly },
                  { label: outcomesLegend[2]!, value: g.notReached },
                  { label: outcomesLegend[3]!, value: g.open },
                ],
              }))}
            />
            <SimpleTable
              caption={t('outcomes.goals.caption')}
              head={[
                t('outcomes.goals.field'),
                t('outcomes.goals.reached'),
                t('outcomes.goals.partly'),
                t('outcomes.goals.notReached'),
                t('outcomes.goals.open'),
                t('outcomes.goals.total'),
                t('outcomes.goals.reachedRate'),
              ]}
              rows={goals.byField.map((g) => [fieldName(g.field), ...goalCells(g)])}
              foot={[t('outcomes.goals.all'), ...goalCells(goals.all)]}
            />
            <p className="hint">{t('outcomes.goals.reachedRateHint')}</p>
          </>
        )}
      </section>

      <div className="report-grid">
        <section className="card" aria-labelledby="outcomes-time">
          <h2 id="outcomes-time">{t('outcomes.time.title')}</h2>
          <p className="hint">{t('outcomes.time.caption')}</p>
          <SimpleTable
            caption={t('outcomes.time.caption')}
            head={[t('outcomes.goals.field'), t('outcomes.time.n'), t('outcomes.time.median'), t('outcomes.time.mean')]}
            rows={goals.byField.filter((g) => g.timeToReach.n > 0).map((g) => [fieldName(g.field), g.timeToReach.n, days(g.timeToReach.medianDays), days(g.timeToReach.meanDays)])}
            foot={[t('outcomes.goals.all'), goals.all.timeToReach.n, days(goals.all.timeToReach.medianDays), days(goals.all.timeToReach.meanDays)]}
          />
        </section>

        <section className="card" aria-labelledby="outcomes-referrals">
          <h2 id="outcomes-referrals">{t('outcomes.referrals.title')}</h2>
          <BarChart
            compact
            title={t('outcomes.referrals.chart', { list: referralRows.map(([label, n]) => `${label}: ${n}`).join(', ') })}
            rows={referralRows.map(([label, n]) => ({ label, segments: [{ label, value: n }] }))}
          />
          <SimpleTable
            caption={t('outcomes.referrals.caption')}
            head={[t('outcomes.referrals.status'), t('outcomes.referrals.count'), t('outcomes.referrals.share')]}
            rows={referralRows}
          />
        </section>

        <section className="card" aria-labelledby="outcomes-reasons">
          <h2 id="outcomes-reasons">{t('outcomes.reasons.title')}</h2>
          {cases.closingReasons.length === 0 ? (
            <p>{t('outcomes.reasons.none')}</p>
          ) : (
            <>
              <BarChart
                compact
                title={t('outcomes.reasons.chart', { list: cases.closingReasons.map((r) => `${reasonLabel(r.reason)}: ${r.count}`).join(', ') })}
                rows={cases.closingReasons.map((r) => ({ label: reasonLabel(r.reason), segments: [{ label: reasonLabel(r.reason), value: r.count }] }))}
              />
              <SimpleTable
                caption={t('outcomes.reasons.caption')}
                head={[t('outcomes.reasons.reason'), t('outcomes.reasons.count'), t('outcomes.reasons.share')]}
                rows={cases.closingReasons.map((r) => [reasonLabel(r.reason), r.count, share(r.count, cases.closed)])}
              />
            </>
          )}
        </section>
      </div>
    </>
  );
}

function Breakdown({ id, title, caption, nameHead, rows }: { id: string; title: string; caption: string; nameHead: string; rows: Array<{ key: string; name: string; block: OutcomeBlock }> }) {
  const { t } = useTranslation('caseReports');
  const { number, percent } = useNumberFormat();
  if (rows.length === 0) return null;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <SimpleTable
        caption={caption}
        head={[
          nameHead,
          t('outcomes.columns.active'),
          t('outcomes.columns.closed'),
          t('outcomes.columns.goals'),
          t('outcomes.columns.reachedRate'),
          t('outcomes.columns.medianDays'),
          t('outcomes.columns.sent'),
          t('outcomes.columns.acceptanceRate'),
        ]}
        rows={rows.map((r) => [
          r.name,
          r.block.cases.active,
          r.block.cases.closed,
          r.block.goals.all.total,
          percent(r.block.goals.all.reachedRate),
          number(r.block.goals.all.timeToReach.medianDays),
          r.block.referrals.sent,
          percent(r.block.referrals.acceptanceRate),
        ])}
      />
    </section>
  );
}
