import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferSearchResult } from '../../../shared/contracts/offerPublic.ts';
import { languageName, localName, useNavigator } from '../context.ts';
import { activeFilterCount, FLAG_KEYS, type FlagKey, type ListKey, type SearchState } from '../searchState.ts';

type Facets = OfferSearchResult['facets'];

interface Option {
  value: string;
  label: string;
  lang?: string;
}

/** Filters as native checkboxes in fieldsets, each with its number of matching offers. */
export function FilterPanel({ state, facets, onChange }: { state: SearchState; facets: Facets | null; onChange: (patch: Partial<SearchState>) => void }) {
  const { t, i18n } = useTranslation();
  const { profile, lang } = useNavigator();
  const fallback = profile.defaultLanguage;
  const active = activeFilterCount(state);
  // On wide screens the filters start open beside the results; on phones they start closed.
  const [wide] = useState(() => typeof window !== 'undefined' && window.matchMedia('(min-width: 56rem)').matches);
  // The options are rendered once the panel is first opened (less work for the first view).
  const [opened, setOpened] = useState(false);
  const languageValues = new Set([...(facets?.language.map((f) => f.value) ?? []), ...state.language]);
  const lists: Array<{ key: ListKey; options: Option[] }> = [
    { key: 'field', options: profile.fieldsOfAction.map((f) => ({ value: f.id, label: localName(f, lang, fallback) })) },
    { key: 'targetGroup', options: profile.targetGroups.map((g) => ({ value: g.id, label: localName(g, lang, fallback) })) },
    {
      key: 'language',
      options: [...languageValues]
        .map((code) => ({ value: code, label: languageName(code, i18n.language) }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    },
    { key: 'area', options: profile.areas.map((a) => ({ value: a.id, label: localName(a, lang, fallback) })) },
  ];
  const count = (key: ListKey, value: string) => (facets ? (facets[key].find((f) => f.value === value)?.count ?? 0) : null);
  const toggle = (key: ListKey, value: string, on: boolean) => onChange({ [key]: on ? [...state[key], value] : state[key].filter((v) => v !== value) });

  return (
    <details className="filters" open={active > 0 || wide || undefined} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>
        <span>{active > 0 ? t('filters.active', { count: active }) : t('filters.title')}</span>
      </summary>
      {(opened || active > 0 || wide) && (
      <div className="filters-body">
        {active > 0 && (
          <button
            type="button"
            className="button link-button"
            onClick={() => onChange({ field: [], targetGroup: [], language: [], area: [], free: false, childcare: false, barrierFree: false, online: false, inPerson: false })}
          >
            {t('filters.reset')}
          </button>
        )}
        <fieldset className="filter-group">
          <legend>{t('filters.features')}</legend>
          <ul>
            {FLAG_KEYS.map((k: FlagKey) => (
              <li key={k}>
                <Checkbox name={k} label={t(`filters.${k}`)} checked={state[k]} count={facets ? facets[k] : null} onChange={(on) => onChange({ [k]: on })} />
              </li>
            ))}
          </ul>
        </fieldset>
        {lists.map(({ key, options }) =>
          options.length === 0 ? null : (
            <fieldset key={key} className="filter-group">
              <legend>{t(`filters.${key}`)}</legend>
              <ul>
                {options.map((o) => (
                  <li key={o.value}>
                    <Checkbox name={key} value={o.value} label={o.label} checked={state[key].includes(o.value)} count={count(key, o.value)} onChange={(on) => toggle(key, o.value, on)} />
                  </li>
                ))}
              </ul>
            </fieldset>
          ),
        )}
      </div>
      )}
    </details>
  );
}

function Checkbox(props: { name: string; value?: string; label: string; checked: boolean; count: number | null; onChange: (on: boolean) => void }) {
  const id = useId();
  const { t } = useTranslation();
  return (
    <div className="check">
      <input id={id} type="checkbox" name={props.name} value={props.value ?? 'true'} checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={id}>
        <span className="check-label">{props.label}</span>
        {props.count !== null && (
          <span className="count" data-count={props.count}>
            <span aria-hidden="true">{props.count}</span>
            <span className="visually-hidden">{t('filters.matches', { count: props.count })}</span>
          </span>
        )}
      </label>
    </div>
  );
}
