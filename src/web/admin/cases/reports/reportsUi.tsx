// Shared pieces of the report pages: a small SVG bar chart (the tables next to it carry the same
// numbers), relative-day and number formatting.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './reports.css';

export interface BarSegment {
  label: string;
  value: number;
}

export interface BarRow {
  label: string;
  segments: BarSegment[];
}

const ROW_H = 30;
const VALUE_W = 48;
/** full width (a card of its own) or compact (half a row of cards): text stays readable in both */
const SIZES = { full: { width: 720, label: 230, chars: 34 }, compact: { width: 440, label: 170, chars: 22 } };

/**
 * Horizontal bars, stacked when a row has several segments (legend below). Decorative for screen
 * readers beyond its title: the accessible numbers are in the table that accompanies every chart.
 */
export function BarChart({ rows, title, legend, compact }: { rows: BarRow[]; title: string; legend?: string[]; compact?: boolean }) {
  const titleId = useId();
  const { width: W, label: LABEL_W, chars } = SIZES[compact ? 'compact' : 'full'];
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((n, s) => n + s.value, 0)));
  const height = rows.length * ROW_H + 8;
  const barW = W - LABEL_W - VALUE_W - 12;
  const stacked = rows.some((r) => r.segments.length > 1);
  return (
    <figure className={`report-chart${compact ? ' compact' : ''}`}>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{title}</title>
        {rows.map((r, i) => {
          const top = 4 + i * ROW_H;
          const total = r.segments.reduce((n, s) => n + s.value, 0);
          let x = LABEL_W;
          return (
            <g key={r.label}>
              <text x={LABEL_W - 8} y={top + 19} textAnchor="end" className="axis">
                {r.label.length > chars ? `${r.label.slice(0, chars - 1)}…` : r.label}
              </text>
              {r.segments.map((s, j) => {
                const w = (barW * s.value) / max;
                const rect = w > 0 ? <rect key={s.label} x={x} y={top + 4} width={w} height={ROW_H - 10} className={stacked ? `seg-${j % 4}` : 'seg-single'} /> : null;
                x += w;
                return rect;
              })}
              <text x={x + 6} y={top + 19} className="value">
                {total}
              </text>
            </g>
          );
        })}
      </svg>
      {stacked && legend ? (
        <figcaption>
          <ul className="report-legend">
            {legend.map((label, j) => (
              <li key={label}>
                <span className={`key seg-${j % 4}`} aria-hidden="true" />
                {label}
              </li>
            ))}
          </ul>
        </figcaption>
      ) : null}
    </figure>
  );
}

/** "in 5 days", "3 days ago", "today". */
export function useRelativeDays() {
  const { t } = useTranslation('caseReports');
  return (days: number) => (days === 0 ? t('days.today') : days > 0 ? t('days.in', { count: days }) : t('days.ago', { count: -days }));
}

/** Numbers and shares in the interface language. */
export function useNumberFormat() {
  const { t, i18n } = useTranslation('caseReports');
  const locale = i18n.language === 'de' ? 'de-DE' : 'en-GB';
  const number = (value: number | null | undefined, digits = 1) =>
    value === null || value === undefined ? t('outcomes.noValue') : value.toLocaleString(locale, { maximumFractionDigits: digits });
  const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? t('outcomes.noValue') : t('outcomes.percent', { value: number(rate * 100) }));
  const share = (part: number, whole: number) => (whole > 0 ? percent(part / whole) : t('outcomes.noValue'));
  return { number, percent, share };
}

/** "Shown: the 50 most urgent of 120." when a list is cut. */
export function ShownOf({ shown, total }: { shown: number; total: number }) {
  const { t } = useTranslation('caseReports');
  if (total <= shown) return null;
  return <p className="meta">{t('dashboard.shown', { shown, total })}</p>;
}
