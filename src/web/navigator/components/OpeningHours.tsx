import { useTranslation } from 'react-i18next';
import { cachedFormat } from '../context.ts';

interface Day {
  weekday: number;
  slots: Array<{ start: string; end: string }>;
  appointmentOnly?: boolean;
}

/** Weekday names from Intl (ISO weekday 1 = Monday), so no translation strings are needed. */
function weekdayName(weekday: number, locale: string): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, weekday));
  return cachedFormat(`weekday:${locale}`, () => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' })).format(date);
}

export function OpeningHours({ days }: { days: Day[] }) {
  const { t, i18n } = useTranslation();
  const sorted = [...days].sort((a, b) => a.weekday - b.weekday);
  return (
    <dl className="opening-hours">
      {sorted.map((d) => (
        <div key={d.weekday}>
          <dt>{weekdayName(d.weekday, i18n.language)}</dt>
          <dd>
            {d.slots.map((s) => (
              <span key={`${s.start}-${s.end}`} className="slot" dir="ltr">
                {s.start}–{s.end}
              </span>
            ))}
            {d.appointmentOnly && <span className="slot">{t('offer.byAppointment')}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
