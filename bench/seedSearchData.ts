/**
 * Bulk-loads a synthetic tenant with N published offers in nine languages into a PostgreSQL
 * database, for search benchmarks and EXPLAIN ANALYZE. Texts come from the Musterstadt demo kinds
 * (real translations), so stemming and cross-language matches behave as with real content.
 *
 *   node --import tsx bench/seedSearchData.ts [offers=50000] [databaseUrl]
 *
 * The database (default postgres://postgres@127.0.0.1:5432/lotse_bench) is dropped and recreated.
 */
import pg from 'pg';
import { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { postgresSource } from '../src/db/postgres.ts';
import { kindsA, type OfferKind } from '../src/demo/musterstadt/kindsA.ts';
import { kindsB } from '../src/demo/musterstadt/kindsB.ts';
import { costs, FREE_COSTS, registration, requirements } from '../src/demo/musterstadt/phrases.ts';
import { DEMO_LANGUAGES } from '../src/demo/types.ts';
import { DEFAULT_FIELDS_OF_ACTION, DEFAULT_TARGET_GROUPS } from '../src/domains/taxonomy/defaultTaxonomy.ts';

export const BENCH_TENANT_SLUG = 'bench-search';
export const BENCH_DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/lotse_bench';

const AREAS = ['Nordstadt', 'Südstadt', 'Weststadt', 'Oststadt', 'Altstadt', 'Hafen', 'Lindenhof', 'Neuberg', 'Feldrand', 'Schlosspark', 'Bahnhofsviertel', 'Rheinau', 'Waldhof', 'Käfertal', 'Gartenstadt', 'Neckarau', 'Seckenheim', 'Sandhofen', 'Vogelstang', 'Wallstadt'];
const TOWN_WORDS = ['Haus', 'Zentrum', 'Treff', 'Werkstatt', 'Büro', 'Forum', 'Laden', 'Stube'];

/** Small deterministic PRNG so every run builds the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function recreateDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

export interface SeedResult {
  tenantId: string;
  offers: number;
  seconds: number;
}

export async function seedSearchData(db: Database, count: number): Promise<SeedResult> {
  const started = Date.now();
  const random = rng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const kinds: OfferKind[] = [...kindsA, ...kindsB];

  const tenantId = await db.system(async (tx) => {
    const [t] = await tx.query<{ id: string }>(
      `INSERT INTO tenants (slug, name, languages, settings) VALUES ($1, 'Benchstadt', $2, '{}') RETURNING id`,
      [BENCH_TENANT_SLUG, [...DEMO_LANGUAGES]],
    );
    return t!.id;
  });

  const ids = await db.tenant(tenantId, async (tx) => {
    const fieldRows = await tx.query<{ id: string; key: string }>(
      `INSERT INTO fields_of_action (tenant_id, key, names, icon, color, sort)
       SELECT $1, x.key, x.names, x.icon, x.color, x.sort FROM json_to_recordset($2::json) AS x(key text, names jsonb, icon text, color text, sort int)
       RETURNING id, key`,
      [tenantId, JSON.stringify(DEFAULT_FIELDS_OF_ACTION.map((f, i) => ({ ...f, sort: i })))],
    );
    const groupRows = await tx.query<{ id: string; key: string }>(
      `INSERT INTO target_groups (tenant_id, key, names, sort)
       SELECT $1, x.key, x.names, x.sort FROM json_to_recordset($2::json) AS x(key text, names jsonb, sort int)
       RETURNING id, key`,
      [tenantId, JSON.stringify(DEFAULT_TARGET_GROUPS.map((g, i) => ({ ...g, sort: i })))],
    );
    const areaRows = await tx.query<{ id: string; lat: number; lon: number }>(
      `INSERT INTO areas (tenant_id, key, names, lat, lon, sort)
       SELECT $1, x.key, x.names, x.lat, x.lon, x.sort FROM json_to_recordset($2::json) AS x(key text, names jsonb, lat float8, lon float8, sort int)
       RETURNING id, lat, lon`,
      [tenantId, JSON.stringify(AREAS.map((name, i) => ({ key: `a${i}`, names: { de: name }, lat: 49.4 + (i % 5) * 0.04, lon: 8.4 + Math.floor(i / 5) * 0.05, sort: i })))],
    );
    const providerRows = await tx.query<{ id: string }>(
      `INSERT INTO providers (tenant_id, name, website, email, phone, street, postcode, town)
       SELECT $1, 'Träger ' || g, 'https://traeger' || g || '.example.org', 'info@traeger' || g || '.example.org', '0621 ' || (100000 + g), 'Hauptstraße ' || g, '68' || lpad((g % 1000)::text, 3, '0'), 'Benchstadt'
       FROM generate_series(1, 1000) g RETURNING id`,
      [tenantId],
    );
    const locs = Array.from({ length: 3000 }, (_, i) => {
      const area = areaRows[i % areaRows.length]!;
      return {
        provider_id: providerRows[i % providerRows.length]!.id,
        name: `${pick(TOWN_WORDS)} ${AREAS[i % AREAS.length]} ${i}`,
        street: `Weg ${i}`,
        postcode: `68${String(i % 1000).padStart(3, '0')}`,
        town: 'Benchstadt',
        area_id: area.id,
        lat: area.lat + (random() - 0.5) * 0.03,
        lon: area.lon + (random() - 0.5) * 0.04,
        barrier_free: random() < 0.5,
        temporarily_closed: random() < 0.03,
        appointment_only: random() < 0.2,
        opening_hours: [{ weekday: 1 + (i % 5), slots: [{ start: '09:00', end: '12:00' }] }],
        contacts: [{ name: `Kontakt ${i}`, role: 'Beratung', email: `k${i}@example.org` }],
      };
    });
    const locationRows = await tx.query<{ id: string; area_id: string; provider_id: string }>(
      `INSERT INTO locations (tenant_id, provider_id, name, street, postcode, town, area_id, lat, lon, barrier_free, temporarily_closed, appointment_only, opening_hours, contacts)
       SELECT $1, x.provider_id, x.name, x.street, x.postcode, x.town, x.area_id, x.lat, x.lon, x.barrier_free, x.temporarily_closed, x.appointment_only, x.opening_hours, x.contacts
       FROM json_to_recordset($2::json) AS x(provider_id uuid, name text, street text, postcode text, town text, area_id uuid, lat float8, lon float8,
         barrier_free bool, temporarily_closed bool, appointment_only bool, opening_hours jsonb, contacts jsonb)
       RETURNING id, area_id, provider_id`,
      [tenantId, JSON.stringify(locs)],
    );
    await tx.query(
      `INSERT INTO synonym_groups (tenant_id, terms) VALUES
        ($1, ARRAY['deutschkurs','sprachkurs','integrationskurs']),
        ($1, ARRAY['wohnung','unterkunft','mietwohnung']),
        ($1, ARRAY['arzt','ärztin','hausarzt']),
        ($1, ARRAY['kita','kindergarten','kindertagesstätte'])`,
      [tenantId],
    );
    return {
      field: new Map(fieldRows.map((r) => [r.key, r.id])),
      group: new Map(groupRows.map((r) => [r.key, r.id])),
      locations: locationRows,
      areaOf: new Map(locationRows.map((l) => [l.id, l.area_id])),
    };
  });

  const BATCH = 1000;
  for (let start = 0; start < count; start += BATCH) {
    const offerRows: Record<string, unknown>[] = [];
    const translationRows: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const kind = kinds[i % kinds.length]!;
      const loc = pick(ids.locations);
      const loc2 = random() < 0.3 ? pick(ids.locations) : null;
      const locationIds = loc2 && loc2.id !== loc.id ? [loc.id, loc2.id] : [loc.id];
      const areaIds = [...new Set(locationIds.map((id) => ids.areaOf.get(id)!))];
      const id = crypto.randomUUID();
      const suffix = `${AREAS[i % AREAS.length]} ${i}`;
      offerRows.push({
        id,
        provider_id: loc.provider_id,
        languages: kind.langs,
        free_of_charge: FREE_COSTS.includes(kind.costs),
        childcare: kind.childcare ?? false,
        barrier_free: random() < 0.4,
        online: kind.online ?? false,
        in_person: kind.inPerson ?? true,
        field_ids: kind.fields.map((k) => ids.field.get(k)).filter(Boolean),
        target_group_ids: kind.groups.map((k) => ids.group.get(k)).filter(Boolean),
        area_ids: areaIds,
        location_ids: locationIds,
        updated_at: new Date(Date.now() - Math.floor(random() * 365 * 86400_000)).toISOString(),
      });
      // One in ten offers is only translated into German and English (fallback case).
      const langs = i % 10 === 0 ? (['de', 'en'] as const) : DEMO_LANGUAGES;
      for (const lang of langs) {
        const [title, summary, description] = kind.t[lang];
        translationRows.push({
          offer_id: id,
          lang,
          title: `${title} ${suffix}`,
          summary,
          description,
          costs: costs[kind.costs][lang],
          requirements: requirements[kind.req][lang],
          registration: registration[kind.reg][lang],
        });
      }
    }
    await db.tenant(
      tenantId,
      async (tx) => {
        await tx.query(
          `INSERT INTO offers (tenant_id, id, provider_id, status, published_at, languages, free_of_charge, childcare, barrier_free, online, in_person,
             field_ids, target_group_ids, area_ids, location_ids, updated_at)
           SELECT $1, x.id, x.provider_id, 'published', x.updated_at, x.languages, x.free_of_charge, x.childcare, x.barrier_free, x.online, x.in_person,
             x.field_ids, x.target_group_ids, x.area_ids, x.location_ids, x.updated_at
           FROM json_to_recordset($2::json) AS x(id uuid, provider_id uuid, languages text[], free_of_charge bool, childcare bool, barrier_free bool,
             online bool, in_person bool, field_ids uuid[], target_group_ids uuid[], area_ids uuid[], location_ids uuid[], updated_at timestamptz)`,
          [tenantId, JSON.stringify(offerRows)],
        );
        await tx.query(
          `INSERT INTO offer_translations (tenant_id, offer_id, lang, title, summary, description, costs, requirements, registration)
           SELECT $1, x.offer_id, x.lang, x.title, x.summary, x.description, x.costs, x.requirements, x.registration
           FROM json_to_recordset($2::json) AS x(offer_id uuid, lang text, title text, summary text, description text, costs text, requirements text, registration text)`,
          [tenantId, JSON.stringify(translationRows)],
        );
      },
      { settings: { 'lotse.bulk': 'on' } },
    );
  }
  await db.tenant(tenantId, (tx) => tx.query('SELECT lotse_refresh_offer_search($1, NULL)', [tenantId]));
  await db.system((tx) => tx.query('ANALYZE'));
  return { tenantId, offers: count, seconds: (Date.now() - started) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 50_000);
  const url = process.argv[3] ?? BENCH_DEFAULT_URL;
  await recreateDatabase(url);
  const db = new Database(postgresSource(url, 2));
  await migrate(db);
  const result = await seedSearchData(db, count);
  console.log(`seeded ${result.offers} offers into ${url} (tenant ${BENCH_TENANT_SLUG} ${result.tenantId}) in ${result.seconds.toFixed(1)} s`);
  await db.close();
}
