// Open a case: pick the person (persons search, a POST — names never go into URLs), then programme,
// owner, start and planned end. The owner defaults to the signed-in account, the team to the owner's.
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'wouter';
import type { CasePerson, PersonPage, PersonSummary } from '../../../shared/contracts/casePersons.ts';
import { type CaseDetail, caseCreate } from '../../../shared/contracts/cases.ts';
import { ApiError, api } from '../api.ts';
import { SelectField, TextField } from '../components/fields.tsx';
import { BackLink, ErrorNotice, Loading, Notice, PageHeader } from '../components/ui.tsx';
import { type FieldErrors, focusFirstError, validate } from '../forms.ts';
import { useMe } from '../session.tsx';
import { useTenant } from '../tenant.tsx';
import { adminHref, casePaths } from './caseApi.ts';
import { caseFieldError, formatDay, todayDay, useCaseOptions } from './caseUi.tsx';

type Picked = Pick<PersonSummary, 'id' | 'givenName' | 'familyName' | 'birthDate' | 'restricted'>;

export function CaseNewPage() {
  const { t, i18n } = useTranslation('cases');
  const { slug } = useTenant();
  const [params] = useSearchParams();
  const preset = params.get('personId');
  const [person, setPerson] = useState<Picked | null>(null);
  const [presetError, setPresetError] = useState<unknown>(null);

  // A link from the person page: /cases/new?personId=… (an id, no personal data)
  useEffect(() => {
    if (!preset) return;
    const controller = new AbortController();
    api<CasePerson>('GET', `/api/v1/${encodeURIComponent(slug)}/persons/${encodeURIComponent(preset)}`, undefined, { signal: controller.signal })
      .then((p) => setPerson(p))
      .catch((e: unknown) => {
        if ((e as Error).name !== 'AbortError') setPresetError(e);
      });
    return () => controller.abort();
  }, [preset, slug]);

  return (
    <>
      <BackLink href="/">{t('list.back')}</BackLink>
      <PageHeader title={t('create.title')} />
      <ErrorNotice error={presetError} />
      {person ? (
        <section className="card" aria-labelledby="picked-person">
          <h2 id="picked-person">{t('create.person')}</h2>
          <p>
            <strong>
              {person.givenName} {person.familyName}
            </strong>
            {person.birthDate ? <> · {t('create.born', { date: formatDay(person.birthDate, i18n.language) })}</> : null}
          </p>
          <button type="button" className="button secondary" onClick={() => setPerson(null)}>
            {t('create.otherPerson')}
          </button>
        </section>
      ) : (
        <PersonPicker onPick={setPerson} />
      )}
      {person ? <CaseForm person={person} /> : null}
    </>
  );
}

function PersonPicker({ onPick }: { onPick: (p: Picked) => void }) {
  const { t, i18n } = useTranslation('cases');
  const { slug } = useTenant();
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [result, setResult] = useState<PersonPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const search = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const body = { ...(name.trim() ? { name: name.trim() } : {}), ...(birthDate ? { birthDate } : {}), page: 1, pageSize: 20 };
      setResult(await api<PersonPage>('POST', casePaths.personSearch(slug), body));
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };
  const unavailable = error instanceof ApiError && error.status === 404 && error.code === 'not_found' && /No route/.test(error.message);
  return (
    <section className="card" aria-labelledby="person-search">
      <h2 id="person-search">{t('create.pickPerson')}</h2>
      <form onSubmit={search} className="inline-form" noValidate>
        <div className="grid-2">
          <TextField label={t('create.searchName')} value={name} onChange={setName} autoComplete="off" />
          <TextField label={t('create.searchBirthDate')} type="date" value={birthDate} onChange={setBirthDate} />
        </div>
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy}>
            {t('create.search')}
          </button>
          <Link href={adminHref(slug, '/persons/new')} className="button secondary">
            {t('create.newPerson')}
          </Link>
        </div>
      </form>
      {unavailable ? <Notice kind="warning">{t('create.searchUnavailable')}</Notice> : <ErrorNotice error={error} />}
      {result ? (
        result.items.length ? (
          <ul className="person-results" aria-label={t('create.results')}>
            {result.items.map((p) => (
              <li key={p.id}>
                <span>
                  <strong>
                    {p.givenName} {p.familyName}
                  </strong>
                  {p.birthDate ? <> · {t('create.born', { date: formatDay(p.birthDate, i18n.language) })}</> : null}
                  {p.town ? <> · {p.town}</> : null}
                  {p.openCases ? <> · {t('create.openCases', { count: p.openCases })}</> : null}
                  {p.restricted ? <span className="badge case-warning-past">{t('create.restricted')}</span> : null}
                </span>
                <button type="button" className="button secondary small" disabled={p.restricted} onClick={() => onPick(p)}>
                  {t('create.choose')}
                  <span className="visually-hidden">
                    {' '}
                    – {p.givenName} {p.familyName}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('create.noPersons')}</p>
        )
      ) : null}
    </section>
  );
}

function CaseForm({ person }: { person: Picked }) {
  const { t, i18n } = useTranslation('cases');
  const { t: tAdmin } = useTranslation();
  const { slug } = useTenant();
  const me = useMe();
  const [, navigate] = useLocation();
  const options = useCaseOptions();
  const [v, setV] = useState({ programmeId: '', ownerId: me.id, teamId: '', startedOn: todayDay(), plannedEndOn: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v, value: string) => {
    setV((x) => ({ ...x, [k]: value }));
    setErrors((e) => ({ ...e, [k]: '' }));
  };
  const opts = options.data;
  const programmes = useMemo(() => (opts?.programmes ?? []).filter((p) => p.active), [opts]);
  const owners = useMemo(() => (opts?.staff ?? []).filter((s) => !s.disabled), [opts]);
  const owner = owners.find((s) => s.id === v.ownerId);
  const needsTeam = Boolean(owner && !owner.teamId);
  const programme = programmes.find((p) => p.id === v.programmeId);
  useEffect(() => {
    if (!v.programmeId && programmes.length === 1) setV((x) => ({ ...x, programmeId: programmes[0]!.id }));
  }, [programmes, v.programmeId]);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (busy) return;
    setError(null);
    const body = {
      personId: person.id,
      programmeId: v.programmeId,
      ...(v.ownerId && v.ownerId !== me.id ? { ownerId: v.ownerId } : {}),
      ...(needsTeam && v.teamId ? { teamId: v.teamId } : {}),
      startedOn: v.startedOn,
      plannedEndOn: v.plannedEndOn || null,
    };
    const checked = validate(caseCreate, body, tAdmin);
    const errs: FieldErrors = { ...(checked.errors ?? {}) };
    if (!v.programmeId) errs.programmeId = t('create.programmeRequired');
    if (needsTeam && !v.teamId) errs.teamId = t('create.teamRequired');
    if (Object.keys(errs).length) {
      setErrors(errs);
      return focusFirstError(errs);
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await api<CaseDetail>('POST', casePaths.cases(slug), checked.data);
      navigate(`/${created.id}`);
      return;
    } catch (e) {
      setErrors(caseFieldError(e, tAdmin));
      setError(e);
    }
    setBusy(false);
  };
  if (options.error) return <ErrorNotice error={options.error} onRetry={options.reload} />;
  if (!opts) return <Loading />;
  const existing = error instanceof ApiError && error.code === 'duplicate' ? (error.details as { caseId?: string } | undefined)?.caseId : undefined;
  return (
    <form onSubmit={submit} noValidate className="card form" aria-labelledby="case-data">
      <h2 id="case-data">{t('create.caseData')}</h2>
      <ErrorNotice error={error} />
      {existing ? (
        <p>
          <Link href={`/${existing}`}>{t('create.openExisting')}</Link>
        </p>
      ) : null}
      {programmes.length === 0 ? <Notice kind="warning">{t('create.noProgrammes')}</Notice> : null}
      <div className="grid-2">
        <SelectField
          label={t('fields.programme')}
          value={v.programmeId}
          onChange={(x) => set('programmeId', x)}
          options={[{ value: '', label: t('create.choose') }, ...programmes.map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))]}
          error={errors.programmeId}
          hint={
            programme
              ? programme.maxDurationMonths
                ? t('create.programmeRule', { months: programme.maxDurationMonths, extension: programme.maxExtensionMonths })
                : t('create.programmeNoLimit')
              : undefined
          }
          required
        />
        {opts.scope !== 'own' ? (
          <SelectField
            label={t('fields.owner')}
            value={v.ownerId}
            onChange={(x) => set('ownerId', x)}
            options={owners.map((s) => ({ value: s.id, label: s.id === me.id ? t('create.me', { name: s.name }) : s.name }))}
            error={errors.ownerId}
            required
          />
        ) : null}
        {needsTeam ? (
          <SelectField
            label={t('fields.team')}
            value={v.teamId}
            onChange={(x) => set('teamId', x)}
            options={[{ value: '', label: t('create.choose') }, ...opts.teams.map((x) => ({ value: x.id, label: x.name }))]}
            error={errors.teamId}
            required
          />
        ) : null}
        <TextField label={t('fields.startedOn')} type="date" value={v.startedOn} onChange={(x) => set('startedOn', x)} error={errors.startedOn} required />
        <TextField
          label={t('fields.plannedEndOn')}
          type="date"
          value={v.plannedEndOn}
          onChange={(x) => set('plannedEndOn', x)}
          error={errors.plannedEndOn}
          hint={v.startedOn ? t('create.plannedEndHint', { date: formatDay(v.startedOn, i18n.language) }) : undefined}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('create.saving') : t('create.submit')}
        </button>
      </div>
    </form>
  );
}
