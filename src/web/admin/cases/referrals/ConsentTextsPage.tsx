// Consent texts (/admin/:tenant/consent-texts): the office's wording per purpose, versioned. A
// version never changes once recorded (consents name it); a new wording is a new version.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_PURPOSES, type ConsentPurpose, type ConsentText, type ConsentTextList } from '../../../../shared/contracts/caseReferrals.ts';
import { api } from '../../api.ts';
import { SelectField, TextArea } from '../../components/fields.tsx';
import { ErrorNotice, Loading, Notice, PageHeader, formatDateTime } from '../../components/ui.tsx';
import { useApi } from '../../hooks.ts';
import { useTenant } from '../../tenant.tsx';
import { FormError, fieldError, isFieldError, languageLabel, useErrorText } from './common.tsx';
import { referralPaths } from './referralApi.ts';

export function ConsentTextsPage() {
  const { t, i18n } = useTranslation('referrals');
  const { slug } = useTenant();
  const list = useApi<ConsentTextList>(referralPaths.consentTexts(slug));
  const [editing, setEditing] = useState<{ purpose: ConsentPurpose; from: ConsentText | null } | null>(null);
  const [saved, setSaved] = useState<ConsentText | null>(null);
  const byPurpose = (p: ConsentPurpose) => (list.data?.items ?? []).filter((x) => x.purpose === p);
  return (
    <>
      <PageHeader title={t('texts.title')} />
      <p className="lead">{t('texts.intro')}</p>
      {saved ? (
        <Notice kind="success" focus>
          {t('texts.saved', { purpose: t(`purpose.${saved.purpose}`), version: saved.version })}
        </Notice>
      ) : null}
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data
        ? CONSENT_PURPOSES.map((purpose) => {
            const versions = byPurpose(purpose);
            const current = versions.find((v) => v.current) ?? null;
            return (
              <section key={purpose} className="card" aria-labelledby={`texts-${purpose}`}>
                <h2 id={`texts-${purpose}`}>{t(`purpose.${purpose}`)}</h2>
                {editing?.purpose === purpose ? (
                  <TextForm
                    purpose={purpose}
                    from={editing.from}
                    onCancel={() => setEditing(null)}
                    onSaved={(text) => {
                      setEditing(null);
                      setSaved(text);
                      list.reload();
                    }}
                  />
                ) : (
                  <>
                    {current ? (
                      <>
                        <p className="hint">
                          {t('texts.current', { version: current.version, at: formatDateTime(current.createdAt, i18n.language), by: current.createdByLabel })}
                        </p>
                        <p style={{ whiteSpace: 'pre-wrap' }} lang="de">
                          {current.body}
                        </p>
                      </>
                    ) : (
                      <Notice kind="warning">{t('texts.none')}</Notice>
                    )}
                    <p className="button-row">
                      <button
                        type="button"
                        className="button secondary"
                        onClick={() => {
                          setSaved(null);
                          setEditing({ purpose, from: current });
                        }}
                      >
                        {current ? t('texts.newVersion') : t('texts.first')}
                        <span className="visually-hidden"> – {t(`purpose.${purpose}`)}</span>
                      </button>
                    </p>
                    {versions.length > 1 ? (
                      <details>
                        <summary>{t('texts.earlier', { count: versions.length - 1 })}</summary>
                        <ul>
                          {versions
                            .filter((v) => !v.current)
                            .map((v) => (
                              <li key={v.id}>
                                <strong>{t('consents.version', { version: v.version })}</strong>: <span lang="de">{v.body}</span>
                              </li>
                            ))}
                        </ul>
                      </details>
                    ) : null}
                  </>
                )}
              </section>
            );
          })
        : null}
    </>
  );
}

function TextForm({ purpose, from, onCancel, onSaved }: { purpose: ConsentPurpose; from: ConsentText | null; onCancel: () => void; onSaved: (t: ConsentText) => void }) {
  const { t, i18n } = useTranslation('referrals');
  const { slug, profile } = useTenant();
  const text = useErrorText();
  const id = useId();
  const languages = profile.languages.map((l) => l.code).filter((code) => code !== 'de');
  const [body, setBody] = useState(from?.body ?? '');
  const [translations, setTranslations] = useState<Record<string, string>>(from?.translations ?? {});
  const [lang, setLang] = useState(languages[0] ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await api<ConsentText>('POST', referralPaths.consentTexts(slug), { purpose, body, translations }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{from ? t('texts.formNew', { version: from.version + 1 }) : t('texts.first')}</h3>
      <FormError error={isFieldError(error, ['body', 'translations']) ? null : error} />
      <TextArea label={t('texts.body')} value={body} onChange={setBody} rows={6} required lang="de" error={fieldError(error, 'body', text)} />
      {languages.length ? (
        <>
          <SelectField
            label={t('texts.translationLanguage')}
            value={lang}
            onChange={setLang}
            options={languages.map((code) => ({ value: code, label: `${languageLabel(code, i18n.language)}${translations[code]?.trim() ? ' ✓' : ''}` }))}
          />
          <TextArea
            key={lang}
            label={t('texts.translation', { language: languageLabel(lang, i18n.language) })}
            value={translations[lang] ?? ''}
            onChange={(v) => setTranslations((x) => ({ ...x, [lang]: v }))}
            rows={6}
            lang={lang}
            dir="auto"
            error={fieldError(error, `translations.${lang}`, text)}
          />
        </>
      ) : null}
      <p className="hint">{t('texts.immutable')}</p>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('texts.save')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('admin:common.cancel')}
        </button>
      </div>
    </form>
  );
}
