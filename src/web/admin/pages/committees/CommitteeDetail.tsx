// One committee: its data, legislative terms, members (roles, voting right, period) and meetings.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import {
  type AdminCommitteeDetail,
  type AdminMembership,
  COMMITTEE_KINDS,
  committeeInput,
  MEMBERSHIP_ROLES,
  membershipInput,
  type PersonPage,
} from '../../../../shared/contracts/committees.ts';
import { api, query } from '../../api.ts';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { DataTable, RecordPage, useDebouncedSearch } from '../../components/frames.tsx';
import { BackLink, Notice, PageHeader } from '../../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { ErrorNotice, useLocalizeErrors } from './errors.tsx';
import { committeePaths, formatDate, formatMeetingTime } from './committeesApi.ts';
import { TermFields, useNewTerm } from './NewTerm.tsx';
import { PublishedBadge, StateBadge } from './badges.tsx';

export function CommitteeDetailPage() {
  const { t } = useTranslation('committees');
  const { id } = useParams<{ id: string }>();
  const { slug } = useTenant();
  const data = useApi<AdminCommitteeDetail>(committeePaths.committee(slug, id));
  return (
    <RecordPage id={id} record={data} back={<BackLink href="/">{t('list.back')}</BackLink>} ErrorView={ErrorNotice}>
      {(c) => (
        <>
          <PageHeader title={c.name}>
            <Link href={`/meetings/new?committeeId=${c.id}`} className="button primary">
              {t('meetings.new')}
            </Link>
            <a className="button secondary" href={committeePaths.committeeCalendar(slug, c.id)} download>
              {t('detail.calendar')}
            </a>
          </PageHeader>
          <p className="meta">
            {t(`kind.${c.kind}`)} · {t('detail.memberCount', { count: c.memberCount })} ·{' '}
            <a href={committeePaths.publicCalendar(slug, c.id)}>{t('detail.publicCalendar')}</a>
          </p>
          <CommitteeForm key={c.updatedAt} committee={c} onSaved={data.setData} />
          <Members committee={c} onChanged={data.reload} />
          <Terms committee={c} onChanged={data.reload} />
          <section className="card" aria-labelledby="committee-meetings">
            <h2 id="committee-meetings">{t('detail.meetings')}</h2>
            <MeetingTable meetings={c.meetings} />
          </section>
        </>
      )}
    </RecordPage>
  );
}

export function MeetingTable({ meetings }: { meetings: AdminCommitteeDetail['meetings'] }) {
  const { t, i18n } = useTranslation('committees');
  if (!meetings.length) return <p>{t('meetings.none')}</p>;
  return (
    <DataTable
      columns={[t('fields.start'), t('fields.meetingName'), t('fields.state'), t('fields.published'), t('meetings.items')]}
      items={meetings}
      row={(m) => (
        <tr>
          <td>{formatMeetingTime(m.startAt, i18n.language)}</td>
          <td>
            <Link href={`/meetings/${m.id}`}>{m.name}</Link>
          </td>
          <td>
            <StateBadge state={m.state} />
          </td>
          <td>
            <PublishedBadge published={m.published} />
          </td>
          <td>{m.agendaItemCount}</td>
        </tr>
      )}
    />
  );
}

function CommitteeForm({ committee, onSaved }: { committee: AdminCommitteeDetail; onSaved: (c: AdminCommitteeDetail) => void }) {
  const { t } = useTranslation('committees');
  const { t: ta } = useTranslation('admin');
  const localize = useLocalizeErrors();
  const { slug } = useTenant();
  const [, navigate] = useLocation();
  const [v, setV] = useState({
    name: committee.name,
    shortName: committee.shortName,
    kind: committee.kind as string,
    description: committee.description,
    website: committee.website ?? '',
    startDate: committee.startDate ?? '',
    endDate: committee.endDate ?? '',
    sort: String(committee.sort),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    setSaved(false);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = { ...v, website: v.website.trim() || null, startDate: v.startDate || null, endDate: v.endDate || null, sort: Number(v.sort || 0) };
    const checked = validate(committeeInput, body, ta);
    if (checked.errors) {
      setErrors(localize(checked.errors));
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setBusy(true);
    try {
      onSaved(await api<AdminCommitteeDetail>('PUT', committeePaths.committee(slug, committee.id), checked.data));
      setSaved(true);
    } catch (err) {
      setErrors(localize(apiFieldError(err, ta)));
      setError(err);
    }
    setBusy(false);
  };
  const remove = async () => {
    if (!window.confirm(t('detail.confirmDelete', { name: committee.name }))) return;
    try {
      await api('DELETE', committeePaths.committee(slug, committee.id));
      navigate('/');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="committee-data">
      <h2 id="committee-data">{t('detail.data')}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={error} />
        {saved ? <Notice kind="success">{ta('common.savedOk')}</Notice> : null}
        <div className="grid-2">
          <TextField label={t('fields.name')} required value={v.name} onChange={(x) => set('name', x)} error={errors.name} />
          <TextField label={t('fields.shortName')} value={v.shortName} onChange={(x) => set('shortName', x)} error={errors.shortName} />
        </div>
        <div className="grid-2">
          <SelectField label={t('fields.kind')} value={v.kind} onChange={(x) => set('kind', x)} options={COMMITTEE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          <TextField label={t('fields.website')} type="url" value={v.website} onChange={(x) => set('website', x)} error={errors.website} />
        </div>
        <TextArea label={t('fields.description')} value={v.description} onChange={(x) => set('description', x)} error={errors.description} rows={3} />
        <div className="grid-3">
          <TextField label={t('fields.startDate')} type="date" value={v.startDate} onChange={(x) => set('startDate', x)} error={errors.startDate} />
          <TextField label={t('fields.endDate')} type="date" value={v.endDate} onChange={(x) => set('endDate', x)} error={errors.endDate} />
          <TextField label={t('fields.sort')} inputMode="numeric" value={v.sort} onChange={(x) => set('sort', x)} error={errors.sort} hint={t('hints.sort')} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? ta('common.saving') : ta('common.save')}
          </button>
          <button type="button" className="button danger" onClick={() => void remove()}>
            {t('detail.delete')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Members({ committee, onChanged }: { committee: AdminCommitteeDetail; onChanged: () => void }) {
  const { t, i18n } = useTranslation('committees');
  const { t: ta } = useTranslation('admin');
  const localize = useLocalizeErrors();
  const { slug } = useTenant();
  const { q, setQ, debounced } = useDebouncedSearch();
  const persons = useApi<PersonPage>(committeePaths.persons(slug) + query({ q: debounced, pageSize: 100 }));
  const empty = { personId: '', role: 'member', votingRight: true, startDate: '', endDate: '' };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const checked = validate(membershipInput, { ...v, committeeId: committee.id, startDate: v.startDate || null, endDate: v.endDate || null }, ta);
    if (checked.errors) {
      setErrors(localize(checked.errors));
      return focusFirstError(checked.errors);
    }
    setErrors({});
    try {
      await api('POST', committeePaths.memberships(slug), checked.data);
      setV(empty);
      onChanged();
    } catch (err) {
      setErrors(localize(apiFieldError(err, ta)));
      setError(err);
    }
  };
  const remove = async (m: AdminMembership) => {
    if (!window.confirm(t('members.confirmRemove', { name: m.personName }))) return;
    try {
      await api('DELETE', committeePaths.membership(slug, m.id));
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="committee-members">
      <h2 id="committee-members">{t('members.title')}</h2>
      <ErrorNotice error={error} />
      {committee.memberships.length ? (
        <DataTable
          columns={[t('fields.person'), t('fields.role'), t('fields.votingRight'), t('members.period'), ta('common.actions')]}
          items={committee.memberships}
          row={(m) => (
            <tr>
              <td>{m.personName}</td>
              <td>{t(`role.${m.role}`)}</td>
              <td>{m.votingRight ? ta('common.yes') : ta('common.no')}</td>
              <td>
                {formatDate(m.startDate, i18n.language)} – {m.endDate ? formatDate(m.endDate, i18n.language) : t('members.open')}
              </td>
              <td>
                <button type="button" className="button danger small" onClick={() => void remove(m)}>
                  {ta('common.remove')}
                  <span className="visually-hidden"> – {m.personName}</span>
                </button>
              </td>
            </tr>
          )}
        />
      ) : (
        <p>{t('members.none')}</p>
      )}
      <form onSubmit={add} noValidate className="inline-form" aria-labelledby="add-member">
        <h3 id="add-member">{t('members.add')}</h3>
        <div className="grid-2">
          <TextField label={t('members.searchPerson')} type="search" value={q} onChange={setQ} hint={t('hints.personSearch')} />
          <SelectField
            label={t('fields.person')}
            required
            value={v.personId}
            onChange={(personId) => setV({ ...v, personId })}
            error={errors.personId}
            options={[{ value: '', label: ta('common.choose') }, ...(persons.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
          />
        </div>
        <div className="grid-3">
          <SelectField label={t('fields.role')} value={v.role} onChange={(role) => setV({ ...v, role })} options={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          <TextField label={t('fields.startDate')} type="date" value={v.startDate} onChange={(startDate) => setV({ ...v, startDate })} error={errors.startDate} />
          <TextField label={t('fields.endDate')} type="date" value={v.endDate} onChange={(endDate) => setV({ ...v, endDate })} error={errors.endDate} />
        </div>
        <Checkbox label={t('fields.votingRight')} checked={v.votingRight} onChange={(votingRight) => setV({ ...v, votingRight })} />
        <div className="form-actions">
          <button type="submit" className="button primary">
            {t('members.addButton')}
          </button>
          <Link href="/persons" className="button secondary">
            {t('members.managePersons')}
          </Link>
        </div>
      </form>
    </section>
  );
}

function Terms({ committee, onChanged }: { committee: AdminCommitteeDetail; onChanged: () => void }) {
  const { t, i18n } = useTranslation('committees');
  const { v, setV, errors, error, submit: add } = useNewTerm(committee.id, onChanged);
  return (
    <section className="card" aria-labelledby="committee-terms">
      <h2 id="committee-terms">{t('terms.title')}</h2>
      <ErrorNotice error={error} />
      <ul className="plain-list">
        {committee.terms.map((term) => (
          <li key={term.id}>
            <strong>{term.name}</strong>: {formatDate(term.startDate, i18n.language)} – {term.endDate ? formatDate(term.endDate, i18n.language) : t('members.open')}{' '}
            <span className="hint">({term.committeeId ? t('terms.own') : t('terms.council')})</span>
          </li>
        ))}
      </ul>
      <form onSubmit={add} noValidate className="inline-form" aria-labelledby="add-term">
        <h3 id="add-term">{t('terms.addOwn')}</h3>
        <TermFields v={v} setV={setV} errors={errors} />
        <div className="form-actions">
          <button type="submit" className="button secondary">
            {t('terms.addButton')}
          </button>
          <Link href="/places">{t('terms.councilTerms')}</Link>
        </div>
      </form>
    </section>
  );
}
