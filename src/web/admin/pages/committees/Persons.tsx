// Persons (committee members): search, create, edit contact data and its publication, delete.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminPerson, type AdminPersonDetail, type PersonPage, personInput } from '../../../../shared/contracts/committees.ts';
import { api, query } from '../../api.ts';
import { Checkbox, TextField } from '../../components/fields.tsx';
import { DataTable, PagedList, useDebouncedSearch } from '../../components/frames.tsx';
import { Notice, PageHeader } from '../../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { ErrorNotice, useLocalizeErrors } from './errors.tsx';
import { committeePaths } from './committeesApi.ts';

export function PersonsPage() {
  const { t } = useTranslation('committees');
  const { t: ta } = useTranslation('admin');
  const { slug } = useTenant();
  const [page, setPage] = useState(1);
  const { q, setQ, debounced } = useDebouncedSearch(setPage);
  const [editing, setEditing] = useState<AdminPerson | null>(null);
  const list = useApi<PersonPage>(committeePaths.persons(slug) + query({ q: debounced, page, pageSize: 25 }));
  return (
    <>
      <PageHeader title={t('persons.title')} />
      <p className="lead">{t('persons.intro')}</p>
      <search className="filters" aria-label={ta('common.filters')}>
        <TextField label={ta('common.search')} type="search" value={q} onChange={setQ} />
      </search>
      <PagedList list={list} onPage={setPage} ErrorView={ErrorNotice}>
        {(data) => (
          <DataTable
            columns={[t('fields.personName'), t('fields.email'), t('fields.publishContact'), ta('common.actions')]}
            items={data.items}
            empty={ta('common.noResults')}
            row={(p) => (
              <tr>
                <td>{p.name}</td>
                <td>{p.email ?? '–'}</td>
                <td>{p.publishContact ? ta('common.yes') : ta('common.no')}</td>
                <td>
                  <button type="button" className="button secondary small" onClick={() => setEditing(p)}>
                    {ta('common.edit')}
                    <span className="visually-hidden"> – {p.name}</span>
                  </button>
                </td>
              </tr>
            )}
          />
        )}
      </PagedList>
      <PersonForm
        key={editing?.id ?? 'new'}
        person={editing}
        onDone={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </>
  );
}

function PersonForm({ person, onDone }: { person: AdminPerson | null; onDone: () => void }) {
  const { t } = useTranslation('committees');
  const { t: ta } = useTranslation('admin');
  const localize = useLocalizeErrors();
  const { slug } = useTenant();
  const [v, setV] = useState({
    formOfAddress: person?.formOfAddress ?? '',
    title: person?.title ?? '',
    givenName: person?.givenName ?? '',
    familyName: person?.familyName ?? '',
    email: person?.email ?? '',
    phone: person?.phone ?? '',
    publishContact: person?.publishContact ?? false,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const checked = validate(personInput, { ...v, email: v.email.trim() || null, phone: v.phone.trim() || null }, ta);
    if (checked.errors) {
      setErrors(localize(checked.errors));
      return focusFirstError(checked.errors);
    }
    setErrors({});
    try {
      const saved = await api<AdminPersonDetail>(person ? 'PUT' : 'POST', person ? committeePaths.person(slug, person.id) : committeePaths.persons(slug), checked.data);
      setMessage(t('persons.saved', { name: saved.name }));
      if (!person) setV({ formOfAddress: '', title: '', givenName: '', familyName: '', email: '', phone: '', publishContact: false });
      onDone();
    } catch (err) {
      setErrors(localize(apiFieldError(err, ta)));
      setError(err);
    }
  };
  const remove = async () => {
    if (!person || !window.confirm(t('persons.confirmDelete', { name: person.name }))) return;
    try {
      await api('DELETE', committeePaths.person(slug, person.id));
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="person-form">
      <h2 id="person-form">{person ? t('persons.editTitle', { name: person.name }) : t('persons.newTitle')}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={error} />
        {message ? <Notice kind="success">{message}</Notice> : null}
        <div className="grid-2">
          <TextField label={t('fields.formOfAddress')} value={v.formOfAddress} onChange={(formOfAddress) => setV({ ...v, formOfAddress })} hint={t('hints.formOfAddress')} />
          <TextField label={t('fields.title')} value={v.title} onChange={(title) => setV({ ...v, title })} />
        </div>
        <div className="grid-2">
          <TextField label={t('fields.givenName')} value={v.givenName} onChange={(givenName) => setV({ ...v, givenName })} error={errors.givenName} />
          <TextField label={t('fields.familyName')} required value={v.familyName} onChange={(familyName) => setV({ ...v, familyName })} error={errors.familyName} />
        </div>
        <div className="grid-2">
          <TextField label={t('fields.email')} type="email" value={v.email} onChange={(email) => setV({ ...v, email })} error={errors.email} />
          <TextField label={t('fields.phone')} type="tel" value={v.phone} onChange={(phone) => setV({ ...v, phone })} error={errors.phone} />
        </div>
        <Checkbox label={t('fields.publishContact')} checked={v.publishContact} onChange={(publishContact) => setV({ ...v, publishContact })} hint={t('hints.publishContact')} />
        <div className="form-actions">
          <button type="submit" className="button primary">
            {person ? ta('common.save') : t('persons.create')}
          </button>
          {person ? (
            <>
              <button type="button" className="button secondary" onClick={onDone}>
                {ta('common.cancel')}
              </button>
              <button type="button" className="button danger" onClick={() => void remove()}>
                {ta('common.delete')}
              </button>
            </>
          ) : null}
        </div>
      </form>
    </section>
  );
}
