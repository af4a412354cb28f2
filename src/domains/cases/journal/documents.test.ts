import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDocument, CaseDocumentList, ExpiringList } from '../../../shared/contracts/caseJournal.ts';
import { findTraces } from '../../../test/traces.ts';
import { today as berlinToday } from '../../actors/day.ts';
import { detectDocumentType } from './documentTypes.ts';
import { addDays } from './journalCommon.ts';
import { expiringDocuments } from './journalQueries.ts';
import { type JournalWorld, journalWorld, multipart, sampleFiles, type Who, zipOf } from './journalTestKit.ts';

const LIMIT = 64 * 1024;

describe('case journal: documents', () => {
  let w: JournalWorld;
  const today = berlinToday();
  beforeAll(async () => {
    w = await journalWorld({ UPLOAD_LIMIT_BYTES: String(LIMIT) });
  });
  afterAll(() => w.t.close());

  const documents = (caseId: string, rest = '') => w.url(caseId, `/documents${rest}`);
  const upload = (who: Who, caseId: string, fields: Record<string, string>, file?: Parameters<typeof multipart>[1]) => {
    const body = multipart(fields, file);
    return w.call(who, 'POST', documents(caseId), undefined, { payload: body.payload, headers: { cookie: w.cookies[who], ...body.headers } });
  };
  const docCount = (caseId?: string) => (caseId ? w.count('case_documents', 'case_id = $1', [caseId]) : w.count('case_documents'));

  it('recognises the accepted types by their bytes only', () => {
    const files = sampleFiles('x');
    expect(detectDocumentType(files.pdf)).toBe('application/pdf');
    expect(detectDocumentType(files.png)).toBe('image/png');
    expect(detectDocumentType(files.jpeg)).toBe('image/jpeg');
    expect(detectDocumentType(files.odt)).toBe('application/vnd.oasis.opendocument.text');
    expect(detectDocumentType(files.docx)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(detectDocumentType(Buffer.from('Hallo Welt'))).toBeNull();
    expect(detectDocumentType(Buffer.from('MZ\x90\x00 program'))).toBeNull();
    expect(detectDocumentType(zipOf([['[Content_Types].xml', '<Types/>'], ['xl/workbook.xml', '<workbook/>']]))).toBeNull();
    expect(detectDocumentType(zipOf([['[Content_Types].xml', '<Types/>'], ['word/document.xml', '<w/>'], ['word/vbaProject.bin', 'macro']]))).toBeNull();
    expect(detectDocumentType(zipOf([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'], ['content.xml', '<x/>']]))).toBeNull();
    expect(detectDocumentType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBeNull();
  });

  it('uploads every accepted type encrypted; lists and downloads them decrypted under a neutral name; logs reads', async () => {
    const c = await w.aCase('managerA', w.teamA);
    const files = sampleFiles('KLARTEXT-MARKER-4711');
    const sent: Array<[keyof typeof files, string, string]> = [
      ['pdf', 'Aufenthaltstitel Amal Haddad.pdf', 'application/pdf'],
      ['png', 'pass_scan.png', 'image/png'],
      ['jpeg', 'zeugnis.jpg', 'image/jpeg'],
      ['odt', 'antrag.odt', 'application/vnd.oasis.opendocument.text'],
      ['docx', 'brief.docx', 'application/octet-stream'],
    ];
    const uploaded: CaseDocument[] = [];
    for (const [kind, filename, contentType] of sent) {
      const res = await upload('managerA', c.id, { docType: kind === 'pdf' ? 'residence_permit' : 'other', expiresOn: kind === 'pdf' ? addDays(today, 20) : '' }, {
        filename,
        contentType,
        content: files[kind],
      });
      expect(res.statusCode, `${kind}: ${res.body}`).toBe(201);
      uploaded.push(res.json() as CaseDocument);
    }
    expect(uploaded[0]).toMatchObject({
      docType: 'residence_permit',
      filename: 'Aufenthaltstitel Amal Haddad.pdf',
      mimeType: 'application/pdf',
      sizeBytes: files.pdf.length,
      expiresOn: addDays(today, 20),
      remindBeforeDays: 30,
      expiringSoon: true,
      expired: false,
      uploadedByName: 'Mara Manager',
    });
    expect(uploaded.map((d) => d.mimeType)).toEqual([
      'application/pdf',
      'image/png',
      'image/jpeg',
      'application/vnd.oasis.opendocument.text',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);

    const list = (await w.call('teamLeadA', 'GET', documents(c.id))).json() as CaseDocumentList;
    expect(list.items).toHaveLength(5);

    const download = await w.call('teamLeadA', 'GET', documents(c.id, `/${uploaded[0]!.id}/content`));
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(files.pdf)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="dokument-${uploaded[0]!.id.slice(0, 8)}.pdf"`);
    expect(download.headers['cache-control']).toBe('no-store');
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    // at rest: the bytea holds ciphertext only, the file name is encrypted, nothing in plaintext anywhere
    const raw = await w.sql<{ b64: string; filename_enc: string }>(
      `SELECT encode(content, 'base64') AS b64, filename_enc FROM case_documents WHERE case_id = $1`,
      [c.id],
    );
    expect(raw).toHaveLength(5);
    for (const r of raw) {
      const stored = Buffer.from(r.b64.replace(/\s+/g, ''), 'base64');
      expect(stored.subarray(0, 5).toString()).toBe('LENC1');
      expect(stored.includes(Buffer.from('KLARTEXT-MARKER-4711'))).toBe(false);
      expect(stored.includes(Buffer.from('%PDF-'))).toBe(false);
      expect(r.filename_enc).toMatch(/^enc:v1:/);
    }
    expect(await findTraces(w.t.db, ['KLARTEXT-MARKER-4711', 'Aufenthaltstitel Amal Haddad', 'pass_scan'])).toEqual([]);

    const log = await w.accessLog(c.id, 'case_document');
    expect(log.map((l) => [l.action, l.actor_id])).toEqual([
      ...sent.map(() => ['create', w.ids.managerA]),
      ['list', w.ids.teamLeadA],
      ['read', w.ids.teamLeadA],
    ]);
    expect(log.at(-1)).toMatchObject({ entity_id: uploaded[0]!.id, person_id: c.personId, details: { download: true, docType: 'residence_permit' } });
    expect(JSON.stringify(log)).not.toContain('Aufenthaltstitel');
  });

  it('refuses wrong types (415), oversized files (413) and bad fields (400) naming the field; nothing is written', async () => {
    const c = await w.aCase('managerA', w.teamA);
    const files = sampleFiles('x');
    const cases: Array<[string, Record<string, string>, Parameters<typeof multipart>[1] | undefined, number, string]> = [
      ['plain text', { docType: 'letter' }, { filename: 'brief.txt', contentType: 'text/plain', content: Buffer.from('Sehr geehrte Damen und Herren') }, 415, 'file'],
      ['a program named .pdf', { docType: 'letter' }, { filename: 'brief.pdf', contentType: 'application/pdf', content: Buffer.from('MZ\x90\x00\x03 this program') }, 415, 'file'],
      ['HTML named .pdf', { docType: 'letter' }, { filename: 'x.pdf', contentType: 'application/pdf', content: Buffer.from('<html><script>alert(1)</script></html>') }, 415, 'file'],
      ['a spreadsheet', { docType: 'other' }, { filename: 'liste.xlsx', contentType: 'application/octet-stream', content: zipOf([['[Content_Types].xml', '<T/>'], ['xl/workbook.xml', '<w/>']]) }, 415, 'file'],
      ['a PNG declared as PDF', { docType: 'other' }, { filename: 'scan.pdf', contentType: 'application/pdf', content: files.png }, 415, 'file'],
      ['an empty file', { docType: 'other' }, { filename: 'leer.pdf', contentType: 'application/pdf', content: Buffer.alloc(0) }, 400, 'file'],
      ['too large', { docType: 'other' }, { filename: 'gross.pdf', contentType: 'application/pdf', content: Buffer.concat([files.pdf, Buffer.alloc(LIMIT + 1, 0x20)]) }, 413, 'file'],
      ['no file', { docType: 'other' }, undefined, 400, 'file'],
      ['a file in another field', { docType: 'other' }, { field: 'upload', filename: 'a.pdf', contentType: 'application/pdf', content: files.pdf }, 400, 'file'],
      ['no type', {}, { filename: 'a.pdf', contentType: 'application/pdf', content: files.pdf }, 400, 'docType'],
      ['unknown type', { docType: 'passport' }, { filename: 'a.pdf', contentType: 'application/pdf', content: files.pdf }, 400, 'docType'],
      ['impossible expiry', { docType: 'id_copy', expiresOn: '2026-02-30' }, { filename: 'a.pdf', contentType: 'application/pdf', content: files.pdf }, 400, 'expiresOn'],
      ['reminder out of range', { docType: 'id_copy', remindBeforeDays: '400' }, { filename: 'a.pdf', contentType: 'application/pdf', content: files.pdf }, 400, 'remindBeforeDays'],
      ['an unknown field', { docType: 'id_copy', owner: 'x' }, { filename: 'a.pdf', contentType: 'application/pdf', content: files.pdf }, 400, 'owner'],
    ];
    for (const [label, fields, file, status, field] of cases) {
      const res = await upload('managerA', c.id, fields, file);
      expect(res.statusCode, `${label}: ${res.body}`).toBe(status);
      expect(res.json().error.field, label).toBe(field);
    }
    const json = await w.call('managerA', 'POST', documents(c.id), { docType: 'other' });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.field).toBe('file');
    expect(await docCount(c.id)).toBe(0);
    expect((await w.accessLog(c.id, 'case_document')).filter((l) => l.action === 'create')).toEqual([]);
  });

  it('scope and restriction: 404 outside the scope, 403 "restricted" for uploads and deletions; nothing written', async () => {
    const files = sampleFiles('y');
    const file = { filename: 'a.pdf', contentType: 'application/pdf', content: files.pdf };
    const before = await docCount();
    for (const [who, caseId] of [
      ['managerB', w.caseA.id],
      ['teamLeadB', w.caseA.id],
      ['managerA', w.caseOther.id],
      ['admin', w.caseA.id],
    ] as const) {
      expect((await upload(who, caseId, { docType: 'other' }, file)).statusCode, who).toBe(404);
      expect((await w.call(who, 'GET', documents(caseId))).statusCode, who).toBe(404);
    }
    const restricted = await upload('managerA', w.caseRestricted.id, { docType: 'other' }, file);
    expect(restricted.statusCode).toBe(403);
    expect(restricted.json().error.field).toBe('restricted');
    expect(await docCount()).toBe(before);

    const c = await w.aCase('managerA', w.teamA);
    const doc = (await upload('managerA', c.id, { docType: 'certificate' }, file)).json() as CaseDocument;
    expect((await w.call('managerB', 'GET', documents(c.id, `/${doc.id}/content`))).statusCode).toBe(404);
    expect((await w.call('managerB', 'DELETE', documents(c.id, `/${doc.id}`))).statusCode).toBe(404);
    expect((await w.call('managerA', 'GET', documents(w.caseA.id, `/${doc.id}/content`))).statusCode).toBe(404);
    await w.sql('UPDATE persons SET restricted = true WHERE id = $1', [c.personId]);
    const del = await w.call('managerA', 'DELETE', documents(c.id, `/${doc.id}`));
    expect(del.statusCode).toBe(403);
    expect((await w.call('managerA', 'PATCH', documents(c.id, `/${doc.id}`), { version: 1, docType: 'letter' })).statusCode).toBe(403);
    // reading stays possible
    expect((await w.call('managerA', 'GET', documents(c.id, `/${doc.id}/content`))).statusCode).toBe(200);
    expect(await docCount(c.id)).toBe(1);
  });

  it('corrects type and expiry with history, deletes for good; both logged', async () => {
    const c = await w.aCase('managerA', w.teamA);
    const files = sampleFiles('z');
    const doc = (await upload('managerA', c.id, { docType: 'other', expiresOn: addDays(today, 100), remindBeforeDays: '14' }, {
      filename: 'ausweis.jpg',
      contentType: 'image/jpeg',
      content: files.jpeg,
    })).json() as CaseDocument;
    expect(doc).toMatchObject({ remindBeforeDays: 14, expiringSoon: false });
    const url = documents(c.id, `/${doc.id}`);
    const fixed = await w.call('managerA', 'PATCH', url, { version: 1, docType: 'id_copy', expiresOn: addDays(today, 10) });
    expect(fixed.json()).toMatchObject({ docType: 'id_copy', expiresOn: addDays(today, 10), expiringSoon: true, version: 2 });
    expect((await w.call('managerA', 'PATCH', url, { version: 1, expiresOn: null })).statusCode).toBe(409);
    expect((await w.call('managerA', 'PATCH', url, { version: 2, expiresOn: '2026-02-30' })).json().error.field).toBe('body.expiresOn');
    expect((await w.call('managerA', 'PATCH', url, { version: 2, remindBeforeDays: -1 })).json().error.field).toBe('body.remindBeforeDays');
    const history = await w.sql<{ field: string }>(`SELECT field FROM record_history WHERE entity_id = $1 ORDER BY field`, [doc.id]);
    expect(history.map((h) => h.field)).toEqual(['docType', 'expiresOn']);

    const deleted = await w.call('teamLeadA', 'DELETE', url);
    expect(deleted.statusCode).toBe(204);
    expect(await docCount(c.id)).toBe(0);
    expect((await w.call('managerA', 'GET', `${url}/content`)).statusCode).toBe(404);
    expect((await w.call('managerA', 'DELETE', url)).statusCode).toBe(404);
    const log = await w.accessLog(c.id, 'case_document');
    expect(log.map((l) => l.action)).toEqual(['create', 'update', 'delete']);
    expect(log[2]).toMatchObject({ actor_id: w.ids.teamLeadA, entity_id: doc.id, details: { docType: 'id_copy' } });
  });

  it('lists expiring documents of open cases in scope (own reminder period or N days), expired ones too', async () => {
    const files = sampleFiles('e');
    const file = { filename: 'titel.pdf', contentType: 'application/pdf', content: files.pdf };
    const open = await w.aCase('managerA2', w.teamA);
    const closed = await w.aCase('managerA2', w.teamA, { state: 'closed', closedOn: today, closingReason: 'goals_reached' });
    const teamB = await w.aCase('managerB', w.teamB);
    const put = async (who: Who, caseId: string, expiresOn: string, remind = '30') => {
      const res = await upload(who, caseId, { docType: 'residence_permit', expiresOn, remindBeforeDays: remind }, file);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as CaseDocument;
    };
    const soon = await put('managerA2', open.id, addDays(today, 10));
    const later = await put('managerA2', open.id, addDays(today, 60));
    const expired = await put('managerA2', open.id, addDays(today, -1));
    await put('managerA2', closed.id, addDays(today, 5));
    const inB = await put('managerB', teamB.id, addDays(today, 3));
    await upload('managerA2', open.id, { docType: 'letter' }, file);

    const url = (query = '') => `/api/v1/${w.tenant.slug}/cases/documents/expiring${query}`;
    const here = new Set([open.id, closed.id, teamB.id]);
    const ids = async (who: Who, query = '') =>
      ((await w.call(who, 'GET', url(query))).json() as ExpiringList).items.filter((i) => here.has(i.caseId)).map((i) => i.id);
    expect(await ids('managerA2')).toEqual([expired.id, soon.id]);
    expect(await ids('managerA2', '?days=90')).toEqual([expired.id, soon.id, later.id]);
    expect(await ids('managerA2', '?days=0')).toEqual([expired.id]);
    expect(await ids('teamLeadA')).toEqual([expired.id, soon.id]);
    expect(await ids('managerB')).toEqual([inB.id]);
    expect(await ids('lead')).toEqual([expired.id, inB.id, soon.id]);
    const items = ((await w.call('managerA2', 'GET', url())).json() as ExpiringList).items.filter((i) => here.has(i.caseId));
    expect(items[0]).toMatchObject({ daysLeft: -1, docType: 'residence_permit', caseId: open.id });
    expect(items[1]?.daysLeft).toBe(10);
    expect((await w.call('managerA2', 'GET', url('?days=400'))).statusCode).toBe(400);
    expect((await w.call('admin', 'GET', url())).statusCode).toBe(403);
    const direct = await w.t.db.tenant(w.tenant.id, (tx) => expiringDocuments(tx, { kind: 'team', userId: w.ids.teamLeadB, teamId: w.teamB.id }, 30, { today }));
    expect(direct.map((d) => d.id)).toEqual([inB.id]);
    const list = (await w.call('managerA2', 'GET', documents(open.id))).json() as CaseDocumentList;
    expect(list.items.find((d) => d.id === expired.id)).toMatchObject({ expired: true, expiringSoon: false });
    expect(list.items.find((d) => d.id === later.id)).toMatchObject({ expired: false, expiringSoon: false });
  });
});
