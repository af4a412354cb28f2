// "Who saw the data": an access log (of a person or a case), newest first, loaded page by page.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessLogEntry } from '../../../../shared/contracts/casePrivacy.ts';
import { api, query } from '../../api.ts';
import { ErrorNotice, formatDateTime, Loading } from '../../components/ui.tsx';

interface Page {
  items: AccessLogEntry[];
  nextBefore: string | null;
}

export function AccessLogTable({ path }: { path: string }) {
  const { t, i18n } = useTranslation('privacy');
  const [items, setItems] = useState<AccessLogEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(
    async (before: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api<Page>('GET', `${path}${query({ before, limit: 50 })}`);
        setItems((old) => (before ? [...old, ...page.items] : page.items));
        setNext(page.nextBefore);
      } catch (e) {
        setError(e);
      } finally {
        setLoading(false);
      }
    },
    [path],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <section aria-labelledby="access-log-heading">
      <h2 id="access-log-heading">{t('accessLog.title')}</h2>
      <p className="hint">{t('accessLog.intro')}</p>
      <ErrorNotice error={error} onRetry={() => void load(null)} />
      {items.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('accessLog.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accessLog.when')}</th>
                <th scope="col">{t('accessLog.who')}</th>
                <th scope="col">{t('accessLog.what')}</th>
                <th scope="col">{t('accessLog.why')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at, i18n.language)}</td>
                  <td>
                    {e.actorLabel}
                    <br />
                    <small>{t(`roles.${e.actorRole}`, { defaultValue: e.actorRole })}</small>
                  </td>
                  <td>
                    {t(`actions.${e.action}`, { defaultValue: e.action })} · {t(`entities.${e.entityType}`, { defaultValue: e.entityType })}
                  </td>
                  <td>{e.purpose ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : loading ? null : (
        <p>{t('accessLog.empty')}</p>
      )}
      {loading ? <Loading /> : null}
      {next && !loading ? (
        <button type="button" className="button secondary" onClick={() => void load(next)}>
          {t('accessLog.more')}
        </button>
      ) : null}
    </section>
  );
}
