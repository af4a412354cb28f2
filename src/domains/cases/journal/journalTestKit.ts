// Test world of the journal tests: the shared case world (two tenants, two teams, case-management
// accounts of every role) plus a programme and cases in and out of each account's scope. Used by
// the *.test.ts files next to it.
import { type CaseWho, type CaseWorld, caseWorld, type HttpMethod } from '../../../test/caseWorld.ts';
import { caseFactory, personFactory, programmeFactory } from '../../../test/factories.ts';

export type Who = CaseWho;
export type Method = HttpMethod;

export interface JournalWorld extends Omit<CaseWorld, 'otherTeam'> {
  /** owned by managerA in team A */
  caseA: { id: string; personId: string };
  /** owned by managerB in team B */
  caseB: { id: string; personId: string };
  /** owned by managerA, the person restricted (Art. 18) */
  caseRestricted: { id: string; personId: string };
  /** a case of the other tenant */
  caseOther: { id: string; personId: string };
  url(caseId: string, rest?: string): string;
  accessLog(caseId: string | null, entityType?: string): Promise<Array<{ action: string; entity_type: string; entity_id: string | null; actor_id: string; person_id: string | null; case_id: string | null; details: Record<string, unknown> }>>;
  /** a further case owned by `owner` in `team` */
  aCase(owner: Who, team: { id: string }, overrides?: Record<string, unknown>): Promise<{ id: string; personId: string }>;
}

export async function journalWorld(env: Record<string, string> = {}): Promise<JournalWorld> {
  const world = await caseWorld({ env });
  const { t, tenant, ids, sql } = world;
  const programme = await programmeFactory(t.db, tenant.id, { code: 'IM' });

  const aCase = async (owner: Who, team: { id: string }, overrides: Record<string, unknown> = {}) => {
    const { restricted, ...caseOverrides } = overrides as { restricted?: boolean };
    const person = await personFactory(t.db, tenant.id, { createdBy: ids[owner], teamId: team.id, restricted: restricted ?? false });
    const row = await caseFactory(t.db, tenant.id, { personId: person.id, programmeId: programme.id, teamId: team.id, ownerId: ids[owner] }, caseOverrides);
    return { id: row.id, personId: person.id };
  };
  const caseA = await aCase('managerA', world.teamA);
  const caseB = await aCase('managerB', world.teamB);
  const caseRestricted = await aCase('managerA', world.teamA, { restricted: true });
  const { id: otherCaseId, personId: otherPersonId } = await world.otherTenantCase();
  const caseOther = { id: otherCaseId, personId: otherPersonId };

  return {
    ...world,
    caseA,
    caseB,
    caseRestricted,
    caseOther,
    aCase,
    url: (caseId, rest = '') => `/api/v1/${tenant.slug}/cases/${caseId}${rest}`,
    accessLog: (caseId, entityType) =>
      sql(
        `SELECT action, entity_type, entity_id, actor_id, person_id, case_id, details FROM case_access_log
          WHERE tenant_id = $1 AND ($2::uuid IS NULL OR case_id = $2) AND ($3::text IS NULL OR entity_type = $3) ORDER BY at, id`,
        [tenant.id, caseId, entityType ?? null],
      ),
  };
}

/** A multipart body with form fields and (optionally) one file. */
export function multipart(fields: Record<string, string>, file?: { field?: string; filename: string; contentType: string; content: Buffer }) {
  const boundary = `----lotsejournal${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A minimal, stored (uncompressed) ZIP archive with the given entries, in order. */
export function zipOf(entries: Array<[name: string, content: string | Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A tiny PDF with a readable marker (the document's content is checked byte for byte). */
export const samplePdf = (marker: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

/** Small valid-looking files of every accepted type, each with a recognisable plaintext marker. */
export const sampleFiles = (marker: string) => ({
  pdf: samplePdf(marker),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`\u0000\u0000\u0000\rIHDR${marker}`)]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`JFIF ${marker}`), Buffer.from([0xff, 0xd9])]),
  odt: zipOf([
    ['mimetype', 'application/vnd.oasis.opendocument.text'],
    ['META-INF/manifest.xml', '<manifest/>'],
    ['content.xml', `<office:document-content>${marker}</office:document-content>`],
  ]),
  docx: zipOf([
    ['[Content_Types].xml', '<Types/>'],
    ['_rels/.rels', '<Relationships/>'],
    ['word/document.xml', `<w:document><w:body>${marker}</w:body></w:document>`],
  ]),
});
