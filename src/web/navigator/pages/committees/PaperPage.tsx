// A public paper (Vorlage): its files and where it was discussed.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PageHeading, useDocumentTitle } from '../../components/Layout.tsx';
import { useNavigator } from '../../context.ts';
import { fetchPaper } from './api.ts';
import { Back, calendarDate, FileList, LoadState, meetingTime, useLoad } from './shared.tsx';

export function PaperPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation('civic');
  const { tenant } = useNavigator();
  const [load, retry] = useLoad(`paper:${tenant}:${id}`, (signal) => fetchPaper(tenant, id, signal));
  useDocumentTitle(load.state === 'ready' ? `${load.value.reference} – ${load.value.name}` : t('committees.title'));
  if (load.state !== 'ready') return <LoadState load={load} retry={retry} />;
  const p = load.value;
  return (
    <div className="page narrow committees">
      <Back href="/">{t('committees.backToList')}</Back>
      <PageHeading>{p.name}</PageHeading>
      <dl className="committee-facts">
        <dt>{t('committees.paper.reference')}</dt>
        <dd>{p.reference}</dd>
        <dt>{t('committees.paper.type')}</dt>
        <dd>{p.paperType}</dd>
        <dt>{t('committees.paper.date')}</dt>
        <dd>{calendarDate(p.date, i18n.language)}</dd>
      </dl>
      <section aria-labelledby="paper-files-heading">
        <h2 id="paper-files-heading">{t('committees.paper.files')}</h2>
        {p.files.length ? <FileList files={p.files} label={t('committees.paper.files')} /> : <p>{t('committees.paper.noFiles')}</p>}
      </section>
      <section aria-labelledby="paper-consultations-heading">
        <h2 id="paper-consultations-heading">{t('committees.paper.consultations')}</h2>
        {p.consultations.length === 0 ? <p>{t('committees.paper.noConsultations')}</p> : null}
        <ul className="committee-meetings">
          {p.consultations.map((c) => (
            <li key={`${c.meeting.id}-${c.agendaItemNumber ?? ''}`}>
              <Link href={`/sitzungen/${c.meeting.id}`}>
                <time dateTime={c.meeting.startAt}>{meetingTime(c.meeting.startAt, i18n.language, { dateStyle: 'medium' })}</time> – {c.meeting.committeeName}: {c.meeting.name}
              </Link>{' '}
              <span className="hint">
                ({[c.agendaItemNumber, t(`committees.consultationRole.${c.role}`)].filter(Boolean).join(', ')})
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
