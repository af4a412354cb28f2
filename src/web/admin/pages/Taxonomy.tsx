// Fields of action, target groups and areas: names per tenant language, sort order; delete when unused.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminArea, type AdminFieldOfAction, type AdminTargetGroup, areaInput, fieldOfActionInput, targetGroupInput } from '../../../shared/contracts/directoryAdmin.ts';
import { api, paths, type TaxonomyKind } from '../api.ts';
import { SelectField, TextField } from '../components/fields.tsx';
import { Tabs } from '../components/Tabs.tsx';
import { ErrorNotice, Loading, Notice, PageHeader } from '../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../forms.ts';
import { useApi } from '../hooks.ts';
import { useLocalName, useTenant } from '../tenant.tsx';

type Entry = AdminFieldOfAction | AdminTargetGroup | AdminArea;

export function TaxonomyPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TaxonomyKind>('fields-of-action');
  return (
    <>
      <PageHeader title={t('taxonomy.title')} />
      <Tabs
        label={t('taxonomy.title')}
        active={kind}
        onChange={setKind}
        tabs={[
          { key: 'fields-of-action', label: t('taxonomy.fields') },
          { key: 'target-groups', label: t('taxonomy.targetGroups') },
          { key: 'areas', label: t('taxonomy.areas') },
        ]}
      >
        <TaxonomyList key={kind} kind={kind} />
      </Tabs>
    </>
  );
}

function TaxonomyList({ kind }: { kind: TaxonomyKind }) {
  const { t } = useTranslation();
  const { slug, reloadProfile } = useTenant();
  const localName = useLocalName();
  const list = useApi<{ items: Entry[] }>(paths.taxonomy(slug, kind));
  const [editing, setEditing] = useState<Entry | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const remove = async (e: Entry) => {
    if (!window.confirm(t('taxonomy.confirmDelete', { name: localName(e.names, e.key) }))) return;
    setError(null);
    try {
      await api('DELETE', paths.taxonomyEntry(slug, kind, e.id));
      setMessage(t('taxonomy.deleted'));
      list.reload();
      reloadProfile();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <ErrorNotice error={error} />
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('taxonomy.key')}</th>
                <th scope="col" className="num">
                  {t('taxonomy.offers')}
                </th>
                <th scope="col" className="num">
                  {t('taxonomy.sort')}
                </th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((e) => (
                <tr key={e.id}>
                  <td>
                    {'color' in e ? <span className="swatch" style={{ background: e.color }} aria-hidden="true" /> : null}
                    {localName(e.names, e.key)}
                  </td>
                  <td>
                    <code>{e.key}</code>
                  </td>
                  <td className="num">{e.offerCount}</td>
                  <td className="num">{e.sort}</td>
                  <td className="actions">
                    <button type="button" className="button secondary small" onClick={() => setEditing(e)}>
                      {t('common.edit')}
                      <span className="visually-hidden"> – {localName(e.names, e.key)}</span>
                    </button>
                    <button
                      type="button"
                      className="button danger small"
                      disabled={e.offerCount > 0}
                      title={e.offerCount > 0 ? t('taxonomy.inUse') : undefined}
                      onClick={() => void remove(e)}
                    >
                      {t('common.delete')}
                      <span className="visually-hidden"> – {localName(e.names, e.key)}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editing ? (
        <TaxonomyForm
          key={editing === 'new' ? 'new' : editing.id}
          kind={kind}
          entry={editing === 'new' ? null : editing}
          onDone={(msg) => {
            setEditing(null);
            setMessage(msg);
            list.reload();
            reloadProfile();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button type="button" className="button primary" onClick={() => setEditing('new')}>
          {t('taxonomy.new')}
        </button>
      )}
    </>
  );
}

function TaxonomyForm({ kind, entry, onDone, onCancel }: { kind: TaxonomyKind; entry: Entry | null; onDone: (msg: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { slug, profile } = useTenant();
  const languages = profile.languages.map((l) => l.code);
  const [v, setV] = useState({
    key: entry?.key ?? '',
    names: { ...(entry?.names ?? {}) } as Record<string, string>,
    sort: String(entry?.sort ?? 0),
    icon: entry && 'icon' in entry ? entry.icon : 'circle',
    color: entry && 'color' in entry ? entry.color : '#0b5394',
    kind: entry && 'kind' in entry ? entry.kind : 'district',
    lat: entry && 'lat' in entry && entry.lat !== null ? String(entry.lat) : '',
    lon: entry && 'lon' in entry && entry.lon !== null ? String(entry.lon) : '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV((x) => ({ ...x, [k]: value }));
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    const names = Object.fromEntries(Object.entries(v.names).filter(([, n]) => n.trim() !== ''));
    const common = { key: v.key, names, sort: Number(v.sort) || 0 };
    const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));
    const checked =
      kind === 'fields-of-action'
        ? validate(fieldOfActionInput, { ...common, icon: v.icon, color: v.color }, t)
        : kind === 'areas'
          ? validate(areaInput, { ...common, kind: v.kind, lat: num(v.lat), lon: num(v.lon) }, t)
          : validate(targetGroupInput, common, t);
    if (checked.errors) {
      setErrors(checked.errors);
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setBusy(true);
    try {
      if (entry) await api('PUT', paths.taxonomyEntry(slug, kind, entry.id), checked.data);
      else await api('POST', paths.taxonomy(slug, kind), checked.data);
      onDone(t('common.savedOk'));
    } catch (e) {
      setErrors(apiFieldError(e, t));
      setError(e);
      setBusy(false);
    }
  };
  return (
    <form className="card form" onSubmit={submit} noValidate>
      <h2>{entry ? t('taxonomy.editTitle') : t('taxonomy.newTitle')}</h2>
      <ErrorNotice error={error} />
      <div className="grid-2">
        <TextField label={t('taxonomy.key')} value={v.key} onChange={(x) => set('key', x)} error={errors.key} hint={t('taxonomy.keyHint')} required />
        <TextField label={t('taxonomy.sort')} inputMode="numeric" value={v.sort} onChange={(x) => set('sort', x)} error={errors.sort} />
      </div>
      <div className="grid-2">
        {languages.map((lang) => (
          <TextField
            key={lang}
            label={t('taxonomy.nameIn', { language: t(`languages.${lang}`, { defaultValue: lang }) })}
            value={v.names[lang] ?? ''}
            lang={lang}
            onChange={(x) => set('names', { ...v.names, [lang]: x })}
            error={errors[`names.${lang}`] ?? (lang === 'de' ? errors.names : undefined)}
            required={lang === 'de'}
          />
        ))}
      </div>
      {kind === 'fields-of-action' ? (
        <div className="grid-2">
          <TextField label={t('taxonomy.icon')} value={v.icon} onChange={(x) => set('icon', x)} error={errors.icon} />
          <TextField label={t('taxonomy.color')} value={v.color} onChange={(x) => set('color', x)} error={errors.color} hint="#0b5394" />
        </div>
      ) : null}
      {kind === 'areas' ? (
        <div className="grid-3">
          <SelectField
            label={t('taxonomy.areaKind')}
            value={v.kind}
            onChange={(x) => set('kind', x)}
            options={[
              { value: 'district', label: t('taxonomy.district') },
              { value: 'municipality', label: t('taxonomy.municipality') },
            ]}
          />
          <TextField label={t('fields.lat')} inputMode="decimal" value={v.lat} onChange={(x) => set('lat', x)} error={errors.lat} />
          <TextField label={t('fields.lon')} inputMode="decimal" value={v.lon} onChange={(x) => set('lon', x)} error={errors.lon} />
        </div>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
