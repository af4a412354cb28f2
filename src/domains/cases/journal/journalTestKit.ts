// Test world of the journal tests: two tenants, two teams, case-management accounts of every
// role, and cases in and out of each account's scope. Used by the *.test.ts files next to it.
import type { InjectOptions, LightMyRequestResponse as LightResponse } from 'fastify';
import { caseFactory, caseStaffSession, personFactory, programmeFactory, staffSession, teamFactory, tenantFactory } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/testApp.ts';
import type { Tenant } from '../../tenants/tenantService.ts';

export type Who = 'managerA' | 'managerA2' | 'managerB' | 'teamLeadA' | 'teamLeadB' | 'lead' | 'admin' | 'no2fa' | 'otherManager';
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface JournalWorld {
  t: TestApp;
  tenant: Tenant;
  other: Tenant;
  teamA: { id: string };
  teamB: { id: string };
  ids: Record<Who, string>;
  cookies: Record<Who, string>;
  /** owned by managerA in team A */
  caseA: { id: string; personId: string };
  /** owned by managerB in team B */
  caseB: { id: string; personId: string };
  /** owned by managerA, the person restricted (Art. 18) */
  caseRestricted: { id: string; personId: string };
  /** a case of the other tenant */
  caseOther: { id: string; personId: string };
  call(who: Who | null, method: Method, url: string, payload?: unknown, extra?: Partial<InjectOptions>): Promise<LightResponse>;
  url(caseId: string, rest?: string): string;
  sql<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  count(table: string, where?: string, params?: unknown[]): Promise<number>;
  accessLog(caseId: string | null, entityType?: string): Promise<Array<{ action: string; entity_type: string; entity_id: string | null; actor_id: string; person_id: string | null; case_id: string | null; details: Record<string, unknown> }>>;
  /** a further case owned by `owner` in `team` */
  aCase(owner: Who, team: { id: string }, overrides?: Record<string, unknown>): Promise<{ id: string; personId: string }>;
}

export async function journalWorld(env: Record<string, string> = {}): Promise<JournalWorld> {
  const t = await createTestApp(env);
  const tenant = await tenantFactory(t.db);
  const other = await tenantFactory(t.db);
  const teamA = await teamFactory(t.db, tenant.id, { name: 'Team Nord' });
  const teamB = await teamFactory(t.db, tenant.id, { name: 'Team Süd' });
  const programme = await programmeFactory(t.db, tenant.id, { code: 'IM' });
  const ids = {} as Record<Who, string>;
  const cookies = {} as Record<Who, string>;
  const sessions: Array<[Who, Parameters<typeof caseStaffSession>[3]]> = [
    ['managerA', { role: 'integration_manager', teamId: teamA.id, name: 'Mara Manager' }],
    ['managerA2', { role: 'integration_manager', teamId: teamA.id, name: 'Malte Manager' }],
    ['managerB', { role: 'integration_manager', teamId: teamB.id, name: 'Bea Manager' }],
    ['teamLeadA', { role: 'team_lead', teamId: teamA.id, name: 'Tilda Teamleitung' }],
    ['teamLeadB', { role: 'team_lead', teamId: teamB.id, name: 'Timo Teamleitung' }],
    ['lead', { role: 'integration_lead', name: 'Lea Leitung' }],
  ];
  for (const [key, options] of sessions) {
    const s = await caseStaffSession(t.app, t.db, tenant, options);
    cookies[key] = s.cookie;
    ids[key] = s.account.id;
  }
  const otherTeam = await teamFactory(t.db, other.id);
  const otherManager = await caseStaffSession(t.app, t.db, other, { role: 'integration_manager', teamId: otherTeam.id });
  cookies.otherManager = otherManager.cookie;
  ids.otherManager = otherManager.account.id;
  const admin = await staffSession(t.app, t.db, tenant, { role: 'tenant_admin' });
  cookies.admin = admin.cookie;
  ids.admin = admin.account.id;
  const no2fa = await staffSession(t.app, t.db, tenant, { role: 'integration_manager', teamId: teamA.id });
  cookies.no2fa = no2fa.cookie;
  ids.no2fa = no2fa.account.id;

  const aCase = async (owner: Who, team: { id: string }, overrides: Record<string, unknown> = {}) => {
    const { restricted, ...caseOverrides } = overrides as { restricted?: boolean };
    const person = await personFactory(t.db, tenant.id, { createdBy: ids[owner], teamId: team.id, restricted: restricted ?? false });
    const row = await caseFactory(t.db, tenant.id, { personId: person.id, programmeId: programme.id, teamId: team.id, ownerId: ids[owner] }, caseOverrides);
    return { id: row.id, personId: person.id };
  };
  const caseA = await aCase('managerA', teamA);
  const caseB = await aCase('managerB', teamB);
  const caseRestricted = await aCase('managerA', teamA, { restricted: true });
  const otherProgramme = await programmeFactory(t.db, other.id);
  const otherPerson = await personFactory(t.db, other.id);
  const otherCase = await caseFactory(t.db, other.id, { personId: otherPerson.id, programmeId: otherProgramme.id, teamId: otherTeam.id, ownerId: ids.otherManager });
  const caseOther = { id: otherCase.id, personId: otherPerson.id };

  const sql = <R = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.system((tx) => tx.query<R>(text, params));
  return {
    t,
    tenant,
    other,
    teamA,
    teamB,
    ids,
    cookies,
    caseA,
    caseB,
    caseRestricted,
    caseOther,
    aCase,
    sql,
    call: (who, method, url, payload, extra = {}) =>
      t.app.inject({
        method,
        url,
        headers: who ? { cookie: cookies[who] } : {},
        ...(payload === undefined ? {} : { payload: payload as object }),
        ...extra,
      }),
    url: (caseId, rest = '') => `/api/v1/${tenant.slug}/cases/${caseId}${rest}`,
    async count(table, where = 'true', params = []) {
      const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
      return Number(row?.n ?? 0);
    },
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

/** Small valid-looking files of every accepted type, each with a recognisable plaintext marker. */
export const sampleFiles = (marker: string) => ({
  pdf: Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n`),
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
