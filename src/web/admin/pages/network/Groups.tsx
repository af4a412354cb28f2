// Networks and working groups: list; create and edit; members (organisations, delegates,
// people) with roles and mail status; meetings with "plan a meeting" and the calendar file.
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { GROUP_KINDS, type GroupDetail, type GroupPage, groupInput, MEMBER_ROLES, type MeetingDetail } from '../../../../shared/contracts/networks.ts';
import { api, query } from '../../api.ts';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { DataTable, PagedList, RecordPage } from '../../components/frames.tsx';
import { BackLink, ErrorNotice, Notice, PageHeader } from '../../components/ui.tsx';
import { type FieldErrors, focusFirstError, validate } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { EntityPicker, formatWhen, formFieldErrors, networkPaths, type Picked, TaxonomyChecks, useNetworkT, useTaxonomyNames } from './common.tsx';
import { MailStatus } from './Contacts.tsx';
import { MeetingForm } from './Meeting.tsx';

export function GroupListPage() {
  const { t, ta, lang } = useNetworkT();
  const { slug } = useTenant();
  const names = useTaxonomyNames();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [page, setPage] = useState(1);
  const list = useApi<GroupPage>(networkPaths.groups(slug) + query({ q, kind, includeArchived: String(includeArchived), page, pageSize: 50 }));
  return (
    <>
      <PageHeader title={t('groups.title')}>
        <Link href="/groups/new" className="button primary">
          {t('groups.new')}
        </Link>
      </PageHeader>
      <p className="lead">{t('groups.lead')}</p>
      <search className="filters">
        <TextField label={ta('common.search')} type="search" value={q} onChange={(v) => { setQ(v); setPage(1); }} />
        <SelectField label={t('fields.kind')} value={kind} onChange={(v) => { setKind(v); setPage(1); }} options={[{ value: '', label: ta('common.all') }, ...GROUP_KINDS.map((k) => ({ value: k, label: t(`groupKind.${k}`) }))]} />
        <Checkbox label={ta('common.includeArchived')} checked={includeArchived} onChange={(v) => { setIncludeArchived(v); setPage(1); }} />
      </search>
      <PagedList list={list} onPage={setPage}>
        {(data) => (
          <DataTable
            columns={[
              t('fields.name'),
              t('taxonomy.fieldsOfAction'),
              { label: t('groups.organisations'), className: 'num' },
              { label: t('groups.people'), className: 'num' },
              t('groups.nextMeeting'),
              { label: t('groups.openTasks'), className: 'num' },
            ]}
            items={data.items}
            empty={ta('common.noResults')}
            row={(g) => (
              <tr className={g.archived ? 'muted' : undefined}>
                <td>
                  <Link href={`/groups/${g.id}`}>{g.name}</Link> <span className="muted">({t(`groupKind.${g.kind}`)})</span>
                </td>
                <td>{g.fieldIds.map(names).join(', ') || '–'}</td>
                <td className="num">{g.counts.organisations}</td>
                <td className="num">{g.counts.people}</td>
                <td>{g.nextMeeting ? <Link href={`/meetings/${g.nextMeeting.id}`}>{formatWhen(g.nextMeeting.startsAt, null, lang)}</Link> : '–'}</td>
                <td className="num">{g.counts.openTasks}</td>
              </tr>
            )}
          />
        )}
      </PagedList>
    </>
  );
}

export function GroupEditPage() {
  const { t, lang } = useNetworkT();
  const { id } = useParams<{ id?: string }>();
  const { slug } = useTenant();
  const [, navigate] = useLocation();
  const data = useApi<GroupDetail>(id ? networkPaths.group(slug, id) : null);
  const [planning, setPlanning] = useState(false);
  const back = <BackLink href="/groups">{t('groups.backToList')}</BackLink>;
  return (
    <RecordPage id={id} record={data} back={back} create={{ title: t('groups.newTitle'), form: <GroupForm group={null} onSaved={() => undefined} /> }}>
      {(g) => (
        <>
          <PageHeader title={g.name}>
            <Link href={`/tasks?groupId=${g.id}`} className="button secondary">
              {t('groups.tasksOf', { count: g.counts.openTasks })}
            </Link>
            <Link href={`/graph?groupId=${g.id}`} className="button secondary">
              {t('graph.showGroup')}
            </Link>
          </PageHeader>
          <section className="card" aria-labelledby="group-meetings">
            <h2 id="group-meetings">{t('meetings.title')}</h2>
            <p>
              <a href={networkPaths.groupIcs(slug, g.id)} download>
                {t('meetings.ics')}
              </a>
            </p>
            {g.meetings.length ? (
              <ul className="plain-list meetings">
                {g.meetings.map((m) => (
                  <li key={m.id}>
                    <Link href={`/meetings/${m.id}`}>{m.title}</Link> – {formatWhen(m.startsAt, m.endsAt, lang)}
                    {m.location ? <span className="muted"> · {m.location}</span> : null} <span className={`badge meeting-${m.status}`}>{t(`meetingStatus.${m.status}`)}</span>
                    {m.invitationSentAt ? <span className="badge">{t('meetings.invited')}</span> : null}
                    {m.hasMinutes ? <span className="badge">{t('meetings.hasMinutes')}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('meetings.none')}</p>
            )}
            {planning ? (
              <MeetingForm
                groupId={g.id}
                meeting={null}
                onSaved={(m: MeetingDetail) => navigate(`/meetings/${m.id}`)}
                onCancel={() => setPlanning(false)}
              />
            ) : (
              <button type="button" className="button primary" onClick={() => setPlanning(true)}>
                {t('meetings.new')}
              </button>
            )}
          </section>
          <Members group={g} onChanged={data.setData} />
          <GroupForm key={g.updatedAt} group={g} onSaved={data.setData} />
        </>
      )}
    </RecordPage>
  );
}

function Members({ group, onChanged }: { group: GroupDetail; onChanged: (g: GroupDetail) => void }) {
  const { t, ta } = useNetworkT();
  const { slug } = useTenant();
  const [organisation, setOrganisation] = useState<Picked | null>(null);
  const [contact, setContact] = useState<Picked | null>(null);
  const [role, setRole] = useState('member');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!organisation && !contact) {
      setErrors({ organisationId: t('groups.pickMember') });
      return;
    }
    try {
      onChanged(await api<GroupDetail>('POST', `${networkPaths.group(slug, group.id)}/members`, { organisationId: organisation?.id ?? null, contactId: contact?.id ?? null, role }));
      setOrganisation(null);
      setContact(null);
      setRole('member');
      setErrors({});
    } catch (err) {
      setErrors(formFieldErrors(err, ta));
      setError(err);
    }
  };
  const remove = async (memberId: string, label: string) => {
    if (!window.confirm(t('groups.confirmRemove', { name: label }))) return;
    try {
      onChanged(await api<GroupDetail>('DELETE', `${networkPaths.group(slug, group.id)}/members/${memberId}`));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="group-members">
      <h2 id="group-members">{t('groups.members')}</h2>
      <ErrorNotice error={error} />
      {group.members.length ? (
        <div className="table-wrap">
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('groups.organisation')}</th>
                <th scope="col">{t('groups.delegate')}</th>
                <th scope="col">{t('groups.role')}</th>
                <th scope="col">{t('contacts.mail')}</th>
                <th scope="col">{ta('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {group.members.map((m) => {
                const label = [m.organisation?.name, m.contact?.name].filter(Boolean).join(' / ');
                return (
                  <tr key={m.id} className={m.current ? undefined : 'muted'}>
                    <td>{m.organisation ? <Link href={`/organisations/${m.organisation.id}`}>{m.organisation.name}</Link> : '–'}</td>
                    <td>{m.contact ? <Link href={`/contacts/${m.contact.id}`}>{m.contact.name}</Link> : '–'}</td>
                    <td>{t(`memberRole.${m.role}`)}</td>
                    <td>{m.contact ? <MailStatus block={m.contact.mailBlock} /> : '–'}</td>
                    <td className="actions">
                      <button type="button" className="button small danger" onClick={() => void remove(m.id, label)}>
                        {ta('common.remove')}
                        <span className="visually-hidden"> – {label}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('groups.noMembers')}</p>
      )}
      <form className="inline-form" onSubmit={add} noValidate>
        <h3>{t('groups.addMember')}</h3>
        <p className="hint">{t('groups.addMemberHint')}</p>
        <div className="grid-3">
          <EntityPicker kind="organisation" label={t('groups.organisation')} value={organisation} onChange={setOrganisation} error={errors.organisationId} />
          <EntityPicker kind="contact" label={t('groups.delegate')} value={contact} onChange={setContact} error={errors.contactId} />
          <SelectField label={t('groups.role')} value={role} onChange={setRole} options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRole.${r}`) }))} error={errors.role} />
        </div>
        <button type="submit" className="button secondary">
          {t('groups.addMemberButton')}
        </button>
      </form>
    </section>
  );
}

function GroupForm({ group, onSaved }: { group: GroupDetail | null; onSaved: (g: GroupDetail) => void }) {
  const { t, ta } = useNetworkT();
  const { slug } = useTenant();
  const [, navigate] = useLocation();
  const [v, setV] = useState({ name: group?.name ?? '', kind: group?.kind ?? 'working_group', purpose: group?.purpose ?? '', fieldIds: group?.fieldIds ?? [] });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const checked = validate(groupInput, v, ta);
    if (checked.errors) {
      setErrors(checked.errors);
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setBusy(true);
    try {
      if (group) {
        onSaved(await api<GroupDetail>('PUT', networkPaths.group(slug, group.id), checked.data));
        setSaved(ta('common.savedOk'));
      } else {
        const created = await api<GroupDetail>('POST', networkPaths.groups(slug), checked.data);
        navigate(`/groups/${created.id}`);
      }
    } catch (err) {
      setErrors(formFieldErrors(err, ta));
      setError(err);
    }
    setBusy(false);
  };
  const archive = async (verb: 'archive' | 'restore') => {
    if (!group) return;
    try {
      onSaved(await api<GroupDetail>('POST', `${networkPaths.group(slug, group.id)}/${verb}`));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      {saved ? (
        <Notice kind="success" focus>
          {saved}
        </Notice>
      ) : null}
      <ErrorNotice error={error} />
      <fieldset className="card">
        <legend>{t('groups.details')}</legend>
        <TextField label={t('fields.name')} value={v.name} onChange={(x) => setV((o) => ({ ...o, name: x }))} error={errors.name} required />
        <SelectField label={t('fields.kind')} value={v.kind} onChange={(x) => setV((o) => ({ ...o, kind: x as typeof v.kind }))} options={GROUP_KINDS.map((k) => ({ value: k, label: t(`groupKind.${k}`) }))} />
        <TextArea label={t('fields.purpose')} value={v.purpose} onChange={(x) => setV((o) => ({ ...o, purpose: x }))} error={errors.purpose} rows={3} />
        <TaxonomyChecks kind="fieldsOfAction" selected={v.fieldIds} onChange={(x) => setV((o) => ({ ...o, fieldIds: x }))} error={errors.fieldIds} />
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {group ? ta('common.save') : t('groups.create')}
        </button>
        {group ? (
          <button type="button" className="button secondary" onClick={() => void archive(group.archived ? 'restore' : 'archive')}>
            {group.archived ? ta('common.restore') : ta('common.archive')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
