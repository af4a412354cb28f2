// The case page: header (person, programme, owner, team, state, dates, warnings) and tabs — our own
// overview first, then the tabs other features register in registry.ts (plan, referrals, journal …).
import { Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import type { CaseDetail } from '../../../shared/contracts/cases.ts';
import { Tabs } from '../components/Tabs.tsx';
import { BackLink, ErrorNotice, Loading, Notice, PageHeader } from '../components/ui.tsx';
import { useApi } from '../hooks.ts';
import { useTenant } from '../tenant.tsx';
import { CaseOverview } from './CaseOverview.tsx';
import { adminHref, casePaths } from './caseApi.ts';
import { CaseStateBadge, formatDay } from './caseUi.tsx';
import { caseTabs } from './registry.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function CasePage() {
  const { t } = useTranslation('cases');
  const { id = '', tab } = useParams<{ id: string; tab?: string }>();
  const { slug } = useTenant();
  const [, navigate] = useLocation();
  const detail = useApi<CaseDetail>(UUID.test(id) ? casePaths.case(slug, id) : null);
  const reload = detail.reload;
  const onChanged = useCallback(() => reload(), [reload]);

  if (!UUID.test(id)) {
    return (
      <>
        <BackLink href="/">{t('list.back')}</BackLink>
        <Notice kind="error">{t('page.notFound')}</Notice>
      </>
    );
  }
  if (detail.error && !detail.data) {
    return (
      <>
        <BackLink href="/">{t('list.back')}</BackLink>
        <ErrorNotice error={detail.error} onRetry={detail.reload} />
      </>
    );
  }
  if (!detail.data) return <Loading />;
  const c = detail.data;
  const active = tab && caseTabs.some((x) => x.id === tab) ? tab : 'overview';
  const current = caseTabs.find((x) => x.id === active);
  const Component = current?.component;

  return (
    <>
      <BackLink href="/">{t('list.back')}</BackLink>
      <CaseHeader c={c} />
      <ErrorNotice error={detail.error} onRetry={detail.reload} />
      <Tabs
        label={t('page.tabs')}
        tabs={[{ key: 'overview', label: t('page.overview') }, ...caseTabs.map((x) => ({ key: x.id, label: t(x.labelKey) }))]}
        active={active}
        onChange={(key) => navigate(key === 'overview' ? `/${c.id}` : `/${c.id}/${key}`)}
      >
        {active === 'overview' || !Component ? (
          <CaseOverview detail={c} onChanged={onChanged} />
        ) : (
          <Suspense fallback={<Loading />}>
            <Component caseId={c.id} onChanged={onChanged} />
          </Suspense>
        )}
      </Tabs>
    </>
  );
}

function CaseHeader({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation('cases');
  const { slug } = useTenant();
  const day = (iso: string | null) => formatDay(iso, i18n.language);
  return (
    <header className="case-header">
      <PageHeader title={t('page.title', { reference: c.reference })}>
        <CaseStateBadge state={c.state} />
      </PageHeader>
      <p className="case-subtitle">
        <Link href={adminHref(slug, `/persons/${c.person.id}`)}>{c.person.name}</Link>
        {c.person.birthDate ? <span className="meta"> · {t('create.born', { date: day(c.person.birthDate) })}</span> : null}
      </p>
      {c.person.restricted ? <Notice kind="warning">{t('page.restricted')}</Notice> : null}
      {c.flags.length ? (
        <p className="case-flags">
          <span className="meta">{t('page.flags')}</span>{' '}
          {c.flags.map((f) => (
            <Link key={f.id} className="badge badge-flag" href={adminHref(slug, `/cases/${c.id}/flags`)}>
              {t(`journal:flagKinds.${f.kind}`)}
            </Link>
          ))}
        </p>
      ) : null}
      {c.warnings.length ? (
        <Notice kind="warning">
          <ul>
            {c.warnings.map((w) => (
              <li key={w.code}>{t(`warnings.long.${w.code}`, { date: day(w.on), count: Math.abs(w.days) })}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <dl className="kv">
        <div>
          <dt>{t('fields.programme')}</dt>
          <dd>
            {c.programme.name} ({c.programme.code})
          </dd>
        </div>
        <div>
          <dt>{t('fields.owner')}</dt>
          <dd>{c.owner?.name ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('fields.team')}</dt>
          <dd>{c.team.name}</dd>
        </div>
        <div>
          <dt>{t('fields.startedOn')}</dt>
          <dd>{day(c.startedOn)}</dd>
        </div>
        <div>
          <dt>{t('fields.plannedEndOn')}</dt>
          <dd>{day(c.plannedEndOn)}</dd>
        </div>
        <div>
          <dt>{c.extendedUntil ? t('fields.extendedUntil') : t('fields.limitOn')}</dt>
          <dd>{c.limitOn ? day(c.limitOn) : t('page.noLimit')}</dd>
        </div>
        {c.state === 'closed' ? (
          <>
            <div>
              <dt>{t('fields.closedOn')}</dt>
              <dd>
                {day(c.closedOn)}
                {c.closingReason ? ` – ${t(`closingReasons.${c.closingReason}`)}` : ''}
              </dd>
            </div>
            <div>
              <dt>{t('fields.retentionDueOn')}</dt>
              <dd>{day(c.retentionDueOn)}</dd>
            </div>
          </>
        ) : null}
      </dl>
    </header>
  );
}
