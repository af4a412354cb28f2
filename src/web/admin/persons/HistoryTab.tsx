// "Änderungsverlauf" (Art. 16 GDPR): every corrected field with its earlier and its new value, who
// changed it, when and why — including the history of records merged into this one.
import { useState } from 'react';
import type { HistoryPage } from '../../../shared/contracts/casePersons.ts';
import { Loading, Pager, formatDateTime } from '../components/ui.tsx';
import { useApi } from '../hooks.ts';
import { useTenant } from '../tenant.tsx';
import { personPaths } from './personsApi.ts';
import { PersonErrorNotice, formatFieldValue, usePersonT } from './personUi.tsx';

export function HistoryTab({ personId }: { personId: string }) {
  const { t, i18n } = usePersonT();
  const { slug } = useTenant();
  const [page, setPage] = useState(1);
  const history = useApi<HistoryPage>(personPaths.history(slug, personId, page));
  const lang = i18n.language;
  const label = (field: string) => t(`historyFields.${field}`, { defaultValue: '' }) || t(`fields.${field}`, { defaultValue: field });
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      <p className="lead">{t('history.intro')}</p>
      <PersonErrorNotice error={history.error} onRetry={history.reload} />
      {!history.data && !history.error ? <Loading /> : null}
      {history.data ? (
        history.data.items.length ? (
          <>
            <div className="table-wrap">
              <table className="table person-history">
                <caption className="visually-hidden">{t('history.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('history.at')}</th>
                    <th scope="col">{t('history.field')}</th>
                    <th scope="col">{t('history.old')}</th>
                    <th scope="col">{t('history.new')}</th>
                    <th scope="col">{t('history.reason')}</th>
                    <th scope="col">{t('history.by')}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.data.items.map((h) => (
                    <tr key={h.id}>
                      <td>{formatDateTime(h.at, lang)}</td>
                      <td>
                        {label(h.field)}
                        {h.entityId !== personId ? <div className="meta">{t('history.otherRecord')}</div> : null}
                      </td>
                      <td className="diff-old">
                        <del>{formatFieldValue(h.field, h.oldValue, t, lang)}</del>
                      </td>
                      <td className="diff-new">
                        <ins>{formatFieldValue(h.field, h.newValue, t, lang)}</ins>
                      </td>
                      <td>{h.reason ?? '–'}</td>
                      <td>{h.actorLabel}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={history.data.page} pageSize={history.data.pageSize} total={history.data.total} onPage={setPage} />
          </>
        ) : (
          <p>{t('history.none')}</p>
        )
      ) : null}
    </section>
  );
}
