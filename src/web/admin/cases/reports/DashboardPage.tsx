// Page /admin/:tenant/cases/dashboard: the caseload dashboard — the first page of case roles.
// Scope own / team / office within the role's; items link to the case by reference only.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { CaseloadDashboard, ManagerRow, ReportScope } from '../../../../shared/contracts/caseReports.ts';
import { SelectField } from '../../components/fields.tsx';
import { ErrorNotice, Loading, PageHeader } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { useTenant } from '../../tenant.tsx';
import { adminHref } from '../caseApi.ts';
import { formatDay, useCaseOptions, WarningBadges } from '../caseUi.tsx';
import { reportPaths } from './reportsApi.ts';
import { BarChart, ShownOf, useRelativeDays } from './reportsUi.tsx';

export function scopesOf(role: string): ReportScope[] {
  if (role === 'integration_lead') return ['own', 'team', 'office'];
  if (role === 'team_lead') return ['own', 'team'];
  return ['own'];
}

export function DashboardPage() {
  const { t, i18n } = useTranslation('caseReports');
  const { slug } = useTenant();
  const me = useMe();
  const scopes = scopesOf(me.role);
  const [params, setParams] = useSearchParams();
  const requested = params.get('scope') as ReportScope | null;
  const scope: ReportScope = requested && scopes.includes(requested) ? requested : scopes[scopes.length - 1]!;
  const options = useCaseOptions();
  const teams = options.data?.teams ?? [];
  const teamId = me.role === 'integration_lead' && scope === 'team' ? (params.get('teamId') ?? me.teamId ?? teams[0]?.id ?? '') : '';
  const waitingForTeam = me.role === 'integration_lead' && scope === 'team' && !teamId;
  const load = useApi<CaseloadDashboard>(waitingForTeam ? null : reportPaths.dashboard(slug, { scope, teamId: teamId || undefined }));
  const d = load.data;
  const set = (next: Record<string, string>) => setParams(next, { replace: true });

  return (
    <>
      <PageHeader title={t('dashboard.title')}>{d ? <span className="meta">{t('dashboard.asOf', { date: formatDay(d.today, i18n.language) })}</span> : null}</PageHeader>
      {scopes.length > 1 ? (
        <search className="filters">
          <SelectField
            label={t('scope.label')}
            value={scope}
            onChange={(v) => set({ scope: v })}
            options={scopes.map((s) => ({ value: s, label: t(`scope.${s}`) }))}
          />
          {me.role === 'integration_lead' && scope === 'team' ? (
            <SelectField label={t('scope.team_choose')} value={teamId} onChange={(v) => set({ scope, teamId: v })} options={teams.map((x) => ({ value: x.id, label: x.name }))} />
          ) : null}
        </search>
      ) : null}
      <ErrorNotice error={load.error} onRetry={load.reload} />
      {!d && !load.error ? <Loading /> : null}
      {d ? <DashboardBody d={d} /> : null}
    </>
  );
}

function DashboardBody({ d }: { d: CaseloadDashboard }) {
  const { t, i18n } = useTranslation('caseReports');
  const { t: tc } = useTranslation('cases');
  const { t: tj } = useTranslation('journal');
  const { slug } = useTenant();
  const me = useMe();
  const rel = useRelativeDays();
  const lang = i18n.language;
  const caseLink = (id: string, reference: string) => <Link href={adminHref(slug, `/cases/${id}`)}>{reference}</Link>;
  const listHref = adminHref(slug, `/cases${d.scope === 'own' && me.role !== 'integration_manager' ? '?view=mine' : ''}`);
  const isLead = me.role === 'team_lead' || me.role === 'integration_lead';

  return (
    <>
      <h2 className="visually-hidden">{t('dashboard.summary')}</h2>
      <ul className="report-tiles">
        <Tile value={d.openCases.total} label={t('dashboard.openCases')} href={listHref} />
        <Tile
          value={d.tasks.overdue}
          label={t('dashboard.overdueTasks')}
          note={t('dashboard.overdueOwn', { count: d.tasks.overdueOwn })}
          href={adminHref(slug, '/cases/tasks')}
          alert={d.tasks.overdue > 0}
        />
        <Tile value={d.plansDueForReview.total} label={t('dashboard.reviewsDue')} note={t('dashboard.reviewsHint')} />
        <Tile
          value={d.approachingLimits.total}
          label={t('dashboard.approachingLimits')}
          href={adminHref(slug, `/cases?attention=any${d.scope === 'own' && isLead ? '&view=mine' : ''}`)}
          alert={d.approachingLimits.items.some((i) => i.warnings.some((w) => w.days < 0))}
        />
        <Tile value={d.residenceExpiring.total} label={t('dashboard.residenceExpiring')} note={t('dashboard.residenceHint')} alert={d.residenceExpiring.items.some((i) => i.days < 0)} />
        <Tile value={d.documentsExpiring.total} label={t('dashboard.documentsExpiring')} alert={d.documentsExpiring.items.some((i) => i.days < 0)} />
        <Tile value={d.activeFlags.total} label={t('dashboard.activeFlags')} />
      </ul>

      <div className="report-grid">
        <section className="card" aria-labelledby="dash-states">
          <h2 id="dash-states">{t('dashboard.byState')}</h2>
          {d.openCases.byState.length === 0 ? (
            <p>{t('dashboard.none')}</p>
          ) : (
            <>
              <BarChart
                compact
                title={t('dashboard.byStateChart', { list: d.openCases.byState.map((s) => `${tc(`states.${s.state}`)}: ${s.count}`).join(', ') })}
                rows={d.openCases.byState.map((s) => ({ label: tc(`states.${s.state}`), segments: [{ label: t('dashboard.count'), value: s.count }] }))}
              />
              <SimpleTable
                caption={t('dashboard.byState')}
                head={[t('dashboard.state'), t('dashboard.count')]}
                rows={d.openCases.byState.map((s) => [tc(`states.${s.state}`), s.count])}
              />
            </>
          )}
        </section>

        {d.scope !== 'own' ? (
          <section className="card wide" aria-labelledby="dash-managers">
            <h2 id="dash-managers">{t('dashboard.managers')}</h2>
            <ManagerTable managers={d.managers} />
            <p>
              <Link href={adminHref(slug, `/cases/dashboard/team${d.teamId && me.role === 'integration_lead' ? `?teamId=${d.teamId}` : ''}`)}>{t('dashboard.toTeamView')}</Link>
            </p>
          </section>
        ) : null}

        <ListCard id="dash-tasks" title={t('dashboard.overdueTasks')} total={d.tasks.cases.total} shown={d.tasks.cases.items.length}>
          <SimpleTable
            caption={t('dashboard.overdueTasks')}
            head={[t('dashboard.case'), t('dashboard.overdueCount'), t('dashboard.oldestDue')]}
            rows={d.tasks.cases.items.map((i) => [caseLink(i.caseId, i.caseReference), i.overdue, `${formatDay(i.oldestDueOn, lang)} (${rel(-daysSince(i.oldestDueOn, d.today))})`])}
          />
          <p>
            <Link href={adminHref(slug, '/cases/tasks')}>{t('dashboard.allTasks')}</Link>
          </p>
        </ListCard>

        <ListCard id="dash-reviews" title={t('dashboard.reviewsDue')} total={d.plansDueForReview.total} shown={d.plansDueForReview.items.length}>
          <SimpleTable
            caption={t('dashboard.reviewsDue')}
            head={[t('dashboard.case'), t('dashboard.version'), t('dashboard.reviewDue')]}
            rows={d.plansDueForReview.items.map((i) => [caseLink(i.caseId, i.caseReference), i.version, `${formatDay(i.reviewDueOn, lang)} (${rel(i.days)})`])}
          />
        </ListCard>

        <ListCard id="dash-limits" title={t('dashboard.approachingLimits')} total={d.approachingLimits.total} shown={d.approachingLimits.items.length}>
          <SimpleTable
            caption={t('dashboard.approachingLimits')}
            head={[t('dashboard.case'), t('dashboard.warnings')]}
            rows={d.approachingLimits.items.map((i) => [caseLink(i.caseId, i.caseReference), <WarningBadges key="w" warnings={i.warnings} />])}
          />
        </ListCard>

        <ListCard id="dash-residence" title={t('dashboard.residenceExpiring')} total={d.residenceExpiring.total} shown={d.residenceExpiring.items.length}>
          <SimpleTable
            caption={t('dashboard.residenceExpiring')}
            head={[t('dashboard.case'), t('dashboard.expiresOn')]}
            rows={d.residenceExpiring.items.map((i) => [caseLink(i.caseId, i.caseReference), <Dated key="d" day={i.expiresOn} days={i.days} />])}
          />
        </ListCard>

        <ListCard id="dash-documents" title={t('dashboard.documentsExpiring')} total={d.documentsExpiring.total} shown={d.documentsExpiring.items.length}>
          <SimpleTable
            caption={t('dashboard.documentsExpiring')}
            head={[t('dashboard.case'), t('dashboard.docType'), t('dashboard.expiresOn')]}
            rows={d.documentsExpiring.items.map((i) => [
              caseLink(i.caseId, i.caseReference),
              tj(`docTypes.${i.docType}`, { defaultValue: i.docType }),
              <Dated key="d" day={i.expiresOn} days={i.days} />,
            ])}
          />
        </ListCard>

        <ListCard id="dash-flags" title={t('dashboard.activeFlags')} total={d.activeFlags.total} shown={d.activeFlags.items.length}>
          <SimpleTable
            caption={t('dashboard.activeFlags')}
            head={[t('dashboard.case'), t('dashboard.kinds')]}
            rows={d.activeFlags.items.map((i) => [caseLink(i.caseId, i.caseReference), i.kinds.map((k) => tj(`flagKinds.${k}`, { defaultValue: k })).join(', ')])}
          />
        </ListCard>
      </div>
      <p className="meta">{t('dashboard.privacy')}</p>
    </>
  );
}

function daysSince(day: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}

function Dated({ day, days }: { day: string; days: number }) {
  const { i18n } = useTranslation();
  const rel = useRelativeDays();
  return (
    <span className={days < 0 ? 'badge case-warning case-warning-past' : undefined}>
      {formatDay(day, i18n.language)} ({rel(days)})
    </span>
  );
}

function Tile({ value, label, note, href, alert }: { value: number; label: string; note?: string; href?: string; alert?: boolean }) {
  const content = (
    <>
      <span className="tile-value">{value}</span>
      <span className="tile-label">{label}</span>
    </>
  );
  return (
    <li className={alert ? 'tile-alert' : undefined}>
      {href ? <Link href={href}>{content}</Link> : content}
      {note ? <span className="tile-note">{note}</span> : null}
    </li>
  );
}

function ListCard({ id, title, total, shown, children }: { id: string; title: string; total: number; shown: number; children: ReactNode }) {
  const { t } = useTranslation('caseReports');
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="badge">{total}</span>
      </h2>
      {total === 0 ? <p>{t('dashboard.none')}</p> : children}
      <ShownOf shown={shown} total={total} />
    </section>
  );
}

export function SimpleTable({ caption, head, rows, foot }: { caption: string; head: string[]; rows: ReactNode[][]; foot?: ReactNode[] }) {
  return (
    // A named region that takes focus: wide tables scroll sideways on small screens, also by keyboard (axe scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" aria-label={caption} tabIndex={0}>
      <table className="table compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={i > 0 && typeof rows[0]?.[i] === 'number' ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a static report
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of a static report
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of a static report
                  <td key={i} className={typeof cell === 'number' ? 'num' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {foot ? (
          <tfoot>
            <tr>
              {foot.map((cell, i) =>
                i === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of a static report
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of a static report
                  <td key={i} className={typeof cell === 'number' ? 'num' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </section>
  );
}

/** Managers with their figures; links to their cases and to the handover (team leads, lead). */
export function ManagerTable({ managers, handoverHref }: { managers: ManagerRow[]; handoverHref?: (m: ManagerRow) => string }) {
  const { t } = useTranslation('caseReports');
  const { t: tAdmin } = useTranslation();
  const { slug } = useTenant();
  if (managers.length === 0) return <p>{t('team.empty')}</p>;
  const sum = (k: 'openCases' | 'overdueTasks' | 'reviewsDue' | 'approachingLimits') => managers.reduce((n, m) => n + m[k], 0);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" aria-label={t('manager.caption')} tabIndex={0}>
      <table className="table compact">
        <caption className="visually-hidden">{t('manager.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('manager.name')}</th>
            <th scope="col" className="num">
              {t('manager.openCases')}
            </th>
            <th scope="col" className="num">
              {t('manager.overdueTasks')}
            </th>
            <th scope="col" className="num">
              {t('manager.reviewsDue')}
            </th>
            <th scope="col" className="num">
              {t('manager.approachingLimits')}
            </th>
            <th scope="col">{t('manager.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {managers.map((m) => (
            <tr key={m.id} className={m.disabled ? 'muted' : undefined}>
              <th scope="row">
                {m.name}
                <span className="meta"> · {tAdmin(`roles.${m.role}`, { defaultValue: m.role })}</span>
                {m.disabled ? <span className="badge status-archived">{t('manager.disabled')}</span> : null}
              </th>
              <td className="num">{m.openCases}</td>
              <td className="num">{m.overdueTasks ? <span className="badge case-warning case-warning-past">{m.overdueTasks}</span> : 0}</td>
              <td className="num">{m.reviewsDue}</td>
              <td className="num">{m.approachingLimits ? <span className="badge case-warning">{m.approachingLimits}</span> : 0}</td>
              <td>
                <div className="button-row">
                  <Link href={adminHref(slug, `/cases?${new URLSearchParams({ ownerId: m.id }).toString()}`)} className="button secondary small">
                    {t('manager.showCases')}
                    <span className="visually-hidden"> – {m.name}</span>
                  </Link>
                  {handoverHref && m.openCases > 0 ? (
                    <Link href={handoverHref(m)} className="button secondary small">
                      {t('manager.handover')}
                      <span className="visually-hidden"> – {m.name}</span>
                    </Link>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('manager.total')}</th>
            <td className="num">{sum('openCases')}</td>
            <td className="num">{sum('overdueTasks')}</td>
            <td className="num">{sum('reviewsDue')}</td>
            <td className="num">{sum('approachingLimits')}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
