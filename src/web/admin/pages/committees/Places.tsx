// Meeting locations and the council's legislative terms.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminCommitteeLocation, type AdminTerm, locationInput, } from '../../../../shared/contracts/committees.ts';
import { api } from '../../api.ts';
import { TextField } from '../../components/fields.tsx';
import { Loading, PageHeader } from '../../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { ErrorNotice, useLocalizeErrors } from './errors.tsx';
import { committeePaths, formatDate } from './committeesApi.ts';
import { TermFields, useNewTerm } from './NewTerm.tsx';

export function PlacesPage() {
  const { t } = useTranslation('committees');
  return (
    <>
      <PageHeader title={t('places.title')} />
      <Locations />
      <CouncilTerms />
    </>
  );
}

function Locations() {
  const { t } = useTranslation('committees');
  const { t: ta } = useTranslation('admin');
  const localize = useLocalizeErrors();
  const { slug } = useTenant();
  const list = useApi<{ items: AdminCommitteeLocation[] }>(committeePaths.locations(slug));
  const empty = { description: '', room: '', streetAddress: '', postalCode: '', locality: '' };
  const [v, setV] = useState(empty);
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const checked = validate(locationInput, v, ta);
    if (checked.errors) {
      setErrors(localize(checked.errors));
      return focusFirstError(checked.errors);
    }
    setErrors({});
    try {
      await api(editing ? 'PUT' : 'POST', editing ? committeePaths.location(slug, editing) : committeePaths.locations(slug), checked.data);
      setV(empty);
      setEditing(null);
      list.reload();
    } catch (err) {
      setErrors(localize(apiFieldError(err, ta)));
      setError(err);
    }
  };
  const remove = async (l: AdminCommitteeLocation) => {
    if (!window.confirm(t('places.confirmDelete', { name: l.description }))) return;
    try {
      await api('DELETE', committeePaths.location(slug, l.id));
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="locations-title">
      <h2 id="locations-title">{t('places.locations')}</h2>
      <ErrorNotice error={error} />
      {!list.data ? <Loading /> : null}
      <ul className="plain-list">
        {(list.data?.items ?? []).map((l) => (
          <li key={l.id}>
            <strong>{l.description}</strong>
            {l.room ? `, ${l.room}` : ''} – {[l.streetAddress, [l.postalCode, l.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ')}{' '}
            <button
              type="button"
              className="button secondary small"
              onClick={() => {
                setEditing(l.id);
                setV({ description: l.description, room: l.room, streetAddress: l.streetAddress, postalCode: l.postalCode, locality: l.locality });
              }}
            >
              {ta('common.edit')}
              <span className="visually-hidden"> – {l.description}</span>
            </button>{' '}
            <button type="button" className="button danger small" onClick={() => void remove(l)}>
              {ta('common.delete')}
              <span className="visually-hidden"> – {l.description}</span>
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} noValidate className="inline-form" aria-labelledby="location-form">
        <h3 id="location-form">{editing ? t('places.editLocation') : t('places.newLocation')}</h3>
        <div className="grid-2">
          <TextField label={t('fields.locationDescription')} required value={v.description} onChange={(description) => setV({ ...v, description })} error={errors.description} />
          <TextField label={t('fields.room')} value={v.room} onChange={(room) => setV({ ...v, room })} />
        </div>
        <div className="grid-3">
          <TextField label={t('fields.streetAddress')} value={v.streetAddress} onChange={(streetAddress) => setV({ ...v, streetAddress })} />
          <TextField label={t('fields.postalCode')} value={v.postalCode} onChange={(postalCode) => setV({ ...v, postalCode })} />
          <TextField label={t('fields.locality')} value={v.locality} onChange={(locality) => setV({ ...v, locality })} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary">
            {editing ? ta('common.save') : t('places.addLocation')}
          </button>
          {editing ? (
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setEditing(null);
                setV(empty);
              }}
            >
              {ta('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

function CouncilTerms() {
  const { t, i18n } = useTranslation('committees');
  const { t: ta } = useTranslation('admin');
  const { slug } = useTenant();
  const list = useApi<{ items: AdminTerm[] }>(committeePaths.terms(slug));
  const { v, setV, errors, error, setError, submit } = useNewTerm(null, list.reload);
  const remove = async (term: AdminTerm) => {
    if (!window.confirm(t('places.confirmDeleteTerm', { name: term.name }))) return;
    try {
      await api('DELETE', committeePaths.term(slug, term.id));
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="terms-title">
      <h2 id="terms-title">{t('places.terms')}</h2>
      <p className="hint">{t('places.termsIntro')}</p>
      <ErrorNotice error={error} />
      <ul className="plain-list">
        {(list.data?.items ?? [])
          .filter((term) => term.committeeId === null)
          .map((term) => (
            <li key={term.id}>
              <strong>{term.name}</strong>: {formatDate(term.startDate, i18n.language)} – {term.endDate ? formatDate(term.endDate, i18n.language) : t('members.open')}{' '}
              <button type="button" className="button danger small" onClick={() => void remove(term)}>
                {ta('common.delete')}
                <span className="visually-hidden"> – {term.name}</span>
              </button>
            </li>
          ))}
      </ul>
      <form onSubmit={submit} noValidate className="inline-form" aria-labelledby="term-form">
        <h3 id="term-form">{t('places.newTerm')}</h3>
        <TermFields v={v} setV={setV} errors={errors} />
        <div className="form-actions">
          <button type="submit" className="button primary">
            {t('terms.addButton')}
          </button>
        </div>
      </form>
    </section>
  );
}
