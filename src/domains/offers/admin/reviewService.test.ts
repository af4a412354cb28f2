import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerFactory, providerFactory, staffSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/testApp.ts';
import { offerBody, offerState, offerWorld, type OfferWorld } from './offerTestKit.ts';

describe('partner self-service and review', () => {
  let t: TestApp;
  let w: OfferWorld;
  const base = () => `/api/v1/${w.tenant.slug}/admin`;

  beforeAll(async () => {
    t = await createTestApp();
    w = await offerWorld(t);
  });
  afterAll(() => t.close());

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const published = (title = 'Sprachcafé', providerId = w.providerA.id) =>
    offerFactory(t.db, w.tenant.id, { providerId, status: 'published', texts: { de: { title }, en: { title: `${title} EN` } } });
  const liveTitle = async (id: string) =>
    (await t.db.tenant(w.tenant.id, (tx) => tx.query<{ title: string }>("SELECT title FROM offer_translations WHERE offer_id = $1 AND lang = 'de'", [id])))[0]!.title;

  describe('partner creating and submitting', () => {
    it('creates a draft for its own provider only, never published at once; writes nothing when refused', async () => {
      const before = await offerState(t.db, w.tenant.id);
      const other = await inject('POST', `${base()}/offers`, w.cookies.partnerA, offerBody(w.providerB.id));
      expect(other.statusCode).toBe(403);
      expect(other.json().error.field).toBe('providerId');
      expect((await inject('POST', `${base()}/offers?publish=true`, w.cookies.partnerA, offerBody(w.providerA.id))).statusCode).toBe(403);
      expect(await offerState(t.db, w.tenant.id)).toBe(before);

      const res = await inject('POST', `${base()}/offers`, w.cookies.partnerA, offerBody(w.providerA.id));
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ status: 'draft', providerId: w.providerA.id });
    });

    it('edits its draft directly, submits it for review, and cannot publish', async () => {
      const { id } = (await inject('POST', `${base()}/offers`, w.cookies.partnerA, offerBody(w.providerA.id))).json();
      const edited = await inject('PUT', `${base()}/offers/${id}`, w.cookies.partnerA, { ...offerBody(w.providerA.id, { texts: { title: 'Neuer Titel' } }), version: 1 });
      expect(edited.json()).toMatchObject({ texts: { title: 'Neuer Titel' }, pendingChange: null, version: 2 });
      const submitted = await inject('POST', `${base()}/offers/${id}/status`, w.cookies.partnerA, { status: 'in_review', version: 2 });
      expect(submitted.json().status).toBe('in_review');
      const before = await offerState(t.db, w.tenant.id);
      const publish = await inject('POST', `${base()}/offers/${id}/status`, w.cookies.partnerA, { status: 'published', version: 3 });
      expect(publish.statusCode).toBe(403);
      const withdraw = await inject('POST', `${base()}/offers/${id}/status`, w.cookies.partnerA, { status: 'draft', version: 3 });
      expect(withdraw.statusCode).toBe(403);
      expect(await offerState(t.db, w.tenant.id)).toBe(before);
    });

    it('cannot archive, unpublish or move an offer to another provider', async () => {
      const offer = await published();
      const before = await offerState(t.db, w.tenant.id);
      expect((await inject('POST', `${base()}/offers/${offer.id}/status`, w.cookies.partnerA, { status: 'archived', version: 1 })).statusCode).toBe(403);
      expect((await inject('POST', `${base()}/offers/${offer.id}/status`, w.cookies.partnerA, { status: 'draft', version: 1 })).statusCode).toBe(403);
      const move = await inject('PUT', `${base()}/offers/${offer.id}`, w.cookies.partnerA, { ...offerBody(w.providerB.id), version: 1 });
      expect(move.statusCode).toBe(403);
      expect(move.json().error.field).toBe('providerId');
      expect(await offerState(t.db, w.tenant.id)).toBe(before);
    });

    it('cannot change an archived offer', async () => {
      const offer = await offerFactory(t.db, w.tenant.id, { providerId: w.providerA.id, status: 'archived' });
      const res = await inject('PUT', `${base()}/offers/${offer.id}`, w.cookies.partnerA, { ...offerBody(w.providerA.id), version: 1 });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('pending changes to published offers', () => {
    it('stores a partner edit of a published offer as pending change; the live offer stays unchanged', async () => {
      const offer = await published('Nähcafé');
      const res = await inject('PUT', `${base()}/offers/${offer.id}`, w.cookies.partnerA, {
        ...offerBody(w.providerA.id, { texts: { title: 'Nähcafé am Markt' }, online: true }),
        version: 1,
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ status: 'published', texts: { title: 'Nähcafé' }, online: false, sourceVersion: 1, version: 2 });
      expect(body.pendingChange).toMatchObject({ submittedByName: 'Paula Partner', data: { texts: { title: 'Nähcafé am Markt' }, online: true } });
      expect(await liveTitle(offer.id)).toBe('Nähcafé');
      const [rev] = (await inject('GET', `${base()}/offers/${offer.id}/revisions`, w.cookies.partnerA)).json().items;
      expect(rev).toMatchObject({ action: 'change_submitted', actorName: 'Paula Partner' });
      expect(rev.changes['texts.title']).toEqual(['Nähcafé', 'Nähcafé am Markt']);
    });

    it('applies a partner edit directly when the provider is trusted', async () => {
      const trusted = await providerFactory(t.db, w.tenant.id, { trusted: true });
      const { cookie } = await staffSession(t.app, t.db, w.tenant, { role: 'partner_editor', providerId: trusted.id });
      const offer = await published('Lernhilfe', trusted.id);
      const res = await inject('PUT', `${base()}/offers/${offer.id}`, cookie, { ...offerBody(trusted.id, { texts: { title: 'Lernhilfe plus' } }), version: 1 });
      expect(res.json()).toMatchObject({ texts: { title: 'Lernhilfe plus' }, pendingChange: null, sourceVersion: 2 });
      expect(res.json().translations.find((x: { lang: string }) => x.lang === 'en').status).toBe('outdated');
    });

    it('lists pending changes and offers in review for the office only', async () => {
      const pendingOffer = await published('Kochtreff');
      await inject('PUT', `${base()}/offers/${pendingOffer.id}`, w.cookies.partnerA, { ...offerBody(w.providerA.id, { texts: { title: 'Kochtreff international' } }), version: 1 });
      const { id: reviewId } = (await inject('POST', `${base()}/offers`, w.cookies.partnerA, offerBody(w.providerA.id, { texts: { title: 'Zur Prüfung' } }))).json();
      await inject('POST', `${base()}/offers/${reviewId}/status`, w.cookies.partnerA, { status: 'in_review', version: 1 });

      expect((await t.app.inject(`${base()}/reviews`)).statusCode).toBe(401);
      expect((await inject('GET', `${base()}/reviews`, w.cookies.partnerA)).statusCode).toBe(403);
      expect((await inject('GET', `${base()}/reviews`, w.cookies.otherOffice)).statusCode).toBe(403);
      const res = await inject('GET', `${base()}/reviews?pageSize=100`, w.cookies.office);
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as Array<{ offerId: string; kind: string; changes: Record<string, unknown>; submittedByName: string }>;
      const pending = items.find((i) => i.offerId === pendingOffer.id)!;
      expect(pending).toMatchObject({ kind: 'pending_change', submittedByName: 'Paula Partner', providerName: 'Caritas', title: 'Kochtreff' });
      expect(pending.changes['texts.title']).toEqual(['Kochtreff', 'Kochtreff international']);
      expect(items.find((i) => i.offerId === reviewId)).toMatchObject({ kind: 'in_review', submittedByName: 'Paula Partner', title: 'Zur Prüfung' });
    });

    it('approves a pending change: applied with revision and audit, translations outdated', async () => {
      const offer = await published('Fahrradkurs');
      await inject('PUT', `${base()}/offers/${offer.id}`, w.cookies.partnerA, { ...offerBody(w.providerA.id, { texts: { title: 'Fahrradkurs für Frauen' } }), version: 1 });
      const res = await inject('POST', `${base()}/offers/${offer.id}/review`, w.cookies.office, { decision: 'approve' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ texts: { title: 'Fahrradkurs für Frauen' }, pendingChange: null, sourceVersion: 2, status: 'published' });
      expect(res.json().translations.find((x: { lang: string }) => x.lang === 'en').status).toBe('outdated');
      const [rev] = (await inject('GET', `${base()}/offers/${offer.id}/revisions`, w.cookies.office)).json().items;
      expect(rev).toMatchObject({ action: 'change_approved', actorName: 'Olga Office' });
      expect(rev.changes['texts.title']).toEqual(['Fahrradkurs', 'Fahrradkurs für Frauen']);
      const audit = await t.db.system((tx) => tx.query<{ action: string }>('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at', [offer.id]));
      expect(audit.map((a) => a.action)).toContain('offer.change_approved');
    });

    it('rejects a pending change only with a comment, dropping it and keeping the comment', async () => {
      const offer = await published('Schachclub');
      await inject('PUT', `${base()}/offers/${offer.id}`, w.cookies.partnerA, { ...offerBody(w.providerA.id, { texts: { title: 'Schachclub XXL' } }), version: 1 });
      const before = await offerState(t.db, w.tenant.id);
      const bare = await inject('POST', `${base()}/offers/${offer.id}/review`, w.cookies.office, { decision: 'reject' });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().error.field).toContain('comment');
      expect((await inject('POST', `${base()}/offers/${offer.id}/review`, w.cookies.office, { decision: 'maybe' })).statusCode).toBe(400);
      expect((await inject('POST', `${base()}/offers/${offer.id}/review`, w.cookies.partnerA, { decision: 'approve' })).statusCode).toBe(403);
      expect(await offerState(t.db, w.tenant.id)).toBe(before);

      const res = await inject('POST', `${base()}/offers/${offer.id}/review`, w.cookies.office, { decision: 'reject', comment: 'Titel bitte sachlich' });
      expect(res.json()).toMatchObject({ texts: { title: 'Schachclub' }, pendingChange: null });
      const [rev] = (await inject('GET', `${base()}/offers/${offer.id}/revisions`, w.cookies.partnerA)).json().items;
      expect(rev).toMatchObject({ action: 'change_rejected', changes: { comment: [null, 'Titel bitte sachlich'] } });
    });

    it('publishes an offer in review on approval, sends it back to draft on rejection', async () => {
      const a = await offerFactory(t.db, w.tenant.id, { providerId: w.providerA.id, status: 'in_review', publishedAt: null });
      const approved = await inject('POST', `${base()}/offers/${a.id}/review`, w.cookies.office, { decision: 'approve', comment: 'Passt' });
      expect(approved.json().status).toBe('published');
      expect(approved.json().publishedAt).not.toBeNull();
      const b = await offerFactory(t.db, w.tenant.id, { providerId: w.providerA.id, status: 'in_review' });
      const rejected = await inject('POST', `${base()}/offers/${b.id}/review`, w.cookies.office, { decision: 'reject', comment: 'Bitte Ort ergänzen' });
      expect(rejected.json().status).toBe('draft');
    });

    it('answers 422 when there is nothing to review, 404 for an unknown offer', async () => {
      const offer = await offerFactory(t.db, w.tenant.id, { providerId: w.providerA.id, status: 'draft' });
      const before = await offerState(t.db, w.tenant.id);
      const res = await inject('POST', `${base()}/offers/${offer.id}/review`, w.cookies.office, { decision: 'approve' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('invalid_state_transition');
      expect((await inject('POST', `${base()}/offers/00000000-0000-4000-8000-000000000000/review`, w.cookies.office, { decision: 'approve' })).statusCode).toBe(404);
      expect(await offerState(t.db, w.tenant.id)).toBe(before);
    });
  });
});
