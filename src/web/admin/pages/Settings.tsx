// Tenant settings: name, languages, branding, imprint and privacy texts, two-factor policy, map centre.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type tenantSettings, updateTenantSettingsRequest } from '../../../shared/contracts/tenant.ts';
import { LANGUAGES } from '../../../shared/languages.ts';
import { api, paths } from '../api.ts';
import { CheckboxGroup, TextArea, TextField } from '../components/fields.tsx';
import { ErrorNotice, Loading, Notice, PageHeader } from '../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../forms.ts';
import { useApi } from '../hooks.ts';
import { useTenant } from '../tenant.tsx';

type Settings = z.infer<typeof tenantSettings>;

export function SettingsPage() {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const data = useApi<Settings>(paths.settings(slug));
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <ErrorNotice error={data.error} onRetry={data.reload} />
      {data.data ? <SettingsForm key={data.data.id} initial={data.data} /> : data.error ? null : <Loading />}
    </>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const { t } = useTranslation();
  const { slug, reloadProfile } = useTenant();
  const [v, setV] = useState({
    name: initial.name,
    languages: initial.languages,
    logoUrl: initial.logoUrl ?? '',
    primaryColor: initial.primaryColor,
    accentColor: initial.accentColor,
    imprint: initial.imprint,
    privacy: initial.privacy,
    twoFactorRoles: initial.twoFactorRoles,
    lat: String(initial.mapCenter.lat),
    lon: String(initial.mapCenter.lon),
    zoom: String(initial.mapCenter.zoom),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    setSaved(false);
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    const body = {
      name: v.name,
      languages: v.languages,
      logoUrl: v.logoUrl.trim() || null,
      primaryColor: v.primaryColor,
      accentColor: v.accentColor,
      imprint: v.imprint,
      privacy: v.privacy,
      twoFactorRoles: v.twoFactorRoles,
      mapCenter: { lat: Number(v.lat), lon: Number(v.lon), zoom: Number(v.zoom) },
    };
    const checked = validate(updateTenantSettingsRequest, body, t);
    if (checked.errors) {
      setErrors(checked.errors);
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setBusy(true);
    try {
      await api('PATCH', paths.settings(slug), checked.data);
      setSaved(true);
      reloadProfile();
    } catch (e) {
      setErrors(apiFieldError(e, t));
      setError(e);
    }
    setBusy(false);
  };

  return (
    <form onSubmit={submit} noValidate className="form">
      {saved ? <Notice kind="success" focus>{t('settings.saved')}</Notice> : null}
      <ErrorNotice error={error} />
      <fieldset className="card">
        <legend>{t('settings.general')}</legend>
        <TextField label={t('fields.name')} value={v.name} onChange={(x) => set('name', x)} error={errors.name} required />
        <CheckboxGroup
          legend={t('settings.languages')}
          hint={t('settings.languagesHint')}
          options={LANGUAGES.map((l) => ({ value: l.code, label: t(`languages.${l.code}`, { defaultValue: `${l.germanName} (${l.nativeName})` }) }))}
          selected={v.languages}
          onChange={(x) => set('languages', x)}
          error={errors.languages}
        />
      </fieldset>
      <fieldset className="card">
        <legend>{t('settings.branding')}</legend>
        <TextField label={t('settings.logoUrl')} type="url" value={v.logoUrl} onChange={(x) => set('logoUrl', x)} error={errors.logoUrl} hint={t('hints.url')} />
        <div className="grid-2">
          <ColorField label={t('settings.primaryColor')} value={v.primaryColor} onChange={(x) => set('primaryColor', x)} error={errors.primaryColor} />
          <ColorField label={t('settings.accentColor')} value={v.accentColor} onChange={(x) => set('accentColor', x)} error={errors.accentColor} />
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t('settings.legal')}</legend>
        <TextArea label={t('settings.imprint')} value={v.imprint} onChange={(x) => set('imprint', x)} error={errors.imprint} rows={6} />
        <TextArea label={t('settings.privacy')} value={v.privacy} onChange={(x) => set('privacy', x)} error={errors.privacy} rows={8} />
      </fieldset>
      <fieldset className="card">
        <legend>{t('settings.security')}</legend>
        <CheckboxGroup
          legend={t('settings.twoFactorRoles')}
          hint={t('settings.twoFactorHint')}
          options={(['tenant_admin', 'office_editor', 'partner_editor'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          selected={v.twoFactorRoles}
          onChange={(x) => set('twoFactorRoles', x)}
          error={errors.twoFactorRoles}
          columns={false}
        />
      </fieldset>
      <fieldset className="card">
        <legend>{t('settings.map')}</legend>
        <div className="grid-3">
          <TextField label={t('fields.lat')} inputMode="decimal" value={v.lat} onChange={(x) => set('lat', x)} error={errors['mapCenter.lat']} />
          <TextField label={t('fields.lon')} inputMode="decimal" value={v.lon} onChange={(x) => set('lon', x)} error={errors['mapCenter.lon']} />
          <TextField label={t('settings.zoom')} inputMode="numeric" value={v.zoom} onChange={(x) => set('zoom', x)} error={errors['mapCenter.zoom']} />
        </div>
      </fieldset>
      <div className="form-actions sticky">
        <button type="submit" className="button primary" disabled={busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

function ColorField({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  return (
    <div className="color-field">
      <TextField label={label} value={value} onChange={onChange} error={error} hint="#0b5394" />
      <input type="color" aria-label={label} value={/^#[0-9a-fA-F]{6}$/.test(value) ? value : '#000000'} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
