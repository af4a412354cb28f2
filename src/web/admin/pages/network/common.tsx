// Shared pieces of the network pages (namespace `actors`): labels, taxonomy and language
// checkboxes, a search-as-you-type picker for organisations and contacts, duplicate warnings,
// and date/time helpers that work in the municipality's time zone (Europe/Berlin).
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { DuplicateCandidate } from '../../../../shared/contracts/actors.ts';
import { LANGUAGES } from '../../../../shared/languages.ts';
import { ApiError, api, query } from '../../api.ts';
import { CheckboxGroup } from '../../components/fields.tsx';
import { apiFieldError, type FieldErrors } from '../../forms.ts';
import { useLocalName, useTenant } from '../../tenant.tsx';
import './network.css';

export const TIME_ZONE = 'Europe/Berlin';

/** The back office's API paths of the network domain. */
const admin = (slug: string) => `/api/v1/${encodeURIComponent(slug)}/admin`;
export const networkPaths = {
  organisations: (slug: string) => `${admin(slug)}/organisations`,
  organisation: (slug: string, id: string) => `${admin(slug)}/organisations/${id}`,
  organisationDuplicates: (slug: string) => `${admin(slug)}/organisations/duplicates`,
  contacts: (slug: string) => `${admin(slug)}/contacts`,
  contact: (slug: string, id: string) => `${admin(slug)}/contacts/${id}`,
  contactDuplicates: (slug: string) => `${admin(slug)}/contacts/duplicates`,
  relationships: (slug: string) => `${admin(slug)}/relationships`,
  relationship: (slug: string, id: string) => `${admin(slug)}/relationships/${id}`,
  search: (slug: string) => `${admin(slug)}/actors/search`,
  groups: (slug: string) => `${admin(slug)}/network/groups`,
  group: (slug: string, id: string) => `${admin(slug)}/network/groups/${id}`,
  groupIcs: (slug: string, id: string) => `${admin(slug)}/network/groups/${id}/meetings.ics`,
  meeting: (slug: string, id: string) => `${admin(slug)}/network/meetings/${id}`,
  tasks: (slug: string) => `${admin(slug)}/network/tasks`,
  task: (slug: string, id: string) => `${admin(slug)}/network/tasks/${id}`,
  staff: (slug: string) => `${admin(slug)}/network/staff`,
  graph: (slug: string) => `${admin(slug)}/network/graph`,
};

/** Both namespaces: `t` for this domain (actors), `ta` for the foundation's shared strings (admin). */
export function useNetworkT() {
  const { t, i18n } = useTranslation('actors');
  const { t: ta } = useTranslation('admin');
  return { t, ta, lang: i18n.language };
}

/** The field an API error names, keyed like the form's fields (the server names body fields `body.…`). */
export function formFieldErrors(error: unknown, ta: TFunction): FieldErrors {
  return Object.fromEntries(Object.entries(apiFieldError(error, ta)).map(([k, v]) => [k.replace(/^body\./, ''), v]));
}

// ---------------------------------------------------------------------------------------------
// Dates and times in Europe/Berlin

function offsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - at.getTime()) / 60_000;
}

/** A wall-clock date and time in Berlin as an ISO instant ('' when incomplete). */
export function berlinToIso(date: string, time: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const h = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !h) return '';
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(h[1]), Number(h[2]));
  let ts = guess - offsetMinutes(new Date(guess)) * 60_000;
  const second = guess - offsetMinutes(new Date(ts)) * 60_000;
  if (second !== ts) ts = second;
  return new Date(ts).toISOString();
}

/** An ISO instant as Berlin date and time for form fields. */
export function isoToBerlin(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  const f = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, ...o }).format(d);
  return { date: f({ year: 'numeric', month: '2-digit', day: '2-digit' }), time: f({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) };
}

const locale = (lang: string) => (lang === 'de' ? 'de-DE' : 'en-GB');

export function formatWhen(startsAt: string, endsAt: string | null, lang: string): string {
  const start = new Date(startsAt);
  const date = new Intl.DateTimeFormat(locale(lang), { timeZone: TIME_ZONE, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(start);
  const time = (d: Date) => new Intl.DateTimeFormat(locale(lang), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' }).format(d);
  return endsAt ? `${date}, ${time(start)}–${time(new Date(endsAt))}` : `${date}, ${time(start)}`;
}

export function formatDay(day: string | null, lang: string): string {
  if (!day) return '–';
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(`${day}T00:00:00Z`));
}

export function todayBerlin(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
}

// ---------------------------------------------------------------------------------------------
// Taxonomy and languages

/** Names of fields of action, target groups and areas by id, in the interface language. */
export function useTaxonomyNames() {
  const { profile } = useTenant();
  const localName = useLocalName();
  const map = new Map<string, string>();
  for (const e of [...profile.fieldsOfAction, ...profile.targetGroups, ...profile.areas]) map.set(e.id, localName(e.names));
  return (id: string) => map.get(id) ?? '';
}

export function TaxonomyChecks(props: {
  kind: 'fieldsOfAction' | 'targetGroups' | 'areas';
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
  hint?: string;
  legend?: string;
}) {
  const { t } = useNetworkT();
  const { profile } = useTenant();
  const localName = useLocalName();
  const entries = profile[props.kind];
  return (
    <CheckboxGroup
      legend={props.legend ?? t(`taxonomy.${props.kind}`)}
      options={entries.map((e) => ({ value: e.id, label: localName(e.names) }))}
      selected={props.selected}
      onChange={props.onChange}
      error={props.error}
      {...(props.hint ? { hint: props.hint } : {})}
    />
  );
}

export function useLanguageName() {
  const { ta } = useNetworkT();
  return (code: string) => ta(`languages.${code}`, { defaultValue: LANGUAGES.find((l) => l.code === code)?.germanName ?? code });
}

export function LanguageChecks(props: { legend: string; selected: string[]; onChange: (codes: string[]) => void; error?: string | undefined }) {
  const languageName = useLanguageName();
  return (
    <CheckboxGroup legend={props.legend} options={LANGUAGES.map((l) => ({ value: l.code, label: languageName(l.code) }))} selected={props.selected} onChange={props.onChange} error={props.error} />
  );
}

// ---------------------------------------------------------------------------------------------
// Picker: search an organisation or a contact by name and pick it

export interface Picked {
  id: string;
  name: string;
  detail?: string;
}

export function EntityPicker(props: { kind: 'organisation' | 'contact' | 'provider'; label: string; value: Picked | null; onChange: (value: Picked | null) => void; error?: string | undefined; hint?: string }) {
  const { t } = useNetworkT();
  const { slug } = useTenant();
  const id = useId();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Picked[]>([]);
  useEffect(() => {
    if (q.trim().length < 2) {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const base = props.kind === 'organisation' ? networkPaths.organisations(slug) : props.kind === 'contact' ? networkPaths.contacts(slug) : `/api/v1/${encodeURIComponent(slug)}/admin/providers`;
      const url = base + query({ q: q.trim(), pageSize: 8 });
      api<{ items: Array<{ id: string; name: string; town?: string | null; jobFunction?: string; organisations?: Array<{ name: string }> }> }>('GET', url, undefined, { signal: controller.signal })
        .then((r) =>
          setResults(
            r.items.map((x) => ({
              id: x.id,
              name: x.name,
              detail: props.kind !== 'contact' ? (x.town ?? '') : [x.jobFunction, x.organisations?.[0]?.name].filter(Boolean).join(', '),
            })),
          ),
        )
        .catch(() => undefined);
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, slug, props.kind]);

  if (props.value) {
    return (
      <fieldset className="field picker bare">
        <legend className="picker-label">{props.label}</legend>
        <p className="picked">
          <strong>{props.value.name}</strong>
          {props.value.detail ? <span className="muted"> – {props.value.detail}</span> : null}{' '}
          <button type="button" className="button small secondary" onClick={() => props.onChange(null)}>
            {t('picker.change', { label: props.label })}
          </button>
        </p>
        {props.error ? <p className="field-error">{props.error}</p> : null}
      </fieldset>
    );
  }
  return (
    <div className="field picker">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="search"
        value={q}
        autoComplete="off"
        onChange={(e) => setQ(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : props.hint ? `${id}-hint` : undefined}
      />
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      {results.length ? (
        <ul className="picker-results" aria-label={t('picker.results', { label: props.label })}>
          {results.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="linklike"
                onClick={() => {
                  props.onChange(r);
                  setQ('');
                }}
              >
                {r.name}
                {r.detail ? <span className="muted"> – {r.detail}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : q.trim().length >= 2 ? (
        <p className="hint" role="status">
          {t('picker.none')}
        </p>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Duplicates

export function DuplicateWarning({ candidates, kind, children }: { candidates: DuplicateCandidate[]; kind: 'organisation' | 'contact'; children?: ReactNode }) {
  const { t } = useNetworkT();
  if (!candidates.length) return null;
  return (
    <div className="notice notice-warning" role="status">
      <p>
        <strong>{t(kind === 'organisation' ? 'duplicates.titleOrganisation' : 'duplicates.titleContact')}</strong>
      </p>
      <ul className="duplicates">
        {candidates.map((c) => (
          <li key={c.id}>
            <Link href={kind === 'organisation' ? `/organisations/${c.id}` : `/contacts/${c.id}`}>{c.name}</Link>
            {c.detail ? <span className="muted"> – {c.detail}</span> : null} <span className="badges">{c.reasons.map((r) => <span key={r} className="badge">{t(`duplicates.reason.${r}`)}</span>)}</span>
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}

/** Asks the server for likely duplicates while the user types (debounced). */
export function useDuplicates(kind: 'organisation' | 'contact', params: Record<string, string | null | undefined>, enabled: boolean): DuplicateCandidate[] {
  const { slug } = useTenant();
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const key = JSON.stringify(params);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for params
  useEffect(() => {
    const name = params.name?.trim() ?? '';
    if (!enabled || name.length < 3) {
      setCandidates([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const url = (kind === 'organisation' ? networkPaths.organisationDuplicates(slug) : networkPaths.contactDuplicates(slug)) + query(params);
      api<{ candidates: DuplicateCandidate[] }>('GET', url, undefined, { signal: controller.signal })
        .then((r) => setCandidates(r.candidates))
        .catch(() => undefined);
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, enabled, kind, slug]);
  return candidates;
}

/** The server's refusal to create a likely duplicate: 409 `duplicate` on `name`, with the candidates. */
export function isDuplicateRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'duplicate' && error.field === 'name';
}

/**
 * The duplicate check of a create form: candidates while typing (`useDuplicates`), replaced by the
 * candidates of the server's refusal after a submit until the name changes; `confirmed` is the
 * "create anyway" box.
 */
export function useDuplicateCheck(kind: 'organisation' | 'contact', params: Record<string, string | null | undefined>, enabled: boolean) {
  const [confirmed, setConfirmed] = useState(false);
  const [refused, setRefused] = useState<DuplicateCandidate[]>([]);
  const live = useDuplicates(kind, params, enabled);
  return {
    candidates: refused.length ? refused : live,
    confirmed,
    setConfirmed,
    /** Shows the candidates of a refusal; false when the error is something else. */
    showRefusal(error: unknown): boolean {
      if (!isDuplicateRefusal(error)) return false;
      setRefused((error.details as { candidates?: DuplicateCandidate[] } | undefined)?.candidates ?? []);
      return true;
    },
    /** The name changed: the refused candidates no longer apply. */
    nameChanged: () => setRefused([]),
  };
}
