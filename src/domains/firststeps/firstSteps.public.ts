/**
 * Public "Erste Schritte": the office's published list for one target group, its steps with their
 * published offers as cards, and further published offers for the target group, need and area.
 */
import { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { RouteRegistrar } from '../../server/types.ts';
import { errorResponses } from '../../shared/contracts/common.ts';
import { type FirstStepsListEntry, firstStepsLists, firstStepsListsQuery } from '../../shared/contracts/firstSteps.ts';
import { type FirstStepsResult, firstStepsQuery, firstStepsResult } from '../../shared/contracts/offerPublic.ts';
import { sendPublicJson, toContractJson } from '../offers/search/publicResponse.ts';
import { cachedPublicRead } from '../offers/search/publicCache.ts';
import { requireTenant, requireTenantLanguage } from '../tenants/tenantService.ts';
import { offerCardJsonSql, type OfferCardRow, paramList, presentOfferCard } from '../offers/offerPresenter.ts';
import { pickLocalized } from '../taxonomy/localize.ts';
import type { LocalizedText } from '../taxonomy/taxonomy.table.ts';
import type { FirstStep } from './firstSteps.table.ts';

export const FURTHER_OFFERS_LIMIT = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FirstStepsTenant {
  id: string;
  defaultLanguage: string;
}

export interface FirstStepsInput {
  targetGroup: string;
  field?: string[];
  area?: string;
  lang: string;
}

/** Target groups with a published list, in the office's order, titles in `lang`. */
export async function listPublicFirstSteps(tx: Tx, tenant: FirstStepsTenant, lang: string): Promise<FirstStepsListEntry[]> {
  const rows = await tx.query<{ target_group_id: string; title: LocalizedText; sort: number }>(
    `SELECT DISTINCT ON (target_group_id) target_group_id, title, sort, created_at
     FROM first_steps_lists WHERE tenant_id = $1 AND status = 'published'
     ORDER BY target_group_id, sort, created_at, id`,
    [tenant.id],
  );
  return rows
    .map((r) => ({ targetGroupId: r.target_group_id, title: pickLocalized(r.title, lang, tenant.defaultLanguage), sort: r.sort }))
    .sort((a, b) => a.sort - b.sort || a.title.localeCompare(b.title))
    .map(({ targetGroupId, title }) => ({ targetGroupId, title }));
}

/** The list for one target group, or null when the office has published none. */
export async function loadPublicFirstSteps(tx: Tx, tenant: FirstStepsTenant, input: FirstStepsInput): Promise<FirstStepsResult | null> {
  const [list] = await tx.query<{ title: LocalizedText; intro: LocalizedText; steps: FirstStep[] | null }>(
    `SELECT title, intro, steps FROM first_steps_lists
     WHERE tenant_id = $1 AND target_group_id = $2 AND status = 'published'
     ORDER BY sort, created_at, id LIMIT 1`,
    [tenant.id, input.targetGroup],
  );
  if (!list) return null;
  const steps = Array.isArray(list.steps) ? list.steps : [];
  const stepOfferIds = [...new Set(steps.flatMap((s) => (Array.isArray(s.offerIds) ? s.offerIds : [])).filter((id) => typeof id === 'string' && UUID.test(id)))];

  const { params, p } = paramList();
  const tenantId = p(tenant.id);
  const lang = p(input.lang);
  const fallback = p(tenant.defaultLanguage);
  const stepIds = p(stepOfferIds);
  const conditions = [`o.target_group_ids @> ARRAY[${p(input.targetGroup)}]::uuid[]`];
  if (input.field?.length) conditions.push(`o.field_ids && ${p(input.field)}::uuid[]`);
  if (input.area) conditions.push(`o.area_ids @> ARRAY[${p(input.area)}]::uuid[]`);
  const [row] = await tx.query<{ stepOffers: OfferCardRow[] | null; further: OfferCardRow[] | null }>(
    `SELECT
       (SELECT json_agg(${offerCardJsonSql('o', lang, fallback)}) FROM offers o
         WHERE o.tenant_id = ${tenantId} AND o.status = 'published' AND o.id = ANY(${stepIds}::uuid[])) AS "stepOffers",
       (SELECT json_agg(${offerCardJsonSql('o', lang, fallback)} ORDER BY o.updated_at DESC, o.id) FROM (
          SELECT * FROM offers o WHERE o.tenant_id = ${tenantId} AND o.status = 'published' AND NOT (o.id = ANY(${stepIds}::uuid[]))
            AND ${conditions.join(' AND ')}
          ORDER BY o.updated_at DESC, o.id LIMIT ${FURTHER_OFFERS_LIMIT}) o) AS further`,
    params,
  );
  const cards = new Map((row?.stepOffers ?? []).map((c) => [c.id, presentOfferCard(c, input.lang)]));
  return {
    lang: input.lang,
    targetGroupId: input.targetGroup,
    title: pickLocalized(list.title, input.lang, tenant.defaultLanguage),
    intro: pickLocalized(list.intro, input.lang, tenant.defaultLanguage),
    steps: steps.map((s) => ({
      title: pickLocalized(s.title, input.lang, tenant.defaultLanguage),
      text: pickLocalized(s.text, input.lang, tenant.defaultLanguage),
      fieldId: typeof s.fieldId === 'string' && UUID.test(s.fieldId) ? s.fieldId : null,
      offers: (Array.isArray(s.offerIds) ? s.offerIds : []).map((id) => cards.get(id)).filter((c): c is NonNullable<typeof c> => Boolean(c)),
    })),
    offers: (row?.further ?? []).map((c) => presentOfferCard(c, input.lang)),
  };
}

const tenantParam = z.object({ tenant: z.string().max(63) });

export const publicFirstStepsRoutes: RouteRegistrar = (app, ctx) => {
  app.get(
    '/api/v1/:tenant/first-steps/lists',
    {
      schema: {
        tags: ['public'],
        summary: 'Target groups that have a published first-steps list',
        params: tenantParam,
        querystring: firstStepsListsQuery,
        response: { 200: firstStepsLists, ...errorResponses },
      },
    },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      const lang = requireTenantLanguage(tenant, request.query.lang);
      const { value } = await cachedPublicRead(ctx.db, tenant.id, `first-steps-lists:${lang}`, async (tx) =>
        toContractJson(firstStepsLists, await listPublicFirstSteps(tx, tenant, lang)),
      );
      return sendPublicJson(reply, value);
    },
  );

  app.get(
    '/api/v1/:tenant/first-steps',
    {
      schema: {
        tags: ['public'],
        summary: 'First steps for a target group: the office\'s steps with offers, plus further offers for the need and area',
        params: tenantParam,
        querystring: firstStepsQuery,
        response: { 200: firstStepsResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const tenant = await requireTenant(ctx.db, request.params.tenant);
      const input = { ...request.query, lang: requireTenantLanguage(tenant, request.query.lang) };
      const { value } = await cachedPublicRead(ctx.db, tenant.id, `first-steps:${JSON.stringify(input)}`, async (tx) => {
        const result = await loadPublicFirstSteps(tx, tenant, input);
        return result ? toContractJson(firstStepsResult, result) : null;
      });
      if (!value) throw new AppError('not_found', 'No first steps published for this target group');
      return sendPublicJson(reply, value);
    },
  );
};
