import type { DemoArea, DemoLocation, DemoOpeningDay, DemoProvider, DemoTenant } from './types.ts';
import { fieldsOfAction, targetGroups } from './musterstadt/taxonomy.ts';
import { buildOffers, type Spec } from './musterstadt/build.ts';
import { buildFirstSteps } from './musterstadt/firstSteps.ts';

const areas: DemoArea[] = [
  { key: 'beispielheim', kind: 'municipality', name: 'Beispielheim', lat: 49.912, lon: 8.405, postcode: '64521' },
  { key: 'auendorf', kind: 'municipality', name: 'Auendorf', lat: 49.936, lon: 8.362, postcode: '64529' },
  { key: 'rodenbach', kind: 'municipality', name: 'Rodenbach am Ried', lat: 49.884, lon: 8.441, postcode: '64546' },
  { key: 'kirchweiler', kind: 'municipality', name: 'Kirchweiler', lat: 49.897, lon: 8.352, postcode: '64560' },
  { key: 'waldau', kind: 'municipality', name: 'Waldau', lat: 49.925, lon: 8.468, postcode: '64569' },
  { key: 'neuhofen', kind: 'municipality', name: 'Neuhofen-Süd', lat: 49.866, lon: 8.392, postcode: '64572' },
];
const areaByKey = new Map(areas.map((a) => [a.key, a]));

const p = (key: string, name: string, description: string, areaKey: string, street: string, trusted: boolean, domain: string, i: number): DemoProvider => ({
  key, name, description, street, postcode: areaByKey.get(areaKey)!.postcode!, town: areaByKey.get(areaKey)!.name, trusted,
  website: `https://www.${domain}`, email: `info@${domain}`, phone: `06998 7${String(10 + i)}-0`,
});
const providers: DemoProvider[] = [
  p('kreis-integration', 'Landkreis Beispielkreis – Fachdienst Integration', 'Koordination der Integrationsarbeit und Integrationsmanagement im Landkreis.', 'beispielheim', 'Landratsamtsplatz 1', true, 'integration.beispielkreis.example', 0),
  p('kvhs', 'Kreisvolkshochschule Beispielkreis', 'Integrations- und Berufssprachkurse an mehreren Standorten.', 'beispielheim', 'Schulgasse 4', true, 'kvhs-beispielkreis.example', 1),
  p('caritas-bk', 'Caritas Beispielkreis', 'Migrationsberatung und Sozialberatung.', 'rodenbach', 'Pfarrweg 2', false, 'caritas-beispielkreis.example', 2),
  p('diakonie-bk', 'Diakonie Beispielkreis', 'Flüchtlingsberatung und Familienhilfe.', 'auendorf', 'Lutherstraße 7', false, 'diakonie-beispielkreis.example', 3),
  p('jobcenter-bk', 'Kommunales Jobcenter Beispielkreis', 'Leistungen und Vermittlung für Arbeitsuchende.', 'beispielheim', 'Bahnhofstraße 12', false, 'jobcenter-beispielkreis.example', 4),
  p('abh-bk', 'Landkreis Beispielkreis – Ausländerbehörde', 'Aufenthaltsrecht, Einbürgerung und Welcome Service.', 'beispielheim', 'Landratsamtsplatz 3', false, 'abh.beispielkreis.example', 5),
  p('famz-waldau', 'Familienzentrum Waldau', 'Treffpunkt für Familien mit Elterncafé und Beratung.', 'waldau', 'Kirchplatz 5', false, 'famz-waldau.example', 6),
  p('tv-kirchweiler', 'TV Kirchweiler 1889 e. V.', 'Sportverein mit offenen Angeboten für Jugendliche.', 'kirchweiler', 'Sportplatzweg 1', false, 'tv-kirchweiler.example', 7),
  p('helferkreis', 'Helferkreis Asyl Neuhofen e. V.', 'Ehrenamtliche Sprachpatenschaften und Begleitung.', 'neuhofen', 'Mühlgasse 9', false, 'helferkreis-neuhofen.example', 8),
  p('gesundheitsamt-bk', 'Gesundheitsamt Beispielkreis', 'Impfungen und Gesundheitsberatung.', 'auendorf', 'Am Kreishaus 2', false, 'gesundheitsamt.beispielkreis.example', 9),
];

const office: DemoOpeningDay[] = [1, 2, 3, 4, 5].map((d) => ({ weekday: d as DemoOpeningDay['weekday'], slots: [{ start: '08:00', end: '12:00' }] }));
const appt: DemoOpeningDay[] = [1, 3, 4].map((d) => ({ weekday: d as DemoOpeningDay['weekday'], slots: [{ start: '09:00', end: '15:00' }], appointmentOnly: true }));
const club: DemoOpeningDay[] = [{ weekday: 2, slots: [{ start: '17:00', end: '19:30' }] }, { weekday: 6, slots: [{ start: '10:00', end: '12:00' }] }];
const loc = (key: string, providerKey: string, name: string, street: string, areaKey: string, dLat: number, dLon: number, hours: DemoOpeningDay[], opts: { bf?: boolean; closed?: boolean; appt?: boolean; contact?: [string, string, string?] } = {}): DemoLocation => {
  const a = areaByKey.get(areaKey)!;
  const prov = providers.find((x) => x.key === providerKey)!;
  const domain = prov.website!.replace('https://www.', '');
  return {
    key, providerKey, name, street, postcode: a.postcode!, town: a.name, areaKey,
    lat: Math.round((a.lat + dLat) * 1e6) / 1e6, lon: Math.round((a.lon + dLon) * 1e6) / 1e6,
    barrierFree: opts.bf ?? true, temporarilyClosed: opts.closed ?? false, appointmentOnly: opts.appt ?? false,
    openingHours: hours,
    contacts: opts.contact ? [{ name: opts.contact[0], role: opts.contact[1], email: `kontakt@${domain}`, phone: prov.phone, ...(opts.contact[2] ? { officeHours: opts.contact[2] } : {}) }] : [],
  };
};
const locations: DemoLocation[] = [
  loc('bk-landratsamt', 'kreis-integration', 'Landratsamt – Fachdienst Integration', 'Landratsamtsplatz 1', 'beispielheim', 0.001, 0.001, office, { contact: ['Miriam Hofmann', 'Integrationsmanagement', 'Di und Do 9–12 Uhr'] }),
  loc('bk-kvhs-beispielheim', 'kvhs', 'KVHS Beispielheim', 'Schulgasse 4', 'beispielheim', -0.002, 0.003, office, { contact: ['Jörg Albrecht', 'Kursberatung'] }),
  loc('bk-kvhs-auendorf', 'kvhs', 'KVHS-Außenstelle Auendorf', 'Rathausstraße 2', 'auendorf', 0.001, -0.002, office, { bf: false }),
  loc('bk-caritas-rodenbach', 'caritas-bk', 'Caritas-Beratungsstelle Rodenbach', 'Pfarrweg 2', 'rodenbach', 0.002, 0.001, appt, { appt: true, contact: ['Oksana Melnyk', 'Migrationsberatung', 'Mo 9–12 Uhr'] }),
  loc('bk-diakonie-auendorf', 'diakonie-bk', 'Diakonie-Treff Auendorf', 'Lutherstraße 7', 'auendorf', -0.001, 0.002, office, { contact: ['Rami Saleh', 'Flüchtlingsberatung'] }),
  loc('bk-jobcenter', 'jobcenter-bk', 'Jobcenter Beispielheim', 'Bahnhofstraße 12', 'beispielheim', 0.003, -0.002, appt, { appt: true }),
  loc('bk-abh', 'abh-bk', 'Ausländerbehörde im Landratsamt', 'Landratsamtsplatz 3', 'beispielheim', 0.0015, 0.0005, appt, { appt: true, contact: ['Katrin Lenz', 'Welcome Service', 'Mi 13–16 Uhr'] }),
  loc('bk-famz-waldau', 'famz-waldau', 'Familienzentrum Waldau', 'Kirchplatz 5', 'waldau', 0.001, 0.001, office),
  loc('bk-tv-platz', 'tv-kirchweiler', 'Sportplatz Kirchweiler', 'Sportplatzweg 1', 'kirchweiler', -0.002, -0.001, club),
  loc('bk-helferkreis', 'helferkreis', 'Begegnungscafé Neuhofen', 'Mühlgasse 9', 'neuhofen', 0.001, 0.002, club, { bf: false, closed: true }),
  loc('bk-gesundheitsamt', 'gesundheitsamt-bk', 'Gesundheitsamt am Kreishaus', 'Am Kreishaus 2', 'auendorf', 0.002, 0.003, office),
  loc('bk-kvhs-rodenbach', 'kvhs', 'KVHS-Lernort Rodenbach', 'Riedstraße 14', 'rodenbach', -0.002, -0.002, office),
];

const specs: Spec[] = [
  ['integrationskurs', 'kvhs', ['bk-kvhs-beispielheim']],
  ['integrationskurs', 'kvhs', ['bk-kvhs-auendorf']],
  ['alphakurs', 'kvhs', ['bk-kvhs-rodenbach']],
  ['berufssprachkurs', 'kvhs', ['bk-kvhs-beispielheim']],
  ['onlinekurs', 'kvhs', []],
  ['sprachpaten', 'helferkreis', ['bk-helferkreis']],
  ['mbe', 'caritas-bk', ['bk-caritas-rodenbach'], { hybrid: true }],
  ['asylverfahrensberatung', 'diakonie-bk', ['bk-diakonie-auendorf']],
  ['aufenthaltsberatung', 'diakonie-bk', ['bk-diakonie-auendorf']],
  ['welcomeservice', 'abh-bk', ['bk-abh']],
  ['bewerbungstraining', 'jobcenter-bk', ['bk-jobcenter']],
  ['anerkennungsberatung', 'kreis-integration', ['bk-landratsamt']],
  ['wohnungssuche', 'kreis-integration', ['bk-landratsamt']],
  ['impfsprechstunde', 'gesundheitsamt-bk', ['bk-gesundheitsamt']],
  ['elterncafe', 'famz-waldau', ['bk-famz-waldau']],
  ['kitaberatung', 'famz-waldau', ['bk-famz-waldau']],
  ['fussball', 'tv-kirchweiler', ['bk-tv-platz']],
  ['stadtrundgang', 'kreis-integration', ['bk-landratsamt'], { only: ['en'] }],
  ['meldestelle', 'kreis-integration', []],
  ['hausaufgabenhilfe', 'diakonie-bk', ['bk-diakonie-auendorf']],
];

const offers = buildOffers(specs, { providers, locations, areas, textLangs: ['de', 'en', 'uk', 'ar'] });

export const beispielkreis: DemoTenant = {
  slug: 'beispielkreis',
  name: 'Landkreis Beispielkreis',
  languages: ['de', 'en', 'uk', 'ar'],
  primaryColor: '#166534',
  accentColor: '#1D4ED8',
  imprint: 'Impressum (Demo-Inhalt)\nLandkreis Beispielkreis – Fachdienst Integration, Landratsamtsplatz 1, 64521 Beispielheim.\nDer Landkreis Beispielkreis und alle Angaben dieser Demo sind frei erfunden.',
  privacy: 'Datenschutzhinweise (Demo-Inhalt)\nDiese Demo verarbeitet keine echten personenbezogenen Daten; alle Kontakte sind fiktiv. Es werden keine Tracking-Dienste eingesetzt.',
  areas,
  fieldsOfAction,
  targetGroups,
  providers,
  locations,
  offers,
  synonyms: [
    ['Deutschkurs', 'Sprachkurs', 'Integrationskurs'],
    ['Wohnung', 'Wohnungssuche', 'Miete'],
    ['Arbeit', 'Job', 'Stelle'],
    ['Kita', 'Kindergarten', 'Krippe'],
  ],
  firstSteps: buildFirstSteps({
    refugees: [['residence', ['asylverfahrensberatung', 'aufenthaltsberatung']], ['language', ['integrationskurs', 'alphakurs', 'sprachpaten']], ['housing', ['wohnungssuche']], ['health', ['impfsprechstunde']]],
    skilled_workers: [['recognition', ['anerkennungsberatung']], ['residence', ['welcomeservice']], ['language', ['berufssprachkurs', 'onlinekurs']]],
    parents: [['children', ['kitaberatung', 'hausaufgabenhilfe']], ['parentsMeet', ['elterncafe']], ['health', ['impfsprechstunde']]],
  }, offers),
};

export default beispielkreis;
