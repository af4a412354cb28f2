// Contacts (people) of the actor network: list; create with organisation and consent; edit with
// contact preferences (GDPR), consent history, relationships, groups, tasks; merge; archive; erase.
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import {
  CONSENT_PURPOSES,
  CONTACT_CHANNELS,
  CONTACT_RELATIONSHIP_KINDS,
  type ContactDetail,
  type ContactPage,
  consentInput,
  contactCreate,
  contactInput,
} from '../../../../shared/contracts/actors.ts';
import { api, query } from '../../api.ts';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { DataTable, PagedList, RecordPage, useDebouncedSearch } from '../../components/frames.tsx';
import { BackLink, ErrorNotice, Notice, PageHeader, formatDateTime } from '../../components/ui.tsx';
import { type FieldErrors, focusFirstError, validate } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { useTenant } from '../../tenant.tsx';
import { DuplicateWarning, EntityPicker, formatDay, formFieldErrors, isDuplicateRefusal, LanguageChecks, networkPaths, type Picked, todayBerlin, useDuplicateCheck, useLanguageName, useNetworkT } from './common.tsx';
import { RelationshipList } from './Relationships.tsx';

export function MailStatus({ block }: { block: string | null }) {
  const { t } = useNetworkT();
  return block ? <span className="badge mail-blocked">{t(`mailBlock.${block}`)}</span> : <span className="badge mail-ok">{t('mailBlock.ok')}</span>;
}

export function ContactListPage() {
  const { t, ta } = useNetworkT();
  const { slug } = useTenant();
  const [page, setPage] = useState(1);
  const { q, setQ, debounced } = useDebouncedSearch(setPage);
  const [includeArchived, setIncludeArchived] = useState(false);
  const list = useApi<ContactPage>(networkPaths.contacts(slug) + query({ q: debounced, includeArchived: String(includeArchived), page, pageSize: 25 }));
  return (
    <>
      <PageHeader title={t('contacts.title')}>
        <Link href="/contacts/new" className="button primary">
          {t('contacts.new')}
        </Link>
      </PageHeader>
      <search className="filters">
        <TextField label={ta('common.search')} type="search" value={q} onChange={setQ} hint={t('contacts.searchHint')} />
        <Checkbox label={ta('common.includeArchived')} checked={includeArchived} onChange={(v) => { setIncludeArchived(v); setPage(1); }} />
      </search>
      <PagedList list={list} onPage={setPage}>
        {(data) => (
          <DataTable
            columns={[t('fields.name'), t('fields.jobFunction'), t('contacts.organisations'), t('contacts.mail')]}
            items={data.items}
            empty={ta('common.noResults')}
            row={(c) => (
              <tr className={c.archived ? 'muted' : undefined}>
                <td>
                  <Link href={`/contacts/${c.id}`}>{c.name}</Link>
                </td>
                <td>{c.jobFunction || '–'}</td>
                <td>{c.organisations.map((o) => o.name).join(', ') || '–'}</td>
                <td>
                  <MailStatus block={c.mailBlock} />
                </td>
              </tr>
            )}
          />
        )}
      </PagedList>
    </>
  );
}

export function ContactEditPage() {
  const { t, lang } = useNetworkT();
  const { id } = useParams<{ id?: string }>();
  const { slug } = useTenant();
  const data = useApi<ContactDetail>(id ? networkPaths.contact(slug, id) : null);
  const back = <BackLink href="/contacts">{t('contacts.backToList')}</BackLink>;
  return (
    <RecordPage id={id} record={data} back={back} create={{ title: t('contacts.newTitle'), form: <ContactForm contact={null} onSaved={() => undefined} /> }}>
      {(c) => (
        <>
          <PageHeader title={c.name} />
          <ContactForm key={c.updatedAt} contact={c} onSaved={data.setData} />
          <Consents contact={c} onChanged={data.setData} />
          <section className="card" aria-labelledby="contact-relationships">
            <h2 id="contact-relationships">{t('relationships.title')}</h2>
            <RelationshipList relationships={c.relationships} perspective={{ type: 'contact', id: c.id }} onChanged={data.reload} />
            <AddContactRelationship contactId={c.id} onAdded={data.reload} />
          </section>
          <section className="card" aria-labelledby="contact-groups">
            <h2 id="contact-groups">{t('contacts.groups')}</h2>
            {c.memberships.length ? (
              <ul className="plain-list">
                {c.memberships.map((m) => (
                  <li key={m.id}>
                    <Link href={`/groups/${m.group.id}`}>{m.group.name}</Link> – {t(`memberRole.${m.role}`)}
                    {m.organisation ? <> ({m.organisation.name})</> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('contacts.noGroups')}</p>
            )}
            <h3>{t('contacts.tasks')}</h3>
            {c.tasks.length ? (
              <ul className="plain-list">
                {c.tasks.map((x) => (
                  <li key={x.id}>
                    {x.title} – <Link href={`/groups/${x.group.id}`}>{x.group.name}</Link> · {t(`taskStatus.${x.status}`)}
                    {x.dueOn ? <> · {t('tasks.due', { date: formatDay(x.dueOn, lang) })}</> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('contacts.noTasks')}</p>
            )}
          </section>
          <MergeContact survivor={c} onMerged={data.setData} />
          <EraseContact contact={c} />
        </>
      )}
    </RecordPage>
  );
}

function ContactForm({ contact, onSaved }: { contact: ContactDetail | null; onSaved: (c: ContactDetail) => void }) {
  const { t, ta } = useNetworkT();
  const { slug } = useTenant();
  const [, navigate] = useLocation();
  const languageName = useLanguageName();
  const [v, setV] = useState({
    name: contact?.name ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    jobFunction: contact?.jobFunction ?? '',
    languages: contact?.languages ?? [],
    notes: contact?.notes ?? '',
    preferredChannel: contact?.preferredChannel ?? 'email',
    optOutNewsletter: contact?.optOutNewsletter ?? false,
    optOutInvitations: contact?.optOutInvitations ?? false,
  });
  const [organisation, setOrganisation] = useState<Picked | null>(null);
  const [consent, setConsent] = useState({ given: false, givenOn: todayBerlin(), source: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const duplicates = useDuplicateCheck('contact', { name: v.name, email: v.email || null, phone: v.phone || null }, contact === null);
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    setSaved(null);
  };
  const orNull = (s: string) => (s.trim() ? s.trim() : null);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    const base = { ...v, email: orNull(v.email), phone: orNull(v.phone) };
    const body = contact
      ? base
      : {
          ...base,
          organisationId: organisation?.id ?? null,
          consents: consent.given ? [{ purpose: 'contact', givenOn: consent.givenOn, source: consent.source }] : [],
          ignoreDuplicates: duplicates.confirmed,
        };
    const checked = validate(contact ? contactInput : contactCreate, body, ta);
    if (checked.errors) {
      setErrors(checked.errors);
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setBusy(true);
    try {
      if (contact) {
        onSaved(await api<ContactDetail>('PUT', networkPaths.contact(slug, contact.id), checked.data));
        setSaved(ta('common.savedOk'));
      } else {
        const created = await api<ContactDetail>('POST', networkPaths.contacts(slug), checked.data);
        navigate(`/contacts/${created.id}`);
      }
    } catch (e) {
      if (!duplicates.showRefusal(e)) setErrors(formFieldErrors(e, ta));
      setError(e);
    }
    setBusy(false);
  };

  const archive = async (verb: 'archive' | 'restore') => {
    if (!contact) return;
    try {
      onSaved(await api<ContactDetail>('POST', `${networkPaths.contact(slug, contact.id)}/${verb}`));
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
      {contact ? (
        <Notice kind={contact.mailBlock ? 'warning' : 'info'}>
          {t('contacts.mailStatus')}: <MailStatus block={contact.mailBlock} />
        </Notice>
      ) : null}
      <fieldset className="card">
        <legend>{t('contacts.details')}</legend>
        <TextField label={t('fields.name')} value={v.name} onChange={(x) => { set('name', x); duplicates.nameChanged(); }} error={errors.name} required autoComplete="off" />
        <DuplicateWarning candidates={duplicates.candidates} kind="contact">
          {contact ? null : <Checkbox label={t('duplicates.createAnyway')} checked={duplicates.confirmed} onChange={duplicates.setConfirmed} />}
        </DuplicateWarning>
        <div className="grid-3">
          <TextField label={t('fields.email')} type="email" value={v.email} onChange={(x) => set('email', x)} error={errors.email} autoComplete="off" />
          <TextField label={t('fields.phone')} type="tel" value={v.phone} onChange={(x) => set('phone', x)} error={errors.phone} autoComplete="off" />
          <TextField label={t('fields.jobFunction')} value={v.jobFunction} onChange={(x) => set('jobFunction', x)} error={errors.jobFunction} />
        </div>
        {contact ? null : <EntityPicker kind="organisation" label={t('contacts.worksFor')} value={organisation} onChange={setOrganisation} error={errors.organisationId} />}
        <details className="languages">
          <summary>
            {t('fields.languages')}: {v.languages.length ? v.languages.map(languageName).join(', ') : '–'}
          </summary>
          <LanguageChecks legend={t('fields.languages')} selected={v.languages} onChange={(x) => set('languages', x)} error={errors.languages} />
        </details>
        <TextArea label={t('fields.notes')} value={v.notes} onChange={(x) => set('notes', x)} error={errors.notes} rows={3} hint={t('contacts.notesHint')} />
      </fieldset>
      <fieldset className="card">
        <legend>{t('contacts.preferences')}</legend>
        <SelectField
          label={t('fields.preferredChannel')}
          value={v.preferredChannel}
          onChange={(x) => set('preferredChannel', x as typeof v.preferredChannel)}
          options={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        />
        <Checkbox label={t('fields.optOutInvitations')} hint={t('contacts.optOutInvitationsHint')} checked={v.optOutInvitations} onChange={(x) => set('optOutInvitations', x)} />
        <Checkbox label={t('fields.optOutNewsletter')} checked={v.optOutNewsletter} onChange={(x) => set('optOutNewsletter', x)} />
        {contact ? null : (
          <fieldset className="group">
            <legend>{t('consents.initial')}</legend>
            <Checkbox label={t('consents.givenContact')} checked={consent.given} onChange={(x) => setConsent((c) => ({ ...c, given: x }))} />
            {consent.given ? (
              <div className="grid-2">
                <TextField label={t('consents.givenOn')} type="date" value={consent.givenOn} onChange={(x) => setConsent((c) => ({ ...c, givenOn: x }))} error={errors['consents.0.givenOn']} />
                <TextField label={t('consents.source')} value={consent.source} onChange={(x) => setConsent((c) => ({ ...c, source: x }))} error={errors['consents.0.source']} hint={t('consents.sourceHint')} />
              </div>
            ) : null}
          </fieldset>
        )}
      </fieldset>
      <div className="form-actions sticky">
        <button type="submit" className="button primary" disabled={busy}>
          {contact ? ta('common.save') : t('contacts.create')}
        </button>
        {contact ? (
          contact.archived ? (
            <button type="button" className="button secondary" onClick={() => void archive('restore')}>
              {ta('common.restore')}
            </button>
          ) : (
            <button type="button" className="button secondary" onClick={() => void archive('archive')}>
              {ta('common.archive')}
            </button>
          )
        ) : null}
      </div>
    </form>
  );
}

function Consents({ contact, onChanged }: { contact: ContactDetail; onChanged: (c: ContactDetail) => void }) {
  const { t, ta, lang } = useNetworkT();
  const { slug } = useTenant();
  const [v, setV] = useState({ purpose: 'contact', givenOn: todayBerlin(), source: '', note: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(consentInput, v, ta);
    if (checked.errors) {
      setErrors(checked.errors);
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setError(null);
    try {
      onChanged(await api<ContactDetail>('POST', `${networkPaths.contact(slug, contact.id)}/consents`, checked.data));
      setV((x) => ({ ...x, source: '', note: '' }));
    } catch (err) {
      setErrors(formFieldErrors(err, ta));
      setError(err);
    }
  };
  const withdraw = async (consentId: string) => {
    if (!window.confirm(t('consents.confirmWithdraw'))) return;
    try {
      onChanged(await api<ContactDetail>('POST', `${networkPaths.contact(slug, contact.id)}/consents/${consentId}/withdraw`));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="contact-consents">
      <h2 id="contact-consents">{t('consents.title')}</h2>
      <p className="hint">{t('consents.hint')}</p>
      <ErrorNotice error={error} />
      {contact.consents.length ? (
        <div className="table-wrap">
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('consents.purpose')}</th>
                <th scope="col">{t('consents.givenOn')}</th>
                <th scope="col">{t('consents.source')}</th>
                <th scope="col">{t('consents.state')}</th>
                <th scope="col">{ta('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {contact.consents.map((c) => (
                <tr key={c.id} className={c.withdrawnAt ? 'muted' : undefined}>
                  <td>{t(`consentPurpose.${c.purpose}`)}</td>
                  <td>{formatDay(c.givenOn, lang)}</td>
                  <td>
                    {c.source}
                    {c.note ? <span className="muted"> – {c.note}</span> : null}
                  </td>
                  <td>{c.withdrawnAt ? t('consents.withdrawnAt', { date: formatDateTime(c.withdrawnAt, lang) }) : t('consents.active')}</td>
                  <td className="actions">
                    {c.withdrawnAt ? null : (
                      <button type="button" className="button small secondary" onClick={() => void withdraw(c.id)}>
                        {t('consents.withdraw')}
                        <span className="visually-hidden"> – {t(`consentPurpose.${c.purpose}`)}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('consents.none')}</p>
      )}
      <form className="inline-form" onSubmit={submit} noValidate>
        <h3>{t('consents.add')}</h3>
        <div className="grid-3">
          <SelectField label={t('consents.purpose')} value={v.purpose} onChange={(x) => setV((o) => ({ ...o, purpose: x }))} options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`consentPurpose.${p}`) }))} />
          <TextField label={t('consents.givenOn')} type="date" value={v.givenOn} onChange={(x) => setV((o) => ({ ...o, givenOn: x }))} error={errors.givenOn} />
          <TextField label={t('consents.source')} value={v.source} onChange={(x) => setV((o) => ({ ...o, source: x }))} error={errors.source} hint={t('consents.sourceHint')} />
        </div>
        <TextField label={t('consents.note')} value={v.note} onChange={(x) => setV((o) => ({ ...o, note: x }))} error={errors.note} />
        <button type="submit" className="button secondary">
          {t('consents.save')}
        </button>
      </form>
    </section>
  );
}

function AddContactRelationship({ contactId, onAdded }: { contactId: string; onAdded: () => void }) {
  const { t, ta } = useNetworkT();
  const { slug } = useTenant();
  const [kind, setKind] = useState<string>('works_for');
  const [organisation, setOrganisation] = useState<Picked | null>(null);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!organisation) {
      setErrors({ toOrganisationId: t('relationships.pickOrganisation') });
      return;
    }
    setError(null);
    try {
      await api('POST', networkPaths.relationships(slug), { kind, fromContactId: contactId, toOrganisationId: organisation.id, startsOn: startsOn || null, endsOn: endsOn || null });
      setOrganisation(null);
      setStartsOn('');
      setEndsOn('');
      setErrors({});
      onAdded();
    } catch (err) {
      setErrors(formFieldErrors(err, ta));
      setError(err);
    }
  };
  return (
    <form className="inline-form relationship-form" onSubmit={submit} noValidate>
      <h3>{t('relationships.add')}</h3>
      <ErrorNotice error={error} />
      <div className="grid-3">
        <SelectField label={t('relationships.kind')} value={kind} onChange={setKind} options={CONTACT_RELATIONSHIP_KINDS.map((k) => ({ value: k, label: t(`relationshipKind.${k}`) }))} />
        <EntityPicker kind="organisation" label={t('relationships.organisation')} value={organisation} onChange={setOrganisation} error={errors.toOrganisationId} />
      </div>
      <div className="grid-3">
        <TextField label={t('relationships.startsOn')} type="date" value={startsOn} onChange={setStartsOn} error={errors.startsOn} />
        <TextField label={t('relationships.endsOn')} type="date" value={endsOn} onChange={setEndsOn} error={errors.endsOn} />
      </div>
      <button type="submit" className="button secondary">
        {t('relationships.save')}
      </button>
    </form>
  );
}

function MergeContact({ survivor, onMerged }: { survivor: ContactDetail; onMerged: (c: ContactDetail) => void }) {
  const { t, lang } = useNetworkT();
  const { slug } = useTenant();
  const [other, setOther] = useState<Picked | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const merge = async () => {
    if (!other || !window.confirm(t('merge.confirm', { merged: other.name, survivor: survivor.name }))) return;
    setError(null);
    try {
      onMerged(await api<ContactDetail>('POST', `${networkPaths.contact(slug, survivor.id)}/merge`, { mergeId: other.id }));
      setDone(t('merge.done', { merged: other.name }));
      setOther(null);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card" aria-labelledby="contact-merge">
      <h2 id="contact-merge">{t('merge.title')}</h2>
      <p className="hint">{t('merge.contactHint')}</p>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <ErrorNotice error={error} />
      <EntityPicker kind="contact" label={t('merge.duplicate')} value={other} onChange={setOther} />
      <button type="button" className="button danger" disabled={!other || other.id === survivor.id} onClick={() => void merge()}>
        {t('merge.button')}
      </button>
      {survivor.merges.length ? (
        <>
          <h3>{t('merge.history')}</h3>
          <ul className="plain-list">
            {survivor.merges.map((m) => (
              <li key={m.id}>{t('merge.entry', { name: m.mergedName, date: formatDay(m.mergedAt.slice(0, 10), lang), by: m.mergedBy ?? '–' })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function EraseContact({ contact }: { contact: ContactDetail }) {
  const { t } = useNetworkT();
  const { slug } = useTenant();
  const me = useMe();
  const [, navigate] = useLocation();
  const [error, setError] = useState<unknown>(null);
  if (me.role !== 'tenant_admin' && me.role !== 'super_admin') return null;
  const erase = async () => {
    if (!window.confirm(t('erase.confirm', { name: contact.name }))) return;
    try {
      await api('DELETE', networkPaths.contact(slug, contact.id));
      navigate('/contacts');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card" aria-labelledby="contact-erase">
      <h2 id="contact-erase">{t('erase.title')}</h2>
      <p className="hint">{t('erase.hint')}</p>
      <ErrorNotice error={error} />
      <button type="button" className="button danger" onClick={() => void erase()}>
        {t('erase.button')}
      </button>
    </section>
  );
}
