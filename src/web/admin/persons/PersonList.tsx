// Persons: search form (name in any spelling, birth date, case reference — sent as a POST body, so
// no name ever appears in a URL), results with paging, and "record a person".
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { type PersonPage, type PersonSearch, personSearch } from '../../../shared/contracts/casePersons.ts';
import { api } from '../api.ts';
import { Checkbox, TextField } from '../components/fields.tsx';
import { Loading, PageHeader, Pager } from '../components/ui.tsx';
import type { FieldErrors } from '../forms.ts';
import { useTenant } from '../tenant.tsx';
import { personPaths } from './personsApi.ts';
import { PersonErrorNotice, countryName, formatDay, otherNameText, usePersonT, validatePerson } from './personUi.tsx';

const PAGE_SIZE = 25;

export function PersonListPage() {
  const { t, i18n } = usePersonT();
  const { slug } = useTenant();
  const [form, setForm] = useState({ name: '', birthDate: '', reference: '', restricted: false });
  const [criteria, setCriteria] = useState<PersonSearch>({ page: 1, pageSize: PAGE_SIZE });
  const [result, setResult] = useState<PersonPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (body: PersonSearch, signal?: AbortSignal) => {
      setBusy(true);
      setError(null);
      try {
        setResult(await api<PersonPage>('POST', personPaths.search(slug), body, signal ? { signal } : {}));
      } catch (e) {
        if ((e as Error).name !== 'AbortError') setError(e);
      } finally {
        setBusy(false);
      }
    },
    [slug],
  );

  useEffect(() => {
    const controller = new AbortController();
    void run(criteria, controller.signal);
    return () => controller.abort();
  }, [criteria, run]);

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const body = {
      ...(form.name.trim() ? { name: form.name.trim() } : {}),
      ...(form.birthDate ? { birthDate: form.birthDate } : {}),
      ...(form.reference.trim() ? { reference: form.reference.trim() } : {}),
      ...(form.restricted ? { restricted: true } : {}),
      page: 1,
      pageSize: PAGE_SIZE,
    };
    const checked = validatePerson(personSearch, body, t);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setCriteria(checked.data);
  };

  return (
    <>
      <PageHeader title={t('list.title')}>
        <Link href="/new" className="button primary">
          {t('list.new')}
        </Link>
      </PageHeader>
      <search>
        <form className="filters person-search" onSubmit={submit} noValidate aria-label={t('list.searchForm')}>
          <TextField label={t('list.name')} hint={t('list.nameHint')} value={form.name} onChange={(x) => setForm((f) => ({ ...f, name: x }))} error={errors.name} autoComplete="off" />
          <TextField label={t('fields.birthDate')} type="date" value={form.birthDate} onChange={(x) => setForm((f) => ({ ...f, birthDate: x }))} error={errors.birthDate} />
          <TextField label={t('list.reference')} value={form.reference} onChange={(x) => setForm((f) => ({ ...f, reference: x }))} error={errors.reference} autoComplete="off" />
          <Checkbox label={t('list.onlyRestricted')} checked={form.restricted} onChange={(x) => setForm((f) => ({ ...f, restricted: x }))} />
          <div className="button-row">
            <button type="submit" className="button primary" disabled={busy}>
              {t('list.search')}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setForm({ name: '', birthDate: '', reference: '', restricted: false });
                setErrors({});
                setCriteria({ page: 1, pageSize: PAGE_SIZE });
              }}
            >
              {t('list.reset')}
            </button>
          </div>
        </form>
      </search>
      <PersonErrorNotice error={error} onRetry={() => void run(criteria)} />
      {!result && !error ? <Loading /> : null}
      {result ? (
        <>
          <p className="result-count" aria-live="polite">
            {t('list.count', { count: result.total })}
          </p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.name')}</th>
                  <th scope="col">{t('fields.birthDate')}</th>
                  <th scope="col">{t('fields.nationalities')}</th>
                  <th scope="col">{t('fields.town')}</th>
                  <th scope="col">{t('list.openCases')}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link href={`/${p.id}`}>
                        {p.familyName}, {p.givenName}
                      </Link>
                      {p.restricted ? <span className="badge person-restricted">{t('restriction.badge')}</span> : null}
                      {p.otherNames.length ? <div className="meta">{p.otherNames.map(otherNameText).join('; ')}</div> : null}
                    </td>
                    <td>{formatDay(p.birthDate, i18n.language)}</td>
                    <td>{p.nationalities.map((c) => countryName(c, i18n.language, t)).join(', ') || '–'}</td>
                    <td>{p.town ?? '–'}</td>
                    <td>{p.openCases}</td>
                  </tr>
                ))}
                {result.items.length === 0 ? (
                  <tr>
                    <td colSpan={5}>{t('list.none')}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          <Pager page={result.page} pageSize={result.pageSize} total={result.total} onPage={(page) => setCriteria((c) => ({ ...c, page }))} />
        </>
      ) : null}
    </>
  );
}
