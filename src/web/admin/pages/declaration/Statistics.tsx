// Statistics of a declaration: signatures verified per month and public signatories over time
// (SVG chart plus the same numbers as a table), signatories per sector, counts per state.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type AdminDeclaration, type DeclarationStatistics, signatureStates } from '../../../../shared/contracts/declaration.ts';
import { BackLink, ErrorNotice, Loading, PageHeader } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { declarationPaths } from './paths.ts';
import { pick } from './StateBadge.tsx';

export function StatisticsPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation('declaration');
  const { slug } = useTenant();
  const declaration = useApi<AdminDeclaration>(declarationPaths.one(slug, id));
  const stats = useApi<DeclarationStatistics>(declarationPaths.statistics(slug, id));
  const error = declaration.error ?? stats.error;
  if (error) return <ErrorNotice error={error} onRetry={() => {
          declaration.reload();
          stats.reload();
        }} />;
  if (!declaration.data || !stats.data) return <Loading />;
  const d = declaration.data;
  const s = stats.data;
  const title = pick(d.title, i18n.language);
  const sectorName = (key: string) => {
    const sector = d.sectors.find((x) => x.key === key);
    return sector ? pick(sector.names, i18n.language) : key;
  };
  const monthLabel = (month: string, style: 'long' | 'short' = 'long') =>
    new Date(`${month}-15T12:00:00Z`).toLocaleDateString(i18n.language === 'de' ? 'de-DE' : 'en-GB', { month: style, year: 'numeric', timeZone: 'UTC' });
  const totalPublic = s.counts.verified;

  return (
    <>
      <BackLink href={`/${id}`}>{t('detail.back', { title })}</BackLink>
      <PageHeader title={t('stats.title', { title })} />
      <section className="card" aria-labelledby="stats-states">
        <h2 id="stats-states">{t('stats.byState')}</h2>
        <ul className="state-counts">
          {signatureStates.map((state) => (
            <li key={state}>
              <Link href={`/${id}?state=${state}`}>
                <strong>{s.counts[state]}</strong> {t(`states.${state}`)}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="stats-months">
        <h2 id="stats-months">{t('stats.overTime')}</h2>
        {s.months.length === 0 ? (
          <p>{t('stats.noneYet')}</p>
        ) : (
          <>
            <MonthChart months={s.months} label={(m) => monthLabel(m, 'short')} />
            <div className="table-wrap">
              <table className="table compact">
                <caption>{t('stats.monthsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('stats.month')}</th>
                    <th scope="col" className="num">
                      {t('stats.verified')}
                    </th>
                    <th scope="col" className="num">
                      {t('stats.ended')}
                    </th>
                    <th scope="col" className="num">
                      {t('stats.cumulative')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...s.months].reverse().map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{monthLabel(m.month)}</th>
                      <td className="num">{m.verified}</td>
                      <td className="num">{m.ended}</td>
                      <td className="num">{m.cumulative}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="stats-sectors">
        <h2 id="stats-sectors">{t('stats.bySector')}</h2>
        {s.bySector.length === 0 ? (
          <p>{t('stats.noneYet')}</p>
        ) : (
          <>
            <SectorChart rows={s.bySector.map((r) => ({ label: sectorName(r.sector), count: r.count }))} />
            <div className="table-wrap">
              <table className="table compact">
                <caption>{t('stats.sectorsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('fields.sector')}</th>
                    <th scope="col" className="num">
                      {t('stats.signatories')}
                    </th>
                    <th scope="col" className="num">
                      {t('stats.share')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.bySector.map((r) => (
                    <tr key={r.sector}>
                      <th scope="row">{sectorName(r.sector)}</th>
                      <td className="num">{r.count}</td>
                      <td className="num">{totalPublic ? `${Math.round((r.count / totalPublic) * 100)} %` : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}

const W = 720;
const H = 260;
const PAD = { top: 16, right: 16, bottom: 40, left: 44 };

/** Monthly verified signatures as bars, public signatories as a line; the table below has the numbers. */
function MonthChart({ months, label }: { months: DeclarationStatistics['months']; label: (month: string) => string }) {
  const { t } = useTranslation('declaration');
  const titleId = useId();
  const descId = useId();
  const max = Math.max(1, ...months.map((m) => Math.max(m.cumulative, m.verified)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const band = innerW / months.length;
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const x = (i: number) => PAD.left + band * i + band / 2;
  const every = Math.max(1, Math.ceil(months.length / 8));
  const ticks = [0, Math.round(max / 2), max];
  const line = months.map((m, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(m.cumulative).toFixed(1)}`).join(' ');
  const last = months[months.length - 1]!;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`} preserveAspectRatio="xMidYMid meet">
        <title id={titleId}>{t('stats.chartTitle')}</title>
        <desc id={descId}>{t('stats.chartDesc', { from: label(months[0]!.month), to: label(last.month), count: last.cumulative })}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="axis">
              {v}
            </text>
          </g>
        ))}
        {months.map((m, i) => (
          <g key={m.month}>
            {m.verified > 0 ? <rect x={x(i) - Math.min(18, band * 0.35)} width={Math.min(36, band * 0.7)} y={y(m.verified)} height={y(0) - y(m.verified)} className="bar" /> : null}
            {i % every === 0 || (i === months.length - 1 && i % every >= every / 2) ? (
              <text x={x(i)} y={H - PAD.bottom + 18} textAnchor="middle" className="axis">
                {label(m.month)}
              </text>
            ) : null}
          </g>
        ))}
        <path d={line} className="line" />
      </svg>
      <figcaption className="legend">
        <span className="key bar-key" aria-hidden="true" /> {t('stats.verified')} <span className="key line-key" aria-hidden="true" /> {t('stats.cumulative')}
      </figcaption>
    </figure>
  );
}

function SectorChart({ rows }: { rows: Array<{ label: string; count: number }> }) {
  const { t } = useTranslation('declaration');
  const titleId = useId();
  const max = Math.max(1, ...rows.map((r) => r.count));
  const rowH = 28;
  const labelW = 220;
  const height = rows.length * rowH + 8;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{t('stats.sectorChartTitle', { list: rows.map((r) => `${r.label}: ${r.count}`).join(', ') })}</title>
        {rows.map((r, i) => {
          const w = ((W - labelW - 60) * r.count) / max;
          const top = 4 + i * rowH;
          return (
            <g key={r.label}>
              <text x={labelW - 8} y={top + 18} textAnchor="end" className="axis label">
                {r.label}
              </text>
              <rect x={labelW} y={top + 4} width={Math.max(2, w)} height={rowH - 10} className="bar" />
              <text x={labelW + Math.max(2, w) + 6} y={top + 18} className="axis">
                {r.count}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
