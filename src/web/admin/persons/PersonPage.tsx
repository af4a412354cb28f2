// The person page: header (name, birth date, team, Art. 18 restriction banner and controls) and
// tabs — our own (master data, household, correction history, cases), then the tabs other
// features register in cases/registry.ts. A merged-away record leads to the surviving one.
import { type FormEvent, Suspense, useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'wouter';
import { type CasePerson, restrictionBody } from '../../../shared/contracts/casePersons.ts';
import { ApiError, api } from '../api.ts';
import { TextField } from '../components/fields.tsx';
import { Tabs } from '../components/Tabs.tsx';
import { BackLink, Loading, Notice, PageHeader, formatDateTime } from '../components/ui.tsx';
import { useApi } from '../hooks.ts';
import { useTenant } from '../tenant.tsx';
import { personTabs } from '../cases/registry.ts';
import { CasesTab } from './CasesTab.tsx';
import { HistoryTab } from './HistoryTab.tsx';
import { HouseholdTab } from './HouseholdTab.tsx';
import { PersonForm } from './PersonForm.tsx';
import { UUID, personPaths } from './personsApi.ts';
import { PersonErrorNotice, apiErrors, countryName, formatDay, fullName, usePersonT, validatePerson } from './personUi.tsx';

const OWN_TABS = ['data', 'household', 'history', 'cases'] as const;

export function PersonPage() {
  const { t } = usePersonT();
  const { id = '', tab } = useParams<{ id: string; tab?: string }>();
  const { slug } = useTenant();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const person = useApi<CasePerson>(UUID.test(id) ? personPaths.person(slug, id) : null);
  const reload = person.reload;
  const onChanged = useCallback(() => reload(), [reload]);
  const data = person.data;

  // A merged-away record answers with its survivor: show the survivor's address.
  useEffect(() => {
    if (data && data.id !== id) navigate(tab ? `/${data.id}/${tab}` : `/${data.id}`, { replace: true });
  }, [data, id, tab, navigate]);

  if (!UUID.test(id)) {
    return (
      <>
        <BackLink href="/">{t('list.back')}</BackLink>
        <Notice kind="error">{t('page.notFound')}</Notice>
      </>
    );
  }
  if (person.error && !data) {
    return (
      <>
        <BackLink href="/">{t('list.back')}</BackLink>
        <PersonErrorNotice error={person.error} onRetry={person.reload} />
      </>
    );
  }
  if (!data || data.id !== id) return <Loading />;
  const known = [...OWN_TABS, ...personTabs.map((x) => x.id)];
  const active = tab && known.includes(tab) ? tab : 'data';
  const registered = personTabs.find((x) => x.id === active);
  const Registered = registered?.component;

  return (
    <>
      <BackLink href="/">{t('list.back')}</BackLink>
      {params.get('merged') ? (
        <Notice kind="success" focus>
          {t('merge.done')}
        </Notice>
      ) : null}
      <PersonHeader person={data} onChanged={(p) => person.setData(p)} />
      <Tabs
        label={t('page.tabs')}
        tabs={[
          { key: 'data', label: t('tabs.data') },
          { key: 'household', label: t('tabs.household') },
          { key: 'history', label: t('tabs.history') },
          { key: 'cases', label: t('tabs.cases') },
          ...personTabs.map((x) => ({ key: x.id, label: t(x.labelKey, { ns: 'cases' }) })),
        ]}
        active={active}
        onChange={(key) => navigate(key === 'data' ? `/${data.id}` : `/${data.id}/${key}`)}
      >
        {active === 'data' ? (
          <DataTab person={data} onSaved={(p) => person.setData(p)} onReload={person.reload} />
        ) : active === 'household' ? (
          <HouseholdTab person={data} onChanged={onChanged} />
        ) : active === 'history' ? (
          <HistoryTab key={data.version} personId={data.id} />
        ) : active === 'cases' ? (
          <CasesTab person={data} />
        ) : Registered ? (
          <Suspense fallback={<Loading />}>
            <Registered personId={data.id} onChanged={onChanged} />
          </Suspense>
        ) : null}
      </Tabs>
    </>
  );
}

function PersonHeader({ person, onChanged }: { person: CasePerson; onChanged: (p: CasePerson) => void }) {
  const { t, i18n } = usePersonT();
  const lang = i18n.language;
  return (
    <header className="person-header">
      <PageHeader title={fullName(person)} documentTitle={t('page.documentTitle')}>
        {person.permissions.merge ? (
          <Link href={`/${person.id}/merge`} className="button secondary">
            {t('merge.start')}
          </Link>
        ) : null}
      </PageHeader>
      <p className="meta person-subtitle">
        {person.birthDate ? t('fields.bornOn', { date: formatDay(person.birthDate, lang) }) : t('page.noBirthDate')}
        {person.nationalities.length ? ` · ${person.nationalities.map((c) => countryName(c, lang, t)).join(', ')}` : ''}
        {person.teamName ? ` · ${t('page.recordedBy', { team: person.teamName })}` : ''}
      </p>
      {person.restricted ? (
        <div className="notice notice-warning person-restriction" role="status">
          <p>
            <strong>{t('restriction.banner')}</strong> {t('restriction.since', { date: formatDateTime(person.restrictedAt, lang) })}
          </p>
          {person.restrictionReason ? <p>{t('restriction.reasonIs', { reason: person.restrictionReason })}</p> : null}
          <p>{t('restriction.effect')}</p>
          {person.permissions.unrestrict ? <RestrictionForm person={person} restricted={false} onChanged={onChanged} /> : <p className="meta">{t('restriction.liftWho')}</p>}
        </div>
      ) : person.permissions.restrict ? (
        <RestrictionForm person={person} restricted onChanged={onChanged} />
      ) : null}
    </header>
  );
}

/** Restrict processing, or lift the restriction, with a reason (Art. 18 GDPR). */
function RestrictionForm({ person, restricted, onChanged }: { person: CasePerson; restricted: boolean; onChanged: (p: CasePerson) => void }) {
  const { t } = usePersonT();
  const { slug } = useTenant();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [apiError, setApiError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const checked = validatePerson(restrictionBody, { restricted, reason }, t);
    if (checked.errors) {
      setError(checked.errors.reason);
      return;
    }
    setBusy(true);
    setApiError(null);
    try {
      onChanged(await api<CasePerson>('POST', personPaths.restriction(slug, person.id), checked.data));
      setOpen(false);
      setReason('');
    } catch (e) {
      setError(apiErrors(e, t).reason);
      setApiError(e instanceof ApiError && e.field === 'body.reason' ? null : e);
    } finally {
      setBusy(false);
    }
  };
  if (!open) {
    return (
      <div className="button-row">
        <button type="button" className={restricted ? 'button secondary' : 'button primary'} onClick={() => setOpen(true)}>
          {restricted ? t('restriction.restrict') : t('restriction.lift')}
        </button>
      </div>
    );
  }
  return (
    <form className="card inline-form restriction-form" onSubmit={submit} noValidate aria-label={restricted ? t('restriction.restrict') : t('restriction.lift')}>
      <p>{restricted ? t('restriction.restrictHelp') : t('restriction.liftHelp')}</p>
      <PersonErrorNotice error={apiError} />
      <TextField label={t('restriction.reason')} value={reason} onChange={setReason} error={error} required />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {restricted ? t('restriction.confirmRestrict') : t('restriction.confirmLift')}
        </button>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function DataTab({ person, onSaved, onReload }: { person: CasePerson; onSaved: (p: CasePerson) => void; onReload: () => void }) {
  const { t } = usePersonT();
  const { slug } = useTenant();
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <>
      {person.restricted ? <Notice kind="info">{t('restriction.formLocked')}</Notice> : null}
      {saved ? (
        <Notice kind="success" focus>
          {t('form.saved')}
        </Notice>
      ) : null}
      {conflict ? (
        <div className="notice notice-error" role="alert">
          <p>{t('form.conflict')}</p>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setConflict(false);
              onReload();
            }}
          >
            {t('form.reload')}
          </button>
        </div>
      ) : null}
      <PersonForm
        key={person.version}
        person={person}
        disabled={!person.permissions.edit}
        submitLabel={t('form.save')}
        onConflict={() => setConflict(true)}
        onSave={async (body) => {
          setSaved(false);
          const updated = await api<CasePerson>('PATCH', personPaths.person(slug, person.id), body);
          setSaved(true);
          onSaved(updated);
        }}
      />
    </>
  );
}
