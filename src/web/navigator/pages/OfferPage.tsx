import { lazy, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { OfferDetail } from '../../../shared/contracts/offerPublic.ts';
import { ApiError, fetchOffer, OfflineError } from '../api.ts';
import { PageHeading, useDocumentTitle } from '../components/Layout.tsx';
import { FallbackNotice, FeatureBadges } from '../components/OfferCardView.tsx';
import { OpeningHours } from '../components/OpeningHours.tsx';
import { Paragraphs } from '../components/Paragraphs.tsx';
import { cachedFormat, formatList, isolate, languageName, localName, useNavigator } from '../context.ts';

const OfferMap = lazy(() => import('../components/OfferMap.tsx'));

type Load = { state: 'loading' } | { state: 'ready'; offer: OfferDetail & { fromDevice: boolean } } | { state: 'error'; kind: 'notFound' | 'offline' | 'other' };

export function OfferPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { tenant, lang, profile } = useNavigator();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useDocumentTitle(load.state === 'ready' ? load.offer.title : t('app.loading'));

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the request.
  useEffect(() => {
    const ctrl = new AbortController();
    setLoad({ state: 'loading' });
    fetchOffer(tenant, lang, id, ctrl.signal).then(
      (offer) => setLoad({ state: 'ready', offer }),
      (err: unknown) => {
        if ((err as Error).name === 'AbortError') return;
        setLoad({ state: 'error', kind: err instanceof ApiError && (err.status === 404 || err.status === 400) ? 'notFound' : err instanceof OfflineError ? 'offline' : 'other' });
      },
    );
    return () => ctrl.abort();
  }, [tenant, lang, id, attempt]);

  // schema.org JSON-LD for search engines, replaced on every offer page.
  useEffect(() => {
    if (load.state !== 'ready') return;
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.id = 'offer-jsonld';
    script.textContent = JSON.stringify(load.offer.jsonLd).replace(/</g, '\\u003c');
    document.getElementById('offer-jsonld')?.remove();
    document.head.appendChild(script);
    return () => script.remove();
  }, [load]);

  const back = (
    <p className="no-print">
      <Link href="/" className="back-link">
        <span aria-hidden="true" className="flip">
          ←
        </span>{' '}
        {t('offer.back')}
      </Link>
    </p>
  );

  if (load.state === 'loading') {
    return (
      <div className="page narrow">
        {back}
        <p role="status">{t('app.loading')}</p>
      </div>
    );
  }
  if (load.state === 'error') {
    const message = load.kind === 'notFound' ? t('offer.notFound') : load.kind === 'offline' ? t('offer.offlineMissing') : t('app.error');
    return (
      <div className="page narrow">
        {back}
        <PageHeading>{load.kind === 'notFound' ? t('notFound.title') : t('app.name')}</PageHeading>
        <p role="alert">{message}</p>
        {load.kind !== 'notFound' && (
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('app.retry')}
          </button>
        )}
      </div>
    );
  }

  const o = load.offer;
  const textLang = o.lang !== lang ? o.lang : undefined;
  const date = cachedFormat(`date:${i18n.language}`, () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' })).format(new Date(o.updatedAt));
  const fallback = profile.defaultLanguage;
  const fields = profile.fieldsOfAction.filter((f) => o.fieldIds.includes(f.id)).map((f) => localName(f, lang, fallback));
  const groups = profile.targetGroups.filter((g) => o.targetGroupIds.includes(g.id)).map((g) => localName(g, lang, fallback));
  const mappable = o.locations.some((l) => l.lat !== null && l.lon !== null);
  const address = (parts: Array<string | null | undefined>) => parts.filter(Boolean).join(', ');

  return (
    <article className="page narrow offer-page">
      {back}
      <PageHeading>
        <span lang={textLang}>{o.title}</span>
      </PageHeading>
      {o.fallback && <FallbackNotice textLang={o.lang} />}
      <p className="lead" lang={textLang}>
        {o.summary}
      </p>
      <FeatureBadges offer={o} />
      <p className="no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          <PrintIcon /> {t('app.print')}
        </button>
      </p>

      {o.description && (
        <section aria-labelledby="s-description">
          <h2 id="s-description">{t('offer.description')}</h2>
          <div lang={textLang} className="prose">
            <Paragraphs text={o.description} />
          </div>
        </section>
      )}

      <section aria-labelledby="s-facts">
        <h2 id="s-facts" className="visually-hidden">
          {t('offer.features')}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t('offer.costs')}</dt>
            <dd lang={textLang}>{o.costs || (o.freeOfCharge ? t('filters.free') : t('offer.noInfo'))}</dd>
          </div>
          <div>
            <dt>{t('offer.requirements')}</dt>
            <dd lang={textLang}>{o.requirements || t('offer.noInfo')}</dd>
          </div>
          <div>
            <dt>{t('offer.languages')}</dt>
            <dd>{o.languages.length ? formatList(o.languages.map((c) => languageName(c, i18n.language)), i18n.language) : t('offer.noInfo')}</dd>
          </div>
          {fields.length > 0 && (
            <div>
              <dt>{t('offer.topics')}</dt>
              <dd>{formatList(fields, i18n.language)}</dd>
            </div>
          )}
          {groups.length > 0 && (
            <div>
              <dt>{t('offer.targetGroups')}</dt>
              <dd>{formatList(groups, i18n.language)}</dd>
            </div>
          )}
        </dl>
      </section>

      <section aria-labelledby="s-registration">
        <h2 id="s-registration">{t('offer.registration')}</h2>
        {o.registration && (
          <div lang={textLang} className="prose">
            <Paragraphs text={o.registration} />
          </div>
        )}
        <ul className="contact-list">
          {o.signupUrl && (
            <li>
              <a href={o.signupUrl} rel="noopener noreferrer" target="_blank">
                {t('offer.signup')}
              </a>
            </li>
          )}
          {o.email && (
            <li>
              {t('offer.email')}: <a href={`mailto:${o.email}`}>{o.email}</a>
            </li>
          )}
          {o.phone && (
            <li>
              {t('offer.phone')}: <a href={`tel:${o.phone.replace(/[^\d+]/g, '')}`}>{o.phone}</a>
            </li>
          )}
        </ul>
      </section>

      <section aria-labelledby="s-provider">
        <h2 id="s-provider">{t('offer.provider')}</h2>
        <p className="provider-name">{o.provider.name}</p>
        {address([o.provider.street, [o.provider.postcode, o.provider.town].filter(Boolean).join(' ')]) && <p>{address([o.provider.street, [o.provider.postcode, o.provider.town].filter(Boolean).join(' ')])}</p>}
        <ul className="contact-list">
          {o.provider.website && (
            <li>
              {t('offer.website')}:{' '}
              <a href={o.provider.website} rel="noopener noreferrer" target="_blank">
                {o.provider.website.replace(/^https?:\/\//, '')}
              </a>
            </li>
          )}
          {o.provider.email && (
            <li>
              {t('offer.email')}: <a href={`mailto:${o.provider.email}`}>{o.provider.email}</a>
            </li>
          )}
          {o.provider.phone && (
            <li>
              {t('offer.phone')}: <a href={`tel:${o.provider.phone.replace(/[^\d+]/g, '')}`}>{o.provider.phone}</a>
            </li>
          )}
        </ul>
      </section>

      {o.locations.length > 0 && (
        <section aria-labelledby="s-locations">
          <h2 id="s-locations">{t('offer.locations')}</h2>
          {o.locations.map((l) => (
            <div key={l.id} className="location">
              <h3>{l.name}</h3>
              <p>{address([l.street, [l.postcode, l.town].filter(Boolean).join(' ')])}</p>
              <ul className="badges">
                {l.temporarilyClosed && <li className="badge warning">{t('offer.temporarilyClosed')}</li>}
                {l.appointmentOnly && <li className="badge">{t('offer.byAppointment')}</li>}
                {l.barrierFree && <li className="badge">{t('offer.barrierFreeAccess')}</li>}
              </ul>
              {l.openingHours.length > 0 && (
                <>
                  <h4>{t('offer.openingHours')}</h4>
                  <OpeningHours days={l.openingHours} />
                </>
              )}
              {l.contacts.length > 0 && (
                <>
                  <h4>{t('offer.contacts')}</h4>
                  <ul className="contacts">
                    {l.contacts.map((c) => (
                      <li key={`${c.name}-${c.role}`}>
                        <p className="contact-name">
                          {c.name}
                          {c.role && <span className="contact-role"> – {c.role}</span>}
                        </p>
                        {c.email && (
                          <p>
                            {t('offer.email')}: <a href={`mailto:${c.email}`}>{c.email}</a>
                          </p>
                        )}
                        {c.phone && (
                          <p>
                            {t('offer.phone')}: <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
                          </p>
                        )}
                        {c.officeHours && <p>{t('offer.officeHours', { hours: isolate(c.officeHours) })}</p>}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          ))}
        </section>
      )}

      {mappable && (
        <section aria-labelledby="s-map" className="no-print">
          <h2 id="s-map">{t('offer.map')}</h2>
          <WhenVisible placeholder={<p className="map-placeholder">{t('map.loading')}</p>}>
            <Suspense fallback={<p className="map-placeholder">{t('map.loading')}</p>}>
              <OfferMap offers={[{ id: o.id, title: o.title, locations: o.locations }]} map={profile.map} point={null} single />
            </Suspense>
          </WhenVisible>
        </section>
      )}

      <p className="updated">{t('offer.updated', { date })}</p>
    </article>
  );
}

function PrintIcon() {
  return (
    <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M6 9V2h12v7M6 18H4a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2" />
      <rect x="6" y="14" width="12" height="8" />
    </svg>
  );
}

/** Renders its children only once scrolled near the viewport (Leaflet is loaded only then). */
function WhenVisible({ children, placeholder }: { children: ReactNode; placeholder: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (visible || !ref.current) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setVisible(true);
    }, { rootMargin: '200px' });
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [visible]);
  return visible ? children : <div ref={ref}>{placeholder}</div>;
}
