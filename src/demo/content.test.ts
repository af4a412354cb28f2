import { describe, expect, it } from 'vitest';
import { beispielkreis } from './beispielkreis.ts';
import { generateOffers } from './generate.ts';
import { musterstadt } from './musterstadt.ts';
import { DEMO_LANGUAGES } from './types.ts';
import type { DemoLang, DemoOffer, DemoTenant, L10n } from './types.ts';

const FIELD_KEYS = ['language', 'education', 'work', 'housing', 'health', 'family', 'residence', 'participation', 'counselling', 'antidiscrimination'];
const GROUP_KEYS = ['labour_migrants', 'eu_newcomers', 'refugees', 'students', 'skilled_workers', 'family_reunion', 'women', 'young_people', 'parents', 'seniors'];
const ARABIC = /[\u0600-\u06FF]/;
const CYRILLIC = /[\u0400-\u04FF]/;
const PLACEHOLDER = /lorem|ipsum|\[|\]|\{\{|\}\}|TODO|TBD|FIXME|XXX|\?\?\?/i;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function uniq(keys: string[]): boolean {
  return new Set(keys).size === keys.length;
}
function expectL10n(value: L10n, where: string): void {
  for (const lang of DEMO_LANGUAGES) {
    const s = value[lang];
    expect(typeof s === 'string' && s.trim().length > 0, `${where} [${lang}] empty`).toBe(true);
    expect(PLACEHOLDER.test(s), `${where} [${lang}] placeholder: ${s}`).toBe(false);
  }
  expect(ARABIC.test(value.ar), `${where} ar script`).toBe(true);
  expect(ARABIC.test(value.fa), `${where} fa script`).toBe(true);
  for (const l of ['uk', 'ru', 'bg'] as const) expect(CYRILLIC.test(value[l]), `${where} ${l} script`).toBe(true);
}
function fullyTranslated(o: DemoOffer): boolean {
  return DEMO_LANGUAGES.every((l) => o.texts[l] !== undefined);
}

function checkIntegrity(t: DemoTenant, bounds: { lat: [number, number]; lon: [number, number] }): void {
  const areaKeys = new Set(t.areas.map((a) => a.key));
  const fieldKeys = new Set(t.fieldsOfAction.map((f) => f.key));
  const groupKeys = new Set(t.targetGroups.map((g) => g.key));
  const providerKeys = new Set(t.providers.map((p) => p.key));
  const locationKeys = new Set(t.locations.map((l) => l.key));
  const offerKeys = new Set(t.offers.map((o) => o.key));

  expect(uniq(t.areas.map((a) => a.key))).toBe(true);
  expect(uniq(t.providers.map((p) => p.key))).toBe(true);
  expect(uniq(t.locations.map((l) => l.key))).toBe(true);
  expect(uniq(t.offers.map((o) => o.key))).toBe(true);
  expect([...fieldKeys].sort()).toEqual([...FIELD_KEYS].sort());
  expect([...groupKeys].sort()).toEqual([...GROUP_KEYS].sort());
  expect(t.languages[0]).toBe('de');

  for (const f of t.fieldsOfAction) {
    expectL10n(f.names, `field ${f.key}`);
    expect(f.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(f.icon).toMatch(/^[a-z-]+$/);
  }
  for (const g of t.targetGroups) expectL10n(g.names, `group ${g.key}`);

  for (const a of t.areas) {
    expect(a.lat).toBeGreaterThanOrEqual(bounds.lat[0]);
    expect(a.lat).toBeLessThanOrEqual(bounds.lat[1]);
    expect(a.lon).toBeGreaterThanOrEqual(bounds.lon[0]);
    expect(a.lon).toBeLessThanOrEqual(bounds.lon[1]);
  }
  for (const p of t.providers) {
    expect(p.name.length).toBeGreaterThan(0);
    expect(p.postcode).toMatch(/^\d{5}$/);
  }
  for (const l of t.locations) {
    expect(providerKeys.has(l.providerKey), `location ${l.key} provider`).toBe(true);
    expect(areaKeys.has(l.areaKey), `location ${l.key} area`).toBe(true);
    expect(l.lat, `location ${l.key} lat`).toBeGreaterThanOrEqual(bounds.lat[0]);
    expect(l.lat, `location ${l.key} lat`).toBeLessThanOrEqual(bounds.lat[1]);
    expect(l.lon, `location ${l.key} lon`).toBeGreaterThanOrEqual(bounds.lon[0]);
    expect(l.lon, `location ${l.key} lon`).toBeLessThanOrEqual(bounds.lon[1]);
    expect(l.postcode).toMatch(/^\d{5}$/);
    expect(uniq(l.openingHours.map((d) => String(d.weekday))), `location ${l.key} weekdays`).toBe(true);
    for (const d of l.openingHours) {
      expect(d.weekday).toBeGreaterThanOrEqual(1);
      expect(d.weekday).toBeLessThanOrEqual(7);
      for (const s of d.slots) {
        expect(s.start).toMatch(TIME);
        expect(s.end).toMatch(TIME);
        expect(s.start < s.end).toBe(true);
      }
    }
    for (const c of l.contacts) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.role.length).toBeGreaterThan(0);
      if (c.email) expect(c.email).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+\.[a-z]+$/);
    }
  }
  for (const o of t.offers) {
    expect(providerKeys.has(o.providerKey), `offer ${o.key} provider`).toBe(true);
    for (const k of o.locationKeys) expect(locationKeys.has(k), `offer ${o.key} location ${k}`).toBe(true);
    for (const k of o.fieldKeys) expect(fieldKeys.has(k), `offer ${o.key} field ${k}`).toBe(true);
    for (const k of o.targetGroupKeys) expect(groupKeys.has(k), `offer ${o.key} group ${k}`).toBe(true);
    for (const k of o.areaKeys) expect(areaKeys.has(k), `offer ${o.key} area ${k}`).toBe(true);
    expect(o.fieldKeys.length).toBeGreaterThan(0);
    expect(o.targetGroupKeys.length).toBeGreaterThan(0);
    expect(o.areaKeys.length).toBeGreaterThan(0);
    expect(o.languages).toContain('de');
    expect(o.online || o.inPerson).toBe(true);
    expect(o.inPerson ? o.locationKeys.length > 0 : o.locationKeys.length === 0, `offer ${o.key} locations vs inPerson`).toBe(true);
    expect(o.texts.de).toBeDefined();
    for (const [lang, text] of Object.entries(o.texts) as [DemoLang, NonNullable<DemoOffer['texts'][DemoLang]>][]) {
      expect(t.languages).toContain(lang);
      for (const [field, value] of Object.entries(text)) {
        expect(value.trim().length > 0, `offer ${o.key} ${lang}.${field} empty`).toBe(true);
        expect(PLACEHOLDER.test(value), `offer ${o.key} ${lang}.${field} placeholder`).toBe(false);
      }
      expect(text.title.length, `offer ${o.key} ${lang} title too long: ${text.title}`).toBeLessThanOrEqual(70);
      if (lang !== 'de') expect(text.summary, `offer ${o.key} ${lang} is a German copy`).not.toBe(o.texts.de.summary);
      const body = `${text.title} ${text.summary} ${text.description}`;
      if (lang === 'ar' || lang === 'fa') {
        expect(ARABIC.test(text.summary) && ARABIC.test(text.description), `offer ${o.key} ${lang} script`).toBe(true);
        expect(ARABIC.test(text.costs) && ARABIC.test(text.requirements) && ARABIC.test(text.registration)).toBe(true);
      }
      if (lang === 'uk' || lang === 'ru' || lang === 'bg') {
        expect(CYRILLIC.test(text.summary) && CYRILLIC.test(text.description), `offer ${o.key} ${lang} script: ${body}`).toBe(true);
        expect(CYRILLIC.test(text.costs) && CYRILLIC.test(text.requirements) && CYRILLIC.test(text.registration)).toBe(true);
      }
    }
  }
  for (const list of t.firstSteps) {
    expect(groupKeys.has(list.targetGroupKey)).toBe(true);
    expectL10n(list.title, `first steps ${list.targetGroupKey} title`);
    expectL10n(list.intro, `first steps ${list.targetGroupKey} intro`);
    expect(list.steps.length).toBeGreaterThanOrEqual(3);
    expect(list.steps.length).toBeLessThanOrEqual(6);
    for (const [i, step] of list.steps.entries()) {
      expectL10n(step.title, `first steps ${list.targetGroupKey} #${i} title`);
      expectL10n(step.text, `first steps ${list.targetGroupKey} #${i} text`);
      if (step.fieldKey) expect(fieldKeys.has(step.fieldKey)).toBe(true);
      expect(step.offerKeys.length).toBeGreaterThanOrEqual(1);
      expect(step.offerKeys.length).toBeLessThanOrEqual(4);
      for (const k of step.offerKeys) expect(offerKeys.has(k), `first step offer ${k}`).toBe(true);
    }
  }
  for (const group of t.synonyms) {
    expect(group.length).toBeGreaterThanOrEqual(2);
    for (const s of group) expect(s.trim().length).toBeGreaterThan(0);
  }
  expect(t.imprint.length).toBeGreaterThan(50);
  expect(t.privacy.length).toBeGreaterThan(50);
  expect(t.imprint.toLowerCase()).toMatch(/fiktiv|erfunden/);
}

describe('demo tenant Musterstadt', () => {
  const t = musterstadt;

  it('has the required volume', () => {
    expect(t.areas.length).toBeGreaterThanOrEqual(8);
    expect(t.areas.every((a) => a.kind === 'district')).toBe(true);
    expect(t.providers.length).toBeGreaterThanOrEqual(40);
    const trusted = t.providers.filter((p) => p.trusted).length;
    expect(trusted).toBeGreaterThanOrEqual(6);
    expect(trusted).toBeLessThanOrEqual(10);
    expect(t.locations.length).toBeGreaterThanOrEqual(60);
    expect(t.offers.length).toBeGreaterThanOrEqual(150);
    expect(t.synonyms.length).toBeGreaterThanOrEqual(12);
    expect(t.firstSteps.length).toBe(10);
    expect(new Set(t.firstSteps.map((l) => l.targetGroupKey)).size).toBe(10);
    expect(t.languages).toEqual([...DEMO_LANGUAGES]);
  });

  it('spreads offers over all fields of action and target groups', () => {
    for (const f of FIELD_KEYS) expect(t.offers.filter((o) => o.fieldKeys.includes(f)).length, f).toBeGreaterThanOrEqual(8);
    for (const g of GROUP_KEYS) expect(t.offers.filter((o) => o.targetGroupKeys.includes(g)).length, g).toBeGreaterThanOrEqual(3);
  });

  it('has realistic mixtures of flags, hours and languages', () => {
    const closed = t.locations.filter((l) => l.temporarilyClosed).length;
    expect(closed).toBeGreaterThanOrEqual(2);
    expect(closed).toBeLessThanOrEqual(3);
    expect(t.locations.filter((l) => l.appointmentOnly).length).toBeGreaterThanOrEqual(3);
    expect(t.locations.some((l) => l.openingHours.some((d) => d.appointmentOnly))).toBe(true);
    expect(t.locations.filter((l) => l.contacts.some((c) => c.officeHours)).length).toBeGreaterThanOrEqual(5);
    expect(t.locations.some((l) => l.contacts.length >= 2)).toBe(true);
    expect(t.offers.filter((o) => o.online && !o.inPerson).length).toBeGreaterThanOrEqual(2);
    expect(t.offers.filter((o) => o.online && o.inPerson).length).toBeGreaterThanOrEqual(2);
    for (const flag of ['freeOfCharge', 'childcare', 'barrierFree'] as const) {
      expect(t.offers.some((o) => o[flag]), flag).toBe(true);
      expect(t.offers.some((o) => !o[flag]), flag).toBe(true);
    }
    const held = new Set(t.offers.flatMap((o) => o.languages));
    for (const l of [...DEMO_LANGUAGES, 'ku', 'ti', 'so']) expect(held.has(l), l).toBe(true);
  });

  it('translates most offers fully and leaves a few for the German fallback', () => {
    expect(t.offers.filter(fullyTranslated).length).toBeGreaterThanOrEqual(120);
    const partial = t.offers.filter((o) => !fullyTranslated(o));
    expect(partial.length).toBeGreaterThanOrEqual(3);
    expect(partial.some((o) => Object.keys(o.texts).length === 1)).toBe(true);
  });

  it('keeps every reference, key, coordinate and text valid', () => {
    checkIntegrity(t, { lat: [49.47, 49.52], lon: [8.42, 8.53] });
  });
});

describe('demo tenant Beispielkreis', () => {
  const t = beispielkreis;

  it('has the required volume', () => {
    expect(t.languages).toEqual(['de', 'en', 'uk', 'ar']);
    expect(t.areas.every((a) => a.kind === 'municipality')).toBe(true);
    expect(t.providers.length).toBe(10);
    expect(t.locations.length).toBe(12);
    expect(t.offers.length).toBe(20);
    expect(t.synonyms.length).toBe(4);
    expect(t.firstSteps.length).toBe(3);
  });

  it('keeps every reference, key, coordinate and text valid', () => {
    checkIntegrity(t, { lat: [49.84, 49.96], lon: [8.32, 8.5] });
  });
});

describe('generateOffers', () => {
  it('is deterministic and valid', () => {
    const a = generateOffers(musterstadt, 1000, 7);
    const b = generateOffers(musterstadt, 1000, 7);
    const c = generateOffers(musterstadt, 1000, 8);
    expect(a.length).toBe(1000);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    expect(a[0]!.key).toBe('gen-000001');
    expect(a[999]!.key).toBe('gen-001000');
    expect(uniq(a.map((o) => o.key))).toBe(true);
    const titles = new Set(a.map((o) => o.texts.de.title));
    expect(titles.size).toBeGreaterThan(900);
    const gen: DemoTenant = { ...musterstadt, offers: a, firstSteps: [] };
    const providerKeys = new Set(gen.providers.map((p) => p.key));
    const locationKeys = new Set(gen.locations.map((l) => l.key));
    const areaKeys = new Set(gen.areas.map((x) => x.key));
    const fieldKeys = new Set(gen.fieldsOfAction.map((f) => f.key));
    const groupKeys = new Set(gen.targetGroups.map((g) => g.key));
    for (const o of a) {
      expect(fullyTranslated(o)).toBe(true);
      expect(providerKeys.has(o.providerKey)).toBe(true);
      for (const k of o.locationKeys) expect(locationKeys.has(k)).toBe(true);
      for (const k of o.areaKeys) expect(areaKeys.has(k)).toBe(true);
      for (const k of o.fieldKeys) expect(fieldKeys.has(k)).toBe(true);
      for (const k of o.targetGroupKeys) expect(groupKeys.has(k)).toBe(true);
      expect(ARABIC.test(o.texts.ar!.title)).toBe(true);
      expect(CYRILLIC.test(o.texts.uk!.title)).toBe(true);
    }
    for (const flag of ['freeOfCharge', 'childcare', 'barrierFree', 'online', 'inPerson'] as const) {
      expect(a.some((o) => o[flag])).toBe(true);
      expect(a.some((o) => !o[flag])).toBe(true);
    }
  });

  it('generates 50,000 offers with unique running keys', () => {
    const many = generateOffers(musterstadt, 50_000);
    expect(many.length).toBe(50_000);
    expect(many[49_999]!.key).toBe('gen-050000');
  });
});
