import type { DemoArea, DemoContact, DemoLocation, DemoOpeningDay, DemoProvider } from '../types.ts';

export const TOWN = 'Musterstadt';

export const areas: DemoArea[] = [
  { key: 'innenstadt', kind: 'district', name: 'Innenstadt', lat: 49.4950, lon: 8.4700, postcode: '68161' },
  { key: 'nordstadt', kind: 'district', name: 'Nordstadt', lat: 49.5120, lon: 8.4750, postcode: '68169' },
  { key: 'suedstadt', kind: 'district', name: 'Südstadt', lat: 49.4790, lon: 8.4720, postcode: '68199' },
  { key: 'weststadt', kind: 'district', name: 'Weststadt', lat: 49.4930, lon: 8.4380, postcode: '68219' },
  { key: 'oststadt', kind: 'district', name: 'Oststadt', lat: 49.4900, lon: 8.5080, postcode: '68165' },
  { key: 'lindenfeld', kind: 'district', name: 'Lindenfeld', lat: 49.4820, lon: 8.4500, postcode: '68163' },
  { key: 'rheinufer', kind: 'district', name: 'Rheinufer', lat: 49.5050, lon: 8.4420, postcode: '68159' },
  { key: 'eichwald', kind: 'district', name: 'Eichwald', lat: 49.5080, lon: 8.5120, postcode: '68259' },
  { key: 'sonnenberg', kind: 'district', name: 'Sonnenberg', lat: 49.4800, lon: 8.5130, postcode: '68239' },
  { key: 'muehlbach', kind: 'district', name: 'Mühlbach', lat: 49.4990, lon: 8.4930, postcode: '68167' },
];
const areaByKey = new Map(areas.map((a) => [a.key, a]));

// key, name, description, areaKey, street, trusted, domain
type P = [string, string, string, string, string, boolean, string];
const P_ROWS: P[] = [
  ['stadt-integration', 'Stadt Musterstadt – Büro für Integration und Migration', 'Koordiniert die Angebote der Erstintegration, den Migrationsbeirat und die Lotsen-Plattform.', 'innenstadt', 'Rathausplatz 1', true, 'integration.musterstadt.example'],
  ['vhs', 'Volkshochschule Musterstadt', 'Integrations-, Berufssprach- und Alphabetisierungskurse sowie Weiterbildung für alle.', 'innenstadt', 'Lindenallee 12', true, 'vhs-musterstadt.example'],
  ['caritas', 'Caritasverband Musterstadt e. V.', 'Migrationsberatung für Erwachsene, Sozialberatung und Familienhilfe.', 'innenstadt', 'Kirchgasse 5', true, 'caritas-musterstadt.example'],
  ['diakonie', 'Diakonisches Werk Musterstadt', 'Migrationsberatung, Schuldnerberatung und psychosoziale Angebote.', 'oststadt', 'Brunnenstraße 18', true, 'diakonie-musterstadt.example'],
  ['awo', 'AWO Kreisverband Musterstadt e. V.', 'Migrationsberatung, Familienbildung und Seniorenarbeit.', 'nordstadt', 'Am Wasserturm 7', false, 'awo-musterstadt.example'],
  ['drk', 'DRK-Kreisverband Musterstadt e. V.', 'Sozialberatung, Asylverfahrensberatung und Gesundheitsangebote.', 'suedstadt', 'Rosengartenweg 3', false, 'drk-musterstadt.example'],
  ['jmd-ib', 'Internationaler Bund – Jugendmigrationsdienst Musterstadt', 'Beratung und Gruppenangebote für junge Zugewanderte von 12 bis 27 Jahren.', 'weststadt', 'Fährstraße 22', false, 'jmd-musterstadt.example'],
  ['jobcenter', 'Jobcenter Musterstadt', 'Grundsicherung für Arbeitsuchende, Vermittlung und Förderung von Weiterbildung.', 'lindenfeld', 'Kanalstraße 40', true, 'jobcenter-musterstadt.example'],
  ['arbeitsagentur', 'Agentur für Arbeit Musterstadt', 'Berufsberatung, Arbeitsvermittlung und Förderung von Sprachkursen für den Beruf.', 'lindenfeld', 'Kanalstraße 44', false, 'arbeitsagentur-musterstadt.example'],
  ['auslaenderbehoerde', 'Stadt Musterstadt – Ausländerbehörde', 'Aufenthaltstitel, Verlängerungen, Einbürgerung und Verpflichtungen zum Integrationskurs.', 'innenstadt', 'Schlossring 9', false, 'abh.musterstadt.example'],
  ['welcome-center', 'Welcome Center Musterstadt', 'Anlaufstelle für internationale Fachkräfte, ihre Familien und Arbeitgeber.', 'innenstadt', 'Marktplatz 4', true, 'welcome-musterstadt.example'],
  ['uni-io', 'Universität Musterstadt – International Office', 'Beratung und Betreuung internationaler Studierender und Forschender.', 'rheinufer', 'Universitätsring 1', false, 'uni-musterstadt.example'],
  ['hs-io', 'Hochschule Musterstadt – International Office', 'Beratung für internationale Studierende der Hochschule für Technik und Soziales.', 'muehlbach', 'Campusweg 5', false, 'hs-musterstadt.example'],
  ['studierendenwerk', 'Studierendenwerk Musterstadt', 'Wohnheime, Sozialberatung und Finanzierungsberatung für Studierende.', 'rheinufer', 'Mensaweg 2', false, 'stw-musterstadt.example'],
  ['adb', 'Antidiskriminierungsbüro Musterstadt e. V.', 'Unabhängige Beratung bei Diskriminierung und Empowerment-Angebote.', 'innenstadt', 'Glockengasse 11', true, 'adb-musterstadt.example'],
  ['frauenzentrum', 'Frauenzentrum Musterstadt e. V.', 'Treffpunkt, Beratung und Kurse von Frauen für Frauen.', 'suedstadt', 'Holunderweg 8', false, 'frauenzentrum-musterstadt.example'],
  ['mieterverein', 'Mieterverein Musterstadt e. V.', 'Rechtsberatung für Mieterinnen und Mieter.', 'innenstadt', 'Bahnhofstraße 30', false, 'mieterverein-musterstadt.example'],
  ['gesundheitsamt', 'Gesundheitsamt Musterstadt', 'Impfungen, Gesundheitsberatung und Gesundheitslotsen-Programm.', 'oststadt', 'Parkring 21', true, 'gesundheitsamt.musterstadt.example'],
  ['famz-nord', 'Familienzentrum Nordstadt', 'Eltern-Kind-Angebote, Elterncafé und Beratung im Stadtteil.', 'nordstadt', 'Birkenweg 14', false, 'famz-nord.example'],
  ['famz-eichwald', 'Familienzentrum Eichwald', 'Familienbildung und offene Treffs für Familien aus aller Welt.', 'eichwald', 'Waldstraße 3', false, 'famz-eichwald.example'],
  ['famz-sonnenberg', 'Evangelisches Familienzentrum Sonnenberg', 'Kita, Familienberatung und Elternbildung.', 'sonnenberg', 'Sonnenhang 9', false, 'famz-sonnenberg.example'],
  ['lingua-plus', 'Lingua Plus Sprachschule GmbH', 'Zugelassener Träger für Integrations- und Berufssprachkurse.', 'innenstadt', 'Poststraße 6', false, 'lingua-plus.example'],
  ['kompass', 'Sprachinstitut Kompass', 'Deutschkurse in Präsenz und online, Prüfungszentrum.', 'muehlbach', 'Mühlenweg 20', false, 'sprachinstitut-kompass.example'],
  ['bbw', 'Berufsbildungswerk Musterland gGmbH', 'Berufsvorbereitung, Schulabschlusskurse und Ausbildung.', 'weststadt', 'Werftstraße 15', false, 'bbw-musterland.example'],
  ['iq-beratung', 'Anerkennungs- und Qualifizierungsberatung Musterland', 'Beratung zur Anerkennung ausländischer Abschlüsse und zu Anpassungsqualifizierungen.', 'innenstadt', 'Schillerplatz 2', false, 'anerkennung-musterland.example'],
  ['faire-arbeit', 'Beratungsstelle Faire Arbeit Musterstadt', 'Arbeitsrechtliche Beratung für mobile Beschäftigte aus der EU.', 'lindenfeld', 'Am Gewerkschaftshaus 2', false, 'faire-arbeit-musterstadt.example'],
  ['afrika-verein', 'Afrikanischer Kulturverein Musterstadt e. V.', 'Migrantenorganisation mit Kultur-, Bildungs- und Beratungsangeboten.', 'weststadt', 'Hafenstraße 31', false, 'afrika-kultur-musterstadt.example'],
  ['tuerk-elternverein', 'Türkischer Elternverein Musterstadt e. V.', 'Elternarbeit, Hausaufgabenhilfe und Beratung für Familien.', 'nordstadt', 'Ulmenstraße 19', false, 'elternverein-musterstadt.example'],
  ['ukr-gemeinde', 'Ukrainische Gemeinde Musterstadt e. V.', 'Selbsthilfe, Treffpunkt und Orientierung für Menschen aus der Ukraine.', 'oststadt', 'Kastanienweg 4', false, 'ukr-gemeinde-musterstadt.example'],
  ['soe-zentrum', 'Südosteuropa-Zentrum Musterstadt e. V.', 'Anlaufstelle für Menschen aus Rumänien, Bulgarien und dem Westbalkan.', 'lindenfeld', 'Gießereistraße 10', false, 'soe-zentrum.example'],
  ['arab-kulturhaus', 'Arabisches Kulturhaus Musterstadt e. V.', 'Kultur- und Begegnungsort mit Angeboten für Familien und Frauen.', 'suedstadt', 'Rheinstraße 55', false, 'kulturhaus-musterstadt.example'],
  ['bruecke', 'Deutsch-Afghanischer Verein Brücke e. V.', 'Begegnung, Sprachpatenschaften und Beratung in Dari und Paschtu.', 'eichwald', 'Fichtenweg 12', false, 'bruecke-musterstadt.example'],
  ['sv-rheinufer', 'SV Rheinufer 1908 e. V.', 'Sportverein mit Fußball, Leichtathletik und offenen Trainings.', 'rheinufer', 'Am Sportpark 1', false, 'sv-rheinufer.example'],
  ['tsg-eichwald', 'TSG Eichwald e. V.', 'Breitensportverein mit Gesundheits- und Seniorensport.', 'eichwald', 'Turnhallenweg 6', false, 'tsg-eichwald.example'],
  ['schwimmverein', 'Schwimmverein Musterstadt 1899 e. V.', 'Schwimmkurse für Kinder und Erwachsene, Frauenschwimmen.', 'suedstadt', 'Badstraße 2', false, 'sv1899-musterstadt.example'],
  ['psz', 'Psychosoziales Zentrum für Geflüchtete Musterland', 'Beratung, Stabilisierung und Therapievermittlung für geflüchtete Menschen.', 'muehlbach', 'Gartenstraße 27', false, 'psz-musterland.example'],
  ['verbraucherzentrale', 'Verbraucherberatung Musterstadt', 'Verbraucher-, Energie- und Schuldnerberatung.', 'innenstadt', 'Hauptstraße 48', false, 'verbraucherberatung-musterstadt.example'],
  ['freiwilligenagentur', 'Freiwilligenagentur Musterstadt', 'Vermittlung von Ehrenamt und Sprachpatenschaften.', 'innenstadt', 'Theaterplatz 3', false, 'engagiert-musterstadt.example'],
  ['stadtbibliothek', 'Stadtbibliothek Musterstadt', 'Medien in vielen Sprachen, Lernorte und Sprachcafés.', 'innenstadt', 'Bibliotheksplatz 1', false, 'stadtbibliothek-musterstadt.example'],
  ['seniorenbuero', 'Seniorenbüro Musterstadt', 'Beratung und Begegnung für ältere Menschen.', 'sonnenberg', 'Lerchenstraße 16', false, 'senioren-musterstadt.example'],
  ['refugee-law-clinic', 'Refugee Law Clinic Musterstadt e. V.', 'Studentische Rechtsberatung im Asyl- und Aufenthaltsrecht unter anwaltlicher Aufsicht.', 'rheinufer', 'Universitätsring 3', false, 'rlc-musterstadt.example'],
  ['kinderschutzbund', 'Kinderschutzbund Ortsverband Musterstadt e. V.', 'Eltern-Kind-Gruppen, Familienberatung und Kinderschutz.', 'nordstadt', 'Ahornstraße 8', false, 'kinderschutzbund-musterstadt.example'],
  ['wbg', 'Wohnungsbaugesellschaft Musterstadt mbH', 'Städtische Wohnungsgesellschaft mit Sozialberatung für Mieterinnen und Mieter.', 'oststadt', 'Gartenstadtring 1', false, 'wbg-musterstadt.example'],
  ['malteser', 'Malteser Hilfsdienst Musterstadt', 'Integrationsdienste, Sprachpatenschaften und Besuchsdienste.', 'sonnenberg', 'Johanniterweg 5', false, 'malteser-musterstadt.example'],
  ['jugendhaus-nord', 'Jugendhaus Nordstadt – Stadtjugendring', 'Offene Jugendarbeit, Bewerbungshilfe und Freizeitangebote.', 'nordstadt', 'Schulstraße 21', false, 'jugendhaus-nord.example'],
  ['buergerservice', 'Stadt Musterstadt – Bürgerservice', 'Anmeldung des Wohnsitzes, Ausweise und Bescheinigungen.', 'innenstadt', 'Rathausplatz 3', false, 'buergerservice.musterstadt.example'],
];

function phoneFor(i: number, ext = 0): string {
  return `0699 8${String(100 + i).padStart(3, '0')}-${String(10 + ext)}`;
}

export const providers: DemoProvider[] = P_ROWS.map(([key, name, description, areaKey, street, trusted, domain], i) => {
  const area = areaByKey.get(areaKey)!;
  return {
    key, name, description, street, postcode: area.postcode!, town: TOWN, trusted,
    website: `https://www.${domain}`, email: `info@${domain}`, phone: phoneFor(i),
  };
});
const providerIndex = new Map(P_ROWS.map((r, i) => [r[0], i]));
const providerDomain = new Map(P_ROWS.map((r) => [r[0], r[6]]));

// ---- opening-hours patterns ----
const s = (start: string, end: string) => ({ start, end });
type Wd = DemoOpeningDay['weekday'];
const days = (wds: Wd[], slots: { start: string; end: string }[], appointmentOnly?: boolean): DemoOpeningDay[] =>
  wds.map((weekday) => (appointmentOnly ? { weekday, slots, appointmentOnly } : { weekday, slots }));
const HOURS: Record<string, DemoOpeningDay[]> = {
  office: [...days([1, 2, 4], [s('08:30', '12:00'), s('13:30', '16:00')]), ...days([3, 5], [s('08:30', '12:00')])],
  school: [...days([1, 2, 3, 4, 5], [s('08:00', '20:00')]), ...days([6], [s('09:00', '13:00')])],
  counsel: [...days([1], [s('09:00', '12:00')]), ...days([2], [s('14:00', '17:00')]), ...days([4], [s('09:00', '12:00'), s('14:00', '17:00')]), ...days([5], [s('09:00', '12:00')], true)],
  appt: days([1, 2, 3, 4, 5], [s('09:00', '15:00')], true),
  club: [...days([2, 4], [s('17:00', '20:00')]), ...days([6], [s('10:00', '14:00')])],
  afternoon: days([1, 2, 3, 4, 5], [s('14:00', '18:00')]),
  evening: [...days([3], [s('18:00', '21:00')]), ...days([5], [s('18:00', '22:00')]), ...days([7], [s('15:00', '19:00')])],
  family: [...days([1, 2, 3, 4, 5], [s('09:00', '13:00')]), ...days([3], [s('15:00', '17:00')])],
  library: [...days([2, 3, 4, 5], [s('10:00', '19:00')]), ...days([6], [s('10:00', '14:00')])],
  uni: [...days([1, 2, 3, 4], [s('10:00', '12:00'), s('13:30', '15:30')]), ...days([5], [s('10:00', '12:00')], true)],
};
// Mark Wednesday (3) family afternoon as merged: keep distinct days unique
HOURS['family'] = [...days([1, 2, 4, 5], [s('09:00', '13:00')]), ...days([3], [s('09:00', '13:00'), s('15:00', '17:00')])];

const PEOPLE = ['Sabine Krüger', 'Yusuf Demir', 'Olena Kovalenko', 'Ahmad Rahimi', 'Maria Ionescu', 'Petar Dimitrov', 'Laura Schneider', 'Thomas Weber', 'Fatima Al-Hassan', 'Jana Novak', 'Karim Haddad', 'Elif Yıldız', 'Michael Braun', 'Irina Petrova', 'Nadia Karimi', 'Stefan Hoffmann', 'Leyla Aydın', 'Daniel Fischer', 'Svetlana Morozova', 'Ioana Popescu', 'Samuel Mensah', 'Hanna Vogel', 'Tesfay Gebremedhin', 'Amina Warsame'];
const ROLES = ['Beratung', 'Kurskoordination', 'Leitung', 'Sozialarbeit', 'Anmeldung und Information'];
const OFFICE_HOURS = ['Mo und Do 9–12 Uhr', 'Di 14–17 Uhr', 'Mi 10–13 Uhr und nach Vereinbarung', 'Mo–Fr 9–11 Uhr telefonisch', 'Do 15–18 Uhr'];

function asciiMail(name: string): string {
  return name.toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/ı/g, 'i')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z ]/g, '').trim().replace(/\s+/g, '.');
}

// key, providerKey, name, street, areaKey, hours, flags (b = barrier-free, c = temporarily closed, a = appointment only), contacts count
type L = [string, string, string, string, string, keyof typeof HOURS, string, number];
const L_ROWS: L[] = [
  ['integration-rathaus', 'stadt-integration', 'Büro für Integration im Rathaus', 'Rathausplatz 1', 'innenstadt', 'office', 'b', 2],
  ['integration-nord', 'stadt-integration', 'Stadtteilbüro Integration Nordstadt', 'Marktweg 2', 'nordstadt', 'counsel', 'b', 1],
  ['integration-ost', 'stadt-integration', 'Stadtteilbüro Integration Oststadt', 'Kastanienweg 9', 'oststadt', 'counsel', 'c', 1],
  ['vhs-zentrum', 'vhs', 'VHS-Haus am Lindenplatz', 'Lindenallee 12', 'innenstadt', 'school', 'b', 2],
  ['vhs-nordstadt', 'vhs', 'VHS-Lernzentrum Nordstadt', 'Birkenweg 30', 'nordstadt', 'school', 'b', 1],
  ['vhs-eichwald', 'vhs', 'VHS-Außenstelle Eichwald', 'Waldstraße 17', 'eichwald', 'school', '', 1],
  ['vhs-weststadt', 'vhs', 'VHS-Außenstelle Weststadt', 'Werftstraße 4', 'weststadt', 'school', 'b', 1],
  ['caritas-haus', 'caritas', 'Caritas-Haus Innenstadt', 'Kirchgasse 5', 'innenstadt', 'counsel', 'b', 2],
  ['caritas-suedstadt', 'caritas', 'Caritas-Beratungsstelle Südstadt', 'Rosengartenweg 11', 'suedstadt', 'counsel', 'b', 1],
  ['caritas-eichwald', 'caritas', 'Caritas-Stadtteiltreff Eichwald', 'Fichtenweg 2', 'eichwald', 'afternoon', '', 1],
  ['diakonie-oststadt', 'diakonie', 'Diakonie-Zentrum Oststadt', 'Brunnenstraße 18', 'oststadt', 'counsel', 'b', 2],
  ['diakonie-lindenfeld', 'diakonie', 'Diakonie-Beratung Lindenfeld', 'Gießereistraße 4', 'lindenfeld', 'appt', '', 1],
  ['awo-nordstadt', 'awo', 'AWO-Begegnungsstätte Nordstadt', 'Am Wasserturm 7', 'nordstadt', 'office', 'b', 2],
  ['awo-sonnenberg', 'awo', 'AWO-Treff Sonnenberg', 'Lerchenstraße 2', 'sonnenberg', 'afternoon', 'b', 1],
  ['awo-weststadt', 'awo', 'AWO-Migrationsdienst Weststadt', 'Hafenstraße 12', 'weststadt', 'appt', 'a', 1],
  ['drk-suedstadt', 'drk', 'DRK-Zentrum Südstadt', 'Rosengartenweg 3', 'suedstadt', 'office', 'b', 1],
  ['drk-rheinufer', 'drk', 'DRK-Beratung Rheinufer', 'Uferpromenade 14', 'rheinufer', 'counsel', '', 1],
  ['jmd-weststadt', 'jmd-ib', 'Jugendmigrationsdienst Weststadt', 'Fährstraße 22', 'weststadt', 'afternoon', 'b', 2],
  ['jmd-eichwald', 'jmd-ib', 'JMD-Sprechstunde Eichwald', 'Waldstraße 3', 'eichwald', 'afternoon', '', 1],
  ['jobcenter-haus', 'jobcenter', 'Jobcenter Hauptstelle', 'Kanalstraße 40', 'lindenfeld', 'office', 'ba', 2],
  ['jobcenter-nord', 'jobcenter', 'Jobcenter Geschäftsstelle Nord', 'Ulmenstraße 2', 'nordstadt', 'appt', 'ba', 1],
  ['arbeitsagentur-haus', 'arbeitsagentur', 'Agentur für Arbeit – Berufsinformationszentrum', 'Kanalstraße 44', 'lindenfeld', 'office', 'b', 1],
  ['abh-schlossring', 'auslaenderbehoerde', 'Ausländerbehörde am Schlossring', 'Schlossring 9', 'innenstadt', 'appt', 'ba', 1],
  ['welcome-markt', 'welcome-center', 'Welcome Center am Marktplatz', 'Marktplatz 4', 'innenstadt', 'office', 'b', 2],
  ['uni-io', 'uni-io', 'International Office – Hauptgebäude', 'Universitätsring 1', 'rheinufer', 'uni', 'b', 2],
  ['hs-io', 'hs-io', 'International Office – Campus Mühlbach', 'Campusweg 5', 'muehlbach', 'uni', 'b', 1],
  ['stw-beratung', 'studierendenwerk', 'Sozialberatung im Studierendenhaus', 'Mensaweg 2', 'rheinufer', 'office', 'b', 1],
  ['adb-buero', 'adb', 'Antidiskriminierungsbüro', 'Glockengasse 11', 'innenstadt', 'counsel', 'b', 2],
  ['frauenzentrum-haus', 'frauenzentrum', 'Frauenzentrum im Holunderweg', 'Holunderweg 8', 'suedstadt', 'family', '', 2],
  ['mieterverein-buero', 'mieterverein', 'Mieterverein Geschäftsstelle', 'Bahnhofstraße 30', 'innenstadt', 'counsel', 'b', 1],
  ['mieterverein-oststadt', 'mieterverein', 'Mieterverein Außensprechstunde Oststadt', 'Gartenstadtring 7', 'oststadt', 'evening', '', 1],
  ['gesundheitsamt-parkring', 'gesundheitsamt', 'Gesundheitsamt am Parkring', 'Parkring 21', 'oststadt', 'office', 'b', 2],
  ['gesundheitsamt-nord', 'gesundheitsamt', 'Gesundheitsamt Außenstelle Nordstadt', 'Marktweg 5', 'nordstadt', 'appt', 'b', 1],
  ['famz-nord', 'famz-nord', 'Familienzentrum Nordstadt', 'Birkenweg 14', 'nordstadt', 'family', 'b', 1],
  ['famz-eichwald', 'famz-eichwald', 'Familienzentrum Eichwald', 'Waldstraße 3', 'eichwald', 'family', 'b', 1],
  ['famz-sonnenberg', 'famz-sonnenberg', 'Familienzentrum Sonnenberg', 'Sonnenhang 9', 'sonnenberg', 'family', '', 1],
  ['lingua-post', 'lingua-plus', 'Lingua Plus – Standort Poststraße', 'Poststraße 6', 'innenstadt', 'school', 'b', 1],
  ['lingua-suedstadt', 'lingua-plus', 'Lingua Plus – Standort Südstadt', 'Rheinstraße 20', 'suedstadt', 'school', '', 1],
  ['kompass-muehle', 'kompass', 'Sprachinstitut Kompass – Mühlenweg', 'Mühlenweg 20', 'muehlbach', 'school', 'b', 1],
  ['kompass-weststadt', 'kompass', 'Sprachinstitut Kompass – Weststadt', 'Hafenstraße 40', 'weststadt', 'school', 'c', 1],
  ['bbw-werft', 'bbw', 'Berufsbildungswerk an der Werft', 'Werftstraße 15', 'weststadt', 'office', 'b', 1],
  ['iq-anerkennung', 'iq-beratung', 'Anerkennungsberatung am Schillerplatz', 'Schillerplatz 2', 'innenstadt', 'appt', 'ba', 1],
  ['faire-arbeit', 'faire-arbeit', 'Beratungsstelle im Gewerkschaftshaus', 'Am Gewerkschaftshaus 2', 'lindenfeld', 'counsel', 'b', 2],
  ['afrika-kulturhaus', 'afrika-verein', 'Afrikanisches Kulturhaus', 'Hafenstraße 31', 'weststadt', 'evening', '', 1],
  ['tuerk-elternverein', 'tuerk-elternverein', 'Vereinsräume Ulmenstraße', 'Ulmenstraße 19', 'nordstadt', 'evening', '', 1],
  ['ukr-gemeinde', 'ukr-gemeinde', 'Ukrainisches Begegnungszentrum', 'Kastanienweg 4', 'oststadt', 'afternoon', 'b', 1],
  ['soe-zentrum', 'soe-zentrum', 'Südosteuropa-Zentrum', 'Gießereistraße 10', 'lindenfeld', 'afternoon', 'b', 2],
  ['arab-kulturhaus', 'arab-kulturhaus', 'Arabisches Kulturhaus', 'Rheinstraße 55', 'suedstadt', 'evening', 'b', 1],
  ['bruecke-treff', 'bruecke', 'Treffpunkt Brücke', 'Fichtenweg 12', 'eichwald', 'evening', '', 1],
  ['sv-rheinufer-platz', 'sv-rheinufer', 'Sportpark Rheinufer', 'Am Sportpark 1', 'rheinufer', 'club', 'b', 1],
  ['tsg-halle', 'tsg-eichwald', 'TSG-Turnhalle Eichwald', 'Turnhallenweg 6', 'eichwald', 'club', 'b', 1],
  ['hallenbad-sued', 'schwimmverein', 'Hallenbad Südstadt', 'Badstraße 2', 'suedstadt', 'club', 'b', 1],
  ['hallenbad-nord', 'schwimmverein', 'Hallenbad Nordstadt', 'Schwimmbadweg 1', 'nordstadt', 'club', 'bc', 1],
  ['psz-muehlbach', 'psz', 'Psychosoziales Zentrum', 'Gartenstraße 27', 'muehlbach', 'appt', 'a', 2],
  ['vz-beratung', 'verbraucherzentrale', 'Verbraucherberatung Hauptstraße', 'Hauptstraße 48', 'innenstadt', 'counsel', 'b', 1],
  ['fwa-buero', 'freiwilligenagentur', 'Freiwilligenagentur am Theaterplatz', 'Theaterplatz 3', 'innenstadt', 'afternoon', 'b', 1],
  ['stabi-zentral', 'stadtbibliothek', 'Zentralbibliothek', 'Bibliotheksplatz 1', 'innenstadt', 'library', 'b', 1],
  ['stabi-sonnenberg', 'stadtbibliothek', 'Stadtteilbibliothek Sonnenberg', 'Sonnenhang 1', 'sonnenberg', 'afternoon', 'b', 1],
  ['senioren-sonnenberg', 'seniorenbuero', 'Seniorenbüro Sonnenberg', 'Lerchenstraße 16', 'sonnenberg', 'family', 'b', 1],
  ['senioren-lindenfeld', 'seniorenbuero', 'Seniorentreff Lindenfeld', 'Lindenplatz 3', 'lindenfeld', 'afternoon', 'b', 1],
  ['rlc-uni', 'refugee-law-clinic', 'Refugee Law Clinic im Juridicum', 'Universitätsring 3', 'rheinufer', 'evening', 'b', 1],
  ['ksb-nord', 'kinderschutzbund', 'Kinderschutzbund Familienhaus', 'Ahornstraße 8', 'nordstadt', 'family', '', 1],
  ['wbg-kundencenter', 'wbg', 'WBG-Kundencenter', 'Gartenstadtring 1', 'oststadt', 'office', 'b', 1],
  ['malteser-sonnenberg', 'malteser', 'Malteser Integrationsdienst', 'Johanniterweg 5', 'sonnenberg', 'office', '', 1],
  ['jugendhaus-nord', 'jugendhaus-nord', 'Jugendhaus Nordstadt', 'Schulstraße 21', 'nordstadt', 'afternoon', 'b', 1],
  ['buergerservice-zentrum', 'buergerservice', 'Bürgerservice im Rathaus', 'Rathausplatz 3', 'innenstadt', 'office', 'ba', 1],
  ['buergerservice-sued', 'buergerservice', 'Bürgerservice Südstadt', 'Rheinstraße 1', 'suedstadt', 'appt', 'ba', 1],
];

/** Deterministic small offsets so that locations of one district do not overlap. */
function jitter(i: number): [number, number] {
  const a = Math.sin(i * 12.9898) * 43758.5453;
  const b = Math.sin(i * 78.233) * 12345.6789;
  return [((a - Math.floor(a)) - 0.5) * 0.006, ((b - Math.floor(b)) - 0.5) * 0.008];
}

export const locations: DemoLocation[] = L_ROWS.map(([key, providerKey, name, street, areaKey, hours, flags, nContacts], i) => {
  const area = areaByKey.get(areaKey)!;
  const [dLat, dLon] = jitter(i + 1);
  const domain = providerDomain.get(providerKey)!;
  const pIdx = providerIndex.get(providerKey)!;
  const contacts: DemoContact[] = [];
  for (let c = 0; c < nContacts; c++) {
    const person = PEOPLE[(i * 3 + c * 7) % PEOPLE.length]!;
    const contact: DemoContact = { name: person, role: ROLES[(i + c) % ROLES.length]!, email: `${asciiMail(person)}@${domain}`, phone: phoneFor(pIdx, 11 + c + (i % 5)) };
    if ((i + c) % 2 === 0) contact.officeHours = OFFICE_HOURS[(i + c) % OFFICE_HOURS.length]!;
    contacts.push(contact);
  }
  return {
    key, providerKey, name, street, postcode: area.postcode!, town: TOWN, areaKey,
    lat: Math.round((area.lat + dLat) * 1e6) / 1e6,
    lon: Math.round((area.lon + dLon) * 1e6) / 1e6,
    barrierFree: flags.includes('b'),
    temporarilyClosed: flags.includes('c'),
    appointmentOnly: flags.includes('a') || hours === 'appt',
    openingHours: HOURS[hours]!.map((d) => ({ ...d, slots: d.slots.map((x) => ({ ...x })) })),
    contacts,
  };
});
