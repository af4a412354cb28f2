// Create or edit a declaration: address, publication, texts per language (German first) and the
// sectors signatories choose from.
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { type AdminDeclaration, DEFAULT_SECTORS, declarationInput } from '../../../../shared/contracts/declaration.ts';
import { ApiError, api } from '../../api.ts';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { BackLink, ErrorNotice, Loading, Notice, PageHeader } from '../../components/ui.tsx';
import { type FieldErrors, apiFieldError, focusFirstError, validate } from '../../forms.ts';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { declarationPaths, formField } from './paths.ts';
import { pick } from './StateBadge.tsx';

interface SectorDraft {
  key: string;
  names: Record<string, string>;
  /** Keys of saved sectors stay fixed (signatures refer to them). */
  saved: boolean;
}

interface Draft {
  slug: string;
  published: boolean;
  sort: string;
  title: Record<string, string>;
  intro: Record<string, string>;
  body: Record<string, string>;
  sectors: SectorDraft[];
}

const fromDeclaration = (d: AdminDeclaration): Draft => ({
  slug: d.slug,
  published: d.published,
  sort: String(d.sort),
  title: { ...d.title },
  intro: { ...d.intro },
  body: { ...d.body },
  sectors: d.sectors.map((s) => ({ key: s.key, names: { ...s.names }, saved: true })),
});

const EMPTY: Draft = {
  slug: 'erklaerung',
  published: false,
  sort: '0',
  title: {},
  intro: {},
  body: {},
  sectors: DEFAULT_SECTORS.map((s) => ({ key: s.key, names: { ...s.names }, saved: false })),
};

export function DeclarationEditPage({ id }: { id?: string }) {
  const { t } = useTranslation('declaration');
  const { slug } = useTenant();
  const existing = useApi<AdminDeclaration>(id ? declarationPaths.one(slug, id) : null);
  if (id && existing.error) return <ErrorNotice error={existing.error} onRetry={existing.reload} />;
  if (id && !existing.data) return <Loading />;
  return <Editor key={existing.data?.id ?? 'new'} existing={existing.data} onSaved={existing.setData} title={id ? t('edit.titleEdit') : t('edit.titleNew')} />;
}

function Editor({ existing, onSaved, title }: { existing: AdminDeclaration | null; onSaved: (d: AdminDeclaration) => void; title: string }) {
  const { t, i18n } = useTranslation('declaration');
  const { t: tAdmin } = useTranslation('admin');
  const { slug, profile } = useTenant();
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState<Draft>(existing ? fromDeclaration(existing) : EMPTY);
  const [lang, setLang] = useState(profile.defaultLanguage);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const languages = profile.languages.map((l) => l.code);
  const langName = (code: string) => profile.languages.find((l) => l.code === code)?.nativeName ?? code;

  useEffect(() => {
    if (new URLSearchParams(window.location.search).get('created')) setSaved(t('edit.created'));
  }, [t]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(null);
  };
  const setText = (key: 'title' | 'intro' | 'body', value: string) => set(key, { ...draft[key], [lang]: value });
  const setSector = (index: number, patch: Partial<SectorDraft>) => set('sectors', draft.sectors.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const moveSector = (index: number, by: number) => {
    const next = [...draft.sectors];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    set('sectors', next);
  };

  const payload = () => ({
    slug: draft.slug.trim(),
    published: draft.published,
    sort: Number(draft.sort) || 0,
    title: draft.title,
    intro: draft.intro,
    body: draft.body,
    sectors: draft.sectors.map((s) => ({ key: s.key.trim(), names: s.names })),
  });

  /** Shows errors of texts in another language by switching to that language. */
  const reveal = (found: FieldErrors) => {
    setErrors(found);
    const langError = Object.keys(found)
      .map((k) => /^(?:title|intro|body|sectors\.\d+\.names)\.([a-z]{2,3})$/.exec(k)?.[1])
      .find(Boolean);
    if (langError && langError !== lang && languages.includes(langError)) setLang(langError);
    focusFirstError(found);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setApiError(null);
    setSaved(null);
    const result = validate(declarationInput, payload(), tAdmin);
    if (result.errors) return reveal(result.errors);
    setBusy(true);
    try {
      if (existing) {
        const updated = await api<AdminDeclaration>('PUT', declarationPaths.one(slug, existing.id), result.data);
        setErrors({});
        setDraft(fromDeclaration(updated));
        setSaved(t('edit.saved'));
        onSaved(updated);
      } else {
        const created = await api<AdminDeclaration>('POST', declarationPaths.list(slug), result.data);
        navigate(`/${created.id}/edit?created=1`);
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict' && error.field === 'sectors') {
        const used = (error.details as { sectors?: string[] } | undefined)?.sectors ?? [];
        reveal({ sectors: t('edit.sectorInUse', { sectors: used.join(', ') }) });
        return;
      }
      setApiError(error);
      const fieldErrors = apiFieldError(error, tAdmin);
      const mapped = Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [formField(k), v]));
      if (Object.keys(mapped).length) reveal(mapped);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!existing || !window.confirm(t('edit.confirmDelete', { title: pick(existing.title, i18n.language) }))) return;
    setApiError(null);
    try {
      await api('DELETE', declarationPaths.one(slug, existing.id));
      navigate('/?deleted=1');
    } catch (error) {
      setApiError(error);
    }
  };

  const err = (key: string) => errors[key];
  return (
    <>
      <BackLink href="/">{t('backToList')}</BackLink>
      <PageHeader title={title} />
      {saved ? (
        <Notice kind="success" focus>
          {saved}
        </Notice>
      ) : null}
      <ErrorNotice error={apiError} />
      <form onSubmit={submit} noValidate className="declaration-editor">
        <fieldset className="card">
          <legend>{t('edit.publication')}</legend>
          <TextField label={t('edit.slug')} required value={draft.slug} onChange={(v) => set('slug', v)} error={err('slug')} hint={t('edit.slugHint', { url: `/${slug}/${profile.defaultLanguage}/erklaerung/${draft.slug || '…'}` })} />
          <Checkbox label={t('edit.published')} checked={draft.published} onChange={(v) => set('published', v)} hint={t('edit.publishedHint')} />
          <TextField label={t('edit.sort')} type="number" inputMode="numeric" value={draft.sort} onChange={(v) => set('sort', v)} error={err('sort')} hint={t('edit.sortHint')} />
        </fieldset>
        <fieldset className="card">
          <legend>{t('edit.texts')}</legend>
          <SelectField
            label={t('edit.language')}
            value={lang}
            onChange={setLang}
            hint={t('edit.languageHint')}
            options={languages.map((code) => ({ value: code, label: `${langName(code)}${code === profile.defaultLanguage ? ` – ${t('edit.required')}` : ''}` }))}
          />
          <TextField label={t('edit.titleField', { lang: langName(lang) })} required={lang === 'de'} value={draft.title[lang] ?? ''} onChange={(v) => setText('title', v)} error={err(`title.${lang}`) ?? (lang === 'de' ? err('title') : undefined)} lang={lang} />
          <TextArea label={t('edit.intro', { lang: langName(lang) })} rows={3} value={draft.intro[lang] ?? ''} onChange={(v) => setText('intro', v)} error={err(`intro.${lang}`)} lang={lang} />
          <TextArea
            label={t('edit.body', { lang: langName(lang) })}
            rows={14}
            value={draft.body[lang] ?? ''}
            onChange={(v) => setText('body', v)}
            error={err(`body.${lang}`) ?? (lang === 'de' ? err('body') : undefined)}
            hint={t('edit.bodyHint')}
            lang={lang}
          />
        </fieldset>
        <fieldset className="card">
          <legend>{t('edit.sectors')}</legend>
          <p className="hint">{t('edit.sectorsHint')}</p>
          {err('sectors') ? (
            <p className="field-error" role="alert">
              {err('sectors')}
            </p>
          ) : null}
          <ol className="sector-list">
            {draft.sectors.map((s, i) => {
              const label = pick(s.names, lang) || s.key || t('edit.newSector');
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; keys may be edited
                <li key={i} className="sector-row">
                  <fieldset className="group">
                    <legend>{t('edit.sectorLegend', { n: i + 1, name: label })}</legend>
                    <div className="grid-2">
                      <TextField
                        label={t('edit.sectorKey')}
                        required
                        value={s.key}
                        onChange={(v) => setSector(i, { key: v })}
                        disabled={s.saved}
                        error={err(`sectors.${i}.key`)}
                        hint={s.saved ? t('edit.sectorKeyFixed') : t('edit.sectorKeyHint')}
                      />
                      <TextField
                        label={t('edit.sectorName', { lang: langName(lang) })}
                        required={lang === 'de'}
                        value={s.names[lang] ?? ''}
                        onChange={(v) => setSector(i, { names: { ...s.names, [lang]: v } })}
                        error={err(`sectors.${i}.names.${lang}`) ?? (lang === 'de' ? err(`sectors.${i}.names`) : undefined)}
                        lang={lang}
                      />
                    </div>
                    <div className="button-row">
                      <button type="button" className="button secondary small" disabled={i === 0} onClick={() => moveSector(i, -1)}>
                        {t('edit.up')}
                        <span className="visually-hidden"> – {label}</span>
                      </button>
                      <button type="button" className="button secondary small" disabled={i === draft.sectors.length - 1} onClick={() => moveSector(i, 1)}>
                        {t('edit.down')}
                        <span className="visually-hidden"> – {label}</span>
                      </button>
                      <button type="button" className="button danger small" onClick={() => set('sectors', draft.sectors.filter((_, j) => j !== i))}>
                        {t('edit.removeSector')}
                        <span className="visually-hidden"> – {label}</span>
                      </button>
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <button type="button" className="button secondary" onClick={() => set('sectors', [...draft.sectors, { key: '', names: {}, saved: false }])}>
            {t('edit.addSector')}
          </button>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {t('edit.save')}
          </button>
          {existing ? (
            <button type="button" className="button danger" onClick={() => void remove()}>
              {t('edit.delete')}
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}
