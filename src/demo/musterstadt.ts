import type { DemoTenant } from './types.ts';
import { fieldsOfAction, targetGroups } from './musterstadt/taxonomy.ts';
import { areas, locations, providers } from './musterstadt/places.ts';
import { offers } from './musterstadt/offers.ts';
import { buildFirstSteps, MUSTERSTADT_FIRST_STEPS } from './musterstadt/firstSteps.ts';

export { offerKinds } from './musterstadt/build.ts';

export const musterstadtSynonyms: string[][] = [
  ['Deutschkurs', 'Sprachkurs', 'Integrationskurs', 'Deutsch lernen'],
  ['Wohnung', 'Wohnungssuche', 'Miete', 'Mietvertrag'],
  ['Arbeit', 'Job', 'Stelle', 'Beruf', 'Arbeitsplatz'],
  ['Beratung', 'Sprechstunde', 'Hilfe', 'Unterstützung'],
  ['Kita', 'Kindergarten', 'Kindertagesstätte', 'Krippe'],
  ['Schule', 'Hausaufgaben', 'Nachhilfe', 'Schulabschluss'],
  ['Arzt', 'Ärztin', 'Hausarzt', 'Gesundheit', 'Krankenversicherung'],
  ['Aufenthalt', 'Aufenthaltstitel', 'Visum', 'Duldung', 'Ausländerbehörde'],
  ['Einbürgerung', 'Staatsangehörigkeit', 'Pass', 'Staatsbürgerschaft'],
  ['Anerkennung', 'Abschluss', 'Zeugnis', 'Diplom'],
  ['Bewerbung', 'Lebenslauf', 'Vorstellungsgespräch', 'Anschreiben'],
  ['Ausbildung', 'Lehre', 'Praktikum', 'duale Ausbildung'],
  ['Diskriminierung', 'Rassismus', 'Benachteiligung', 'Ausgrenzung'],
  ['Ehrenamt', 'Engagement', 'Freiwilligenarbeit', 'Patenschaft'],
  ['Geflüchtete', 'Flüchtlinge', 'Asyl', 'Asylsuchende'],
  ['Bürgergeld', 'Sozialleistungen', 'Kindergeld', 'Wohngeld'],
];

export const musterstadt: DemoTenant = {
  slug: 'musterstadt',
  name: 'Stadt Musterstadt',
  languages: ['de', 'en', 'ar', 'fa', 'uk', 'ru', 'tr', 'ro', 'bg'],
  primaryColor: '#0B5CAD',
  accentColor: '#C2410C',
  imprint: [
    'Impressum (Demo-Inhalt)',
    'Stadt Musterstadt – Büro für Integration und Migration, Rathausplatz 1, 68161 Musterstadt.',
    'Die Stadt Musterstadt ist eine fiktive Stadt. Alle Namen, Adressen, Telefonnummern und Angebote dieser Demo sind frei erfunden; Ähnlichkeiten mit realen Einrichtungen sind zufällig.',
    'Verantwortlich für den Inhalt: Erika Mustermann, Leitung Büro für Integration (fiktiv).',
  ].join('\n'),
  privacy: [
    'Datenschutzhinweise (Demo-Inhalt)',
    'Diese Demo-Installation verarbeitet keine echten personenbezogenen Daten. Alle Kontaktdaten sind erfunden.',
    'Beim Aufruf der Seiten werden nur technisch notwendige Daten verarbeitet. Es werden keine Tracking- oder Analyse-Dienste eingesetzt.',
    'Fragen zum Datenschutz richten Sie an die fiktive Datenschutzbeauftragte der Stadt Musterstadt, datenschutz@musterstadt.example.',
  ].join('\n'),
  areas,
  fieldsOfAction,
  targetGroups,
  providers,
  locations,
  offers,
  synonyms: musterstadtSynonyms,
  firstSteps: buildFirstSteps(MUSTERSTADT_FIRST_STEPS, offers),
};

export default musterstadt;
