// First-steps lists per target group: overview with status and a target-group filter; publish/unpublish,
// open the editor, delete.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { AdminFirstStepsList } from '../../../shared/contracts/directoryAdmin.ts';
import { api, paths, query } from '../api.ts';
import { SelectField } from '../components/fields.tsx';
import { ErrorNotice, Loading, Notice, PageHeader, StatusBadge, formatDateTime } from '../components/ui.tsx';
import { useApi } from '../hooks.ts';
import { useLocalName, useTenant } from '../tenant.tsx';

export function FirstStepsPage() {
  const { t, i18n } = useTranslation();
  const { slug, profile } = useTenant();
  const localName = useLocalName();
  const [params, setParams] = useSearchParams();
  const targetGroupId = params.get('targetGroupId') ?? '';
  const list = useApi<{ items: AdminFirstStepsList[] }>(paths.firstSteps(slug) + query({ targetGroupId }));
  const [message, setMessage] = useState<string | null>(params.get('deleted') ? t('firstSteps.deleted') : null);
  const [error, setError] = useState<unknown>(null);
  const group = (id: string) => {
    const g = profile.targetGroups.find((x) => x.id === id);
    return g ? localName(g.names, g.name) : '–';
  };
  const setStatus = async (l: AdminFirstStepsList, status: 'draft' | 'published' | 'archived') => {
    setError(null);
    try {
      await api('PUT', paths.firstStepsList(slug, l.id), {
        targetGroupId: l.targetGroupId,
        title: l.title,
        intro: l.intro,
        steps: l.steps,
        status,
        sort: l.sort,
      });
      setMessage(t('workflow.done', { status: t(`offerStatus.${status}`) }));
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  const remove = async (l: AdminFirstStepsList) => {
    if (!window.confirm(t('firstSteps.confirmDelete', { title: localName(l.title) }))) return;
    setError(null);
    try {
      await api('DELETE', paths.firstStepsList(slug, l.id));
      setMessage(t('firstSteps.deleted'));
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <PageHeader title={t('firstSteps.title')}>
        <Link href="/first-steps/new" className="button primary">
          {t('firstSteps.new')}
        </Link>
      </PageHeader>
      <p className="lead">{t('firstSteps.intro')}</p>
      <search className="filters" aria-label={t('common.filters')}>
        <SelectField
          label={t('firstSteps.targetGroup')}
          value={targetGroupId}
          onChange={(v) => setParams(v ? { targetGroupId: v } : {}, { replace: true })}
          options={[{ value: '', label: t('common.all') }, ...profile.targetGroups.map((g) => ({ value: g.id, label: localName(g.names, g.name) }))]}
        />
      </search>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <ErrorNotice error={error} />
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <p>{t('common.noResults')}</p>
        ) : (
          list.data.items.map((l) => (
            <article key={l.id} className="card" aria-labelledby={`fs-${l.id}`}>
              <h2 id={`fs-${l.id}`}>{localName(l.title)}</h2>
              <p className="meta">
                <StatusBadge status={l.status} /> {t('firstSteps.for', { group: group(l.targetGroupId) })} · {formatDateTime(l.updatedAt, i18n.language)}
              </p>
              {localName(l.intro) ? <p>{localName(l.intro)}</p> : null}
              <ol className="steps">
                {l.steps.map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: steps are ordered by position
                  <li key={i}>
                    <strong>{localName(s.title)}</strong>
                    {localName(s.text) ? <> – {localName(s.text)}</> : null}
                    {s.offerIds.length ? <span className="hint"> ({t('firstSteps.offers', { count: s.offerIds.length })})</span> : null}
                  </li>
                ))}
              </ol>
              <div className="button-row">
                <Link href={`/first-steps/${l.id}`} className="button secondary small">
                  {t('common.edit')}
                  <span className="visually-hidden"> – {localName(l.title)}</span>
                </Link>
                {l.status !== 'published' ? (
                  <button type="button" className="button primary small" onClick={() => void setStatus(l, 'published')}>
                    {t('workflow.publish')}
                    <span className="visually-hidden"> – {localName(l.title)}</span>
                  </button>
                ) : (
                  <button type="button" className="button secondary small" onClick={() => void setStatus(l, 'draft')}>
                    {t('workflow.toDraft')}
                    <span className="visually-hidden"> – {localName(l.title)}</span>
                  </button>
                )}
                <button type="button" className="button danger small" onClick={() => void remove(l)}>
                  {t('common.delete')}
                  <span className="visually-hidden"> – {localName(l.title)}</span>
                </button>
              </div>
            </article>
          ))
        )
      ) : null}
    </>
  );
}
