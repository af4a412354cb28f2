import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { fetchFirstSteps, fetchFirstStepsTargetGroups, type FirstStepsOutcome } from '../api.ts';
import { PageHeading, useDocumentTitle } from '../components/Layout.tsx';
import { OfferCardView } from '../components/OfferCardView.tsx';
import { Paragraphs } from '../components/Paragraphs.tsx';
import { localName, useNavigator } from '../context.ts';

interface Answers {
  targetGroup: string;
  field: string[];
  area: string;
}

function parseAnswers(search: string): Answers {
  const p = new URLSearchParams(search);
  return {
    targetGroup: p.get('targetGroup') ?? '',
    field: (p.get('field') ?? '').split(',').filter(Boolean),
    area: p.get('area') ?? '',
  };
}

function answersToQuery(a: Answers): string {
  const p = new URLSearchParams();
  if (a.targetGroup) p.set('targetGroup', a.targetGroup);
  if (a.field.length) p.set('field', a.field.join(','));
  if (a.area) p.set('area', a.area);
  return p.toString();
}

type Load = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; value: FirstStepsOutcome } | { state: 'error' };

/** "Erste Schritte": three questions, answers in the URL, a personal printable list. */
export function FirstStepsPage() {
  const { t } = useTranslation();
  const { tenant, lang, profile } = useNavigator();
  const search = useSearch();
  const [, navigate] = useLocation();
  const answers = useMemo(() => parseAnswers(search), [search]);
  const [draft, setDraft] = useState<Answers>(answers);
  const [withLists, setWithLists] = useState<string[] | null>(null);
  const [load, setLoad] = useState<Load>({ state: 'idle' });
  const [missing, setMissing] = useState(false);
  const [copied, setCopied] = useState(false);
  const areaSelect = useId();
  const fallback = profile.defaultLanguage;
  useDocumentTitle(t('firstSteps.title'));

  useEffect(() => setDraft(answers), [answers]);

  useEffect(() => {
    const ctrl = new AbortController();
    fetchFirstStepsTargetGroups(tenant, lang, ctrl.signal).then(setWithLists, () => undefined);
    return () => ctrl.abort();
  }, [tenant, lang]);

  useEffect(() => {
    if (!answers.targetGroup) {
      setLoad({ state: 'idle' });
      return;
    }
    const ctrl = new AbortController();
    setLoad({ state: 'loading' });
    fetchFirstSteps(tenant, lang, answers, ctrl.signal).then(
      (value) => setLoad({ state: 'ready', value }),
      (err: unknown) => {
        if ((err as Error).name !== 'AbortError') setLoad({ state: 'error' });
      },
    );
    return () => ctrl.abort();
  }, [tenant, lang, answers]);

  // Groups with a list come first; the others still get matching offers.
  const groups = [...profile.targetGroups].sort((a, b) => Number(withLists?.includes(b.id) ?? 0) - Number(withLists?.includes(a.id) ?? 0));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.targetGroup) {
      setMissing(true);
      document.getElementById('tg-error')?.focus();
      return;
    }
    setMissing(false);
    navigate(`/first-steps?${answersToQuery(draft)}`);
  };

  const shareUrl = answers.targetGroup ? `${window.location.origin}/${tenant}/${lang}/first-steps?${answersToQuery(answers)}` : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shareUrl);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <div className="page narrow first-steps">
      <PageHeading>{t('firstSteps.title')}</PageHeading>
      <p className="no-print">{t('firstSteps.intro')}</p>
      <form className="first-steps-form no-print" onSubmit={submit} noValidate>
        <fieldset className="question" aria-describedby={missing ? 'tg-error' : undefined} aria-invalid={missing || undefined}>
          <legend>{t('firstSteps.q1')}</legend>
          {missing && (
            <p id="tg-error" className="error" role="alert" tabIndex={-1}>
              {t('firstSteps.needTargetGroup')}
            </p>
          )}
          <ul className="options">
            {groups.map((g) => (
              <li key={g.id}>
                <label className="option">
                  <input type="radio" name="targetGroup" value={g.id} checked={draft.targetGroup === g.id} onChange={() => setDraft({ ...draft, targetGroup: g.id })} />
                  <span>{localName(g, lang, fallback)}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset className="question" aria-describedby="q2-hint">
          <legend>{t('firstSteps.q2')}</legend>
          <p id="q2-hint" className="hint">
            {t('firstSteps.q2hint')}
          </p>
          <ul className="options">
            {profile.fieldsOfAction.map((f) => (
              <li key={f.id}>
                <label className="option">
                  <input
                    type="checkbox"
                    name="field"
                    value={f.id}
                    checked={draft.field.includes(f.id)}
                    onChange={(e) => setDraft({ ...draft, field: e.target.checked ? [...draft.field, f.id] : draft.field.filter((v) => v !== f.id) })}
                  />
                  <span>{localName(f, lang, fallback)}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="question">
          <label htmlFor={areaSelect} className="question-label">
            {t('firstSteps.q3')}
          </label>
          <select id={areaSelect} value={draft.area} onChange={(e) => setDraft({ ...draft, area: e.target.value })}>
            <option value="">{t('firstSteps.anyArea')}</option>
            {profile.areas.map((a) => (
              <option key={a.id} value={a.id}>
                {localName(a, lang, fallback)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button primary">
          {t('firstSteps.submit')}
        </button>
      </form>

      <section aria-live="polite" aria-busy={load.state === 'loading'} className="first-steps-result">
        {load.state === 'loading' && <p>{t('app.loading')}</p>}
        {load.state === 'error' && <p role="alert">{t('app.error')}</p>}
        {load.state === 'ready' && <FirstStepsResultView value={load.value} />}
      </section>

      {load.state === 'ready' && (
        <section className="share no-print" aria-labelledby="share-heading">
          <h2 id="share-heading">{t('firstSteps.share')}</h2>
          <p className="share-url" dir="ltr">
            <a href={shareUrl}>{shareUrl}</a>
          </p>
          <p>
            <button type="button" className="button" onClick={copy}>
              {t('firstSteps.copy')}
            </button>{' '}
            <button type="button" className="button" onClick={() => window.print()}>
              {t('app.print')}
            </button>
          </p>
          <p role="status">{copied ? t('firstSteps.copied') : ''}</p>
        </section>
      )}
    </div>
  );
}

function FirstStepsResultView({ value }: { value: FirstStepsOutcome }) {
  const { t } = useTranslation();
  if ('steps' in value) {
    return (
      <>
        <h2 id="steps-heading">{value.title || t('firstSteps.steps')}</h2>
        {value.intro && (
          <div className="prose">
            <Paragraphs text={value.intro} />
          </div>
        )}
        <ol className="steps">
          {value.steps.map((step, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps come in a fixed order.
            <li key={`${i}-${step.title}`} className="step">
              <h3>{step.title}</h3>
              {step.text && (
                <div className="prose">
                  <Paragraphs text={step.text} />
                </div>
              )}
              {step.offers.length > 0 && (
                <ul className="result-list compact" aria-label={t('firstSteps.stepOffers')}>
                  {step.offers.map((o) => (
                    <li key={o.id}>
                      <OfferCardView offer={o} headingLevel={4} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
        {value.offers.length > 0 && (
          <>
            <h2>{t('firstSteps.moreOffers')}</h2>
            <ul className="result-list">
              {value.offers.map((o) => (
                <li key={o.id}>
                  <OfferCardView offer={o} />
                </li>
              ))}
            </ul>
          </>
        )}
      </>
    );
  }
  return (
    <>
      <h2>{t('firstSteps.moreOffers')}</h2>
      <p className="notice">{value.fromDevice ? t('offline.firstSteps') : t('firstSteps.noList')}</p>
      {value.offers.length === 0 ? (
        <p>{t('firstSteps.noOffers')}</p>
      ) : (
        <ul className="result-list">
          {value.offers.map((o) => (
            <li key={o.id}>
              <OfferCardView offer={o} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
