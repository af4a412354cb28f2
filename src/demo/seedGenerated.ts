import type { Database } from '../db/database.ts';
import { generateOffers } from './generate.ts';
import { musterstadt } from './musterstadt.ts';
import { seedTenant } from './seed.ts';

/** A tenant with `count` generated offers in all nine languages, for benchmarks. */
export async function seedGenerated(db: Database, slug: string, count: number): Promise<{ slug: string; ms: number }> {
  const started = performance.now();
  await seedTenant(db, { ...musterstadt, slug, name: `${musterstadt.name} (${count} Angebote)`, offers: generateOffers(musterstadt, count) }, { accounts: false });
  return { slug, ms: Math.round(performance.now() - started) };
}
