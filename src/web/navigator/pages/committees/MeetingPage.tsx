// A published meeting: time, place, state, its public agenda items with results, decisions,
// minutes, papers and files. Non-public items never reach the browser.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PageHeading, useDocumentTitle } from '../../components/Layout.tsx';
import { Paragraphs } from '../../components/Paragraphs.tsx';
import { useNavigator } from '../../context.ts';
import { fetchMeeting } from './api.ts';
import { Back, calendarDate, FileList, LoadState, meetingTime, useLoad } from './shared.tsx';

export function MeetingPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation('civic');
  const { tenant } = useNavigator();
  const [load, retry] = useLoad(`meeting:${tenant}:${id}`, (signal) => fetchMeeting(tenant, id, signal));
  useDocumentTitle(load.state === 'ready' ? `${load.value.name} – ${load.value.committeeName}` : t('committees.title'));
  if (load.state !== 'ready') return <LoadState load={load} retry={retry} />;
  const m = load.value;
  const place = m.location ? [m.location.description, m.location.room, m.location.streetAddress, [m.location.postalCode, m.location.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ') : null;
  return (
    <div className="page narrow committees">
      <Back href={`/${m.committeeId}`}>{m.committeeName}</Back>
      <PageHeading>{m.name}</PageHeading>
      <dl className="committee-facts">
        <dt>{t('committees.meeting.when')}</dt>
        <dd>
          <time dateTime={m.startAt}>{meetingTime(m.startAt, i18n.language)}</time>
          {m.endAt ? (
            <>
              {' – '}
              <time dateTime={m.endAt}>{meetingTime(m.endAt, i18n.language, { timeStyle: 'short' })}</time>
            </>
          ) : null}
        </dd>
        {place ? (
          <>
            <dt>{t('committees.meeting.where')}</dt>
            <dd>{place}</dd>
          </>
        ) : null}
        <dt>{t('committees.meeting.state')}</dt>
        <dd>{t(`committees.state.${m.state}`)}</dd>
      </dl>
      {m.state === 'cancelled' ? <p className="notice">{t('committees.meeting.cancelled')}</p> : null}
      <FileList files={m.files} label={t('committees.meeting.files')} />
      <p>
        <a href={m.calendarUrl}>{t('committees.calendar')}</a>
      </p>
      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t('committees.meeting.agenda')}</h2>
        {m.agendaItems.length === 0 ? <p>{t('committees.meeting.noPublicItems')}</p> : null}
        <ol className="committee-agenda">
          {m.agendaItems.map((item) => (
            <li key={item.id}>
              <h3>
                {item.number ? <span className="agenda-number">{item.number}</span> : null} {item.name}
              </h3>
              {item.paper ? (
                <p>
                  {t('committees.meeting.paper')}: <Link href={`/vorlagen/${item.paper.id}`}>{`${item.paper.reference} – ${item.paper.name}`}</Link>{' '}
                  <span className="hint">
                    ({item.paper.paperType}, {calendarDate(item.paper.date, i18n.language)}, {t(`committees.consultationRole.${item.paper.role}`)})
                  </span>
                </p>
              ) : null}
              {item.paper ? <FileList files={item.paper.files} label={t('committees.meeting.paperFiles', { reference: item.paper.reference })} /> : null}
              {item.result ? (
                <p>
                  <strong>{t('committees.meeting.result')}:</strong> {item.result}
                </p>
              ) : null}
              {item.resolutionText ? (
                <div className="committee-decision">
                  <h4>{t('committees.meeting.decision')}</h4>
                  <Paragraphs text={item.resolutionText} />
                </div>
              ) : null}
              {item.minutes ? (
                <details className="committee-minutes">
                  <summary>{t('committees.meeting.minutes')}</summary>
                  <Paragraphs text={item.minutes} />
                </details>
              ) : null}
              <FileList files={item.files} label={t('committees.meeting.itemFiles', { number: item.number || item.name })} />
            </li>
          ))}
        </ol>
        <p className="hint">{t('committees.meeting.nonPublicNote')}</p>
      </section>
    </div>
  );
}
