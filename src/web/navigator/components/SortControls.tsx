import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localName, useNavigator } from '../context.ts';
import type { Point, SearchState, SortKey } from '../searchState.ts';

const SORTS: SortKey[] = ['relevance', 'distance', 'title', 'updated'];

/** Sorting, and for distance the starting point: the device's location or an area's centre. */
export function SortControls({ state, onChange, point }: { state: SearchState; onChange: (patch: Partial<SearchState>) => void; point: Point | null }) {
  const { t } = useTranslation();
  const { profile, lang } = useNavigator();
  const sortId = useId();
  const areaId = useId();
  const [geo, setGeo] = useState<'idle' | 'locating' | 'denied'>('idle');
  const areas = profile.areas.filter((a) => a.lat !== null && a.lon !== null);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setGeo('denied');
      return;
    }
    setGeo('locating');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setGeo('idle');
        onChange({ sort: 'distance', near: `${pos.coords.latitude.toFixed(4)},${pos.coords.longitude.toFixed(4)}` });
      },
      () => setGeo('denied'),
      { timeout: 15000, maximumAge: 600000 },
    );
  };

  return (
    <div className="sort-controls">
      <div className="field-inline">
        <label htmlFor={sortId}>{t('sort.label')}</label>
        <select id={sortId} value={state.sort} onChange={(e) => onChange({ sort: e.target.value as SortKey })}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {state.sort === 'distance' && (
        <fieldset className="near">
          <legend>{t('near.legend')}</legend>
          <button type="button" className="button" onClick={locate} disabled={geo === 'locating'}>
            {t('near.useLocation')}
          </button>
          <div className="field-inline">
            <label htmlFor={areaId}>{t('near.area')}</label>
            <select id={areaId} value={state.near.startsWith('area:') ? state.near : ''} onChange={(e) => onChange({ near: e.target.value })}>
              <option value="">{t('near.choose')}</option>
              {areas.map((a) => (
                <option key={a.id} value={`area:${a.id}`}>
                  {localName(a, lang, profile.defaultLanguage)}
                </option>
              ))}
            </select>
          </div>
          <p className="hint" role="status">
            {geo === 'locating' && t('near.locating')}
            {geo === 'denied' && t('near.denied')}
            {geo === 'idle' && point && !state.near.startsWith('area:') && t('near.located')}
            {geo === 'idle' && !point && t('near.needed')}
          </p>
        </fieldset>
      )}
    </div>
  );
}
