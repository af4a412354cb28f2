// Translation work per language: counts (current/outdated/machine/missing) and the offers needing work.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { TranslationOverview } from '../../../shared/contracts/translations.ts';
import { languageInfo } from '../../../shared/languages.ts';
import { paths, query } from '../api.ts';
import { SelectField } from '../components/fields.tsx';
import { ErrorNotice, Loading, PageHeader, Pager, StatusBadge, TranslationBadge, formatDateTime } from '../components/ui.tsx';
import { useApi } from '../hooks.ts';
import { useTenant } from '../tenant.tsx';

export function TranslationOverviewPage() {
  const { t, i18n } = useTranslation();
  const { slug } = useTenant();
  const [lang, setLang] = useState('');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const data = useApi<TranslationOverview>(paths.translationOverview(slug) + query({ lang, status, page, pageSize: 25 }));
  const name = (code: string) => t(`languages.${code}`, { defaultValue: languageInfo(code)?.germanName ?? code });
  const o = data.data;
  return (
    <>
      <PageHeader title={t('translations.title')} />
      <ErrorNotice error={data.error} onRetry={data.reload} />
      {!o && !data.error ? <Loading /> : null}
      {o ? (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption>{t('translations.countsCaption', { source: name(o.sourceLanguage) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.language')}</th>
                  {(['current', 'outdated', 'machine', 'missing'] as const).map((s) => (
                    <th scope="col" key={s} className="num">
                      {t(`translationStatus.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {o.languages.map((l) => (
                  <tr key={l.lang}>
                    <th scope="row">
                      <button type="button" className="linklike" aria-pressed={o.lang === l.lang} onClick={() => { setLang(l.lang); setPage(1); }}>
                        {name(l.lang)}
                      </button>
                    </th>
                    <td className="num">{l.current}</td>
                    <td className="num">{l.outdated}</td>
                    <td className="num">{l.machine}</td>
                    <td className="num">{l.missing}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {o.lang ? (
            <section aria-labelledby="worklist">
              <h2 id="worklist">{t('translations.worklist', { language: name(o.lang) })}</h2>
              <div className="filters">
                <SelectField
                  label={t('fields.language')}
                  value={o.lang}
                  onChange={(v) => { setLang(v); setPage(1); }}
                  options={o.languages.map((l) => ({ value: l.lang, label: name(l.lang) }))}
                />
                <SelectField
                  label={t('fields.status')}
                  value={status}
                  onChange={(v) => { setStatus(v); setPage(1); }}
                  options={[
                    { value: '', label: t('common.all') },
                    ...(['outdated', 'machine', 'missing'] as const).map((s) => ({ value: s, label: t(`translationStatus.${s}`) })),
                  ]}
                />
              </div>
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('fields.title')}</th>
                      <th scope="col">{t('fields.status')}</th>
                      <th scope="col">{t('translations.translationState')}</th>
                      <th scope="col">{t('translations.translatedAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.items.map((item) => (
                      <tr key={item.offerId}>
                        <td>
                          <Link href={`/offers/${item.offerId}`}>{item.title}</Link>
                        </td>
                        <td>
                          <StatusBadge status={item.offerStatus} />
                        </td>
                        <td>
                          <TranslationBadge status={item.status} />
                        </td>
                        <td>{formatDateTime(item.translatedAt, i18n.language)}</td>
                      </tr>
                    ))}
                    {o.items.length === 0 ? (
                      <tr>
                        <td colSpan={4}>{t('translations.nothingToDo')}</td>
                      </tr>
                    ) : null}
                  </tbody>
                </table>
              </div>
              <Pager page={o.page} pageSize={o.pageSize} total={o.total} onPage={setPage} />
            </section>
          ) : (
            <p>{t('translations.noTargets')}</p>
          )}
        </>
      ) : null}
    </>
  );
}
