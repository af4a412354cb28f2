import { describe, expect, it } from 'vitest';
import type { ExistingOffer, ImportCatalog } from './offerTable.ts';
import { validateOfferTable } from './offerTable.ts';

// A hand-made catalog: validation is pure, so these cases need no database.
const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';
const P3 = '33333333-3333-4333-8333-333333333333';
const L1 = '44444444-4444-4444-8444-444444444444';
const F1 = '55555555-5555-4555-8555-555555555555';
const O1 = '66666666-6666-4666-8666-666666666666';

function catalog(): ImportCatalog {
  const texts = { title: 'Sprachcafé', summary: '', description: '', costs: '', requirements: '', registration: '' };
  const offer: ExistingOffer = {
    id: O1,
    status: 'published',
    version: 3,
    sourceVersion: 2,
    providerId: P1,
    languages: ['de'],
    freeOfCharge: true,
    childcare: false,
    barrierFree: false,
    online: false,
    inPerson: true,
    signupUrl: null,
    email: null,
    phone: null,
    fieldIds: [F1],
    targetGroupIds: [],
    areaIds: [],
    locationIds: [],
    translations: new Map([['de', { ...texts, sourceVersion: 2, machine: false }]]),
  };
  return {
    defaultLanguage: 'de',
    languages: ['de', 'en', 'uk'],
    providers: [
      { id: P1, name: 'Caritas', archived: false },
      { id: P2, name: 'Diakonie', archived: false },
      { id: P3, name: 'Diakonie', archived: false },
    ],
    fields: [{ id: F1, key: 'language', names: { de: 'Sprache', en: 'Language' } }],
    targetGroups: [],
    areas: [],
    locations: [
      { id: L1, name: 'Rathaus', archived: false },
      { id: '77777777-7777-4777-8777-777777777777', name: 'Bürgerhaus', archived: false },
      { id: '88888888-8888-4888-8888-888888888888', name: 'bürgerhaus', archived: false },
    ],
    offers: new Map([[O1, offer]]),
  };
}

const validate = (rows: string[][]) => validateOfferTable(rows, catalog());

describe('validateOfferTable', () => {
  it('builds a create plan from German headers, names, keys and yes/no words', () => {
    const result = validate([
      ['Titel_DE', 'Träger', 'Handlungsfelder', 'Standorte', 'Sprachen', 'Kostenlos', 'Kinderbetreuung', 'Online', 'Vor Ort', 'Titel_EN'],
      ['Deutschkurs A1', 'caritas', 'Sprache', 'rathaus', 'de|Englisch|ar', 'x', 'Ja', '1', '', 'German course A1'],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.plans).toHaveLength(1);
    const plan = result.plans[0]!;
    expect(plan).toMatchObject({
      kind: 'create',
      row: 2,
      status: 'draft',
      input: {
        providerId: P1,
        texts: { title: 'Deutschkurs A1' },
        fieldIds: [F1],
        locationIds: [L1],
        languages: ['de', 'en', 'ar'],
        freeOfCharge: true,
        childcare: true,
        online: true,
        inPerson: false,
      },
    });
    expect(plan.translations.get('en')).toMatchObject({ title: 'German course A1' });
  });

  it('reports every faulty cell with the row number as the spreadsheet shows it', () => {
    const result = validate([
      ['title_de', 'provider', 'fields', 'free_of_charge', 'email', 'signup_url', 'status', 'locations', 'languages'],
      ['Gut und richtig', 'Caritas', '', '', '', '', '', '', ''],
      [],
      ['ok', 'Unbekannt e.V.', 'sprache|kochen', 'vielleicht', 'kein-mail', 'www.example.org', 'fertig', 'Bürgerhaus', 'klingonisch'],
    ]);
    const byField = Object.fromEntries(result.errors.map((e) => [e.field, e]));
    expect(result.errors.every((e) => e.row === 4)).toBe(true);
    expect(Object.keys(byField).sort()).toEqual(
      ['email', 'fields', 'free_of_charge', 'languages', 'locations', 'provider', 'signup_url', 'status', 'title_de'].sort(),
    );
    expect(byField.title_de!.message).toMatch(/at least 3/);
    expect(byField.fields!.message).toContain('"kochen"');
    expect(byField.locations!.message).toMatch(/Several locations/);
    expect(byField.provider!.message).toMatch(/Unknown provider/);
    expect(result.rows).toBe(2);
  });

  it('names missing required columns and foreign-language columns; unknown columns only warn', () => {
    const missing = validate([['Bemerkung', 'summary_de', 'title_fr'], ['x', 'y', 'z']]);
    expect(missing.fatal).toBe(true);
    expect(missing.errors.map((e) => e.field).sort()).toEqual(['provider', 'title_de', 'title_fr']);
    const ok = validate([['title_de', 'provider', 'Bemerkung'], ['Kurs A1', 'Caritas', 'intern']]);
    expect(ok.fatal).toBe(false);
    expect(ok.warnings).toEqual([{ row: 1, field: 'Bemerkung', message: expect.stringMatching(/Unknown column/) }]);
  });

  it('rejects a column given twice and ambiguous provider names', () => {
    expect(validate([['title_de', 'Titel_DE', 'provider'], ['a', 'b', 'c']]).errors[0]).toMatchObject({ row: 1, field: 'Titel_DE' });
    const ambiguous = validate([['title_de', 'provider'], ['Kurs A1', 'Diakonie']]);
    expect(ambiguous.errors[0]).toMatchObject({ row: 2, field: 'provider', message: expect.stringMatching(/provider_id/) });
    const byId = validate([['title_de', 'provider', 'provider_id'], ['Kurs A1', 'Diakonie', P3]]);
    expect(byId.errors).toEqual([]);
    expect(byId.plans[0]).toMatchObject({ input: { providerId: P3 } });
  });

  it('finds duplicates inside the file and against stored offers', () => {
    const result = validate([
      ['id', 'title_de', 'provider'],
      ['', 'Kurs A1', 'Caritas'],
      ['', '  kurs   a1 ', 'Caritas'],
      ['', 'Kurs A1', 'Diakonie'],
      ['', 'SPRACHCAFÉ', 'Caritas'],
    ]);
    expect(result.errors).toEqual([
      { row: 3, field: 'title_de', message: expect.stringMatching(/Row 2 already/) },
      { row: 4, field: 'provider', message: expect.stringMatching(/Several providers/) },
      { row: 5, field: 'title_de', message: expect.stringContaining(`exists already (id ${O1})`) },
    ]);
    const update = validate([['id', 'title_de', 'provider'], [O1, 'Sprachcafé', 'Caritas']]);
    expect(update.errors).toEqual([]);
    expect(update.plans[0]).toMatchObject({ kind: 'update', id: O1, input: null, status: null });
  });

  it('updates only what changed, keeps columns that are left out, and checks version and status workflow', () => {
    const result = validate([
      ['id', 'version', 'title_de', 'provider', 'status', 'title_en'],
      [O1, '3', 'Sprachcafé', 'Caritas', 'archived', 'Language café'],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.plans[0]).toMatchObject({ kind: 'update', input: null, status: 'archived' });
    expect((result.plans[0] as { translations: Map<string, unknown> }).translations.get('en')).toMatchObject({ title: 'Language café' });
    const stale = validate([['id', 'version', 'title_de', 'provider', 'status'], [O1, '2', 'Sprachcafé neu', 'Caritas', 'in_review']]);
    expect(stale.errors.map((e) => e.field)).toEqual(['version', 'status']);
    const changed = validate([['id', 'title_de', 'provider'], [O1, 'Sprachcafé am Abend', 'Caritas']]);
    expect(changed.plans[0]).toMatchObject({ input: { texts: { title: 'Sprachcafé am Abend' }, freeOfCharge: true, fieldIds: [F1] } });
  });

  it('rejects unknown ids, wrongly encoded text and shifted columns', () => {
    const result = validate([
      ['id', 'title_de', 'provider'],
      ['99999999-9999-4999-8999-999999999999', 'Kurs A1', 'Caritas'],
      ['', 'Ãœbung fÃ¼r alle', 'Caritas'],
      ['', 'Kurs', ' B1', 'Caritas'],
      ['abc', 'Kurs C1', 'Caritas'],
    ]);
    expect(result.errors).toEqual([
      { row: 2, field: 'id', message: expect.stringMatching(/No offer with id/) },
      { row: 3, field: 'title_de', message: expect.stringMatching(/UTF-8/) },
      { row: 4, field: 'column 4', message: expect.stringMatching(/More cells/) },
      { row: 4, field: 'provider', message: expect.stringMatching(/Unknown provider/) },
      { row: 5, field: 'id', message: expect.stringMatching(/not an offer id/) },
    ]);
  });

  it('needs a title for a translation that has other texts', () => {
    const result = validate([['title_de', 'provider', 'title_uk', 'summary_uk'], ['Kurs A1', 'Caritas', '', 'Курс']]);
    expect(result.errors).toEqual([{ row: 2, field: 'title_uk', message: expect.stringMatching(/title is required/) }]);
  });
});
