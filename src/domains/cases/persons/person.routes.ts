import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import type { FastifyRequest } from 'fastify';
import type { RouteRegistrar } from '../../../server/types.ts';
import {
  casePerson,
  duplicateQuery,
  duplicateResult,
  historyPage,
  historyQuery,
  household,
  householdCreate,
  householdMemberBody,
  householdMemberParams,
  householdUpdate,
  mergeBody,
  personCases,
  personCreate,
  personPage,
  personParams,
  personSearch,
  personUpdate,
  restrictionBody,
  tenantParams,
} from '../../../shared/contracts/casePersons.ts';
import { errorResponses } from '../../../shared/contracts/common.ts';
import type { Tx } from '../../../db/database.ts';
import { loadPerson } from '../caseLookup.ts';
import { requireCaseStaff, type CaseStaffContext } from '../caseAccess.ts';
import { findDuplicates } from './duplicates.ts';
import { addMember, createHousehold, readHousehold, removeMember, updateHousehold } from './householdService.ts';
import { mergePersons } from './mergeService.ts';
import { authorizeRestriction } from './person.policy.ts';
import {
  casesOfPerson,
  createPerson,
  type PersonCtx,
  personHistory,
  presentPerson,
  readPerson,
  searchPersons,
  setRestriction,
  survivorOf,
  updatePerson,
} from './personService.ts';

const tags = ['persons'];

/** Persons and households of case management: record, search, duplicate check, merge, Art. 16/18. */
export const personRoutes: RouteRegistrar = (app, ctx) => {
  const base = '/api/v1/:tenant/persons';

  /** Runs `fn` in the tenant's transaction with the person context of the signed-in case worker. */
  const inTenant = <T>(staff: CaseStaffContext, fn: (pctx: PersonCtx) => Promise<T>) =>
    ctx.db.tenant(staff.tenant.id, (tx: Tx) => fn({ tx, crypto: ctx.crypto, actor: staff.actor, scope: staff.scope }));
  const staffFor = (request: FastifyRequest, slug: string, denyAs: 'not_found' | 'forbidden' = 'not_found') => requireCaseStaff(request, ctx, slug, { denyAs });

  app.post(
    `${base}/search`,
    {
      schema: {
        tags,
        summary: 'Search persons in the actor’s scope (names in the body, never in the URL); paged',
        params: tenantParams,
        body: personSearch,
        response: { 200: personPage, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await staffFor(request, request.params.tenant, 'forbidden');
      const { items, total } = await inTenant(staff, (pctx) => searchPersons(pctx, request.body));
      return { items, total, page: request.body.page, pageSize: request.body.pageSize };
    },
  );

  app.post(
    `${base}/duplicates`,
    {
      schema: {
        tags,
        summary: 'Likely duplicates of a person (names, transliterations, phonetics, birth date); records outside the scope only as a hint',
        params: tenantParams,
        body: duplicateQuery,
        response: { 200: duplicateResult, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await staffFor(request, request.params.tenant, 'forbidden');
      const { candidates, hints } = await inTenant(staff, (pctx) => findDuplicates(pctx, request.body));
      return { candidates, hints };
    },
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Record a person; 409 duplicate with the candidates unless confirmedNotDuplicate',
        params: tenantParams,
        body: personCreate,
        response: { 201: casePerson, ...errorResponses },
      },
    },
    async (request, reply) => {
      const staff = await staffFor(request, request.params.tenant, 'forbidden');
      const body = request.body;
      const outcome = await inTenant(staff, async (pctx) => {
        if (!body.confirmedNotDuplicate) {
          const check = await findDuplicates(pctx, {
            givenName: body.givenName,
            familyName: body.familyName,
            otherNames: body.otherNames,
            birthDate: body.birthDate,
          });
          // The check (and its access-log entry) commits; the person is not created.
          if (check.likelyVisible > 0) return { duplicates: { candidates: check.candidates, hints: check.hints } } as const;
        }
        return { person: await presentPerson(pctx, await createPerson(pctx, body)) } as const;
      });
      if ('duplicates' in outcome) {
        throw new AppError('duplicate', 'A likely duplicate of this person is already recorded; open it, or confirm that this is another person', {
          field: 'confirmedNotDuplicate',
          details: outcome.duplicates,
        });
      }
      return reply.status(201).send(outcome.person);
    },
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary:
          'One person (logged). A merged-away record answers with the surviving record (its id differs; Content-Location names it) — no HTTP redirect, which browsers would upgrade to https',
        params: personParams,
        response: { 200: casePerson, ...errorResponses },
      },
    },
    async (request, reply) => {
      const staff = await staffFor(request, request.params.tenant);
      const person = await inTenant(staff, async (pctx) => {
        try {
          return await readPerson(pctx, request.params.id);
        } catch (e) {
          if (!(e instanceof AppError) || e.code !== 'not_found') throw e;
          const survivor = await survivorOf(pctx.tx, pctx.scope, request.params.id);
          if (!survivor) throw e;
          return readPerson(pctx, survivor);
        }
      });
      if (person.id !== request.params.id) reply.header('content-location', `/api/v1/${encodeURIComponent(request.params.tenant)}/persons/${person.id}`);
      return person;
    },
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Correct a person’s data (only the fields sent); optimistic locking by version; every change kept in the history',
        params: personParams,
        body: personUpdate,
        response: { 200: casePerson, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await staffFor(request, request.params.tenant);
      return inTenant(staff, async (pctx) => presentPerson(pctx, await updatePerson(pctx, request.params.id, request.body)));
    },
  );

  app.post(
    `${base}/:id/restriction`,
    {
      schema: {
        tags,
        summary: 'Restrict processing (Art. 18 GDPR) or lift the restriction (team lead, integration lead), with a reason',
        params: personParams,
        body: restrictionBody,
        response: { 200: casePerson, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await staffFor(request, request.params.tenant);
      return inTenant(staff, async (pctx) => {
        await loadPerson(pctx.tx, pctx.scope, request.params.id);
        authorizeRestriction(pctx.scope, request.body.restricted);
        return presentPerson(pctx, await setRestriction(pctx, request.params.id, request.body.restricted, request.body.reason));
      });
    },
  );

  app.post(
    `${base}/:id/merge`,
    {
      schema: {
        tags,
        summary: 'Merge another record of the same person into this one (per field choice); moves cases and all related data',
        params: personParams,
        body: mergeBody,
        response: { 200: casePerson, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await staffFor(request, request.params.tenant);
      return inTenant(staff, async (pctx) => presentPerson(pctx, await mergePersons(pctx, request.params.id, request.body)));
    },
  );

  app.get(
    `${base}/:id/history`,
    {
      schema: {
        tags,
        summary: 'Correction history (Art. 16 GDPR): every changed field with its earlier value',
        params: personParams,
        querystring: historyQuery,
        response: { 200: historyPage, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await staffFor(request, request.params.tenant);
      return inTenant(staff, (pctx) => personHistory(pctx, request.params.id, request.query.page, request.query.pageSize));
    },
  );

  app.get(
    `${base}/:id/cases`,
    {
      schema: {
        tags,
        summary: 'The person’s cases in the actor’s scope',
        params: personParams,
        response: { 200: personCases, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await staffFor(request, request.params.tenant);
      return inTenant(staff, (pctx) => casesOfPerson(pctx, request.params.id));
    },
  );

  // ---- households ------------------------------------------------------------------------------

  app.post(
    `${base}/households`,
    {
      schema: {
        tags,
        summary: 'Create a household with its first members',
        params: tenantParams,
        body: householdCreate,
        response: { 201: household, ...errorResponses },
      },
    },
    async (request, reply) => {
      const staff = await staffFor(request, request.params.tenant, 'forbidden');
      const created = await inTenant(staff, (pctx) => createHousehold(pctx, request.body));
      return reply.status(201).send(created);
    },
  );

  app.get(
    `${base}/households/:id`,
    {
      schema: {
        tags,
        summary: 'A household: the members the actor may see, and how many others there are',
        params: personParams,
        response: { 200: household, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await staffFor(request, request.params.tenant);
      return inTenant(staff, (pctx) => readHousehold(pctx, request.params.id));
    },
  );

  app.patch(
    `${base}/households/:id`,
    {
      schema: { tags, summary: 'Rename a household', params: personParams, body: householdUpdate, response: { 200: household, ...errorResponses } },
    },
    async (request) => {
      const staff = await staffFor(request, request.params.tenant);
      return inTenant(staff, (pctx) => updateHousehold(pctx, request.params.id, request.body.label));
    },
  );

  app.post(
    `${base}/households/:id/members`,
    {
      schema: {
        tags,
        summary: 'Add a person to the household (moves them out of another one)',
        params: personParams,
        body: householdMemberBody,
        response: { 200: household, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await staffFor(request, request.params.tenant);
      return inTenant(staff, (pctx) => addMember(pctx, request.params.id, request.body));
    },
  );

  app.delete(
    `${base}/households/:id/members/:personId`,
    {
      schema: {
        tags,
        summary: 'Remove a person from the household; an empty household is deleted (household: null)',
        params: householdMemberParams,
        response: { 200: z.object({ household: household.nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const staff = await staffFor(request, request.params.tenant);
      return { household: await inTenant(staff, (pctx) => removeMember(pctx, request.params.id, request.params.personId)) };
    },
  );
};
