import { DEMO_LANGUAGES } from '../types.ts';
import type { DemoArea, DemoLang, DemoLocation, DemoOffer, DemoOfferText, DemoProvider } from '../types.ts';
import type { OfferKind } from './kindsA.ts';
import { kindsA } from './kindsA.ts';
import { kindsB } from './kindsB.ts';
import { kindsC } from './kindsC.ts';
import { costs, FREE_COSTS, registration, requirements } from './phrases.ts';

export const offerKinds: OfferKind[] = [...kindsA, ...kindsB, ...kindsC];
export const kindByKey: Map<string, OfferKind> = new Map(offerKinds.map((k) => [k.key, k]));

/** [kindKey, providerKey, locationKeys, options] – an empty location list means online-only. */
export type Spec = [string, string, string[], SpecOptions?];
export interface SpecOptions {
  /** offered online in addition to in person */
  hybrid?: boolean;
  /** only these text translations exist (German is always included) */
  only?: DemoLang[];
  /** additional ISO codes the offer is held in */
  extraLangs?: string[];
  /** additional target groups */
  groups?: string[];
}

export interface BuildContext {
  providers: DemoProvider[];
  locations: DemoLocation[];
  areas: DemoArea[];
  /** extra languages an organisation always offers (e.g. migrant associations) */
  providerLangs?: Record<string, string[]>;
  /** limit translations to these languages (tenant languages) */
  textLangs?: readonly DemoLang[];
}

function domainOf(p: DemoProvider): string {
  return (p.website ?? 'https://www.example.org').replace(/^https?:\/\/(www\.)?/, '');
}

export function buildOffers(specs: Spec[], ctx: BuildContext): DemoOffer[] {
  const providers = new Map(ctx.providers.map((p) => [p.key, p]));
  const locations = new Map(ctx.locations.map((l) => [l.key, l]));
  const areas = new Map(ctx.areas.map((a) => [a.key, a]));
  const allAreaKeys = ctx.areas.map((a) => a.key);
  const used = new Set<string>();
  return specs.map(([kindKey, providerKey, locKeys, opt = {}]) => {
    const kind = kindByKey.get(kindKey);
    if (!kind) throw new Error(`unknown offer kind ${kindKey}`);
    const provider = providers.get(providerKey);
    if (!provider) throw new Error(`unknown provider ${providerKey}`);
    const locs = locKeys.map((k) => {
      const l = locations.get(k);
      if (!l) throw new Error(`unknown location ${k}`);
      return l;
    });
    const inPerson = locs.length > 0 && kind.inPerson !== false;
    const online = !inPerson || kind.online === true || opt.hybrid === true;
    const areaKeys = inPerson ? [...new Set(locs.map((l) => l.areaKey))] : allAreaKeys;
    const firstArea = inPerson ? areas.get(locs[0]!.areaKey) : undefined;
    let key = inPerson ? `${kindKey}-${locs[0]!.key}` : `${kindKey}-${providerKey}-online`;
    for (let n = 2; used.has(key); n++) key = `${kindKey}-${locs[0]?.key ?? providerKey}-${n}`;
    used.add(key);
    const langs = [...new Set([...kind.langs, ...(ctx.providerLangs?.[providerKey] ?? []), ...(opt.extraLangs ?? [])])];
    const textLangs = (ctx.textLangs ?? DEMO_LANGUAGES).filter((l) => l === 'de' || !opt.only || opt.only.includes(l));
    const texts: Partial<Record<DemoLang, DemoOfferText>> = {};
    for (const lang of textLangs) {
      const [title, summary, description] = kind.t[lang];
      texts[lang] = {
        title: firstArea ? `${title} – ${firstArea.name}` : title,
        summary, description,
        costs: costs[kind.costs][lang],
        requirements: requirements[kind.req][lang],
        registration: registration[kind.reg][lang],
      };
    }
    const domain = domainOf(provider);
    const offer: DemoOffer = {
      key, kindKey, providerKey,
      locationKeys: locs.map((l) => l.key),
      fieldKeys: [...kind.fields],
      targetGroupKeys: [...new Set([...kind.groups, ...(opt.groups ?? [])])],
      areaKeys,
      languages: langs,
      freeOfCharge: FREE_COSTS.includes(kind.costs),
      childcare: kind.childcare === true,
      barrierFree: locs.every((l) => l.barrierFree),
      online, inPerson,
      texts: texts as DemoOffer['texts'],
    };
    if (kind.reg === 'online' || kind.reg === 'placement') offer.signupUrl = `https://www.${domain}/anmeldung/${kindKey}`;
    if (kind.reg !== 'none') {
      if (provider.email) offer.email = provider.email;
      if (provider.phone) offer.phone = provider.phone;
    }
    return offer;
  });
}
