// Committees: the list, and one committee with its members and meetings.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { PublicMeetingSummary } from '../../../../shared/contracts/committees.ts';
import { PageHeading, useDocumentTitle } from '../../components/Layout.tsx';
import { Paragraphs } from '../../components/Paragraphs.tsx';
import { useNavigator } from '../../context.ts';
import { fetchCommittee, fetchCommittees } from './api.ts';
import { Back, calendarDate, LoadState, meetingTime, useLoad } from './shared.tsx';

export function CommitteesPage() {
  const { t, i18n } = useTranslation('civic');
  const { tenant } = useNavigator();
  const [load, retry] = useLoad(`committees:${tenant}`, (signal) => fetchCommittees(tenant, signal));
  useDocumentTitle(t('committees.title'));
  if (load.state !== 'ready') return <LoadState load={load} retry={retry} />;
  return (
    <div className="page narrow committees">
      <PageHeading>{t('committees.title')}</PageHeading>
      <p>{t('committees.intro')}</p>
      {load.value.items.length === 0 ? <p>{t('committees.none')}</p> : null}
      <ul className="result-list">
        {load.value.items.map((c) => (
          <li key={c.id} className="committee-card">
            <h2>
              <Link href={`/${c.id}`}>{c.name}</Link>
            </h2>
            <p className="hint">{t(`committees.kind.${c.kind}`)}</p>
            {c.description ? <p>{c.description}</p> : null}
            <p>
              {c.nextMeeting ? (
                <>
                  {t('committees.nextMeeting')}:{' '}
                  <Link href={`/sitzungen/${c.nextMeeting.id}`}>
                    <time dateTime={c.nextMeeting.startAt}>{meetingTime(c.nextMeeting.startAt, i18n.language)}</time>
                  </Link>
                </>
              ) : (
                t('committees.noUpcoming')
              )}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CommitteePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation('civic');
  const { tenant } = useNavigator();
  const [load, retry] = useLoad(`committee:${tenant}:${id}`, (signal) => fetchCommittee(tenant, id, signal));
  useDocumentTitle(load.state === 'ready' ? load.value.name : t('committees.title'));
  if (load.state !== 'ready') return <LoadState load={load} retry={retry} />;
  const c = load.value;
  return (
    <div className="page narrow committees">
      <Back href="/">{t('committees.backToList')}</Back>
      <PageHeading>{c.name}</PageHeading>
      <p className="hint">{t(`committees.kind.${c.kind}`)}</p>
      {c.description ? (
        <div className="prose">
          <Paragraphs text={c.description} />
        </div>
      ) : null}
      {c.website ? (
        <p>
          <a href={c.website} rel="noopener">
            {t('committees.website')}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t('committees.upcoming')}</h2>
        <MeetingList meetings={c.upcoming} empty={t('committees.noUpcoming')} />
        <p>
          <a href={c.calendarUrl} className="button">
            {t('committees.calendar')}
          </a>
        </p>
        <p className="hint">{t('committees.calendarHint')}</p>
      </section>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('committees.members')}</h2>
        {c.members.length === 0 ? <p>{t('committees.noMembers')}</p> : null}
        <ul className="committee-members">
          {c.members.map((m) => (
            <li key={`${m.personId}-${m.role}`}>
              <span className="member-name">{m.name}</span> – {t(`committees.role.${m.role}`)}
              {!m.votingRight ? <span className="hint"> ({t('committees.noVote')})</span> : null}
              {m.email || m.phone ? (
                <span className="member-contact">
                  {m.email ? (
                    <a href={`mailto:${m.email}`} dir="ltr">
                      {m.email}
                    </a>
                  ) : null}
                  {m.phone ? (
                    <a href={`tel:${m.phone.replace(/[^+0-9]/g, '')}`} dir="ltr">
                      {m.phone}
                    </a>
                  ) : null}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        {c.terms.length ? (
          <p className="hint">
            {t('committees.terms')}: {c.terms.map((term) => `${term.name} (${calendarDate(term.startDate, i18n.language)} – ${term.endDate ? calendarDate(term.endDate, i18n.language) : '…'})`).join('; ')}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">{t('committees.past')}</h2>
        <MeetingList meetings={c.past} empty={t('committees.noPast')} />
      </section>
      <p className="hint">
        {t('committees.oparlHint')} <a href="/api/oparl/v1.1/system">{t('committees.oparlLink')}</a>
      </p>
    </div>
  );
}

function MeetingList({ meetings, empty }: { meetings: PublicMeetingSummary[]; empty: string }) {
  const { t, i18n } = useTranslation('civic');
  if (!meetings.length) return <p>{empty}</p>;
  return (
    <ul className="committee-meetings">
      {meetings.map((m) => (
        <li key={m.id}>
          <Link href={`/sitzungen/${m.id}`}>
            <time dateTime={m.startAt}>{meetingTime(m.startAt, i18n.language)}</time> – {m.name}
          </Link>
          {m.state === 'cancelled' ? <span className="badge committee-cancelled">{t('committees.state.cancelled')}</span> : null}
        </li>
      ))}
    </ul>
  );
}
