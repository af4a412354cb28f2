// "Who works on …?": organisations by field of action × target groups × area (× language),
// with their people and the groups they sit in.
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { type ActorSearchResult, ORGANISATION_TYPES } from '../../../../shared/contracts/actors.ts';
import { LANGUAGES } from '../../../../shared/languages.ts';
import { query } from '../../api.ts';
import { Checkbox, SelectField } from '../../components/fields.tsx';
import { ErrorNotice, Loading, PageHeader } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { networkPaths, TaxonomyChecks, useLanguageName, useNetworkT, useTaxonomyNames } from './common.tsx';

export function ActorSearchPage() {
  const { t, ta } = useNetworkT();
  const { slug, profile } = useTenant();
  const names = useTaxonomyNames();
  const languageName = useLanguageName();
  const [fieldId, setFieldId] = useState('');
  const [targetGroupIds, setTargetGroupIds] = useState<string[]>([]);
  const [match, setMatch] = useState<'all' | 'any'>('all');
  const [areaId, setAreaId] = useState('');
  const [cityWide, setCityWide] = useState(true);
  const [language, setLanguage] = useState('');
  const [type, setType] = useState('');
  const [submitted, setSubmitted] = useState<string | null>(null);
  const result = useApi<ActorSearchResult>(submitted);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(
      networkPaths.search(slug) +
        query({ fieldIds: fieldId, targetGroupIds: targetGroupIds.join(','), targetGroupMatch: match, areaId, includeCityWide: String(cityWide), language, type }),
    );
  };
  return (
    <>
      <PageHeader title={t('search.title')} />
      <p className="lead">{t('search.lead')}</p>
      <search>
      <form className="card form" onSubmit={submit} aria-label={t('search.title')}>
        <div className="grid-3">
          <SelectField label={t('search.field')} value={fieldId} onChange={setFieldId} options={[{ value: '', label: ta('common.all') }, ...profile.fieldsOfAction.map((f) => ({ value: f.id, label: names(f.id) }))]} />
          <SelectField label={t('search.area')} value={areaId} onChange={setAreaId} options={[{ value: '', label: t('search.wholeCity') }, ...profile.areas.map((a) => ({ value: a.id, label: names(a.id) }))]} />
          <SelectField label={t('search.language')} value={language} onChange={setLanguage} options={[{ value: '', label: ta('common.all') }, ...LANGUAGES.map((l) => ({ value: l.code, label: languageName(l.code) }))]} />
        </div>
        <TaxonomyChecks kind="targetGroups" legend={t('search.targetGroups')} selected={targetGroupIds} onChange={setTargetGroupIds} />
        <div className="grid-3">
          <SelectField
            label={t('search.match')}
            value={match}
            onChange={(v) => setMatch(v as 'all' | 'any')}
            options={[
              { value: 'all', label: t('search.matchAll') },
              { value: 'any', label: t('search.matchAny') },
            ]}
          />
          <SelectField label={t('fields.type')} value={type} onChange={setType} options={[{ value: '', label: ta('common.all') }, ...ORGANISATION_TYPES.map((x) => ({ value: x, label: t(`organisationType.${x}`) }))]} />
          <Checkbox label={t('search.cityWide')} checked={cityWide} onChange={setCityWide} />
        </div>
        <button type="submit" className="button primary">
          {t('search.submit')}
        </button>
      </form>
      </search>
      <ErrorNotice error={result.error} />
      {submitted && result.loading ? <Loading /> : null}
      {result.data && !result.loading ? (
        <section aria-labelledby="search-results">
          <h2 id="search-results" tabIndex={-1}>
            {t('search.results', { count: result.data.total, people: result.data.people })}
          </h2>
          {result.data.organisations.length === 0 ? <p>{t('search.none')}</p> : null}
          <ul className="search-results">
            {result.data.organisations.map((o) => (
              <li key={o.id} className="card">
                <h3>
                  <Link href={`/organisations/${o.id}`}>{o.name}</Link> <span className="muted">({t(`organisationType.${o.type}`)})</span>
                </h3>
                <p className="meta">
                  {o.fieldIds.map(names).join(', ')} · {o.targetGroupIds.map(names).join(', ')} · {o.cityWide ? t('organisations.cityWide') : o.areaIds.map(names).join(', ')}
                  {o.languages.length ? <> · {o.languages.map(languageName).join(', ')}</> : null}
                </p>
                {o.email || o.phone ? (
                  <p>
                    {o.email ? <a href={`mailto:${o.email}`}>{o.email}</a> : null} {o.phone ?? ''}
                  </p>
                ) : null}
                {o.people.length ? (
                  <>
                    <h4>{t('search.people')}</h4>
                    <ul className="plain-list">
                      {o.people.map((p) => (
                        <li key={p.id}>
                          <Link href={`/contacts/${p.id}`}>{p.name}</Link>
                          {p.jobFunction ? <> – {p.jobFunction}</> : null} <span className="muted">({t(`relationshipKind.${p.kind}`)})</span>
                          {p.languages.length ? <span className="muted"> · {p.languages.map(languageName).join(', ')}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {o.groups.length ? (
                  <p>
                    {t('search.groups')}:{' '}
                    {o.groups.map((g, i) => (
                      <span key={g.id}>
                        {i ? ', ' : ''}
                        <Link href={`/groups/${g.id}`}>{g.name}</Link> ({t(`memberRole.${g.role}`)})
                      </span>
                    ))}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
