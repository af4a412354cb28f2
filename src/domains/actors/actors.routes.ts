import {
  actorParams,
  actorSearchQuery,
  actorSearchResult,
  consentInput,
  consentParams,
  contactCreate,
  contactDetail,
  contactDuplicateQuery,
  contactInput,
  contactListQuery,
  contactPage,
  deletedRecord,
  duplicateList,
  mergeInput,
  organisationCreate,
  organisationDetail,
  organisationDuplicateQuery,
  organisationInput,
  organisationListQuery,
  organisationPage,
  relationship,
  relationshipInput,
  relationshipUpdate,
} from '../../shared/contracts/actors.ts';
import { errorResponses } from '../../shared/contracts/common.ts';
import { tenantParams } from '../../shared/contracts/directoryAdmin.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import { requireRelationship } from './actorLinks.ts';
import { searchActors } from './actorSearch.ts';
import {
  addConsent,
  createContact,
  eraseContact,
  findContact,
  findContactDuplicates,
  listContacts,
  presentContactDetail,
  requireContact,
  setContactArchived,
  updateContact,
  withdrawConsent,
} from './contactService.ts';
import { mergeContacts, mergeOrganisations } from './mergeService.ts';
import { networkStaff } from './networkStaff.ts';
import {
  createOrganisation,
  findOrganisation,
  findOrganisationDuplicates,
  listOrganisations,
  presentOrganisationDetail,
  requireOrganisation,
  setOrganisationArchived,
  updateOrganisation,
} from './organisationService.ts';
import { createRelationship, deleteRelationship, updateRelationship } from './relationshipService.ts';

/** Back office: the actor network — organisations, contacts, relationships, consent, duplicates, merge, search. */
export const actorRoutes: RouteRegistrar = (app, ctx) => {
  const base = '/api/v1/:tenant/admin';
  const tags = ['network'];

  // ------------------------------------------------------------------------------------------
  // Organisations

  app.get(
    `${base}/organisations`,
    {
      schema: {
        tags,
        summary: 'Organisations, filtered by name, type, field of action, target group, area and group',
        params: tenantParams,
        querystring: organisationListQuery,
        response: { 200: organisationPage, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'read');
      const query = request.query;
      const { items, total } = await staff.read((tx) => listOrganisations(tx, query));
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  );

  app.get(
    `${base}/organisations/duplicates`,
    {
      schema: {
        tags,
        summary: 'Likely duplicates of an organisation (similar name, same web or mail domain) — ask before creating',
        params: tenantParams,
        querystring: organisationDuplicateQuery,
        response: { 200: duplicateList, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'read');
      const candidates = await staff.read((tx) => findOrganisationDuplicates(tx, request.query));
      return { candidates };
    },
  );

  app.post(
    `${base}/organisations`,
    {
      schema: {
        tags,
        summary: 'Create an organisation (409 duplicate with the candidates unless ignoreDuplicates)',
        params: tenantParams,
        body: organisationCreate,
        response: { 201: organisationDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const staff = await networkStaff(request, ctx, 'write');
      const detail = await staff.write(async (tx) => presentOrganisationDetail(tx, await createOrganisation(tx, staff.author, request.body)));
      return reply.status(201).send(detail);
    },
  );

  app.get(
    `${base}/organisations/:id`,
    { schema: { tags, summary: 'One organisation with its relationships, memberships and merge history', params: actorParams, response: { 200: organisationDetail, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'read');
      return staff.read(async (tx) => presentOrganisationDetail(tx, await requireOrganisation(tx, request.params.id)));
    },
  );

  app.put(
    `${base}/organisations/:id`,
    { schema: { tags, summary: 'Change an organisation (replaces its fields)', params: actorParams, body: organisationInput, response: { 200: organisationDetail, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'write');
      return staff.write(async (tx) => {
        const before = await requireOrganisation(tx, request.params.id);
        return presentOrganisationDetail(tx, await updateOrganisation(tx, staff.author, before, request.body));
      });
    },
  );

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `${base}/organisations/:id/${verb}`,
      { schema: { tags, summary: archived ? 'Archive an organisation' : 'Restore an archived organisation', params: actorParams, response: { 200: organisationDetail, ...errorResponses } } },
      async (request) => {
        const staff = await networkStaff(request, ctx, 'write');
        return staff.write(async (tx) => {
          const before = await requireOrganisation(tx, request.params.id);
          return presentOrganisationDetail(tx, await setOrganisationArchived(tx, staff.author, before, archived));
        });
      },
    );
  }

  app.post(
    `${base}/organisations/:id/merge`,
    {
      schema: {
        tags,
        summary: 'Merge another organisation (mergeId) into this one: relationships and memberships move here, the other is deleted, a merge entry stays',
        params: actorParams,
        body: mergeInput,
        response: { 200: organisationDetail, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'merge');
      return staff.write(async (tx) => {
        const survivor = await requireOrganisation(tx, request.params.id);
        await mergeOrganisations(tx, staff.author, survivor, await findOrganisation(tx, request.body.mergeId));
        return presentOrganisationDetail(tx, (await findOrganisation(tx, survivor.id))!);
      });
    },
  );

  // ------------------------------------------------------------------------------------------
  // Contacts

  app.get(
    `${base}/contacts`,
    {
      schema: {
        tags,
        summary: 'Contacts (people), filtered by name or e-mail, organisation and group',
        params: tenantParams,
        querystring: contactListQuery,
        response: { 200: contactPage, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'read');
      const query = request.query;
      const { items, total } = await staff.read((tx) => listContacts(tx, query));
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  );

  app.get(
    `${base}/contacts/duplicates`,
    {
      schema: {
        tags,
        summary: 'Likely duplicates of a person (similar name, same e-mail or phone) — ask before creating',
        params: tenantParams,
        querystring: contactDuplicateQuery,
        response: { 200: duplicateList, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'read');
      const candidates = await staff.read((tx) => findContactDuplicates(tx, request.query));
      return { candidates };
    },
  );

  app.post(
    `${base}/contacts`,
    {
      schema: {
        tags,
        summary: 'Create a contact, optionally working for an organisation and with consents (409 duplicate unless ignoreDuplicates)',
        params: tenantParams,
        body: contactCreate,
        response: { 201: contactDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const staff = await networkStaff(request, ctx, 'write');
      const detail = await staff.write(async (tx) => presentContactDetail(tx, await createContact(tx, staff.author, request.body)));
      return reply.status(201).send(detail);
    },
  );

  app.get(
    `${base}/contacts/:id`,
    { schema: { tags, summary: 'One contact with consents, relationships, memberships and tasks', params: actorParams, response: { 200: contactDetail, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'read');
      return staff.read(async (tx) => presentContactDetail(tx, await requireContact(tx, request.params.id)));
    },
  );

  app.put(
    `${base}/contacts/:id`,
    { schema: { tags, summary: 'Change a contact and its contact preferences', params: actorParams, body: contactInput, response: { 200: contactDetail, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'write');
      return staff.write(async (tx) => {
        const before = await requireContact(tx, request.params.id);
        return presentContactDetail(tx, await updateContact(tx, staff.author, before, request.body));
      });
    },
  );

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `${base}/contacts/:id/${verb}`,
      { schema: { tags, summary: archived ? 'Archive a contact (no more mail)' : 'Restore an archived contact', params: actorParams, response: { 200: contactDetail, ...errorResponses } } },
      async (request) => {
        const staff = await networkStaff(request, ctx, 'write');
        return staff.write(async (tx) => {
          const before = await requireContact(tx, request.params.id);
          return presentContactDetail(tx, await setContactArchived(tx, staff.author, before, archived));
        });
      },
    );
  }

  app.delete(
    `${base}/contacts/:id`,
    {
      schema: {
        tags,
        summary: 'Erase a contact for good (GDPR Art. 17; administrators): consents, relationships, memberships, attendance; tasks lose their owner',
        params: actorParams,
        response: { 200: deletedRecord, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'erase');
      await staff.write(async (tx) => eraseContact(tx, staff.author, await requireContact(tx, request.params.id)));
      return { id: request.params.id, deleted: true as const };
    },
  );

  app.post(
    `${base}/contacts/:id/merge`,
    {
      schema: {
        tags,
        summary: 'Merge another contact (mergeId) into this one: relationships, memberships, attendance, tasks and consents move here',
        params: actorParams,
        body: mergeInput,
        response: { 200: contactDetail, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'merge');
      return staff.write(async (tx) => {
        const survivor = await requireContact(tx, request.params.id);
        await mergeContacts(tx, staff.author, survivor, await findContact(tx, request.body.mergeId));
        return presentContactDetail(tx, (await findContact(tx, survivor.id))!);
      });
    },
  );

  app.post(
    `${base}/contacts/:id/consents`,
    {
      schema: {
        tags,
        summary: 'Record a consent (purpose, date, source)',
        params: actorParams,
        body: consentInput,
        response: { 201: contactDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const staff = await networkStaff(request, ctx, 'write');
      const detail = await staff.write(async (tx) => {
        const contact = await requireContact(tx, request.params.id);
        await addConsent(tx, staff.author, contact, request.body);
        return presentContactDetail(tx, contact);
      });
      return reply.status(201).send(detail);
    },
  );

  app.post(
    `${base}/contacts/:id/consents/:consentId/withdraw`,
    { schema: { tags, summary: 'Withdraw a consent (kept as history)', params: consentParams, response: { 200: contactDetail, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'write');
      return staff.write(async (tx) => {
        const contact = await requireContact(tx, request.params.id);
        await withdrawConsent(tx, staff.author, contact, request.params.consentId);
        return presentContactDetail(tx, contact);
      });
    },
  );

  // ------------------------------------------------------------------------------------------
  // Relationships

  app.post(
    `${base}/relationships`,
    {
      schema: {
        tags,
        summary: 'Record a relationship: contact → organisation (works for, member of, chairs) or organisation → organisation (member of, funds, cooperates with)',
        params: tenantParams,
        body: relationshipInput,
        response: { 201: relationship, ...errorResponses },
      },
    },
    async (request, reply) => {
      const staff = await networkStaff(request, ctx, 'write');
      const row = await staff.write((tx) => createRelationship(tx, staff.author, request.body));
      return reply.status(201).send(row);
    },
  );

  app.put(
    `${base}/relationships/:id`,
    { schema: { tags, summary: 'Change the period or note of a relationship', params: actorParams, body: relationshipUpdate, response: { 200: relationship, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'write');
      return staff.write(async (tx) => {
        return updateRelationship(tx, staff.author, await requireRelationship(tx, request.params.id), request.body);
      });
    },
  );

  app.delete(
    `${base}/relationships/:id`,
    { schema: { tags, summary: 'Delete a relationship recorded by mistake (end it instead when it ended)', params: actorParams, response: { 200: deletedRecord, ...errorResponses } } },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'write');
      await staff.write(async (tx) => {
        await deleteRelationship(tx, staff.author, await requireRelationship(tx, request.params.id));
      });
      return { id: request.params.id, deleted: true as const };
    },
  );

  // ------------------------------------------------------------------------------------------
  // Who works on …?

  app.get(
    `${base}/actors/search`,
    {
      schema: {
        tags,
        summary: 'Who works on a field of action for target groups in an area (and language): organisations, their people and groups',
        params: tenantParams,
        querystring: actorSearchQuery,
        response: { 200: actorSearchResult, ...errorResponses },
      },
    },
    async (request) => {
      const staff = await networkStaff(request, ctx, 'read');
      return staff.read((tx) => searchActors(tx, request.query));
    },
  );
};
