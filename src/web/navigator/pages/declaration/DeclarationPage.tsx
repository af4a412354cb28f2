// A declaration ("Erklärung") with its verified signatories (search by name, filter by sector)
// and the form to sign it. Without a slug the first published declaration is shown.
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { PublicDeclaration, PublicDeclarationSummary, PublicSignatory } from '../../../../shared/contracts/declaration.ts';
import { ApiError } from '../../api.ts';
import { PageHeading, useDocumentTitle } from '../../components/Layout.tsx';
import { Paragraphs } from '../../components/Paragraphs.tsx';
import { useNavigator } from '../../context.ts';
import { fetchDeclaration, fetchDeclarations } from './api.ts';
import { SignForm } from './SignForm.tsx';

type Load<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; value: T };

const PAGE = 48;

/** Case- and accent-insensitive text for matching ("Ärzte" finds "arzte" and "Ärzte"). */
const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replaceAll('ß', 'ss');

export function DeclarationPage({ slug }: { slug?: string }) {
  const { t } = useTranslation('civic');
  const { tenant, lang } = useNavigator();
  const [list, setList] = useState<Load<PublicDeclarationSummary[]>>({ state: 'loading' });
  const [data, setData] = useState<Load<PublicDeclaration>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the request.
  useEffect(() => {
    const ctrl = new AbortController();
    setList({ state: 'loading' });
    fetchDeclarations(tenant, lang, ctrl.signal).then(
      (value) => setList({ state: 'ready', value }),
      (error: unknown) => (error as Error).name !== 'AbortError' && setList({ state: 'error', error }),
    );
    return () => ctrl.abort();
  }, [tenant, lang, attempt]);

  const current = slug ?? (list.state === 'ready' ? list.value[0]?.slug : undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the request.
  useEffect(() => {
    if (!current) return;
    const ctrl = new AbortController();
    setData({ state: 'loading' });
    fetchDeclaration(tenant, current, lang, ctrl.signal).then(
      (value) => setData({ state: 'ready', value }),
      (error: unknown) => (error as Error).name !== 'AbortError' && setData({ state: 'error', error }),
    );
    return () => ctrl.abort();
  }, [tenant, lang, current, attempt]);

  const title = data.state === 'ready' ? data.value.title : t('declaration.title');
  useDocumentTitle(title);

  if (list.state === 'ready' && !current) {
    return (
      <div className="page narrow declaration">
        <PageHeading>{t('declaration.title')}</PageHeading>
        <p>{t('declaration.none')}</p>
      </div>
    );
  }
  const failed = list.state === 'error' ? list.error : data.state === 'error' ? data.error : null;
  if (failed) {
    const missing = failed instanceof ApiError && failed.status === 404;
    return (
      <div className="page narrow declaration">
        <PageHeading>{missing ? t('declaration.notFound') : t('declaration.title')}</PageHeading>
        <p role="alert">{missing ? t('declaration.notFoundText') : t('declaration.loadError')}</p>
        {missing ? (
          <p>
            <Link href="/">{t('declaration.toCurrent')}</Link>
          </p>
        ) : (
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('declaration.retry')}
          </button>
        )}
      </div>
    );
  }
  if (data.state !== 'ready') {
    return (
      <div className="page narrow declaration">
        <p role="status">{t('declaration.loading')}</p>
      </div>
    );
  }
  const d = data.value;
  const others = list.state === 'ready' ? list.value.filter((x) => x.slug !== d.slug) : [];
  return (
    <div className="page narrow declaration">
      <PageHeading>{d.title}</PageHeading>
      {d.intro ? <p className="lead">{d.intro}</p> : null}
      <p className="declaration-count">
        <strong>{t('declaration.signedBy', { count: d.signatoryCount })}</strong>{' '}
        <a href="#unterzeichnen" className="no-print">
          {t('declaration.signNow')}
        </a>
      </p>
      <section aria-labelledby="declaration-text" className="declaration-text prose">
        <h2 id="declaration-text" className="visually-hidden">
          {t('declaration.textHeading')}
        </h2>
        <Paragraphs text={d.body} />
      </section>
      <Signatories declaration={d} />
      <section aria-labelledby="unterzeichnen-heading" id="unterzeichnen" className="declaration-sign no-print">
        <h2 id="unterzeichnen-heading">{t('declaration.sign.heading')}</h2>
        <SignForm key={d.slug} declaration={d} />
      </section>
      {others.length ? (
        <nav aria-labelledby="declaration-others" className="no-print">
          <h2 id="declaration-others">{t('declaration.others')}</h2>
          <ul>
            {others.map((o) => (
              <li key={o.slug}>
                <Link href={`/${o.slug}`}>{o.title}</Link> ({t('declaration.signedBy', { count: o.signatoryCount })})
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}

function Signatories({ declaration }: { declaration: PublicDeclaration }) {
  const { t } = useTranslation('civic');
  const [q, setQ] = useState('');
  const [sector, setSector] = useState('');
  const [shown, setShown] = useState(PAGE);
  const searchId = useId();
  const sectorId = useId();
  const sectorName = useMemo(() => new Map(declaration.sectors.map((s) => [s.key, s.name])), [declaration.sectors]);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const s of declaration.signatories) m.set(s.sector, (m.get(s.sector) ?? 0) + 1);
    return m;
  }, [declaration.signatories]);
  const matches = useMemo(() => {
    const needle = fold(q.trim());
    return declaration.signatories.filter((s) => (!sector || s.sector === sector) && (!needle || fold(s.organisation).includes(needle)));
  }, [declaration.signatories, q, sector]);
  const filtered = q.trim() !== '' || sector !== '';

  return (
    <section aria-labelledby="signatories-heading" className="signatories">
      <h2 id="signatories-heading">{t('declaration.signatories.heading')}</h2>
      {declaration.signatories.length === 0 ? (
        <p>{t('declaration.signatories.empty')}</p>
      ) : (
        <>
          <search className="signatory-filters no-print" aria-label={t('declaration.signatories.filters')}>
            <div className="field-inline">
              <label htmlFor={searchId}>{t('declaration.signatories.search')}</label>
              <input
                id={searchId}
                type="search"
                value={q}
                onChange={(e) => {
                  setQ(e.target.value);
                  setShown(PAGE);
                }}
                autoComplete="off"
              />
            </div>
            <div className="field-inline">
              <label htmlFor={sectorId}>{t('declaration.signatories.sector')}</label>
              <select
                id={sectorId}
                value={sector}
                onChange={(e) => {
                  setSector(e.target.value);
                  setShown(PAGE);
                }}
              >
                <option value="">{t('declaration.signatories.allSectors')}</option>
                {declaration.sectors
                  .filter((s) => counts.has(s.key))
                  .map((s) => (
                    <option key={s.key} value={s.key}>
                      {s.name} ({counts.get(s.key)})
                    </option>
                  ))}
              </select>
            </div>
          </search>
          <p className="result-count" role="status">
            {filtered ? t('declaration.signatories.found', { count: matches.length }) : t('declaration.signatories.all', { count: matches.length })}
          </p>
          <ul className="signatory-list">
            {matches.slice(0, shown).map((s) => (
              <SignatoryCard key={s.id} signatory={s} sector={sectorName.get(s.sector) ?? s.sector} />
            ))}
          </ul>
          {matches.length > shown ? (
            <button type="button" className="button no-print" onClick={() => setShown((n) => n + PAGE)}>
              {t('declaration.signatories.more', { count: Math.min(PAGE, matches.length - shown) })}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function SignatoryCard({ signatory: s, sector }: { signatory: PublicSignatory; sector: string }) {
  const { t } = useTranslation('civic');
  return (
    <li className="signatory">
      {s.logoUrl ? <img src={s.logoUrl} alt="" className="signatory-logo" width="64" height="64" loading="lazy" decoding="async" /> : <span className="signatory-logo placeholder" aria-hidden="true">{s.organisation.trim().charAt(0).toUpperCase()}</span>}
      <div className="signatory-body">
        <h3 className="signatory-name">
          {s.website ? (
            <a href={s.website} rel="noopener noreferrer nofollow ugc">
              {s.organisation}
              <span className="visually-hidden"> ({t('declaration.signatories.website')})</span>
            </a>
          ) : (
            s.organisation
          )}
        </h3>
        <p className="signatory-sector">{sector}</p>
        {s.statement ? <blockquote className="signatory-statement">{s.statement}</blockquote> : null}
      </div>
    </li>
  );
}
