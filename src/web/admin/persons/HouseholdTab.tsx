// "Haushalt": the household the person belongs to — members the actor may see in full, the others
// only as "another person (no access)" — with adding and removing members, or creating / joining a
// household. Every membership change is a correction of the person (history, restriction check).
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { type CasePerson, HOUSEHOLD_ROLES, type Household, type PersonPage, type PersonSummary } from '../../../shared/contracts/casePersons.ts';
import { api } from '../api.ts';
import { SelectField, TextField } from '../components/fields.tsx';
import { Loading, Notice } from '../components/ui.tsx';
import { useApi } from '../hooks.ts';
import { useTenant } from '../tenant.tsx';
import { personPaths } from './personsApi.ts';
import { PersonErrorNotice, formatDay, fullName, usePersonT } from './personUi.tsx';

export function HouseholdTab({ person, onChanged }: { person: CasePerson; onChanged: () => void }) {
  const { t } = usePersonT();
  return (
    <section aria-labelledby="household-title">
      <h2 id="household-title">{t('household.title')}</h2>
      {person.restricted ? <Notice kind="info">{t('household.restricted')}</Notice> : null}
      {person.householdId ? (
        <HouseholdView key={person.householdId} person={person} householdId={person.householdId} onChanged={onChanged} />
      ) : (
        <NoHousehold person={person} onChanged={onChanged} />
      )}
    </section>
  );
}

function useRoleOptions() {
  const { t } = usePersonT();
  return HOUSEHOLD_ROLES.map((r) => ({ value: r, label: t(`householdRole.${r}`) }));
}

function HouseholdView({ person, householdId, onChanged }: { person: CasePerson; householdId: string; onChanged: () => void }) {
  const { t, i18n } = usePersonT();
  const { slug } = useTenant();
  const household = useApi<Household>(personPaths.household(slug, householdId));
  const roles = useRoleOptions();
  const [label, setLabel] = useState<string | null>(null);
  const [picked, setPicked] = useState<PersonSummary | null>(null);
  const [role, setRole] = useState('other');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const act = async (fn: () => Promise<unknown>, message: string, changesPerson: boolean): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await fn();
      setDone(message);
      household.reload();
      if (changesPerson) onChanged();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (household.error && !household.data) return <PersonErrorNotice error={household.error} onRetry={household.reload} />;
  if (!household.data) return <Loading />;
  const h = household.data;
  const memberIds = h.members.map((m) => m.person.id);
  const rename = (ev: FormEvent) => {
    ev.preventDefault();
    void act(() => api('PATCH', personPaths.household(slug, h.id), { label: (label ?? h.label).trim() }), t('household.renamed'), false);
  };
  return (
    <>
      {done ? (
        <Notice kind="success" focus>
          {done}
        </Notice>
      ) : null}
      <PersonErrorNotice error={error} />
      <h3>{h.label || t('household.unnamed')}</h3>
      <ul className="household-members" aria-label={t('household.members')}>
        {h.members.map((m) => (
          <li key={m.person.id}>
            {m.person.id === person.id ? (
              <strong>
                {fullName(m.person)} <span className="meta">({t('household.thisPerson')})</span>
              </strong>
            ) : (
              <Link href={`/${m.person.id}`}>{fullName(m.person)}</Link>
            )}
            <span className="meta">
              {' '}
              · {m.role ? t(`householdRole.${m.role}`) : '–'}
              {m.person.birthDate ? ` · ${t('fields.bornOn', { date: formatDay(m.person.birthDate, i18n.language) })}` : ''}
            </span>
            {m.person.restricted ? <span className="badge person-restricted">{t('restriction.badge')}</span> : null}{' '}
            <button
              type="button"
              className="button secondary small"
              disabled={busy || m.person.restricted}
              onClick={() =>
                void act(() => api('DELETE', personPaths.householdMember(slug, h.id, m.person.id)), t('household.removed', { name: fullName(m.person) }), true)
              }
            >
              {t('household.remove', { name: fullName(m.person) })}
            </button>
          </li>
        ))}
        {Array.from({ length: h.hiddenMembers }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: hidden members have no identity the actor may know
          <li key={`hidden-${i}`} className="meta">
            {t('household.hidden')}
          </li>
        ))}
      </ul>

      <div className="household-actions">
        <form className="card inline-form" onSubmit={rename} noValidate aria-label={t('household.rename')}>
          <TextField label={t('household.label')} value={label ?? h.label} onChange={setLabel} />
          <button type="submit" className="button secondary" disabled={busy}>
            {t('household.rename')}
          </button>
        </form>

        <div className="card">
          <h3>{t('household.add')}</h3>
          {picked ? (
            <form
              className="inline-form"
              noValidate
              onSubmit={(ev) => {
                ev.preventDefault();
                const who = picked;
                void act(
                  () => api('POST', personPaths.householdMembers(slug, h.id), { personId: who.id, role }),
                  t('household.added', { name: fullName(who) }),
                  false,
                ).then((ok) => ok && setPicked(null));
              }}
            >
              <p>
                {t('household.picked')} <strong>{fullName(picked)}</strong>{' '}
                <button type="button" className="linklike" onClick={() => setPicked(null)}>
                  {t('household.pickOther')}
                </button>
              </p>
              <SelectField label={t('fields.householdRole')} value={role} onChange={setRole} options={roles} />
              <button type="submit" className="button primary" disabled={busy}>
                {t('household.addConfirm')}
              </button>
            </form>
          ) : (
            <PersonPicker exclude={memberIds} onPick={setPicked} label={t('household.findMember')} />
          )}
          <p>
            <Link href={`/new?household=${h.id}`}>{t('household.newMember')}</Link>
          </p>
        </div>
      </div>
    </>
  );
}

function NoHousehold({ person, onChanged }: { person: CasePerson; onChanged: () => void }) {
  const { t } = usePersonT();
  const { slug } = useTenant();
  const roles = useRoleOptions();
  const [label, setLabel] = useState(`${person.familyName}`);
  const [role, setRole] = useState('head');
  const [joinRole, setJoinRole] = useState('other');
  const [join, setJoin] = useState<PersonSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      onChanged();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const disabled = busy || person.restricted;
  return (
    <>
      <p>{t('household.none')}</p>
      <PersonErrorNotice error={error} />
      <div className="household-actions">
        <form
          className="card inline-form"
          noValidate
          aria-label={t('household.create')}
          onSubmit={(ev) => {
            ev.preventDefault();
            void run(() => api('POST', personPaths.households(slug), { label: label.trim(), members: [{ personId: person.id, role }] }));
          }}
        >
          <h3>{t('household.create')}</h3>
          <TextField label={t('household.label')} value={label} onChange={setLabel} disabled={disabled} />
          <SelectField label={t('household.roleOfPerson', { name: fullName(person) })} value={role} onChange={setRole} options={roles} disabled={disabled} />
          <button type="submit" className="button primary" disabled={disabled}>
            {t('household.createConfirm')}
          </button>
        </form>
        <div className="card">
          <h3>{t('household.join')}</h3>
          {join?.householdId ? (
            <form
              className="inline-form"
              noValidate
              onSubmit={(ev) => {
                ev.preventDefault();
                const target = join.householdId!;
                void run(() => api('POST', personPaths.householdMembers(slug, target), { personId: person.id, role: joinRole }));
              }}
            >
              <p>
                {t('household.joinOf', { name: fullName(join) })}{' '}
                <button type="button" className="linklike" onClick={() => setJoin(null)}>
                  {t('household.pickOther')}
                </button>
              </p>
              <SelectField label={t('household.roleOfPerson', { name: fullName(person) })} value={joinRole} onChange={setJoinRole} options={roles} disabled={disabled} />
              <button type="submit" className="button primary" disabled={disabled}>
                {t('household.joinConfirm')}
              </button>
            </form>
          ) : (
            <>
              {join ? <Notice kind="info">{t('household.pickedHasNone', { name: fullName(join) })}</Notice> : null}
              <PersonPicker exclude={[person.id]} onPick={setJoin} label={t('household.findMember')} disabled={disabled} />
            </>
          )}
        </div>
      </div>
    </>
  );
}

/** Finds a person by name (POST search) and hands the chosen one over. */
export function PersonPicker({ exclude, onPick, label, disabled }: { exclude: string[]; onPick: (p: PersonSummary) => void; label: string; disabled?: boolean }) {
  const { t, i18n } = usePersonT();
  const { slug } = useTenant();
  const [name, setName] = useState('');
  const [result, setResult] = useState<PersonSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const search = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const page = await api<PersonPage>('POST', personPaths.search(slug), { name: name.trim(), pageSize: 10 });
      setResult(page.items.filter((p) => !exclude.includes(p.id)));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="person-picker">
      <search>
        <form className="inline-form" onSubmit={search} noValidate aria-label={label}>
        <TextField label={label} value={name} onChange={setName} autoComplete="off" disabled={disabled} />
        <button type="submit" className="button secondary" disabled={busy || disabled}>
          {t('picker.search')}
        </button>
        </form>
      </search>
      <PersonErrorNotice error={error} />
      {result ? (
        result.length ? (
          <ul className="picker-results" aria-label={t('picker.results')}>
            {result.map((p) => (
              <li key={p.id}>
                <span>
                  {fullName(p)}
                  {p.birthDate ? <span className="meta"> · {formatDay(p.birthDate, i18n.language)}</span> : null}
                </span>{' '}
                <button type="button" className="button secondary small" onClick={() => onPick(p)} disabled={disabled}>
                  {t('picker.choose', { name: fullName(p) })}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p role="status">{t('picker.noResults')}</p>
        )
      ) : null}
    </div>
  );
}
