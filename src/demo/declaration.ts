/**
 * Demo data of the local declaration for Musterstadt: the "Musterstädter Erklärung für ein
 * Zusammenleben in Vielfalt" (modelled on the Mannheimer Erklärung, text of its own), 40 verified
 * signatories across all sectors with statements and some logos, verified over the last two and a
 * half years, plus sign-ups in every other state. All organisations are fictional.
 * Idempotent: a tenant that already has a declaration is left alone.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Database } from '../db/database.ts';
import { declarations, declarationSignatures } from '../domains/declaration/declaration.table.ts';
import { emailKey, organisationKey } from '../domains/declaration/normalize.ts';
import { DEFAULT_SECTORS, type SignatureState } from '../shared/contracts/declaration.ts';

export const DEMO_DECLARATION_SLUG = 'vielfalt';

const BODY_DE = [
  'Musterstadt ist eine Stadt, in der Menschen aus über 160 Nationen zu Hause sind. Diese Vielfalt ist Teil unserer Geschichte und unserer Zukunft.',
  'Wir, die unterzeichnenden Organisationen, Einrichtungen, Vereine, Unternehmen und Religionsgemeinschaften, bekennen uns zu einem respektvollen und solidarischen Zusammenleben. Wir achten die Würde jedes Menschen – unabhängig von Herkunft, Sprache, Religion oder Weltanschauung, Geschlecht, sexueller Identität, Alter oder Behinderung.',
  'Wir treten jeder Form von Diskriminierung, Rassismus und Menschenfeindlichkeit entgegen – in unseren eigenen Reihen ebenso wie in der Stadtgesellschaft.',
  'Wir öffnen unsere Angebote für alle Menschen in Musterstadt und arbeiten daran, Barrieren abzubauen. Dafür setzen wir uns ein:',
  '- Wir fördern Begegnung und gegenseitiges Verständnis.\n- Wir ermutigen zur Beteiligung am gesellschaftlichen und politischen Leben.\n- Wir machen uns gemeinsam stark für Chancengleichheit in Bildung, Arbeit und Wohnen.',
  'Mit unserer Unterschrift machen wir diese Grundsätze öffentlich und laden alle Menschen und Organisationen in Musterstadt ein, sich anzuschließen.',
].join('\n\n');

const BODY_EN = [
  'Musterstadt is home to people from more than 160 nations. This diversity is part of our history and our future.',
  'We, the signatory organisations, institutions, associations, businesses and religious communities, commit ourselves to living together with respect and solidarity. We respect the dignity of every person – regardless of origin, language, religion or belief, gender, sexual identity, age or disability.',
  'We oppose every form of discrimination, racism and hostility towards people – within our own ranks as well as in the city.',
  'We open our services to all people in Musterstadt and work to remove barriers. This is what we stand for:',
  '- We encourage encounters and mutual understanding.\n- We encourage participation in social and political life.\n- Together we stand up for equal opportunities in education, work and housing.',
  'With our signature we make these principles public and invite all people and organisations in Musterstadt to join.',
].join('\n\n');

interface DemoSignatory {
  organisation: string;
  sector: string;
  website?: string;
  statement: string;
  contact: string;
  /** Draw a logo for it. */
  logo?: boolean;
}

const VERIFIED: DemoSignatory[] = [
  { organisation: 'Sportverein Eintracht Musterstadt 1898 e. V.', sector: 'verein', website: 'https://www.eintracht-musterstadt.example', statement: 'Auf unserem Platz zählt, wie man spielt – nicht, woher man kommt.', contact: 'Jonas Keller', logo: true },
  { organisation: 'Kulturverein Brückenschlag e. V.', sector: 'verein', website: 'https://brueckenschlag.example', statement: 'Kultur verbindet: Wir bringen Menschen aus allen Stadtteilen zusammen.', contact: 'Selin Aydın', logo: true },
  { organisation: 'Nachbarschaftshilfe Nordstadt e. V.', sector: 'verein', statement: 'Gute Nachbarschaft kennt keine Herkunft.', contact: 'Renate Hofmann' },
  { organisation: 'Musikschule Klangfarben e. V.', sector: 'verein', website: 'https://klangfarben.example', statement: 'Musik ist eine Sprache, die alle verstehen.', contact: 'Andrei Popescu', logo: true },
  { organisation: 'Freiwillige Feuerwehr Musterstadt – Förderverein', sector: 'verein', statement: 'Wir helfen allen – und freuen uns über neue Kameradinnen und Kameraden jeder Herkunft.', contact: 'Thomas Wagner' },
  { organisation: 'Schachclub Springer Musterstadt', sector: 'verein', statement: 'Am Brett sind alle gleich.', contact: 'Olena Kovalenko' },
  { organisation: 'Stadtteilverein Südstadt lebt e. V.', sector: 'verein', website: 'https://suedstadt-lebt.example', statement: 'Unser Stadtteil ist bunt, und das ist gut so.', contact: 'Mehmet Yılmaz' },
  { organisation: 'Tafel Musterstadt e. V.', sector: 'verein', statement: 'Wir unterstützen Menschen in Not – ohne Ansehen der Person.', contact: 'Brigitte Schneider' },
  { organisation: 'Stadtwerke Musterstadt GmbH', sector: 'unternehmen', website: 'https://www.stadtwerke-musterstadt.example', statement: 'Vielfalt in der Belegschaft macht uns als Arbeitgeber stark.', contact: 'Claudia Becker', logo: true },
  { organisation: 'Bäckerei Sonnenkorn', sector: 'unternehmen', statement: 'In unserer Backstube arbeiten Menschen aus acht Ländern zusammen.', contact: 'Karim Haddad' },
  { organisation: 'Musterstädter Wohnungsbaugesellschaft mbH', sector: 'unternehmen', website: 'https://wohnen-musterstadt.example', statement: 'Gutes Wohnen für alle – fair und ohne Diskriminierung.', contact: 'Sabine Krüger', logo: true },
  { organisation: 'Pflegedienst Miteinander GmbH', sector: 'unternehmen', statement: 'Wir pflegen kultursensibel und mehrsprachig.', contact: 'Maria Nowak' },
  { organisation: 'Druckerei Lettern & Linien', sector: 'unternehmen', statement: 'Wir bilden junge Menschen unabhängig von ihrer Herkunft aus.', contact: 'Peter Lang' },
  { organisation: 'IT-Systemhaus Musterstadt AG', sector: 'unternehmen', website: 'https://systemhaus-musterstadt.example', statement: 'Internationale Fachkräfte sind bei uns willkommen.', contact: 'Priya Sharma', logo: true },
  { organisation: 'Evangelische Kirchengemeinde Musterstadt-Mitte', sector: 'religion', statement: 'Nächstenliebe gilt allen Menschen.', contact: 'Pfarrerin Anna Vogt' },
  { organisation: 'Katholische Pfarrei St. Martin', sector: 'religion', statement: 'Wir teilen wie St. Martin – mit allen, die in unserer Stadt leben.', contact: 'Pfarrer Michael Braun' },
  { organisation: 'Moscheegemeinde Yeni Cami Musterstadt', sector: 'religion', website: 'https://yenicami-musterstadt.example', statement: 'Unsere Türen stehen allen offen – zum Tag der offenen Moschee und an jedem anderen Tag.', contact: 'Ahmet Demir', logo: true },
  { organisation: 'Jüdische Gemeinde Musterstadt', sector: 'religion', statement: 'Gemeinsam gegen Antisemitismus und jede Form von Hass.', contact: 'Miriam Rosen' },
  { organisation: 'Alevitische Gemeinde Musterstadt e. V.', sector: 'religion', statement: 'Respekt und Dialog sind Grundlage unseres Glaubens.', contact: 'Zeynep Kaya' },
  { organisation: 'Rat der Religionen Musterstadt', sector: 'religion', statement: 'Die Religionsgemeinschaften unserer Stadt stehen zusammen.', contact: 'Dr. Hans Weber' },
  { organisation: 'Grundschule am Stadtpark', sector: 'bildung', statement: 'In unseren Klassen werden 23 Sprachen gesprochen – ein Schatz.', contact: 'Katrin Schulz' },
  { organisation: 'Volkshochschule Musterstadt', sector: 'bildung', website: 'https://vhs-musterstadt.example', statement: 'Lernen ein Leben lang – für alle Menschen in Musterstadt.', contact: 'Frank Richter', logo: true },
  { organisation: 'Gesamtschule Nordstadt', sector: 'bildung', statement: 'Schule ohne Rassismus – Schule mit Courage.', contact: 'Leyla Hosseini' },
  { organisation: 'Hochschule für angewandte Wissenschaften Musterstadt', sector: 'bildung', website: 'https://hs-musterstadt.example', statement: 'Studierende aus 90 Ländern bereichern unseren Campus.', contact: 'Prof. Dr. Eva Lorenz', logo: true },
  { organisation: 'Kita Regenbogen', sector: 'bildung', statement: 'Vielfalt beginnt im Kleinen.', contact: 'Fatma Öztürk' },
  { organisation: 'Stadtbibliothek Musterstadt', sector: 'bildung', statement: 'Bücher in 30 Sprachen und Platz für alle.', contact: 'Julia Neumann' },
  { organisation: 'Berufsbildende Schulen Musterstadt', sector: 'bildung', statement: 'Ausbildung ist der Schlüssel zur Teilhabe.', contact: 'Stefan Hartmann' },
  { organisation: 'Jobcenter Musterstadt', sector: 'verwaltung', statement: 'Wir begleiten Menschen in Arbeit – respektvoll und mehrsprachig.', contact: 'Monika Schmitt' },
  { organisation: 'Bürgerbüro der Stadt Musterstadt', sector: 'verwaltung', statement: 'Service für alle Bürgerinnen und Bürger, in einfacher Sprache.', contact: 'Daniel Wolf' },
  { organisation: 'Polizeipräsidium Musterstadt', sector: 'verwaltung', statement: 'Wir schützen alle Menschen in unserer Stadt gleichermaßen.', contact: 'Kerstin Zimmermann' },
  { organisation: 'Agentur für Arbeit Musterstadt', sector: 'verwaltung', statement: 'Fachkräfte aus aller Welt sind uns willkommen.', contact: 'Uwe Schäfer' },
  { organisation: 'Gesundheitsamt Musterstadt', sector: 'verwaltung', statement: 'Gesundheit ist ein Recht für alle.', contact: 'Dr. Nadia Saleh' },
  { organisation: 'Deutsch-Türkischer Elternverein e. V.', sector: 'migrantenorganisation', statement: 'Eltern stärken heißt Kinder stärken.', contact: 'Hülya Şahin', logo: true },
  { organisation: 'Ukrainischer Verein Mriya e. V.', sector: 'migrantenorganisation', statement: 'Dankbar für die Aufnahme – und bereit, selbst anzupacken.', contact: 'Iryna Shevchenko' },
  { organisation: 'Afrikanisches Kulturforum Musterstadt', sector: 'migrantenorganisation', website: 'https://afrikaforum-musterstadt.example', statement: 'Wir zeigen die Vielfalt afrikanischer Kulturen in unserer Stadt.', contact: 'Kwame Mensah' },
  { organisation: 'Verband der Rumänischen Familien e. V.', sector: 'migrantenorganisation', statement: 'Angekommen in Musterstadt – und Teil der Stadtgesellschaft.', contact: 'Elena Ionescu' },
  { organisation: 'Syrisch-Deutsche Brücke e. V.', sector: 'migrantenorganisation', statement: 'Wir bauen Brücken zwischen Neuankommenden und Alteingesessenen.', contact: 'Rami Khalil' },
  { organisation: 'Migrationsbeirat Musterstadt', sector: 'migrantenorganisation', statement: 'Wir geben Menschen mit Migrationsgeschichte eine Stimme.', contact: 'Dilara Arslan' },
  { organisation: 'Stadtjugendring Musterstadt', sector: 'sonstige', statement: 'Jugendarbeit für alle – offen, vielfältig, demokratisch.', contact: 'Lukas Fischer' },
  { organisation: 'Seniorenrat Musterstadt', sector: 'sonstige', statement: 'Auch im Alter ist Vielfalt eine Bereicherung.', contact: 'Gertrud Meier' },
];

const OTHERS: Array<DemoSignatory & { state: Exclude<SignatureState, 'verified'>; reason?: string }> = [
  { organisation: 'Tanzschule Rhythmus', sector: 'unternehmen', statement: 'Tanzen verbindet.', contact: 'Nina Roth', state: 'awaiting_verification' },
  { organisation: 'Griechische Gemeinde Musterstadt e. V.', sector: 'migrantenorganisation', statement: 'Seit 60 Jahren Teil von Musterstadt.', contact: 'Georgios Papadopoulos', state: 'awaiting_verification', logo: true },
  { organisation: 'Realschule am Ring', sector: 'bildung', statement: 'Wir machen mit!', contact: 'Sven Krause', state: 'awaiting_verification' },
  { organisation: 'Kleingartenverein Sonnenhang e. V.', sector: 'verein', statement: 'Im Garten wachsen Freundschaften.', contact: 'Erika Lehmann', state: 'unconfirmed' },
  { organisation: 'Quartiersmanagement Weststadt', sector: 'sonstige', statement: '', contact: 'Tim Berger', state: 'unconfirmed' },
  { organisation: 'Schnell-Kredit24 Vermittlung', sector: 'unternehmen', website: 'https://schnell-kredit24.example', statement: 'Jetzt günstige Kredite sichern!', contact: 'Max Profit', state: 'rejected', reason: 'Werbung, keine Organisation aus Musterstadt' },
  { organisation: 'Theatergruppe Spielwiese', sector: 'verein', statement: 'Bühne frei für alle.', contact: 'Paula Jung', state: 'withdrawn', reason: 'Verein aufgelöst' },
];

// ---- small PNG logos, drawn without any image library ------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const PALETTE: Array<[number, number, number]> = [
  [11, 92, 173],
  [194, 65, 12],
  [21, 128, 61],
  [126, 34, 206],
  [190, 18, 60],
  [14, 116, 144],
  [161, 98, 7],
];

/** A 96×96 PNG with a simple geometric mark in two colours, derived from the name. */
export function demoLogo(name: string): Buffer {
  const size = 96;
  const hash = createHash('sha256').update(name).digest();
  const first = hash[0]! % PALETTE.length;
  const fg = PALETTE[first]!;
  const accent = PALETTE[(first + 1 + (hash[1]! % (PALETTE.length - 1))) % PALETTE.length]!;
  const shape = hash[2]! % 3;
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (size * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < size; x++) {
      const dx = x - size / 2 + 0.5;
      const dy = y - size / 2 + 0.5;
      const r = Math.sqrt(dx * dx + dy * dy);
      let colour: [number, number, number] = [255, 255, 255];
      if (shape === 0) {
        if (r < 44 && r > 30) colour = fg;
        else if (r < 18) colour = accent;
      } else if (shape === 1) {
        if (Math.abs(dx) + Math.abs(dy) < 44) colour = fg;
        if (Math.abs(dx) + Math.abs(dy) < 22) colour = accent;
      } else {
        if (x > 8 && x < 88 && y > 8 && y < 88) colour = (Math.floor(x / 20) + Math.floor(y / 20)) % 2 ? fg : accent;
      }
      raw.set(colour, row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const mailOf = (org: string, i: number) => `kontakt${i + 1}@${organisationKey(org).replace(/[^a-z0-9]+/g, '-').slice(0, 30).replace(/-+$/, '')}.example`;
const DAY = 24 * 60 * 60 * 1000;

/** Creates the demo declaration with its signatories in the tenant, unless it has a declaration already. */
export async function seedDeclarationDemo(db: Database, tenantId: string, now = new Date()): Promise<{ created: boolean; signatures: number }> {
  return db.tenant(tenantId, async (tx) => {
    const [existing] = await tx.db.select({ id: declarations.id }).from(declarations).limit(1);
    if (existing) return { created: false, signatures: 0 };
    const [declaration] = await tx.db
      .insert(declarations)
      .values({
        tenantId,
        slug: DEMO_DECLARATION_SLUG,
        title: { de: 'Musterstädter Erklärung für ein Zusammenleben in Vielfalt', en: 'Musterstadt Declaration for Living Together in Diversity' },
        intro: {
          de: 'Vereine, Unternehmen, Religionsgemeinschaften, Schulen und Verwaltung bekennen sich öffentlich zu einem respektvollen Miteinander – und gegen Diskriminierung.',
          en: 'Associations, businesses, religious communities, schools and public bodies publicly commit to living together with respect – and against discrimination.',
        },
        body: { de: BODY_DE, en: BODY_EN },
        sectors: DEFAULT_SECTORS,
        published: true,
        sort: 0,
        createdAt: new Date(now.getTime() - 900 * DAY),
      })
      .returning({ id: declarations.id });
    const declarationId = declaration!.id;
    const base = (s: DemoSignatory, i: number) => {
      const email = mailOf(s.organisation, i);
      const logo = s.logo ? demoLogo(s.organisation) : null;
      return {
        tenantId,
        declarationId,
        organisation: s.organisation,
        nameKey: organisationKey(s.organisation),
        sector: s.sector,
        website: s.website ?? null,
        statement: s.statement,
        contactName: s.contact,
        email,
        emailKey: emailKey(email),
        lang: 'de',
        logo,
        logoType: logo ? 'image/png' : null,
        logoHash: logo ? createHash('sha256').update(logo).digest('hex').slice(0, 16) : null,
      };
    };
    // Verified over roughly 30 months, more at the start (the launch) and steadily since.
    const verified = VERIFIED.map((s, i) => {
      const daysAgo = Math.round(880 - (i < 12 ? i * 6 : 72 + (i - 12) * 28) + ((i * 37) % 9));
      const signedAt = new Date(now.getTime() - daysAgo * DAY);
      return {
        ...base(s, i),
        state: 'verified' as const,
        consentAt: signedAt,
        createdAt: signedAt,
        confirmedAt: new Date(signedAt.getTime() + 2 * 60 * 60 * 1000),
        verifiedAt: new Date(signedAt.getTime() + 2 * DAY),
        decidedBy: 'redaktion@musterstadt.example',
        updatedAt: new Date(signedAt.getTime() + 2 * DAY),
      };
    });
    const others = OTHERS.map((s, j) => {
      const i = VERIFIED.length + j;
      const signedAt = new Date(now.getTime() - (s.state === 'withdrawn' ? 400 : (j + 1) * 3) * DAY);
      const confirmed = s.state !== 'unconfirmed';
      return {
        ...base(s, i),
        state: s.state,
        consentAt: signedAt,
        createdAt: signedAt,
        confirmedAt: confirmed ? new Date(signedAt.getTime() + 60 * 60 * 1000) : null,
        // Unconfirmed demo sign-ups: the link was "mailed" to a fictional address and is still valid.
        tokenHash: confirmed ? null : createHash('sha256').update(`demo-token-${i}`).digest('hex'),
        tokenExpiresAt: confirmed ? null : new Date(now.getTime() + 2 * DAY),
        verifiedAt: s.state === 'withdrawn' ? new Date(signedAt.getTime() + 2 * DAY) : null,
        rejectedAt: s.state === 'rejected' ? new Date(signedAt.getTime() + DAY) : null,
        rejectionReason: s.state === 'rejected' ? (s.reason ?? null) : null,
        withdrawnAt: s.state === 'withdrawn' ? new Date(now.getTime() - 20 * DAY) : null,
        withdrawalReason: s.state === 'withdrawn' ? (s.reason ?? null) : null,
        decidedBy: s.state === 'rejected' || s.state === 'withdrawn' ? 'redaktion@musterstadt.example' : null,
        updatedAt: signedAt,
      };
    });
    await tx.db.insert(declarationSignatures).values([...verified, ...others]);
    return { created: true, signatures: verified.length + others.length };
  });
}
