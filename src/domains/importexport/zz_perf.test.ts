import { appendFileSync } from 'node:fs';
import { expect, it } from 'vitest';
const log = (...a: unknown[]) => appendFileSync('/tmp/iexp/perf.txt', a.join(' ') + '\n');
import { providerFactory, staffSession, tenantFactory } from '../../test/factories.ts';
import { createTestApp } from '../../test/testApp.ts';
import { csvText, postImport } from './testBuilders.ts';

it('perf', async () => {
  const t = await createTestApp();
  const tenant = await tenantFactory(t.db);
  await providerFactory(t.db, tenant.id, { name: 'Träger' });
  const { cookie } = await staffSession(t.app, t.db, tenant, { role: 'office_editor' });
  const rows = (n: number, p: string) => [['title_de', 'provider', 'summary_de', 'title_en', 'fields', 'areas', 'free_of_charge'], ...Array.from({ length: n }, (_, i) => [`${p} Kurs ${i}`, 'Träger', 'Kurz', `Course ${i}`, 'language|health', 'nordstadt', 'ja'])];
  for (const [n, dry] of [[100, false], [1000, false], [10000, true]] as const) {
    const body = csvText(rows(n, `${n}${dry}`));
    const s = performance.now();
    const res = await postImport(t.app, tenant.slug, { cookie, body, dryRun: dry });
    log(`import ${n} rows dryRun=${dry}: ${res.statusCode} ${Math.round(performance.now() - s)} ms, ${(Buffer.byteLength(body)/1024).toFixed(0)} KiB`);
    expect(res.statusCode).toBe(200);
  }
  for (const format of ['csv', 'xlsx', 'json']) {
    const s = performance.now();
    const res = await t.app.inject({ url: `/api/v1/${tenant.slug}/admin/offers/export?format=${format}`, headers: { cookie } });
    log(`export ${format} ${res.headers['x-offer-count']} offers: ${Math.round(performance.now() - s)} ms, ${(res.rawPayload.length/1024).toFixed(0)} KiB`);
    if (format !== 'json') {
      const s2 = performance.now();
      const r2 = await postImport(t.app, tenant.slug, { cookie, body: res.rawPayload, contentType: res.headers['content-type'] as string, dryRun: true });
      log(`  round-trip dry run: ${r2.statusCode} ${Math.round(performance.now() - s2)} ms`, JSON.stringify({ ...r2.json(), errors: r2.json().errors?.length }));
    }
  }
  await t.close();
}, 900_000);
