// Organisations of the actor network: list with filters; create (with a duplicate warning) and
// edit; relationships over time, group memberships, people, merge with a duplicate, archive.
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import {
  type AdminOrganisation,
  ORGANISATION_RELATIONSHIP_KINDS,
  ORGANISATION_TYPES,
  type OrganisationDetail,
  type OrganisationPage,
  organisationCreate,
  organisationInput,
  type Relationship,
} from '../../../../shared/contracts/actors.ts';
import { api, query } from '../../api.ts';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { DataTable, PagedList, RecordPage, useDebouncedSearch } from '../../components/frames.tsx';
import { BackLink, ErrorNotice, Notice, PageHeader } from '../../components/ui.tsx';
import { type FieldErrors, focusFirstError, validate } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import {
  DuplicateWarning,
  EntityPicker,
  formatDay,
  formFieldErrors,
  isDuplicateRefusal,
  LanguageChecks,
  networkPaths,
  type Picked,
  TaxonomyChecks,
  useDuplicateCheck,
  useLanguageName,
  useNetworkT,
  useTaxonomyNames,
} from './common.tsx';
import { RelationshipList } from './Relationships.tsx';

export function OrganisationListPage() {
  const { t, ta } = useNetworkT();
  const { slug, profile } = useTenant();
  const names = useTaxonomyNames();
  const [page, setPage] = useState(1);
  const { q, setQ, debounced } = useDebouncedSearch(setPage);
  const [type, setType] = useState('');
  const [fieldId, setFieldId] = useState('');
  const [areaId, setAreaId] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const list = useApi<OrganisationPage>(networkPaths.organisations(slug) + query({ q: debounced, type, fieldId, areaId, includeArchived: String(includeArchived), page, pageSize: 25 }));
  return (
    <>
      <PageHeader title={t('organisations.title')}>
        <Link href="/organisations/new" className="button primary">
          {t('organisations.new')}
        </Link>
      </PageHeader>
      <p className="lead">{t('organisations.lead')}</p>
      <search className="filters">
        <TextField label={ta('common.search')} type="search" value={q} onChange={setQ} />
        <SelectField label={t('fields.type')} value={type} onChange={(v) => { setType(v); setPage(1); }} options={[{ value: '', label: ta('common.all') }, ...ORGANISATION_TYPES.map((x) => ({ value: x, label: t(`organisationType.${x}`) }))]} />
        <SelectField label={t('taxonomy.fieldOfAction')} value={fieldId} onChange={(v) => { setFieldId(v); setPage(1); }} options={[{ value: '', label: ta('common.all') }, ...profile.fieldsOfAction.map((f) => ({ value: f.id, label: names(f.id) }))]} />
        <SelectField label={t('taxonomy.area')} value={areaId} onChange={(v) => { setAreaId(v); setPage(1); }} options={[{ value: '', label: ta('common.all') }, ...profile.areas.map((a) => ({ value: a.id, label: names(a.id) }))]} />
        <Checkbox label={ta('common.includeArchived')} checked={includeArchived} onChange={(v) => { setIncludeArchived(v); setPage(1); }} />
      </search>
      <PagedList list={list} onPage={setPage}>
        {(data) => (
          <DataTable
            columns={[t('fields.name'), t('fields.type'), t('taxonomy.fieldsOfAction'), t('taxonomy.areas')]}
            items={data.items}
            empty={ta('common.noResults')}
            row={(o) => (
              <tr className={o.archived ? 'muted' : undefined}>
                <td>
                  <Link href={`/organisations/${o.id}`}>{o.name}</Link>
                  {o.archived ? <span className="badge status-archived">{ta('common.archived')}</span> : null}
                </td>
                <td>{t(`organisationType.${o.type}`)}</td>
                <td>{o.fieldIds.map(names).join(', ') || '–'}</td>
                <td>{o.areaIds.length ? o.areaIds.map(names).join(', ') : t('organisations.cityWide')}</td>
              </tr>
            )}
          />
        )}
      </PagedList>
    </>
  );
}

export function OrganisationEditPage() {
  const { t } = useNetworkT();
  const { id } = useParams<{ id?: string }>();
  const { slug } = useTenant();
  const data = useApi<OrganisationDetail>(id ? networkPaths.organisation(slug, id) : null);
  const back = <BackLink href="/organisations">{t('organisations.backToList')}</BackLink>;
  return (
    <RecordPage id={id} record={data} back={back} create={{ title: t('organisations.newTitle'), form: <OrganisationForm organisation={null} onSaved={() => undefined} /> }}>
      {(o) => (
        <>
          <PageHeader title={o.name}>
            <Link href={`/graph?organisationId=${o.id}`} className="button secondary">
              {t('graph.showAround')}
            </Link>
          </PageHeader>
          <OrganisationForm key={o.updatedAt} organisation={o} onSaved={data.setData} />
          <section className="card" aria-labelledby="org-people">
            <h2 id="org-people">{t('organisations.people')}</h2>
            <PeopleList relationships={o.relationships} />
          </section>
          <section className="card" aria-labelledby="org-relationships">
            <h2 id="org-relationships">{t('relationships.title')}</h2>
            <RelationshipList
              relationships={o.relationships.filter((r) => r.from.type === 'organisation')}
              perspective={{ type: 'organisation', id: o.id }}
              onChanged={data.reload}
            />
            <AddOrganisationRelationship organisationId={o.id} onAdded={data.reload} />
          </section>
          <section className="card" aria-labelledby="org-groups">
            <h2 id="org-groups">{t('organisations.groups')}</h2>
            {o.memberships.length ? <MembershipList memberships={o.memberships} /> : <p>{t('organisations.noGroups')}</p>}
          </section>
          <MergeOrganisation survivor={o} onMerged={data.setData} />
        </>
      )}
    </RecordPage>
  );
}

/** One line per group: the organisation's role and its delegates. */
function MembershipList({ memberships }: { memberships: OrganisationDetail['memberships'] }) {
  const { t, lang } = useNetworkT();
  const byGroup = new Map<string, OrganisationDetail['memberships']>();
  for (const m of memberships) byGroup.set(m.group.id, [...(byGroup.get(m.group.id) ?? []), m]);
  return (
    <ul className="plain-list">
      {[...byGroup.values()].map((list) => {
        const group = list[0]!.group;
        const own = list.find((m) => !m.contact);
        const delegates = list.filter((m) => m.contact);
        const left = list.every((m) => m.leftOn) ? list[0]!.leftOn : null;
        return (
          <li key={group.id} className={left ? 'muted' : undefined}>
            <Link href={`/groups/${group.id}`}>{group.name}</Link> – {t(`memberRole.${(own ?? list[0]!).role}`)}
            {delegates.length ? (
              <>
                {' '}
                ({t('groups.delegate')}:{' '}
                {delegates.map((d, i) => (
                  <span key={d.id}>
                    {i ? ', ' : ''}
                    <Link href={`/contacts/${d.contact!.id}`}>{d.contact!.name}</Link>
                    {d.role !== 'member' ? ` – ${t(`memberRole.${d.role}`)}` : ''}
                  </span>
                ))}
                )
              </>
            ) : null}
            {left ? <span> · {t('groups.leftOn', { date: formatDay(left, lang) })}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

function PeopleList({ relationships }: { relationships: Relationship[] }) {
  const { t, lang } = useNetworkT();
  const people = relationships.filter((r) => r.from.type === 'contact');
  if (!people.length) return <p>{t('organisations.noPeople')}</p>;
  return (
    <ul className="plain-list">
      {people.map((r) => (
        <li key={r.id} className={r.current ? undefined : 'muted'}>
          <Link href={`/contacts/${r.from.id}`}>{r.from.name}</Link> – {t(`relationshipKind.${r.kind}`)}
          {r.startsOn || r.endsOn ? (
            <span className="muted">
              {' '}
              ({formatDay(r.startsOn, lang)} – {r.endsOn ? formatDay(r.endsOn, lang) : t('relationships.open')})
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function AddOrganisationRelationship({ organisationId, onAdded }: { organisationId: string; onAdded: () => void }) {
  const { t, ta } = useNetworkT();
  const { slug } = useTenant();
  const [kind, setKind] = useState<string>('cooperates_with');
  const [direction, setDirection] = useState<'out' | 'in'>('out');
  const [other, setOther] = useState<Picked | null>(null);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!other) {
      setErrors({ toOrganisationId: t('relationships.pickOrganisation') });
      return;
    }
    const [from, to] = direction === 'out' ? [organisationId, other.id] : [other.id, organisationId];
    setBusy(true);
    setError(null);
    try {
      await api('POST', networkPaths.relationships(slug), { kind, fromOrganisationId: from, toOrganisationId: to, startsOn: startsOn || null, endsOn: endsOn || null });
      setOther(null);
      setStartsOn('');
      setEndsOn('');
      setErrors({});
      onAdded();
    } catch (err) {
      setErrors(formFieldErrors(err, ta));
      setError(err);
    }
    setBusy(false);
  };
  return (
    <form className="inline-form relationship-form" onSubmit={submit} noValidate>
      <h3>{t('relationships.add')}</h3>
      <ErrorNotice error={error} />
      <div className="grid-3">
        <SelectField
          label={t('relationships.direction')}
          value={direction}
          onChange={(v) => setDirection(v as 'out' | 'in')}
          options={[
            { value: 'out', label: t('relationships.thisOrganisation') },
            { value: 'in', label: t('relationships.otherOrganisation') },
          ]}
        />
        <SelectField label={t('relationships.kind')} value={kind} onChange={setKind} options={ORGANISATION_RELATIONSHIP_KINDS.map((k) => ({ value: k, label: t(`relationshipKind.${k}`) }))} />
        <EntityPicker kind="organisation" label={t('relationships.otherParty')} value={other} onChange={setOther} error={errors.toOrganisationId ?? errors.fromOrganisationId} />
      </div>
      <div className="grid-3">
        <TextField label={t('relationships.startsOn')} type="date" value={startsOn} onChange={setStartsOn} error={errors.startsOn} />
        <TextField label={t('relationships.endsOn')} type="date" value={endsOn} onChange={setEndsOn} error={errors.endsOn} />
      </div>
      <button type="submit" className="button secondary" disabled={busy}>
        {t('relationships.save')}
      </button>
    </form>
  );
}

function MergeOrganisation({ survivor, onMerged }: { survivor: OrganisationDetail; onMerged: (o: OrganisationDetail) => void }) {
  const { t, lang } = useNetworkT();
  const { slug } = useTenant();
  const [other, setOther] = useState<Picked | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const merge = async () => {
    if (!other) return;
    if (!window.confirm(t('merge.confirm', { merged: other.name, survivor: survivor.name }))) return;
    setError(null);
    try {
      const result = await api<OrganisationDetail>('POST', `${networkPaths.organisation(slug, survivor.id)}/merge`, { mergeId: other.id });
      setDone(t('merge.done', { merged: other.name }));
      setOther(null);
      onMerged(result);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card" aria-labelledby="org-merge">
      <h2 id="org-merge">{t('merge.title')}</h2>
      <p className="hint">{t('merge.organisationHint')}</p>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <ErrorNotice error={error} />
      <EntityPicker kind="organisation" label={t('merge.duplicate')} value={other} onChange={setOther} />
      <button type="button" className="button danger" disabled={!other || other.id === survivor.id} onClick={() => void merge()}>
        {t('merge.button')}
      </button>
      {survivor.merges.length ? (
        <>
          <h3>{t('merge.history')}</h3>
          <ul className="plain-list">
            {survivor.merges.map((m) => (
              <li key={m.id}>
                {t('merge.entry', { name: m.mergedName, date: formatDay(m.mergedAt.slice(0, 10), lang), by: m.mergedBy ?? '–' })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function OrganisationForm({ organisation, onSaved }: { organisation: OrganisationDetail | null; onSaved: (o: OrganisationDetail) => void }) {
  const { t, ta } = useNetworkT();
  const { slug } = useTenant();
  const languageName = useLanguageName();
  const [, navigate] = useLocation();
  const [v, setV] = useState({
    name: organisation?.name ?? '',
    type: organisation?.type ?? 'association',
    description: organisation?.description ?? '',
    street: organisation?.street ?? '',
    postcode: organisation?.postcode ?? '',
    town: organisation?.town ?? '',
    website: organisation?.website ?? '',
    email: organisation?.email ?? '',
    phone: organisation?.phone ?? '',
    languages: organisation?.languages ?? [],
    fieldIds: organisation?.fieldIds ?? [],
    targetGroupIds: organisation?.targetGroupIds ?? [],
    areaIds: organisation?.areaIds ?? [],
  });
  const [provider, setProvider] = useState<Picked | null>(organisation?.provider ?? null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const duplicates = useDuplicateCheck('organisation', { name: v.name, email: v.email || null, website: v.website || null }, organisation === null);
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    setSaved(null);
  };
  const orNull = (s: string) => (s.trim() ? s.trim() : null);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    const body = {
      ...v,
      street: orNull(v.street),
      postcode: orNull(v.postcode),
      town: orNull(v.town),
      website: orNull(v.website),
      email: orNull(v.email),
      phone: orNull(v.phone),
      providerId: provider?.id ?? null,
      ...(organisation ? {} : { ignoreDuplicates: duplicates.confirmed }),
    };
    const checked = validate(organisation ? organisationInput : organisationCreate, body, ta);
    if (checked.errors) {
      setErrors(checked.errors);
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setBusy(true);
    try {
      if (organisation) {
        onSaved(await api<OrganisationDetail>('PUT', networkPaths.organisation(slug, organisation.id), checked.data));
        setSaved(ta('common.savedOk'));
      } else {
        const created = await api<AdminOrganisation>('POST', networkPaths.organisations(slug), checked.data);
        navigate(`/organisations/${created.id}`);
      }
    } catch (e) {
      if (!duplicates.showRefusal(e)) setErrors(formFieldErrors(e, ta));
      setError(e);
    }
    setBusy(false);
  };

  const archive = async (verb: 'archive' | 'restore') => {
    if (!organisation) return;
    try {
      onSaved(await api<OrganisationDetail>('POST', `${networkPaths.organisation(slug, organisation.id)}/${verb}`));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="form">
      {saved ? (
        <Notice kind="success" focus>
          {saved}
        </Notice>
      ) : null}
      {!isDuplicateRefusal(error) ? <ErrorNotice error={error} /> : null}
      <fieldset className="card">
        <legend>{t('organisations.details')}</legend>
        <TextField label={t('fields.name')} value={v.name} onChange={(x) => { set('name', x); duplicates.nameChanged(); }} error={errors.name} required />
        <DuplicateWarning candidates={duplicates.candidates} kind="organisation">
          {organisation ? null : <Checkbox label={t('duplicates.createAnyway')} checked={duplicates.confirmed} onChange={duplicates.setConfirmed} />}
        </DuplicateWarning>
        <SelectField label={t('fields.type')} value={v.type} onChange={(x) => set('type', x as typeof v.type)} options={ORGANISATION_TYPES.map((x) => ({ value: x, label: t(`organisationType.${x}`) }))} />
        <TextArea label={t('fields.description')} value={v.description} onChange={(x) => set('description', x)} error={errors.description} rows={3} />
        <div className="grid-3">
          <TextField label={t('fields.street')} value={v.street} onChange={(x) => set('street', x)} error={errors.street} />
          <TextField label={t('fields.postcode')} inputMode="numeric" value={v.postcode} onChange={(x) => set('postcode', x)} error={errors.postcode} />
          <TextField label={t('fields.town')} value={v.town} onChange={(x) => set('town', x)} error={errors.town} />
        </div>
        <div className="grid-3">
          <TextField label={t('fields.website')} type="url" value={v.website} onChange={(x) => set('website', x)} error={errors.website} hint={ta('hints.url')} />
          <TextField label={t('fields.email')} type="email" value={v.email} onChange={(x) => set('email', x)} error={errors.email} />
          <TextField label={t('fields.phone')} type="tel" value={v.phone} onChange={(x) => set('phone', x)} error={errors.phone} />
        </div>
        <EntityPicker kind="provider" label={t('organisations.provider')} hint={t('organisations.providerHint')} value={provider} onChange={setProvider} error={errors.providerId} />
      </fieldset>
      <fieldset className="card">
        <legend>{t('organisations.work')}</legend>
        <TaxonomyChecks kind="fieldsOfAction" selected={v.fieldIds} onChange={(x) => set('fieldIds', x)} error={errors.fieldIds} />
        <TaxonomyChecks kind="targetGroups" selected={v.targetGroupIds} onChange={(x) => set('targetGroupIds', x)} error={errors.targetGroupIds} />
        <TaxonomyChecks kind="areas" selected={v.areaIds} onChange={(x) => set('areaIds', x)} error={errors.areaIds} hint={t('organisations.areasHint')} />
        <details className="languages">
          <summary>
            {t('fields.languages')}: {v.languages.length ? v.languages.map(languageName).join(', ') : '–'}
          </summary>
          <LanguageChecks legend={t('fields.languages')} selected={v.languages} onChange={(x) => set('languages', x)} error={errors.languages} />
        </details>
      </fieldset>
      <div className="form-actions sticky">
        <button type="submit" className="button primary" disabled={busy}>
          {organisation ? ta('common.save') : t('organisations.create')}
        </button>
        {organisation ? (
          organisation.archived ? (
            <button type="button" className="button secondary" onClick={() => void archive('restore')}>
              {ta('common.restore')}
            </button>
          ) : (
            <button type="button" className="button danger" onClick={() => void archive('archive')}>
              {ta('common.archive')}
            </button>
          )
        ) : null}
        {organisation?.archived ? <span className="badge status-archived">{ta('common.archived')}</span> : null}
      </div>
    </form>
  );
}
