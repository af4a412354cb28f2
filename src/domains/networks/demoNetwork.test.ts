// The Musterstadt demo network: seeded once, idempotent, consistent, and useful for the demo flow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { seedNetworkDemo } from '../../demo/network.ts';
import { musterstadt } from '../../demo/musterstadt.ts';
import { seedTenant, type TenantKeyMaps } from '../../demo/seed.ts';
import { createTestDatabase } from '../../test/testDatabase.ts';
import { searchActors } from '../actors/actorSearch.ts';
import { groupRecipients } from './networkMail.ts';

describe('Musterstadt demo network', () => {
  let db: Database;
  let maps: TenantKeyMaps;
  beforeAll(async () => {
    db = await createTestDatabase();
    maps = (await seedTenant(db, musterstadt, { accounts: true })).maps;
    await seedNetworkDemo(db, maps);
  }, 120_000);
  afterAll(() => db.close());

  const counts = () =>
    db.tenant(maps.tenantId, async (tx) => {
      const [row] = await tx.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM organisations) AS organisations, (SELECT count(*)::int FROM contacts) AS contacts,
                (SELECT count(*)::int FROM network_groups) AS groups, (SELECT count(*)::int FROM network_meetings) AS meetings,
                (SELECT count(*)::int FROM network_tasks) AS tasks, (SELECT count(*)::int FROM actor_relationships) AS relationships,
                (SELECT count(*)::int FROM organisations WHERE provider_id IS NOT NULL) AS linked`,
      );
      return row!;
    });

  it('has ~40 organisations, ~80 contacts, 6 groups with meetings and tasks, and seeding twice adds nothing', async () => {
    const first = await counts();
    expect(first).toMatchObject({ organisations: 40, contacts: 80, groups: 6, meetings: 12, tasks: 24 });
    expect(first.linked).toBeGreaterThan(30);
    expect(first.relationships).toBeGreaterThan(100);
    await seedNetworkDemo(db, maps);
    expect(await counts()).toEqual(first);
  });

  it('every group has members who can be invited, and opted-out people are skipped', async () => {
    await db.tenant(maps.tenantId, async (tx) => {
      const groups = await tx.query<{ id: string; name: string }>('SELECT id, name FROM network_groups');
      const skippedReasons = new Set<string>();
      for (const g of groups) {
        const plan = await groupRecipients(tx, g.id);
        expect(plan.recipients.length, g.name).toBeGreaterThanOrEqual(3);
        for (const s of plan.skipped) skippedReasons.add(s.reason);
      }
      expect([...skippedReasons].sort()).toEqual(['no_consent', 'no_email', 'opted_out']);
    });
  });

  it('answers who works on language for women with children in the Südstadt', async () => {
    const result = await db.tenant(maps.tenantId, (tx) =>
      searchActors(tx, {
        fieldIds: [maps.fields.get('language')!],
        targetGroupIds: [maps.targetGroups.get('women')!, maps.targetGroups.get('parents')!],
        targetGroupMatch: 'all',
        areaId: maps.areas.get('suedstadt')!,
        includeCityWide: 'true',
        limit: 50,
      }),
    );
    const names = result.organisations.map((o) => o.name);
    expect(names).toContain('Frauenzentrum Musterstadt e. V.');
    expect(names).toContain('Volkshochschule Musterstadt');
    expect(result.organisations[0]!.cityWide).toBe(false);
    expect(result.people).toBeGreaterThan(3);
  });
});
