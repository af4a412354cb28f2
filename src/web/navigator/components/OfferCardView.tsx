import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { OfferCard } from '../../../shared/contracts/offerPublic.ts';
import { formatList, isolate, languageName, useNavigator } from '../context.ts';

/** The feature badges of an offer, as text (never colour alone). */
export function FeatureBadges({ offer }: { offer: Pick<OfferCard, 'freeOfCharge' | 'childcare' | 'barrierFree' | 'online' | 'inPerson'> }) {
  const { t } = useTranslation();
  const items = [
    offer.freeOfCharge && t('filters.free'),
    offer.online && t('filters.online'),
    offer.inPerson && t('filters.inPerson'),
    offer.childcare && t('filters.childcare'),
    offer.barrierFree && t('filters.barrierFree'),
  ].filter((v): v is string => Boolean(v));
  if (!items.length) return null;
  return (
    <ul className="badges">
      {items.map((label) => (
        <li key={label} className="badge">
          {label}
        </li>
      ))}
    </ul>
  );
}

/** The notice that a text is shown in another language because the translation is missing. */
export function FallbackNotice({ textLang }: { textLang: string }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="fallback-notice">
      <span aria-hidden="true" className="notice-icon">
        !
      </span>{' '}
      {t('card.fallback', { language: languageName(textLang, i18n.language) })}
    </p>
  );
}

export function OfferCardView({ offer, headingLevel = 3 }: { offer: OfferCard; headingLevel?: 2 | 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const { lang } = useNavigator();
  const Heading = headingLevel === 2 ? 'h2' : headingLevel === 4 ? 'h4' : 'h3';
  const textLang = offer.lang || lang;
  const distance = offer.distanceKm !== null ? new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(offer.distanceKm) : null;
  return (
    <article className="offer-card">
      <Heading className="offer-card-title" lang={textLang !== lang ? textLang : undefined}>
        <Link href={`/offer/${offer.id}`}>{offer.title}</Link>
      </Heading>
      {offer.fallback && <FallbackNotice textLang={textLang} />}
      <p className="offer-card-provider">{t('card.provider', { name: isolate(offer.providerName) })}</p>
      <p className="offer-card-summary" lang={textLang !== lang ? textLang : undefined}>
        {offer.summary}
      </p>
      <FeatureBadges offer={offer} />
      <p className="offer-card-meta">
        {offer.languages.length > 0 && <span>{t('card.languages', { list: formatList(offer.languages.map((c) => languageName(c, i18n.language)), i18n.language) })}</span>}
        {distance && <span>{t('card.distance', { distance })}</span>}
      </p>
    </article>
  );
}
