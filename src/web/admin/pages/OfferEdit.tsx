// One offer: details form (create/edit with conflict detection and minor edits), status workflow,
// translations side by side with the source, and the change history.
import { type FormEvent, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'wouter';
import type { LocationPage, ProviderPage } from '../../../shared/contracts/directoryAdmin.ts';
import {
  type AdminOffer,
  type OfferRevision,
  type OfferStatusValue,
  type OfferTexts,
  offerInput,
  offerTexts,
  offerUpdate,
} from '../../../shared/contracts/offerAdmin.ts';
import type { TranslationProvider } from '../../../shared/contracts/translations.ts';
import { LANGUAGES, isRtl, languageInfo } from '../../../shared/languages.ts';
import { ApiError, api, paths, query } from '../api.ts';
import { Checkbox, CheckboxGroup, SelectField, TextArea, TextField } from '../components/fields.tsx';
import { Tabs } from '../components/Tabs.tsx';
import { BackLink, ErrorNotice, Loading, Notice, PageHeader, StatusBadge, TranslationBadge, formatDateTime, formatValue } from '../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../forms.ts';
import { useApi } from '../hooks.ts';
import { useMe } from '../session.tsx';
import { useLocalName, useTenant } from '../tenant.tsx';

const TEXT_KEYS = ['title', 'summary', 'description', 'costs', 'requirements', 'registration'] as const;
const LONG_TEXTS = new Set(['description', 'requirements', 'registration']);

interface OfferForm {
  providerId: string;
  texts: OfferTexts;
  languages: string[];
  freeOfCharge: boolean;
  childcare: boolean;
  barrierFree: boolean;
  online: boolean;
  inPerson: boolean;
  signupUrl: string;
  email: string;
  phone: string;
  fieldIds: string[];
  targetGroupIds: string[];
  areaIds: string[];
  locationIds: string[];
}

const emptyTexts = (): OfferTexts => ({ title: '', summary: '', description: '', costs: '', requirements: '', registration: '' });

function formFromOffer(o: AdminOffer): OfferForm {
  return {
    providerId: o.providerId,
    texts: { ...o.texts },
    languages: o.languages,
    freeOfCharge: o.freeOfCharge,
    childcare: o.childcare,
    barrierFree: o.barrierFree,
    online: o.online,
    inPerson: o.inPerson,
    signupUrl: o.signupUrl ?? '',
    email: o.email ?? '',
    phone: o.phone ?? '',
    fieldIds: o.fieldIds,
    targetGroupIds: o.targetGroupIds,
    areaIds: o.areaIds,
    locationIds: o.locationIds,
  };
}

function bodyFromForm(f: OfferForm) {
  return { ...f, signupUrl: f.signupUrl.trim() || null, email: f.email.trim() || null, phone: f.phone.trim() || null };
}

type Tab = 'details' | 'translations' | 'history';

export function OfferEditPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id?: string }>();
  const { slug } = useTenant();
  const isNew = !id;
  const offer = useApi<AdminOffer>(isNew ? null : paths.offer(slug, id));
  const [tab, setTab] = useState<Tab>('details');

  if (isNew) {
    return (
      <>
        <BackLink href="/offers">{t('offers.backToList')}</BackLink>
        <PageHeader title={t('offers.newTitle')} />
        <OfferDetails offer={null} onSaved={() => undefined} />
      </>
    );
  }
  if (offer.error && !offer.data) {
    return (
      <>
        <BackLink href="/offers">{t('offers.backToList')}</BackLink>
        <ErrorNotice error={offer.error} onRetry={offer.reload} />
      </>
    );
  }
  if (!offer.data) return <Loading />;
  const o = offer.data;
  return (
    <>
      <BackLink href="/offers">{t('offers.backToList')}</BackLink>
      <PageHeader title={o.texts.title}>
        <StatusBadge status={o.status} />
      </PageHeader>
      <StatusWorkflow offer={o} onChanged={offer.setData} />
      {o.pendingChange ? (
        <Notice kind="warning">
          {t('offers.pendingNotice', { name: o.pendingChange.submittedByName })}
        </Notice>
      ) : null}
      <Tabs
        label={t('offers.sections')}
        active={tab}
        onChange={setTab}
        tabs={[
          { key: 'details', label: t('offers.tabDetails') },
          { key: 'translations', label: t('offers.tabTranslations') },
          { key: 'history', label: t('offers.tabHistory') },
        ]}
      >
        {tab === 'details' ? <OfferDetails key={o.id} offer={o} onSaved={offer.setData} onReload={offer.reload} /> : null}
        {tab === 'translations' ? <OfferTranslations offer={o} onSaved={offer.setData} /> : null}
        {tab === 'history' ? <OfferHistory offerId={o.id} version={o.version} /> : null}
      </Tabs>
    </>
  );
}

function OfferDetails({ offer, onSaved, onReload }: { offer: AdminOffer | null; onSaved: (o: AdminOffer) => void; onReload?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { slug, profile } = useTenant();
  const localName = useLocalName();
  const [, navigate] = useLocation();
  const partner = me.role === 'partner_editor';
  const [form, setForm] = useState<OfferForm>(() =>
    offer
      ? formFromOffer(offer)
      : {
          providerId: partner ? (me.providerId ?? '') : '',
          texts: emptyTexts(),
          languages: [profile.defaultLanguage],
          freeOfCharge: false,
          childcare: false,
          barrierFree: false,
          online: false,
          inPerson: true,
          signupUrl: '',
          email: '',
          phone: '',
          fieldIds: [],
          targetGroupIds: [],
          areaIds: [],
          locationIds: [],
        },
  );
  const [minor, setMinor] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [baseVersion, setBaseVersion] = useState(offer?.version ?? 1);

  const providers = useApi<ProviderPage>(partner ? null : paths.providers(slug) + query({ pageSize: 100, sort: 'name' }));
  const locations = useApi<LocationPage>(form.providerId ? paths.locations(slug) + query({ providerId: form.providerId, pageSize: 100 }) : null);

  const set = <K extends keyof OfferForm>(key: K, value: OfferForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(null);
  };
  const setText = (key: keyof OfferTexts, value: string) => {
    setForm((f) => ({ ...f, texts: { ...f.texts, [key]: value } }));
    setSaved(null);
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setApiError(null);
    setConflict(false);
    setSaved(null);
    const body = bodyFromForm(form);
    const checked = offer ? validate(offerUpdate, { ...body, version: baseVersion, minor }, t) : validate(offerInput, body, t);
    if (checked.errors) {
      setErrors(checked.errors);
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setBusy(true);
    try {
      if (offer) {
        const updated = await api<AdminOffer>('PUT', paths.offer(slug, offer.id), checked.data);
        setBaseVersion(updated.version);
        setMinor(false);
        onSaved(updated);
        setSaved(updated.pendingChange && partner ? t('offers.savedForReview') : t('offers.saved'));
      } else {
        const created = await api<AdminOffer>('POST', paths.offers(slug), checked.data);
        navigate(`/offers/${created.id}`);
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code === 'conflict') setConflict(true);
      else {
        const fieldErrors = apiFieldError(e, t);
        setErrors(fieldErrors);
        setApiError(e);
        if (Object.keys(fieldErrors).length) focusFirstError(fieldErrors);
      }
    }
    setBusy(false);
  };

  const err = (path: string) => errors[path];
  const providerOptions = [{ value: '', label: t('common.choose') }, ...(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))];
  if (offer && !providers.data?.items.some((p) => p.id === offer.providerId)) providerOptions.push({ value: offer.providerId, label: offer.providerName });
  const sourceLang = languageInfo(profile.defaultLanguage);

  return (
    <form onSubmit={submit} noValidate className="form">
      {conflict ? (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>{t('offers.conflict')}</strong> {t('offers.conflictHelp')}
          </p>
          {onReload ? (
            <button type="button" className="button secondary" onClick={onReload}>
              {t('offers.reloadDiscard')}
            </button>
          ) : null}
        </div>
      ) : null}
      {apiError && !(apiError instanceof ApiError && apiError.field) ? <ErrorNotice error={apiError} /> : null}
      {apiError instanceof ApiError && apiError.field ? <Notice kind="error">{t('common.fixFields')}</Notice> : null}
      {Object.keys(errors).length > 0 && !apiError ? <Notice kind="error">{t('common.fixFields')}</Notice> : null}
      {saved ? (
        <Notice kind="success" focus>
          {saved}
        </Notice>
      ) : null}

      <fieldset className="card">
        <legend>{t('offers.texts', { language: sourceLang?.germanName ?? profile.defaultLanguage })}</legend>
        {TEXT_KEYS.map((k) =>
          LONG_TEXTS.has(k) ? (
            <TextArea key={k} label={t(`offerFields.${k}`)} value={form.texts[k]} onChange={(v) => setText(k, v)} error={err(`texts.${k}`) ?? err(k)} rows={k === 'description' ? 8 : 3} />
          ) : (
            <TextField key={k} label={t(`offerFields.${k}`)} value={form.texts[k]} onChange={(v) => setText(k, v)} error={err(`texts.${k}`) ?? err(k)} required={k === 'title'} />
          ),
        )}
      </fieldset>

      <fieldset className="card">
        <legend>{t('offers.organisation')}</legend>
        {partner ? null : (
          <SelectField label={t('fields.provider')} value={form.providerId} onChange={(v) => set('providerId', v)} options={providerOptions} error={err('providerId')} required />
        )}
        {form.providerId ? (
          <CheckboxGroup
            legend={t('fields.locations')}
            options={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: [l.name, l.town].filter(Boolean).join(', ') }))}
            selected={form.locationIds}
            onChange={(v) => set('locationIds', v)}
            error={err('locationIds')}
            hint={locations.data && locations.data.items.length === 0 ? t('offers.noLocations') : undefined}
          />
        ) : null}
        <div className="grid-3">
          <TextField label={t('fields.signupUrl')} type="url" value={form.signupUrl} onChange={(v) => set('signupUrl', v)} error={err('signupUrl')} hint={t('hints.url')} />
          <TextField label={t('fields.email')} type="email" value={form.email} onChange={(v) => set('email', v)} error={err('email')} />
          <TextField label={t('fields.phone')} type="tel" value={form.phone} onChange={(v) => set('phone', v)} error={err('phone')} />
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('offers.properties')}</legend>
        <div className="checks columns">
          {(['freeOfCharge', 'childcare', 'barrierFree', 'online', 'inPerson'] as const).map((k) => (
            <Checkbox key={k} label={t(`offerFields.${k}`)} checked={form[k]} onChange={(v) => set(k, v)} error={err(k)} />
          ))}
        </div>
        <CheckboxGroup
          legend={t('fields.fieldsOfAction')}
          options={profile.fieldsOfAction.map((f) => ({ value: f.id, label: localName(f.names, f.name) }))}
          selected={form.fieldIds}
          onChange={(v) => set('fieldIds', v)}
          error={err('fieldIds')}
        />
        <CheckboxGroup
          legend={t('fields.targetGroups')}
          options={profile.targetGroups.map((g) => ({ value: g.id, label: localName(g.names, g.name) }))}
          selected={form.targetGroupIds}
          onChange={(v) => set('targetGroupIds', v)}
          error={err('targetGroupIds')}
        />
        <CheckboxGroup
          legend={t('fields.areas')}
          options={profile.areas.map((a) => ({ value: a.id, label: localName(a.names, a.name) }))}
          selected={form.areaIds}
          onChange={(v) => set('areaIds', v)}
          error={err('areaIds')}
        />
        <CheckboxGroup
          legend={t('fields.offerLanguages')}
          hint={t('hints.offerLanguages')}
          options={LANGUAGES.map((l) => ({ value: l.code, label: i18nLanguageName(l.code, t) }))}
          selected={form.languages}
          onChange={(v) => set('languages', v)}
          error={err('languages')}
        />
      </fieldset>

      <div className="form-actions sticky">
        {offer ? <Checkbox label={t('offers.minor')} hint={t('offers.minorHint')} checked={minor} onChange={setMinor} /> : null}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('common.saving') : offer ? t('common.save') : t('offers.create')}
        </button>
      </div>
    </form>
  );
}

function i18nLanguageName(code: string, t: TFunction): string {
  const info = languageInfo(code);
  return t(`languages.${code}`, { defaultValue: info ? `${info.germanName} (${info.nativeName})` : code });
}

/** The buttons that move an offer through draft → in review → published → archived. */
function StatusWorkflow({ offer, onChanged }: { offer: AdminOffer; onChanged: (o: AdminOffer) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { slug } = useTenant();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const partner = me.role === 'partner_editor';
  const moves: Array<{ to: OfferStatusValue; label: string; kind: string }> = [];
  if (offer.status === 'draft') moves.push({ to: 'in_review', label: t('workflow.submit'), kind: 'secondary' });
  if (!partner && (offer.status === 'draft' || offer.status === 'in_review')) moves.push({ to: 'published', label: t('workflow.publish'), kind: 'primary' });
  if (offer.status !== 'draft') moves.push({ to: 'draft', label: t('workflow.toDraft'), kind: 'secondary' });
  if (offer.status !== 'archived') moves.push({ to: 'archived', label: t('workflow.archive'), kind: 'danger' });

  const move = async (to: OfferStatusValue) => {
    if (to === 'archived' && !window.confirm(t('workflow.confirmArchive'))) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const updated = await api<AdminOffer>('POST', paths.offerStatus(slug, offer.id), { status: to, version: offer.version });
      onChanged(updated);
      setDone(t('workflow.done', { status: t(`offerStatus.${updated.status}`) }));
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };
  return (
    <div className="workflow">
      <fieldset className="button-row plain">
        <legend className="visually-hidden">{t('workflow.label')}</legend>
        {moves.map((m) => (
          <button key={m.to} type="button" className={`button ${m.kind}`} disabled={busy} onClick={() => void move(m.to)}>
            {m.label}
          </button>
        ))}
      </fieldset>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <ErrorNotice error={error} />
    </div>
  );
}

function OfferTranslations({ offer, onSaved }: { offer: AdminOffer; onSaved: (o: AdminOffer) => void }) {
  const { t } = useTranslation();
  const { slug, profile } = useTenant();
  const provider = useApi<TranslationProvider>(paths.translationProvider(slug));
  const targets = offer.translations.filter((tr) => tr.lang !== profile.defaultLanguage && tr.status !== 'source');
  const [lang, setLang] = useState<string | null>(targets[0]?.lang ?? null);
  const current = targets.find((tr) => tr.lang === lang) ?? null;

  if (targets.length === 0) return <p>{t('translations.noTargets')}</p>;
  return (
    <div className="translations">
      <table className="table compact" data-testid="translation-status">
        <caption>{t('translations.stateCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fields.language')}</th>
            <th scope="col">{t('fields.status')}</th>
            <th scope="col">{t('fields.updatedAt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {targets.map((tr) => (
            <tr key={tr.lang} data-lang={tr.lang} className={tr.lang === lang ? 'selected' : undefined}>
              <th scope="row">{i18nLanguageName(tr.lang, t)}</th>
              <td>
                <TranslationBadge status={tr.status} />
              </td>
              <td>{formatDateTime(tr.updatedAt, 'de')}</td>
              <td>
                <button type="button" className="button secondary small" aria-pressed={tr.lang === lang} onClick={() => setLang(tr.lang)}>
                  {t('translations.edit')}
                  <span className="visually-hidden"> – {i18nLanguageName(tr.lang, t)}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {current ? <TranslationEditor key={current.lang} offer={offer} lang={current.lang} provider={provider.data} onSaved={onSaved} /> : null}
    </div>
  );
}

function TranslationEditor({ offer, lang, provider, onSaved }: { offer: AdminOffer; lang: string; provider: TranslationProvider | null; onSaved: (o: AdminOffer) => void }) {
  const { t } = useTranslation();
  const { slug, profile } = useTenant();
  const info = offer.translations.find((tr) => tr.lang === lang)!;
  const [texts, setTexts] = useState<OfferTexts>(() => ({ ...emptyTexts(), ...(info.texts ?? {}) }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dir = isRtl(lang) ? 'rtl' : 'ltr';
  const name = i18nLanguageName(lang, t);

  const save = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    setSaved(null);
    const checked = validate(offerTexts, texts, t);
    if (checked.errors) {
      setErrors(checked.errors);
      return focusFirstError(checked.errors);
    }
    setErrors({});
    setBusy(true);
    try {
      const updated = await api<AdminOffer>('PUT', paths.offerTranslation(slug, offer.id, lang), { ...checked.data, version: offer.version });
      onSaved(updated);
      setSaved(t('translations.saved'));
    } catch (e) {
      setErrors(apiFieldError(e, t));
      setError(e);
    }
    setBusy(false);
  };
  const machine = async () => {
    setBusy(true);
    setError(null);
    try {
      const updated = await api<AdminOffer>('POST', paths.offerMachineTranslation(slug, offer.id, lang));
      onSaved(updated);
      const fresh = updated.translations.find((tr) => tr.lang === lang)?.texts;
      if (fresh) setTexts({ ...emptyTexts(), ...fresh });
      setSaved(t('translations.machineDone'));
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };
  const unavailable = provider !== null && !provider.configured;
  return (
    <form className="card translation-editor" onSubmit={save} noValidate>
      <h2>
        {t('translations.editorTitle', { language: name })} <TranslationBadge status={info.status} />
      </h2>
      {info.status === 'outdated' ? (
        <Notice kind="warning">
          {t('translations.outdatedHelp')}{' '}
          {t('translations.outdatedFields', {
            fields: TEXT_KEYS.filter((k) => info.fields[k] === 'outdated')
              .map((k) => t(`offerFields.${k}`))
              .join(', '),
          })}
        </Notice>
      ) : null}
      {info.status === 'machine' ? <Notice kind="info">{t('translations.machineHelp')}</Notice> : null}
      {saved ? <Notice kind="success">{saved}</Notice> : null}
      <ErrorNotice error={error} />
      <div className="machine">
        <button type="button" className="button secondary" disabled={busy || unavailable || provider === null} aria-describedby={unavailable ? 'machine-unavailable' : undefined} onClick={() => void machine()}>
          {t('translations.machine')}
        </button>
        {unavailable ? (
          <p className="hint" id="machine-unavailable">
            {t('translations.machineUnavailable')}
          </p>
        ) : null}
      </div>
      <table className="table compact" data-testid="translation-field-status">
        <caption>{t('translations.fieldCaption', { language: name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.field')}</th>
            <th scope="col">{t('fields.status')}</th>
          </tr>
        </thead>
        <tbody>
          {TEXT_KEYS.map((k) => (
            <tr key={k} data-field={k}>
              <th scope="row">{t(`offerFields.${k}`)}</th>
              <td>
                <TranslationBadge status={info.fields[k]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="side-by-side">
        <div className="source" lang={profile.defaultLanguage}>
          <h3>{t('translations.source', { language: i18nLanguageName(profile.defaultLanguage, t) })}</h3>
          <dl>
            {TEXT_KEYS.map((k) => (
              <div key={k} className="source-field">
                <dt>{t(`offerFields.${k}`)}</dt>
                <dd>{offer.texts[k] || '–'}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div className="target">
          <h3>{name}</h3>
          {TEXT_KEYS.map((k) =>
            LONG_TEXTS.has(k) ? (
              <TextArea key={k} label={`${t(`offerFields.${k}`)} – ${name}`} value={texts[k]} dir={dir} lang={lang} onChange={(v) => setTexts((x) => ({ ...x, [k]: v }))} error={errors[k]} rows={k === 'description' ? 8 : 3} />
            ) : (
              <TextField key={k} label={`${t(`offerFields.${k}`)} – ${name}`} value={texts[k]} dir={dir} lang={lang} onChange={(v) => setTexts((x) => ({ ...x, [k]: v }))} error={errors[k]} required={k === 'title'} />
            ),
          )}
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t('translations.save')}
        </button>
      </div>
    </form>
  );
}

function OfferHistory({ offerId, version }: { offerId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const { slug } = useTenant();
  const list = useApi<{ items: OfferRevision[] }>(`${paths.offerRevisions(slug, offerId)}?v=${version}`);
  if (list.error) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  if (list.data.items.length === 0) return <p>{t('history.empty')}</p>;
  return (
    <ol className="history">
      {list.data.items.map((r) => (
        <li key={r.id} className="card">
          <p>
            <strong>{t(`history.actions.${r.action}`, { defaultValue: r.action })}</strong> – {r.actorName}, <time dateTime={r.at}>{formatDateTime(r.at, i18n.language)}</time>
            {r.minor ? <span className="badge">{t('history.minor')}</span> : null}
          </p>
          {Object.keys(r.changes).length ? (
            <div className="table-wrap">
              <table className="table compact">
                <thead>
                  <tr>
                    <th scope="col">{t('history.field')}</th>
                    <th scope="col">{t('history.before')}</th>
                    <th scope="col">{t('history.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(r.changes).map(([field, [before, after]]) => (
                    <tr key={field}>
                      <th scope="row">{fieldLabel(field, t)}</th>
                      <td className="diff-old">{formatValue(before)}</td>
                      <td className="diff-new">{formatValue(after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** "texts.title" → "Titel", "en.title" → "Titel (en)". */
export function fieldLabel(field: string, t: TFunction): string {
  const [a, b] = field.split('.');
  if (a === 'texts' && b) return t(`offerFields.${b}`, { defaultValue: field });
  if (b && /^[a-z]{2,3}$/.test(a!)) return `${t(`offerFields.${b}`, { defaultValue: b })} (${a})`;
  return t(`offerFields.${field}`, { defaultValue: field });
}

