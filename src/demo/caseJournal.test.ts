import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { today } from '../domains/actors/day.ts';
import { detectDocumentType } from '../domains/cases/journal/documentTypes.ts';
import { cryptoContext, FieldCrypto } from '../security/fieldCrypto.ts';
import { accountFactory, caseFactory, personFactory, programmeFactory, teamFactory, tenantFactory } from '../test/factories.ts';
import { createTestDatabase } from '../test/testDatabase.ts';
import { demoPdf, seedJournalForCase } from './caseJournal.ts';

describe('journal demo data', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('seeds entries with interpreters, tasks (some overdue), a document and flags — all decryptable', async () => {
    const crypto = FieldCrypto.fromConfig({ DATA_ENCRYPTION_KEYS: undefined, AUTH_SECRET: undefined });
    const tenant = await tenantFactory(db);
    const team = await teamFactory(db, tenant.id);
    const programme = await programmeFactory(db, tenant.id);
    const manager = await accountFactory(db, tenant, { role: 'integration_manager', teamId: team.id, name: 'Demo Manager' });
    const lead = await accountFactory(db, tenant, { role: 'team_lead', teamId: team.id });
    const caseIds: string[] = [];
    for (let variant = 0; variant < 3; variant++) {
      const person = await personFactory(db, tenant.id);
      const kase = await caseFactory(db, tenant.id, { personId: person.id, programmeId: programme.id, teamId: team.id, ownerId: manager.id });
      caseIds.push(kase.id);
      await db.tenant(tenant.id, (tx) => seedJournalForCase(tx, crypto, { caseId: kase.id, variant }));
    }
    const q = <R>(text: string) => db.system((tx) => tx.query<R>(text, [tenant.id]));
    const entries = await q<{ kind: string; interpreter: string; body_enc: string; author_name: string }>('SELECT kind, interpreter, body_enc, author_name FROM case_entries WHERE tenant_id = $1');
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(['note', 'contact', 'appointment']));
    expect(entries.some((e) => e.interpreter === 'professional')).toBe(true);
    expect(entries.every((e) => e.author_name === 'Demo Manager')).toBe(true);
    for (const e of entries) expect(crypto.decrypt(e.body_enc, cryptoContext(tenant.id, 'case_entries', 'body_enc')).length).toBeGreaterThan(0);
    const tasks = await db.system((tx) =>
      tx.query<{ overdue: boolean; done: boolean; assignee_id: string }>(
        `SELECT due_on < $2::date AS overdue, done_at IS NOT NULL AS done, assignee_id FROM case_tasks WHERE tenant_id = $1`,
        [tenant.id, today()],
      ),
    );
    expect(tasks.filter((t) => t.overdue && !t.done).length).toBeGreaterThanOrEqual(3);
    expect(tasks.some((t) => t.done)).toBe(true);
    expect(tasks.some((t) => t.assignee_id === lead.id)).toBe(true);
    const docs = await q<{ b64: string; filename_enc: string }>(`SELECT encode(content, 'base64') AS b64, filename_enc FROM case_documents WHERE tenant_id = $1`);
    expect(docs).toHaveLength(2);
    const pdf = crypto.decryptBytes(Buffer.from(docs[0]!.b64.replace(/\s+/g, ''), 'base64'), cryptoContext(tenant.id, 'case_documents', 'content'));
    expect(detectDocumentType(pdf)).toBe('application/pdf');
    const flags = await q<{ kind: string; active: boolean }>('SELECT kind, active FROM case_flags WHERE tenant_id = $1');
    expect(flags.map((f) => [f.kind, f.active]).sort()).toEqual([
      ['deadline', false],
      ['interpreter_needed', true],
      ['safeguarding', true],
    ]);
    expect(detectDocumentType(demoPdf('x'))).toBe('application/pdf');
  });
});
