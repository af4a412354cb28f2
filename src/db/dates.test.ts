import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casePrograms } from '../domains/cases/case.table.ts';
import { programmeFactory, tenantFactory } from '../test/factories.ts';
import { createTestDatabase } from '../test/testDatabase.ts';
import type { Database } from './database.ts';

describe('calendar days (`date` columns) on both databases', () => {
  let db: Database;
  const tz = process.env.TZ;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    process.env.TZ = tz;
    await db.close();
  });

  it('come back as the same YYYY-MM-DD in every server time zone, raw and through drizzle', async () => {
    const tenant = await tenantFactory(db);
    const programme = await programmeFactory(db, tenant.id);
    for (const zone of ['Europe/Berlin', 'Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
      process.env.TZ = zone;
      const [raw] = await db.system((tx) => tx.query<{ d: unknown }>(`SELECT date '2026-03-29' AS d`));
      expect(raw!.d, zone).toBe('2026-03-29');
      const [row] = await db.system((tx) =>
        tx.db.select({ created: casePrograms.createdAt }).from(casePrograms).where(eq(casePrograms.id, programme.id)),
      );
      expect(row!.created).toBeInstanceOf(Date);
    }
  });
});
