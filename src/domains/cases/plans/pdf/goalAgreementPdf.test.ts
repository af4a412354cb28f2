import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages } from '../../../../test/pdf.ts';
import type { Plan } from '../../../../shared/contracts/casePlans.ts';
import { DEFAULT_FIELDS_OF_ACTION } from '../../../taxonomy/defaultTaxonomy.ts';
import { type PlansWorld, plansWorld, type TestCase } from '../plansTestKit.ts';
import { type GoalAgreementData, renderGoalAgreement } from './goalAgreementPdf.ts';
import { PDF_LABELS } from './pdfLabels.ts';

/**
 * The ActualText of marked content in the page streams: the logical text of lines in Arabic script
 * (shaped glyphs do not map back to letters one by one, so this is how readers copy and search them).
 */
function actualTexts(bytes: Buffer): string[] {
  const raw = bytes.toString('latin1');
  const texts: string[] = [];
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      content = m[1]!;
    }
    const marker = '/ActualText (';
    for (let at = content.indexOf(marker); at >= 0; at = content.indexOf(marker, at + 1)) {
      const bytesOut: number[] = [];
      let i = at + marker.length;
      const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      while (i < content.length && content[i] !== ')') {
        if (content[i] === '\\') {
          i++;
          bytesOut.push(escapes[content[i]!] ?? content.charCodeAt(i));
        } else bytesOut.push(content.charCodeAt(i));
        i++;
      }
      const buf = Buffer.from(bytesOut);
      if (buf[0] === 0xfe && buf[1] === 0xff) texts.push(Buffer.from(buf.subarray(2)).swap16().toString('utf16le'));
      else texts.push(buf.toString('latin1'));
    }
  }
  return texts;
}

describe('goal agreement PDF', () => {
  let w: PlansWorld;
  let c: TestCase;
  let plan: Plan;
  beforeAll(async () => {
    w = await plansWorld();
    c = await w.aCase('managerA', w.teamA, {
      person: { givenName: 'Olena', familyName: 'Kovalenko', birthDate: '1988-07-03', preferredLanguage: 'uk', languages: ['uk', 'ru'] },
    });
    const start = (await w.call('managerA', 'POST', w.url(c.id, '/plans'), {})).json() as Plan;
    const saved = await w.call('managerA', 'PUT', w.url(c.id, `/plans/${start.id}`), {
      lockVersion: start.lockVersion,
      startsOn: start.startsOn,
      goals: [
        {
          fieldOfAction: 'language',
          title: 'Deutschkurs B1 abschließen',
          steps: [{ text: 'Anmeldung beim Integrationskurs', responsible: 'person', done: true }],
          responsible: 'person',
          deadline: '2026-09-30',
        },
        { fieldOfAction: 'work', title: 'Знайти роботу медсестрою', steps: [{ text: 'Anerkennung beantragen', responsible: 'partner' }], responsible: 'partner', responsibleName: 'IQ Netzwerk' },
        { fieldOfAction: 'housing', title: 'إيجاد شقة للعائلة', steps: [], responsible: 'manager' },
      ],
    });
    plan = saved.json() as Plan;
    await w.call('managerA', 'POST', w.url(c.id, `/plans/${plan.id}/agree`), { lockVersion: plan.lockVersion, agreedOn: '2026-02-01' });
  });
  afterAll(() => w.t.close());

  it('German and the person’s language (Ukrainian): a valid PDF with labels, goals, signature lines and page numbers; no name in the file name; logged as print', async () => {
    const res = await w.call('managerA', 'GET', w.url(c.id, `/plans/${plan.id}/pdf`));
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="Zielvereinbarung_.+_v1_de-uk\.pdf"$/);
    expect(disposition).toContain(c.reference);
    expect(disposition).not.toMatch(/Olena|Kovalenko/);
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all = pages.join('\n');
    for (const text of [
      'Stadt Teststadt',
      'Zielvereinbarung',
      'Integrationsmanagement BW',
      'Olena Kovalenko',
      '03.07.1988',
      c.reference,
      'Version 1 – vereinbart am 01.02.2026',
      'Überprüfung spätestens am',
      'Sprache',
      'Ausbildung und Arbeit',
      'Deutschkurs B1 abschließen',
      'Anmeldung beim Integrationskurs',
      'Знайти роботу медсестрою',
      'IQ Netzwerk',
      'Unterschrift der teilnehmenden Person',
      'Unterschrift Integrationsmanager*in',
      'Mara Manager',
      // the Ukrainian section
      PDF_LABELS.uk.title,
      PDF_LABELS.uk.translationNote,
      PDF_LABELS.uk.signaturePerson,
      'Мова',
      'Житло',
      'Версія 1 – узгоджено 01.02.2026',
    ]) {
      expect(all, text).toContain(text);
    }
    expect(pages[0]).toMatch(new RegExp(`Seite 1 von ${pages.length}`));
    expect(pages.at(-1)).toMatch(new RegExp(`Сторінка ${pages.length} з ${pages.length}`));
    // the German section comes first
    expect(all.indexOf('Zielvereinbarung')).toBeLessThan(all.indexOf(PDF_LABELS.uk.title));
    // the Arabic goal title is set in the Arabic font with its logical text attached
    expect(actualTexts(bytes)).toContain('إيجاد شقة للعائلة');
    expect(bytes.toString('latin1')).toMatch(/NotoSansArabic-Bold/);

    const log = await w.accessLog(c.id, 'plan');
    const print = log.filter((e) => e.action === 'print');
    expect(print).toHaveLength(1);
    expect(print[0]).toMatchObject({ entity_id: plan.id, person_id: c.personId, actor_id: w.ids.managerA, purpose: 'goal agreement for signature' });
    expect(print[0]!.details).toEqual({ version: 1, status: 'agreed', languages: ['de', 'uk'] });
  });

  it('Arabic: labels right to left with their logical text; German only on request', async () => {
    const res = await w.call('teamLeadA', 'GET', w.url(c.id, `/plans/${plan.id}/pdf?lang=ar`));
    expect(res.statusCode).toBe(200);
    const bytes = res.rawPayload;
    const pages = await pdfPages(bytes);
    const all = pages.join('\n');
    expect(all).toContain('Zielvereinbarung');
    expect(all).toMatch(/[\u0600-\u06ff]/);
    const actual = actualTexts(bytes);
    for (const label of [PDF_LABELS.ar.title, PDF_LABELS.ar.signaturePerson, PDF_LABELS.ar.translationNote, 'إيجاد شقة للعائلة', 'اللغة', 'السكن']) {
      expect(actual, label).toContain(label);
    }
    expect(actual).toContain(`${PDF_LABELS.ar.version.replace('{n}', '1')} – ${PDF_LABELS.ar.agreedOn.replace('{date}', '01/02/2026')}`);
    expect(String(res.headers['content-disposition'])).toContain('_de-ar.pdf');

    const german = await w.call('managerA', 'GET', w.url(c.id, `/plans/${plan.id}/pdf?lang=de`));
    const germanPages = await pdfPages(german.rawPayload);
    expect(germanPages.join('\n')).not.toContain(PDF_LABELS.uk.title);
    expect(germanPages.join('\n')).toContain('Zielvereinbarung');

    const bad = await w.call('managerA', 'GET', w.url(c.id, `/plans/${plan.id}/pdf?lang=xx`));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('querystring.lang');
    expect((await w.call('managerB', 'GET', w.url(c.id, `/plans/${plan.id}/pdf`))).statusCode).toBe(404);
    expect((await w.accessLog(c.id, 'plan')).filter((e) => e.action === 'print')).toHaveLength(3);
  });

  it('a long plan runs over several pages with numbered pages, in every language of the nine', async () => {
    const data: GoalAgreementData = {
      tenantName: 'Landkreis Beispielkreis',
      programmeName: 'Migrationsberatung',
      caseReference: 'MB-2026-00007',
      person: { name: 'Mehmet Yılmaz', birthDate: '1975-01-31' },
      managerName: null,
      plan: { version: 3, status: 'draft', startsOn: '2026-01-15', agreedOn: null, reviewDueOn: null, updatedOn: '2026-04-01' },
      fields: DEFAULT_FIELDS_OF_ACTION.map((f) => ({ key: f.key, names: f.names, color: f.color })),
      goals: Array.from({ length: 14 }, (_, i) => ({
        fieldOfAction: DEFAULT_FIELDS_OF_ACTION[i % 8]!.key,
        title: `Ziel ${i + 1}: ${'Bewerbungsunterlagen gemeinsam vorbereiten und an passende Stellen senden '.repeat(2)}`,
        steps: Array.from({ length: 3 }, (_, s) => ({ text: `Schritt ${s + 1} – Termin beim Jobcenter vereinbaren`, responsible: 'person' as const, done: s === 0 })),
        responsible: 'manager' as const,
        responsibleName: null,
        deadline: '2026-12-31',
        outcome: i === 0 ? ('reached' as const) : null,
        outcomeOn: i === 0 ? '2026-03-01' : null,
      })),
      printedOn: '2026-04-02',
    };
    for (const lang of ['en', 'fa', 'ru', 'tr', 'ro', 'bg'] as const) {
      const bytes = await renderGoalAgreement(data, ['de', lang]);
      const pages = await pdfPages(bytes);
      expect(pages.length, lang).toBeGreaterThanOrEqual(4);
      const all = pages.join('\n');
      expect(all).toContain('Entwurf – noch nicht vereinbart');
      expect(all).toContain('Mehmet Yılmaz');
      expect(all).toContain('Ziel 14:');
      expect(pages[pages.length - 1]).not.toContain('Seite');
      if (lang === 'fa') expect(actualTexts(bytes)).toContain(PDF_LABELS.fa.title);
      else {
        expect(all, lang).toContain(PDF_LABELS[lang].title);
        expect(all, lang).toContain(PDF_LABELS[lang].draftNote);
      }
      expect(pages[1]).toContain(`Seite 2 von ${pages.length}`);
    }
  });
});
