// Locations (Standorte): list and edit with address, coordinates, flags, opening hours per weekday and contacts.
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'wouter';
import { type AdminLocation, type LocationPage, type ProviderPage, locationBody } from '../../../shared/contracts/directoryAdmin.ts';
import { api, paths, query } from '../api.ts';
import { Checkbox, SelectField, TextField } from '../components/fields.tsx';
import { BackLink, ErrorNotice, Loading, Notice, PageHeader, Pager } from '../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../forms.ts';
import { useApi } from '../hooks.ts';
import { useMe } from '../session.tsx';
import { useLocalName, useTenant } from '../tenant.tsx';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function LocationListPage() {
  const { t } = useTranslation();
  const { slug, profile } = useTenant();
  const localName = useLocalName();
  const me = useMe();
  const partner = me.role === 'partner_editor';
  const [params] = useSearchParams();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  const [providerId, setProviderId] = useState(params.get('providerId') ?? '');
  const [areaId, setAreaId] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [page, setPage] = useState(1);
  useEffect(() => {
    const id = setTimeout(() => {
      setDebounced(q);
      setPage(1);
    }, 300);
    return () => clearTimeout(id);
  }, [q]);
  const providers = useApi<ProviderPage>(partner ? null : paths.providers(slug) + query({ pageSize: 100 }));
  const list = useApi<LocationPage>(paths.locations(slug) + query({ q: debounced, providerId, areaId, includeArchived: String(includeArchived), page, pageSize: 25 }));
  return (
    <>
      <PageHeader title={t('locations.title')}>
        <Link href="/locations/new" className="button primary">
          {t('locations.new')}
        </Link>
      </PageHeader>
      <search className="filters">
        <TextField label={t('common.search')} type="search" value={q} onChange={setQ} />
        {!partner ? (
          <SelectField
            label={t('fields.provider')}
            value={providerId}
            onChange={(v) => { setProviderId(v); setPage(1); }}
            options={[{ value: '', label: t('common.all') }, ...(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
          />
        ) : null}
        <SelectField
          label={t('fields.area')}
          value={areaId}
          onChange={(v) => { setAreaId(v); setPage(1); }}
          options={[{ value: '', label: t('common.all') }, ...profile.areas.map((a) => ({ value: a.id, label: localName(a.names, a.name) }))]}
        />
        <Checkbox label={t('common.includeArchived')} checked={includeArchived} onChange={(v) => { setIncludeArchived(v); setPage(1); }} />
      </search>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('fields.name')}</th>
                  <th scope="col">{t('fields.address')}</th>
                  <th scope="col">{t('fields.provider')}</th>
                  <th scope="col">{t('locations.state')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((l) => (
                  <tr key={l.id} className={l.archived ? 'muted' : undefined}>
                    <td>
                      <Link href={`/locations/${l.id}`}>{l.name}</Link>
                    </td>
                    <td>{[l.street, [l.postcode, l.town].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–'}</td>
                    <td>{l.providerName ?? '–'}</td>
                    <td>
                      <span className="badges">
                        {l.archived ? <span className="badge status-archived">{t('common.archived')}</span> : null}
                        {l.temporarilyClosed ? <span className="badge tr-outdated">{t('locations.temporarilyClosed')}</span> : null}
                        {l.appointmentOnly ? <span className="badge">{t('locations.appointmentOnly')}</span> : null}
                        {l.barrierFree ? <span className="badge tr-current">{t('offerFields.barrierFree')}</span> : null}
                      </span>
                    </td>
                  </tr>
                ))}
                {list.data.items.length === 0 ? (
                  <tr>
                    <td colSpan={4}>{t('common.noResults')}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
        </>
      ) : null}
    </>
  );
}

export function LocationEditPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id?: string }>();
  const { slug } = useTenant();
  const data = useApi<AdminLocation>(id ? paths.location(slug, id) : null);
  const back = <BackLink href="/locations">{t('locations.backToList')}</BackLink>;
  if (!id) {
    return (
      <>
        {back}
        <PageHeader title={t('locations.newTitle')} />
        <LocationForm location={null} onSaved={() => undefined} />
      </>
    );
  }
  if (data.error && !data.data) {
    return (
      <>
        {back}
        <ErrorNotice error={data.error} onRetry={data.reload} />
      </>
    );
  }
  if (!data.data) return <Loading />;
  return (
    <>
      {back}
      <PageHeader title={data.data.name} />
      <LocationForm key={data.data.updatedAt} location={data.data} onSaved={data.setData} />
    </>
  );
}

interface DayForm {
  open: boolean;
  appointmentOnly: boolean;
  slots: Array<{ start: string; end: string }>;
}
interface ContactForm {
  name: string;
  role: string;
  email: string;
  phone: string;
  officeHours: string;
}

function LocationForm({ location, onSaved }: { location: AdminLocation | null; onSaved: (l: AdminLocation) => void }) {
  const { t } = useTranslation();
  const { slug, profile } = useTenant();
  const localName = useLocalName();
  const me = useMe();
  const [, navigate] = useLocation();
  const partner = me.role === 'partner_editor';
  const providers = useApi<ProviderPage>(partner ? null : paths.providers(slug) + query({ pageSize: 100 }));
  const [v, setV] = useState({
    providerId: location?.providerId ?? (partner ? (me.providerId ?? '') : ''),
    name: location?.name ?? '',
    street: location?.street ?? '',
    postcode: location?.postcode ?? '',
    town: location?.town ?? '',
    areaId: location?.areaId ?? '',
    lat: location?.lat?.toString() ?? '',
    lon: location?.lon?.toString() ?? '',
    barrierFree: location?.barrierFree ?? false,
    temporarilyClosed: location?.temporarilyClosed ?? false,
    appointmentOnly: location?.appointmentOnly ?? false,
  });
  const [days, setDays] = useState<Record<number, DayForm>>(() => {
    const out: Record<number, DayForm> = {};
    for (const w of WEEKDAYS) {
      const d = location?.openingHours.find((x) => x.weekday === w);
      out[w] = { open: Boolean(d), appointmentOnly: d?.appointmentOnly ?? false, slots: d?.slots.length ? d.slots.map((s) => ({ ...s })) : [{ start: '09:00', end: '12:00' }] };
    }
    return out;
  });
  const [contacts, setContacts] = useState<ContactForm[]>(() =>
    (location?.contacts ?? []).map((c) => ({ name: c.name, role: c.role, email: c.email ?? '', phone: c.phone ?? '', officeHours: c.officeHours ?? '' })),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    setSaved(null);
  };
  const openDays = WEEKDAYS.filter((w) => days[w]!.open);
  const dayIndex = (w: number) => openDays.indexOf(w as (typeof WEEKDAYS)[number]);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));
    const body = {
      providerId: v.providerId || null,
      name: v.name,
      street: v.street,
      postcode: v.postcode,
      town: v.town,
      areaId: v.areaId || null,
      lat: num(v.lat),
      lon: num(v.lon),
      barrierFree: v.barrierFree,
      temporarilyClosed: v.temporarilyClosed,
      appointmentOnly: v.appointmentOnly,
      openingHours: openDays.map((w) => ({ weekday: w, slots: days[w]!.slots, ...(days[w]!.appointmentOnly ? { appointmentOnly: true } : {}) })),
      contacts: contacts.map((c) => ({
        name: c.name.trim(),
        role: c.role.trim(),
        ...(c.email.trim() ? { email: c.email.trim() } : {}),
        ...(c.phone.trim() ? { phone: c.phone.trim() } : {}),
        ...(c.officeHours.trim() ? { officeHours: c.officeHours.trim() } : {}),
      })),
    };
    const checked = validate(locationBody, body, t);
    if (checked.errors) {
      setErrors(checked.errors);
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setBusy(true);
    try {
      if (location) {
        const updated = await api<AdminLocation>('PUT', paths.location(slug, location.id), checked.data);
        onSaved(updated);
        setSaved(t('common.savedOk'));
      } else {
        const created = await api<AdminLocation>('POST', paths.locations(slug), checked.data);
        navigate(`/locations/${created.id}`);
      }
    } catch (e) {
      setErrors(apiFieldError(e, t));
      setError(e);
    }
    setBusy(false);
  };

  const archive = async (verb: 'archive' | 'restore') => {
    if (!location) return;
    try {
      onSaved(await api<AdminLocation>('POST', paths.locationArchive(slug, location.id, verb)));
    } catch (e) {
      setError(e);
    }
  };

  const setDay = (w: number, change: Partial<DayForm>) => {
    setDays((d) => ({ ...d, [w]: { ...d[w]!, ...change } }));
    setSaved(null);
  };
  const setSlot = (w: number, i: number, key: 'start' | 'end', value: string) =>
    setDay(w, { slots: days[w]!.slots.map((s, j) => (j === i ? { ...s, [key]: value } : s)) });
  const setContact = (i: number, key: keyof ContactForm, value: string) => setContacts((cs) => cs.map((c, j) => (j === i ? { ...c, [key]: value } : c)));

  return (
    <form onSubmit={submit} noValidate className="form">
      {saved ? <Notice kind="success" focus>{saved}</Notice> : null}
      <ErrorNotice error={error} />
      {Object.keys(errors).length ? <Notice kind="error">{t('common.fixFields')}</Notice> : null}
      <fieldset className="card">
        <legend>{t('locations.address')}</legend>
        {!partner ? (
          <SelectField
            label={t('fields.provider')}
            value={v.providerId}
            onChange={(x) => set('providerId', x)}
            options={[{ value: '', label: t('locations.noProvider') }, ...(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
            error={errors.providerId}
          />
        ) : null}
        <TextField label={t('fields.name')} value={v.name} onChange={(x) => set('name', x)} error={errors.name} required />
        <div className="grid-3">
          <TextField label={t('fields.street')} value={v.street} onChange={(x) => set('street', x)} error={errors.street} />
          <TextField label={t('fields.postcode')} inputMode="numeric" value={v.postcode} onChange={(x) => set('postcode', x)} error={errors.postcode} />
          <TextField label={t('fields.town')} value={v.town} onChange={(x) => set('town', x)} error={errors.town} />
        </div>
        <div className="grid-3">
          <SelectField
            label={t('fields.area')}
            value={v.areaId}
            onChange={(x) => set('areaId', x)}
            options={[{ value: '', label: t('common.none') }, ...profile.areas.map((a) => ({ value: a.id, label: localName(a.names, a.name) }))]}
            error={errors.areaId}
          />
          <TextField label={t('fields.lat')} inputMode="decimal" value={v.lat} onChange={(x) => set('lat', x)} error={errors.lat} hint={t('locations.coordsHint')} />
          <TextField label={t('fields.lon')} inputMode="decimal" value={v.lon} onChange={(x) => set('lon', x)} error={errors.lon} />
        </div>
        <div className="checks columns">
          <Checkbox label={t('offerFields.barrierFree')} checked={v.barrierFree} onChange={(x) => set('barrierFree', x)} />
          <Checkbox label={t('locations.temporarilyClosed')} checked={v.temporarilyClosed} onChange={(x) => set('temporarilyClosed', x)} />
          <Checkbox label={t('locations.appointmentOnlyAll')} checked={v.appointmentOnly} onChange={(x) => set('appointmentOnly', x)} />
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('locations.openingHours')}</legend>
        {v.temporarilyClosed ? <Notice kind="warning">{t('locations.closedNotice')}</Notice> : null}
        <div className="hours">
          {WEEKDAYS.map((w) => {
            const day = days[w]!;
            const idx = dayIndex(w);
            const dayName = t(`weekdays.${w}`);
            return (
              <fieldset key={w} className="day">
                <legend>{dayName}</legend>
                <Checkbox label={t('locations.open')} checked={day.open} onChange={(x) => setDay(w, { open: x })} />
                {day.open ? (
                  <>
                    <Checkbox label={t('locations.appointmentOnly')} checked={day.appointmentOnly} onChange={(x) => setDay(w, { appointmentOnly: x })} />
                    {day.slots.map((s, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: slots have no identity beyond their position
                      <div className="slot" key={i}>
                        <TextField
                          label={t('locations.from', { day: dayName, n: i + 1 })}
                          type="time"
                          value={s.start}
                          onChange={(x) => setSlot(w, i, 'start', x)}
                          error={idx >= 0 ? errors[`openingHours.${idx}.slots.${i}.start`] : undefined}
                        />
                        <TextField
                          label={t('locations.to', { day: dayName, n: i + 1 })}
                          type="time"
                          value={s.end}
                          onChange={(x) => setSlot(w, i, 'end', x)}
                          error={idx >= 0 ? errors[`openingHours.${idx}.slots.${i}.end`] : undefined}
                        />
                        <button type="button" className="button secondary small" onClick={() => setDay(w, { slots: day.slots.filter((_, j) => j !== i) })}>
                          {t('common.remove')}
                          <span className="visually-hidden"> – {t('locations.slotOf', { day: dayName, n: i + 1 })}</span>
                        </button>
                      </div>
                    ))}
                    {idx >= 0 && errors[`openingHours.${idx}.slots`] ? <p className="field-error">{errors[`openingHours.${idx}.slots`]}</p> : null}
                    <button type="button" className="button secondary small" disabled={day.slots.length >= 6} onClick={() => setDay(w, { slots: [...day.slots, { start: '14:00', end: '16:00' }] })}>
                      {t('locations.addSlot')}
                      <span className="visually-hidden"> – {dayName}</span>
                    </button>
                  </>
                ) : (
                  <p className="hint">{t('locations.closed')}</p>
                )}
              </fieldset>
            );
          })}
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('locations.contacts')}</legend>
        {contacts.length === 0 ? <p className="hint">{t('locations.noContacts')}</p> : null}
        {contacts.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: contacts are edited in place by position
          <fieldset key={i} className="contact group">
            <legend>{t('locations.contactN', { n: i + 1 })}</legend>
            <div className="grid-2">
              <TextField label={t('fields.name')} value={c.name} onChange={(x) => setContact(i, 'name', x)} error={errors[`contacts.${i}.name`]} />
              <TextField label={t('locations.contactRole')} value={c.role} onChange={(x) => setContact(i, 'role', x)} error={errors[`contacts.${i}.role`]} />
              <TextField label={t('fields.email')} type="email" value={c.email} onChange={(x) => setContact(i, 'email', x)} error={errors[`contacts.${i}.email`]} />
              <TextField label={t('fields.phone')} type="tel" value={c.phone} onChange={(x) => setContact(i, 'phone', x)} error={errors[`contacts.${i}.phone`]} />
            </div>
            <TextField label={t('locations.officeHours')} value={c.officeHours} onChange={(x) => setContact(i, 'officeHours', x)} error={errors[`contacts.${i}.officeHours`]} />
            <button type="button" className="button secondary small" onClick={() => setContacts((cs) => cs.filter((_, j) => j !== i))}>
              {t('locations.removeContact', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button type="button" className="button secondary" disabled={contacts.length >= 20} onClick={() => setContacts((cs) => [...cs, { name: '', role: '', email: '', phone: '', officeHours: '' }])}>
          {t('locations.addContact')}
        </button>
      </fieldset>

      <div className="form-actions sticky">
        <button type="submit" className="button primary" disabled={busy}>
          {location ? t('common.save') : t('locations.create')}
        </button>
        {location ? (
          location.archived ? (
            <button type="button" className="button secondary" onClick={() => void archive('restore')}>
              {t('common.restore')}
            </button>
          ) : (
            <button type="button" className="button danger" onClick={() => void archive('archive')}>
              {t('common.archive')}
            </button>
          )
        ) : null}
      </div>
    </form>
  );
}
