// Merging two records of the same person: pick the other record (duplicate suggestions or a search),
// compare both side by side, choose per field which value survives, confirm with a reason. Cases,
// household, history and all related data move to the record in the URL, which stays.
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'wouter';
import {
  type CasePerson,
  type DuplicateResult,
  MERGE_FIELD_COLUMNS,
  MERGE_FIELDS,
  type MergeField,
  mergeBody,
} from '../../../shared/contracts/casePersons.ts';
import { ApiError, api } from '../api.ts';
import { Checkbox, TextField } from '../components/fields.tsx';
import { BackLink, Loading, Notice, PageHeader } from '../components/ui.tsx';
import { useApi } from '../hooks.ts';
import { useTenant } from '../tenant.tsx';
import { PersonPicker } from './HouseholdTab.tsx';
import { UUID, personPaths } from './personsApi.ts';
import { PersonErrorNotice, formatDay, formatFieldValue, fullName, otherNameText, usePersonT, validatePerson } from './personUi.tsx';

export function MergePage() {
  const { t } = usePersonT();
  const { id = '' } = useParams<{ id: string }>();
  const [params] = useSearchParams();
  const { slug } = useTenant();
  const withId = params.get('with');
  const survivor = useApi<CasePerson>(UUID.test(id) ? personPaths.person(slug, id) : null);
  if (!UUID.test(id)) return <Notice kind="error">{t('page.notFound')}</Notice>;
  if (survivor.error && !survivor.data) return <PersonErrorNotice error={survivor.error} onRetry={survivor.reload} />;
  if (!survivor.data) return <Loading />;
  const a = survivor.data;
  return (
    <>
      <BackLink href={`/${a.id}`}>{t('merge.back', { name: fullName(a) })}</BackLink>
      <PageHeader title={t('merge.title', { name: fullName(a) })} documentTitle={t('merge.documentTitle')} />
      {a.restricted ? (
        <Notice kind="warning">{t('merge.restricted')}</Notice>
      ) : withId && UUID.test(withId) && withId !== a.id ? (
        <Compare key={withId} survivor={a} otherId={withId} />
      ) : (
        <ChooseOther survivor={a} />
      )}
    </>
  );
}

function ChooseOther({ survivor }: { survivor: CasePerson }) {
  const { t, i18n } = usePersonT();
  const { slug } = useTenant();
  const [, navigate] = useLocation();
  const [suggestions, setSuggestions] = useState<DuplicateResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    api<DuplicateResult>(
      'POST',
      personPaths.duplicates(slug),
      { givenName: survivor.givenName, familyName: survivor.familyName, otherNames: survivor.otherNames, birthDate: survivor.birthDate, excludeId: survivor.id },
      { signal: controller.signal },
    )
      .then(setSuggestions)
      .catch((e: unknown) => {
        if ((e as Error).name !== 'AbortError') setError(e);
      });
    return () => controller.abort();
  }, [slug, survivor]);
  const compare = (otherId: string) => navigate(`/${survivor.id}/merge?with=${otherId}`);
  return (
    <>
      <p className="lead">{t('merge.chooseIntro')}</p>
      <section className="card" aria-labelledby="merge-suggestions">
        <h2 id="merge-suggestions">{t('merge.suggestions')}</h2>
        <PersonErrorNotice error={error} />
        {!suggestions && !error ? <Loading /> : null}
        {suggestions ? (
          suggestions.candidates.length ? (
            <ul className="picker-results">
              {suggestions.candidates.map((c) => (
                <li key={c.person.id}>
                  <span>
                    {fullName(c.person)}
                    {c.person.birthDate ? <span className="meta"> · {formatDay(c.person.birthDate, i18n.language)}</span> : null}{' '}
                    <span className={`badge dup-${c.level}`}>{t(`duplicates.level.${c.level}`)}</span>
                  </span>{' '}
                  <button type="button" className="button secondary small" disabled={c.person.restricted} onClick={() => compare(c.person.id)}>
                    {t('merge.compareWith', { name: fullName(c.person) })}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('merge.noSuggestions')}</p>
          )
        ) : null}
        {suggestions?.hints.length ? (
          <ul className="duplicate-hints">
            {suggestions.hints.map((h) => (
              <li key={`${h.teamName ?? ''}-${h.level}`}>{h.teamName ? t('duplicates.hint', { team: h.teamName }) : t('duplicates.hintNoTeam')}</li>
            ))}
          </ul>
        ) : null}
      </section>
      <section className="card" aria-labelledby="merge-search">
        <h2 id="merge-search">{t('merge.search')}</h2>
        <PersonPicker exclude={[survivor.id]} onPick={(p) => compare(p.id)} label={t('merge.searchLabel')} />
      </section>
    </>
  );
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The default choice, as the server makes it: the surviving record's value unless it is empty. */
function defaultChoices(a: CasePerson, b: CasePerson): Record<MergeField, 'survivor' | 'merged'> {
  const out = {} as Record<MergeField, 'survivor' | 'merged'>;
  for (const f of MERGE_FIELDS) {
    const cols = MERGE_FIELD_COLUMNS[f];
    out[f] = cols.every((c) => isEmpty(a[c])) && cols.some((c) => !isEmpty(b[c])) ? 'merged' : 'survivor';
  }
  return out;
}

function Compare({ survivor, otherId }: { survivor: CasePerson; otherId: string }) {
  const { t, i18n } = usePersonT();
  const lang = i18n.language;
  const { slug } = useTenant();
  const [, navigate] = useLocation();
  const other = useApi<CasePerson>(personPaths.person(slug, otherId));
  const [choices, setChoices] = useState<Record<MergeField, 'survivor' | 'merged'> | null>(null);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [confirmError, setConfirmError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const b = other.data;
  useEffect(() => {
    if (b && b.id === otherId) setChoices(defaultChoices(survivor, b));
  }, [b, otherId, survivor]);

  if (other.error && !b) return <PersonErrorNotice error={other.error} onRetry={other.reload} />;
  if (!b) return <Loading />;
  if (b.id !== otherId || b.id === survivor.id) return <Notice kind="warning">{t('merge.alreadyMerged')}</Notice>;
  if (b.restricted) return <Notice kind="warning">{t('merge.otherRestricted', { name: fullName(b) })}</Notice>;
  if (!choices) return <Loading />;

  const displayOf = (p: CasePerson, f: MergeField): string => {
    if (f === 'name') return fullName(p);
    if (f === 'household') return p.household ? `${p.household.label || t('household.unnamed')} (${formatFieldValue('householdRole', p.householdRole, t, lang)})` : '–';
    if (f === 'address') return [p.street, [p.postcode, p.town].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–';
    if (f === 'residence') {
      const status = formatFieldValue('residenceStatus', p.residenceStatus, t, lang);
      return p.residenceExpiresOn ? `${status} – ${t('merge.until', { date: formatDay(p.residenceExpiresOn, lang) })}` : status;
    }
    const col = MERGE_FIELD_COLUMNS[f][0]!;
    return formatFieldValue(col, p[col], t, lang);
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!confirmed) {
      setConfirmError(t('merge.confirmRequired'));
      document.getElementById('merge-confirm')?.querySelector('input')?.focus();
      return;
    }
    setConfirmError(undefined);
    const checked = validatePerson(mergeBody, { mergeId: b.id, version: survivor.version, mergeVersion: b.version, choose: choices, ...(reason.trim() ? { reason: reason.trim() } : {}) }, t);
    if (checked.errors) {
      setError(new ApiError(400, { error: { code: 'validation_failed', message: Object.values(checked.errors)[0] ?? '' } }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api<CasePerson>('POST', personPaths.merge(slug, survivor.id), checked.data);
      navigate(`/${survivor.id}?merged=1`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="form merge-form">
      <div className="side-by-side merge-records">
        <section className="card" aria-labelledby="merge-keep">
          <h2 id="merge-keep">{t('merge.keep')}</h2>
          <RecordSummary p={survivor} />
        </section>
        <section className="card" aria-labelledby="merge-other">
          <h2 id="merge-other">{t('merge.other')}</h2>
          <RecordSummary p={b} />
          <p>
            <Link href={`/${b.id}/merge?with=${survivor.id}`}>{t('merge.swap')}</Link>
          </p>
        </section>
      </div>
      <Notice kind="info">{t('merge.explain')}</Notice>
      <fieldset className="card merge-fields">
        <legend>{t('merge.choose')}</legend>
        {MERGE_FIELDS.map((f) => {
          const left = displayOf(survivor, f);
          const right = displayOf(b, f);
          return (
            <fieldset key={f} className="merge-field">
              <legend>{t(`mergeFields.${f}`)}</legend>
              {(['survivor', 'merged'] as const).map((side) => (
                <label key={side} className={`merge-option ${choices[f] === side ? 'chosen' : ''}`}>
                  <input type="radio" name={`merge-${f}`} value={side} checked={choices[f] === side} onChange={() => setChoices({ ...choices, [f]: side })} />
                  <span className="merge-side">{side === 'survivor' ? t('merge.fromKeep') : t('merge.fromOther')}</span> <span>{side === 'survivor' ? left : right}</span>
                </label>
              ))}
              {left === right ? <span className="meta">{t('merge.same')}</span> : null}
            </fieldset>
          );
        })}
      </fieldset>
      <fieldset className="card">
        <legend>{t('merge.confirmTitle')}</legend>
        <TextField label={t('merge.reason')} value={reason} onChange={setReason} hint={t('merge.reasonHint')} />
        <div id="merge-confirm">
          <Checkbox label={t('merge.confirm', { a: fullName(survivor), b: fullName(b) })} checked={confirmed} onChange={setConfirmed} error={confirmError} />
        </div>
      </fieldset>
      <PersonErrorNotice error={error} />
      {error instanceof ApiError && error.code === 'conflict' ? (
        <button type="button" className="button secondary" onClick={() => window.location.reload()}>
          {t('form.reload')}
        </button>
      ) : null}
      <div className="form-actions sticky">
        <button type="submit" className="button primary" disabled={busy}>
          {t('merge.submit')}
        </button>
      </div>
    </form>
  );
}

function RecordSummary({ p }: { p: CasePerson }) {
  const { t, i18n } = usePersonT();
  return (
    <dl className="kv">
      <dt>{t('fields.name')}</dt>
      <dd>{fullName(p)}</dd>
      {p.otherNames.length ? (
        <>
          <dt>{t('fields.otherNames')}</dt>
          <dd>{p.otherNames.map(otherNameText).join('; ')}</dd>
        </>
      ) : null}
      <dt>{t('fields.birthDate')}</dt>
      <dd>{formatDay(p.birthDate, i18n.language)}</dd>
      <dt>{t('page.team')}</dt>
      <dd>{p.teamName ?? '–'}</dd>
    </dl>
  );
}
