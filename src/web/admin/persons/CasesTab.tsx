// "Fälle": the person's cases the actor may see, with links to the case pages, and "open a case".
import { Link } from 'wouter';
import type { CasePerson, PersonCases } from '../../../shared/contracts/casePersons.ts';
import { Loading } from '../components/ui.tsx';
import { useApi } from '../hooks.ts';
import { useTenant } from '../tenant.tsx';
import { adminLink, personPaths } from './personsApi.ts';
import { PersonErrorNotice, formatDay, usePersonT } from './personUi.tsx';

export function CasesTab({ person }: { person: CasePerson }) {
  const { t, i18n } = usePersonT();
  const { slug } = useTenant();
  const list = useApi<PersonCases>(personPaths.cases(slug, person.id));
  const lang = i18n.language;
  return (
    <section aria-labelledby="cases-title">
      <div className="section-header">
        <h2 id="cases-title">{t('cases.title')}</h2>
        {person.restricted ? (
          <p className="meta">{t('cases.restricted')}</p>
        ) : (
          <Link href={adminLink(slug, `/cases/new?personId=${person.id}`)} className="button primary">
            {t('cases.open')}
          </Link>
        )}
      </div>
      <PersonErrorNotice error={list.error} onRetry={list.reload} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        list.data.items.length ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('cases.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cases.reference')}</th>
                  <th scope="col">{t('cases.programme')}</th>
                  <th scope="col">{t('cases.state')}</th>
                  <th scope="col">{t('cases.startedOn')}</th>
                  <th scope="col">{t('cases.plannedEndOn')}</th>
                  <th scope="col">{t('cases.team')}</th>
                  <th scope="col">{t('cases.owner')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link href={adminLink(slug, `/cases/${c.id}`)}>{c.reference}</Link>
                    </td>
                    <td>{c.programmeName}</td>
                    <td>
                      <span className={`badge case-state case-state-${c.state}`}>{t(`caseStates.${c.state}`, { defaultValue: c.state })}</span>
                    </td>
                    <td>{formatDay(c.startedOn, lang)}</td>
                    <td>{c.state === 'closed' ? t('cases.closedOn', { date: formatDay(c.closedOn, lang) }) : formatDay(c.plannedEndOn, lang)}</td>
                    <td>{c.teamName ?? '–'}</td>
                    <td>{c.ownerName ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('cases.none')}</p>
        )
      ) : null}
    </section>
  );
}
