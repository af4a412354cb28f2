// Editor of one first-steps list: target group, title and intro per tenant language, ordered steps
// with texts, field of action and linked offers (searched by title). Typed input survives every error.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams, useSearch } from 'wouter';
import { type AdminFirstStepsList, firstStepsListInput } from '../../../shared/contracts/directoryAdmin.ts';
import type { AdminOffer, AdminOfferList } from '../../../shared/contracts/offerAdmin.ts';
import { isRtl } from '../../../shared/languages.ts';
import { ApiError, api, paths, query } from '../api.ts';
import { SelectField, TextArea, TextField } from '../components/fields.tsx';
import { Tabs } from '../components/Tabs.tsx';
import { BackLink, ErrorNotice, Loading, Notice, PageHeader } from '../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../forms.ts';
import { useApi } from '../hooks.ts';
import { useLocalName, useTenant } from '../tenant.tsx';

type Texts = Record<string, string>;

interface StepForm {
  /** Stable React key; steps move, so their index is no identity. */
  key: number;
  title: Texts;
  text: Texts;
  fieldId: string;
  offerIds: string[];
}

interface ListForm {
  targetGroupId: string;
  status: 'draft' | 'published' | 'archived';
  sort: string;
  title: Texts;
  intro: Texts;
  steps: StepForm[];
}

let stepKeys = 0;
const newStep = (s?: Partial<StepForm>): StepForm => ({ key: ++stepKeys, title: {}, text: {}, fieldId: '', offerIds: [], ...s });

function formFromList(l: AdminFirstStepsList): ListForm {
  return {
    targetGroupId: l.targetGroupId,
    status: l.status,
    sort: String(l.sort),
    title: { ...l.title },
    intro: { ...l.intro },
    steps: l.steps.map((s) => newStep({ title: { ...s.title }, text: { ...s.text }, fieldId: s.fieldId ?? '', offerIds: [...s.offerIds] })),
  };
}

/** Empty texts are left out: the server stores only what was written. */
const filled = (texts: Texts): Texts => Object.fromEntries(Object.entries(texts).filter(([, v]) => v.trim() !== ''));

function bodyFromForm(f: ListForm) {
  return {
    targetGroupId: f.targetGroupId,
    title: filled(f.title),
    intro: filled(f.intro),
    steps: f.steps.map((s) => ({ title: filled(s.title), text: filled(s.text), fieldId: s.fieldId || null, offerIds: s.offerIds })),
    status: f.status,
    sort: f.sort.trim() === '' ? 0 : Number(f.sort),
  };
}

/** Re-keys step errors after steps moved or were removed (`order[newIndex] = oldIndex`). */
function remapStepErrors(errors: FieldErrors, order: number[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, msg] of Object.entries(errors)) {
    const m = /^steps\.(\d+)(\..*)?$/.exec(key);
    if (!m) {
      out[key] = msg;
      continue;
    }
    const to = order.indexOf(Number(m[1]));
    if (to >= 0) out[`steps.${to}${m[2] ?? ''}`] = msg;
  }
  return out;
}

/** The language an error key is about (`title.en`, `steps.1.text.ar`), if any. */
function errorLanguage(key: string, languages: string[]): string | null {
  const last = key.split('.').pop() ?? '';
  return languages.includes(last) ? last : null;
}

export function FirstStepsEditPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id?: string }>();
  const { slug } = useTenant();
  const list = useApi<AdminFirstStepsList>(id ? paths.firstStepsList(slug, id) : null);
  if (!id) {
    return (
      <>
        <BackLink href="/first-steps">{t('firstSteps.backToList')}</BackLink>
        <PageHeader title={t('firstSteps.newTitle')} />
        <FirstStepsForm list={null} />
      </>
    );
  }
  if (list.error && !list.data) {
    return (
      <>
        <BackLink href="/first-steps">{t('firstSteps.backToList')}</BackLink>
        <ErrorNotice error={list.error} onRetry={list.reload} />
      </>
    );
  }
  if (!list.data || list.data.id !== id) return <Loading />;
  return (
    <>
      <BackLink href="/first-steps">{t('firstSteps.backToList')}</BackLink>
      <PageHeader title={t('firstSteps.editTitle')} />
      <FirstStepsForm key={list.data.id} list={list.data} />
    </>
  );
}

function FirstStepsForm({ list }: { list: AdminFirstStepsList | null }) {
  const { t } = useTranslation();
  const { slug, profile } = useTenant();
  const localName = useLocalName();
  const search = useSearch();
  const [, navigate] = useLocation();
  const languages = profile.languages.map((l) => l.code);
  const [lang, setLang] = useState('de');
  const [form, setForm] = useState<ListForm>(() =>
    list ? formFromList(list) : { targetGroupId: '', status: 'draft', sort: '0', title: {}, intro: {}, steps: [newStep()] },
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(list && new URLSearchParams(search).get('created') ? t('firstSteps.created') : null);
  const [announce, setAnnounce] = useState('');
  const [busy, setBusy] = useState(false);
  const offerTitles = useOfferTitles(list);

  const clearError = (key: string) =>
    setErrors((e) => {
      if (!e[key]) return e;
      const { [key]: _dropped, ...rest } = e;
      return rest;
    });
  const update = (change: (f: ListForm) => ListForm) => {
    setForm(change);
    setSaved(null);
  };
  const setText = (field: 'title' | 'intro', value: string) => {
    update((f) => ({ ...f, [field]: { ...f[field], [lang]: value } }));
    clearError(`${field}.${lang}`);
  };
  const setStep = (index: number, change: Partial<StepForm>, errorKey?: string) => {
    update((f) => ({ ...f, steps: f.steps.map((s, i) => (i === index ? { ...s, ...change } : s)) }));
    if (errorKey) clearError(`steps.${index}.${errorKey}`);
  };
  const reorder = (order: number[], message: string) => {
    update((f) => ({ ...f, steps: order.map((old) => f.steps[old]!) }));
    setErrors((e) => remapStepErrors(e, order));
    setAnnounce(message);
  };
  const move = (index: number, by: -1 | 1) => {
    const order = form.steps.map((_, i) => i);
    [order[index], order[index + by]] = [order[index + by]!, order[index]!];
    reorder(order, t(by < 0 ? 'firstSteps.movedUp' : 'firstSteps.movedDown', { n: index + 1, to: index + by + 1 }));
  };
  const remove = (index: number) => {
    reorder(
      form.steps.map((_, i) => i).filter((i) => i !== index),
      t('firstSteps.stepRemoved', { n: index + 1 }),
    );
  };
  const add = () => {
    update((f) => ({ ...f, steps: [...f.steps, newStep()] }));
    setAnnounce(t('firstSteps.stepAdded', { n: form.steps.length + 1 }));
  };

  /** Shows the errors; when none is in the visible language, switches to the language of the first. */
  const showErrors = (errs: FieldErrors) => {
    setErrors(errs);
    const keys = Object.keys(errs);
    const visible = keys.some((k) => errorLanguage(k, languages) === null || errorLanguage(k, languages) === lang);
    const other = keys.map((k) => errorLanguage(k, languages)).find((l) => l !== null);
    if (!visible && other) setLang(other);
    focusFirstError(errs);
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setApiError(null);
    setSaved(null);
    const checked = validate(firstStepsListInput, bodyFromForm(form), t);
    if (checked.errors) return showErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      if (list) {
        await api<AdminFirstStepsList>('PUT', paths.firstStepsList(slug, list.id), checked.data);
        setSaved(t('common.savedOk'));
      } else {
        const created = await api<AdminFirstStepsList>('POST', paths.firstSteps(slug), checked.data);
        navigate(`/first-steps/${created.id}?created=1`);
        return;
      }
    } catch (e) {
      setApiError(e);
      const fieldErrors = apiFieldError(e, t);
      if (Object.keys(fieldErrors).length) showErrors(fieldErrors);
    }
    setBusy(false);
  };

  const removeList = async () => {
    if (!list || !window.confirm(t('firstSteps.confirmDelete', { title: localName(list.title) }))) return;
    setApiError(null);
    try {
      await api('DELETE', paths.firstStepsList(slug, list.id));
      navigate(`/first-steps?deleted=1`);
    } catch (e) {
      setApiError(e);
    }
  };

  const languageLabel = (code: string) => t(`languages.${code}`, { defaultValue: code });
  const hasErrorIn = (code: string) => Object.keys(errors).some((k) => errorLanguage(k, languages) === code);
  const dir = isRtl(lang) ? 'rtl' : 'ltr';
  const germanHint = (texts: Texts) => (lang !== 'de' && texts.de ? t('firstSteps.germanReference', { text: texts.de }) : undefined);
  const fieldOptions = [{ value: '', label: t('firstSteps.noField') }, ...profile.fieldsOfAction.map((f) => ({ value: f.id, label: localName(f.names, f.name) }))];
  const groupOptions = [{ value: '', label: t('common.choose') }, ...profile.targetGroups.map((g) => ({ value: g.id, label: localName(g.names, g.name) }))];

  return (
    <form onSubmit={submit} noValidate className="form">
      {apiError && !(apiError instanceof ApiError && apiError.field) ? <ErrorNotice error={apiError} /> : null}
      {Object.keys(errors).length > 0 ? <Notice kind="error">{t('common.fixFields')}</Notice> : null}
      {saved ? (
        <Notice kind="success" focus>
          {saved}
        </Notice>
      ) : null}
      <p className="visually-hidden" role="status">
        {announce}
      </p>

      <fieldset className="card">
        <legend>{t('firstSteps.general')}</legend>
        <div className="grid-3">
          <SelectField
            label={t('firstSteps.targetGroup')}
            value={form.targetGroupId}
            onChange={(v) => {
              update((f) => ({ ...f, targetGroupId: v }));
              clearError('targetGroupId');
            }}
            options={groupOptions}
            error={errors.targetGroupId}
            required
          />
          <SelectField
            label={t('fields.status')}
            value={form.status}
            onChange={(v) => update((f) => ({ ...f, status: v as ListForm['status'] }))}
            options={(['draft', 'published', 'archived'] as const).map((s) => ({ value: s, label: t(`offerStatus.${s}`) }))}
            error={errors.status}
          />
          <TextField
            label={t('firstSteps.sort')}
            inputMode="numeric"
            value={form.sort}
            onChange={(v) => {
              update((f) => ({ ...f, sort: v }));
              clearError('sort');
            }}
            error={errors.sort}
            hint={t('firstSteps.sortHint')}
          />
        </div>
      </fieldset>

      <Tabs
        label={t('firstSteps.textLanguage')}
        active={lang}
        onChange={setLang}
        tabs={languages.map((code) => ({
          key: code,
          label: (
            <>
              {languageLabel(code)}
              {code === 'de' ? <span aria-hidden="true"> *</span> : null}
              {hasErrorIn(code) ? <span className="tab-error"> – {t('firstSteps.hasErrors')}</span> : null}
            </>
          ),
        }))}
      >
        <fieldset className="card">
          <legend>{t('firstSteps.listTexts', { language: languageLabel(lang) })}</legend>
          <TextField
            key={`title-${lang}`}
            label={t('firstSteps.listTitle')}
            value={form.title[lang] ?? ''}
            onChange={(v) => setText('title', v)}
            error={errors[`title.${lang}`] ?? (lang === 'de' ? errors.title : undefined)}
            hint={germanHint(form.title)}
            required={lang === 'de'}
            lang={lang}
            dir={dir}
          />
          <TextArea
            key={`intro-${lang}`}
            label={t('firstSteps.listIntro')}
            value={form.intro[lang] ?? ''}
            onChange={(v) => setText('intro', v)}
            error={errors[`intro.${lang}`] ?? (lang === 'de' ? errors.intro : undefined)}
            hint={germanHint(form.intro)}
            rows={3}
            lang={lang}
            dir={dir}
          />
        </fieldset>

        <h2 id="steps-heading">{t('firstSteps.steps')}</h2>
        {errors.steps ? (
          <p className="field-error" role="alert">
            {errors.steps}
          </p>
        ) : null}
        {form.steps.length === 0 ? <p>{t('firstSteps.noSteps')}</p> : null}
        <ol className="step-editor" aria-labelledby="steps-heading">
          {form.steps.map((step, i) => {
            const err = (k: string) => errors[`steps.${i}.${k}`];
            const n = i + 1;
            return (
              <li key={step.key}>
                <fieldset className="card">
                  <legend>{t('firstSteps.stepN', { n })}</legend>
                  <TextField
                    key={`t-${lang}`}
                    label={t('firstSteps.stepTitle')}
                    value={step.title[lang] ?? ''}
                    onChange={(v) => setStep(i, { title: { ...step.title, [lang]: v } }, `title.${lang}`)}
                    error={err(`title.${lang}`) ?? (lang === 'de' ? err('title') : undefined)}
                    hint={germanHint(step.title)}
                    required={lang === 'de'}
                    lang={lang}
                    dir={dir}
                  />
                  <TextArea
                    key={`x-${lang}`}
                    label={t('firstSteps.stepText')}
                    value={step.text[lang] ?? ''}
                    onChange={(v) => setStep(i, { text: { ...step.text, [lang]: v } }, `text.${lang}`)}
                    error={err(`text.${lang}`) ?? (lang === 'de' ? err('text') : undefined)}
                    hint={germanHint(step.text)}
                    rows={3}
                    lang={lang}
                    dir={dir}
                  />
                  <SelectField
                    label={t('firstSteps.field')}
                    value={step.fieldId}
                    onChange={(v) => setStep(i, { fieldId: v }, 'fieldId')}
                    options={fieldOptions}
                    error={err('fieldId')}
                  />
                  <OfferPicker
                    stepNumber={n}
                    picked={step.offerIds}
                    titles={offerTitles.titles}
                    onPick={(offer) => {
                      offerTitles.remember(offer.id, offer.title);
                      setStep(i, { offerIds: [...step.offerIds, offer.id] }, 'offerIds');
                    }}
                    onRemove={(offerId) => setStep(i, { offerIds: step.offerIds.filter((x) => x !== offerId) }, 'offerIds')}
                    error={err('offerIds') ?? Object.entries(errors).find(([k]) => k.startsWith(`steps.${i}.offerIds.`))?.[1]}
                  />
                  <div className="button-row">
                    <button type="button" className="button secondary small" disabled={i === 0} onClick={() => move(i, -1)}>
                      {t('firstSteps.moveUp')}
                      <span className="visually-hidden"> – {t('firstSteps.stepN', { n })}</span>
                    </button>
                    <button type="button" className="button secondary small" disabled={i === form.steps.length - 1} onClick={() => move(i, 1)}>
                      {t('firstSteps.moveDown')}
                      <span className="visually-hidden"> – {t('firstSteps.stepN', { n })}</span>
                    </button>
                    <button type="button" className="button danger small" onClick={() => remove(i)}>
                      {t('firstSteps.removeStep')}
                      <span className="visually-hidden"> – {t('firstSteps.stepN', { n })}</span>
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button type="button" className="button secondary" onClick={add} disabled={form.steps.length >= 30}>
          {t('firstSteps.addStep')}
        </button>
      </Tabs>

      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        {list ? (
          <button type="button" className="button danger" onClick={() => void removeList()}>
            {t('firstSteps.deleteList')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** Titles of the linked offers: loaded once for an existing list, then remembered as offers are picked. */
function useOfferTitles(list: AdminFirstStepsList | null) {
  const { slug } = useTenant();
  const { t } = useTranslation();
  const [titles, setTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!list) return;
    const ids = [...new Set(list.steps.flatMap((s) => s.offerIds))];
    const controller = new AbortController();
    void Promise.all(
      ids.map((offerId) =>
        api<AdminOffer>('GET', paths.offer(slug, offerId), undefined, { signal: controller.signal }).then(
          (o) => [offerId, o.texts.title] as const,
          (e: unknown) => ((e as Error).name === 'AbortError' ? null : ([offerId, t('firstSteps.unknownOffer')] as const)),
        ),
      ),
    ).then((pairs) => {
      if (controller.signal.aborted) return;
      setTitles((prev) => ({ ...Object.fromEntries(pairs.filter((p) => p !== null)), ...prev }));
    });
    return () => controller.abort();
  }, [list, slug, t]);
  const remember = (id: string, title: string) => setTitles((prev) => ({ ...prev, [id]: title }));
  return { titles, remember };
}

/** Search the tenant's offers by title and link several; linked ones are listed with remove buttons. */
function OfferPicker(props: {
  stepNumber: number;
  picked: string[];
  titles: Record<string, string>;
  onPick: (offer: { id: string; title: string }) => void;
  onRemove: (id: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const id = useId();
  const [q, setQ] = useState('');
  const [term, setTerm] = useState('');
  const lastPick = useRef<HTMLInputElement>(null);
  // Search as you type, a moment after the last key stroke (as in the offer list).
  useEffect(() => {
    if (q.trim() === term) return;
    const timer = setTimeout(() => setTerm(q.trim()), 300);
    return () => clearTimeout(timer);
  }, [q, term]);
  const results = useApi<AdminOfferList>(term.length >= 2 ? paths.offers(slug) + query({ q: term, pageSize: 10, sort: 'title' }) : null);
  const max = props.picked.length >= 20;
  return (
    <div className="offer-picker">
      <h3 className="h-small" id={`${id}-linked`}>
        {t('firstSteps.linkedOffers')}
      </h3>
      {props.picked.length === 0 ? (
        <p className="hint">{t('firstSteps.noLinkedOffers')}</p>
      ) : (
        <ul className="picked-offers" aria-labelledby={`${id}-linked`}>
          {props.picked.map((offerId) => {
            const title = props.titles[offerId] ?? t('common.loading');
            return (
              <li key={offerId}>
                <span>{title}</span>
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => {
                    props.onRemove(offerId);
                    lastPick.current?.focus();
                  }}
                >
                  {t('common.remove')}
                  <span className="visually-hidden"> – {title}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('firstSteps.searchOffer', { n: props.stepNumber })}</label>
        <input
          ref={lastPick}
          id={`${id}-q`}
          type="search"
          value={q}
          disabled={max}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ''}`}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches at once instead of submitting the whole form.
            if (e.key === 'Enter') {
              e.preventDefault();
              setTerm(q.trim());
            }
          }}
        />
        <p className="hint" id={`${id}-hint`}>
          {max ? t('firstSteps.maxOffers') : t('firstSteps.searchOfferHint')}
        </p>
        {props.error ? (
          <p className="field-error" id={`${id}-error`}>
            {props.error}
          </p>
        ) : null}
      </div>
      {term.length >= 2 ? (
        <div className="offer-results" aria-live="polite">
          {results.loading ? <Loading /> : null}
          <ErrorNotice error={results.error} onRetry={results.reload} />
          {results.data && !results.loading ? (
            results.data.items.length === 0 ? (
              <p>{t('firstSteps.noOfferMatches', { term })}</p>
            ) : (
              <ul aria-label={t('firstSteps.searchResults', { n: props.stepNumber })}>
                {results.data.items.map((o) => {
                  const linked = props.picked.includes(o.id);
                  return (
                    <li key={o.id}>
                      <span>
                        {o.title} <span className="hint">({o.providerName})</span>
                      </span>
                      <button type="button" className="button secondary small" disabled={linked || max} onClick={() => props.onPick({ id: o.id, title: o.title })}>
                        {linked ? t('firstSteps.alreadyLinked') : t('firstSteps.link')}
                        <span className="visually-hidden"> – {o.title}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
