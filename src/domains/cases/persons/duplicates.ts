import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DuplicateCandidate, DuplicateHint, DuplicateQuery, DuplicateReason, DuplicateResult } from '../../../shared/contracts/casePersons.ts';
import { logCaseAccess } from '../accessLog.ts';
import { cases, type OtherName, persons, teams } from '../case.table.ts';
import { type NameVariant, namePhoneticOf, phoneticMatch, sameOriginalSpelling, sameSpelling, variantKeys } from './names.ts';
import { type PersonCtx, summariesOf, textArray, variantsOf, visibleIds } from './personService.ts';

/**
 * The duplicate check. Candidates come from one SECURITY DEFINER function
 * (`lotse_person_candidates`, migration persons_duplicate_candidates) that uses the trigram and the
 * phonetic GIN indexes despite row-level security and confines itself to the transaction's tenant:
 * similar names (pg_trgm `%` / `<%` on name_search), a common phonetic code (name_phonetic &&),
 * or the same birth date. Each candidate is then scored here:
 *
 *   name  = max(same spelling in any transliteration → 1, trigram similarity,
 *               0.85 · phonetic share + 0.15 · trigram)
 *   birth = same date 1 · typo-close (one part differs, day/month swapped, ±2 days) 0.6 ·
 *           same year 0.25 · unknown on either side 0.5 · else 0
 *   score = 0.7 · name + 0.3 · birth;  likely ≥ 0.75, possible ≥ 0.55 (and name ≥ 0.45)
 *
 * So the same name with the same or an unknown birth date is "likely"; the same name with another
 * birth date, or a partly matching name with the same birth date, is "possible".
 * Records outside the actor's scope come back only as a hint: the managing team, nothing else.
 */
export const LIKELY = 0.75;
export const POSSIBLE = 0.55;
const MIN_NAME = 0.45;
const MAX_CANDIDATES = 10;

interface BirthMatch {
  score: number;
  reason: DuplicateReason | null;
}

export function birthMatch(a: string | null, b: string | null): BirthMatch {
  if (!a || !b) return { score: 0.5, reason: null };
  if (a === b) return { score: 1, reason: 'same_birth_date' };
  const [ay, am, ad] = a.split('-');
  const [by, bm, bd] = b.split('-');
  const days = Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
  const sameParts = [ay === by, am === bm, ad === bd].filter(Boolean).length;
  const swapped = ay === by && am === bd && ad === bm;
  if (swapped || sameParts === 2 || days <= 2) return { score: 0.6, reason: 'close_birth_date' };
  if (ay === by) return { score: 0.25, reason: 'same_birth_year' };
  return { score: 0, reason: null };
}

export interface NameMatch {
  score: number;
  reasons: DuplicateReason[];
}

/** How alike two persons' names are (see the formula above); `trigram` comes from the database. */
export function nameMatch(query: NameVariant[], row: { variants: NameVariant[]; codes: readonly string[] }, trigram: number): NameMatch {
  const reasons: DuplicateReason[] = [];
  let spelling = 0;
  if (query[0] && row.variants[0] && sameOriginalSpelling(query[0], row.variants[0])) {
    spelling = 1;
    reasons.push('same_spelling');
  } else if (sameSpelling(query, row.variants)) {
    spelling = 1;
    reasons.push('transliteration');
  }
  const stored = new Set(row.codes);
  const phonetic = Math.max(0, ...query.map((v) => phoneticMatch(v, stored)));
  if (trigram >= MIN_NAME) reasons.push('similar_name');
  if (phonetic >= 0.5) reasons.push('sounds_alike');
  return { score: Math.max(spelling, trigram, 0.85 * phonetic + 0.15 * trigram), reasons };
}

export interface DuplicateCheck extends DuplicateResult {
  /** likely duplicates among the records the actor sees */
  likelyVisible: number;
}

export async function findDuplicates(pctx: PersonCtx, query: DuplicateQuery, options: { log?: boolean } = {}): Promise<DuplicateCheck> {
  const { tx, scope } = pctx;
  const variants = variantsOf({ givenName: query.givenName, familyName: query.familyName, otherNames: query.otherNames });
  const names = [...new Set(variants.flatMap(variantKeys))];
  const codes = namePhoneticOf(variants);
  const hits = await tx.query<{ id: string; trgm: number }>('SELECT id, trgm FROM lotse_person_candidates($1::text[], $2::text[], $3::date, $4::int)', [
    textArray(names),
    textArray(codes),
    query.birthDate ?? null,
    200,
  ]);
  const trigramOf = new Map(hits.filter((h) => h.id !== query.excludeId).map((h) => [h.id, Number(h.trgm)]));
  const result: DuplicateCheck = { candidates: [], hints: [], likelyVisible: 0 };
  if (trigramOf.size) {
    const rows = await tx.db
      .select({
        id: persons.id,
        givenName: persons.givenName,
        familyName: persons.familyName,
        otherNames: persons.otherNames,
        namePhonetic: persons.namePhonetic,
        birthDate: persons.birthDate,
        teamId: persons.teamId,
      })
      .from(persons)
      .where(inArray(persons.id, [...trigramOf.keys()]));
    const visibleSet = await visibleIds(tx, scope, [...trigramOf.keys()]);
    const scored = rows
      .map((r) => {
        const name = nameMatch(variants, { variants: variantsOf({ ...r, otherNames: (r.otherNames ?? []) as OtherName[] }), codes: r.namePhonetic }, trigramOf.get(r.id) ?? 0);
        const birth = birthMatch(query.birthDate ?? null, r.birthDate);
        const score = Math.round((0.7 * name.score + 0.3 * birth.score) * 100) / 100;
        const reasons = birth.reason ? [...name.reasons, birth.reason] : name.reasons;
        return { row: r, visible: visibleSet.has(r.id), score, nameScore: name.score, reasons };
      })
      .filter((s) => s.nameScore >= MIN_NAME && s.score >= POSSIBLE)
      .sort((a, b) => b.score - a.score || a.row.id.localeCompare(b.row.id));

    const visible = scored.filter((s) => s.visible).slice(0, MAX_CANDIDATES);
    const summaries = await summariesOf(tx, scope, visible.map((s) => s.row.id));
    result.candidates = visible.map(
      (s): DuplicateCandidate => ({ person: summaries.get(s.row.id)!, score: s.score, level: s.score >= LIKELY ? 'likely' : 'possible', reasons: s.reasons }),
    );
    result.likelyVisible = result.candidates.filter((c) => c.level === 'likely').length;

    const byTeam = new Map<string, DuplicateHint>();
    for (const s of scored.filter((x) => !x.visible).slice(0, 20)) {
      const teamName = await managingTeam(pctx, s.row.id, s.row.teamId);
      const level = s.score >= LIKELY ? 'likely' : 'possible';
      const key = teamName ?? '';
      const known = byTeam.get(key);
      if (!known || (known.level === 'possible' && level === 'likely')) byTeam.set(key, { level, teamName });
    }
    result.hints = [...byTeam.values()].sort((a, b) => (a.level === b.level ? (a.teamName ?? '').localeCompare(b.teamName ?? '') : a.level === 'likely' ? -1 : 1));
  }
  if (options.log !== false) {
    await logCaseAccess(tx, pctx.actor, {
      action: 'search',
      entityType: 'person',
      details: { kind: 'duplicate_check', candidates: result.candidates.length, hints: result.hints.length },
    });
  }
  return result;
}

/** The team that manages a person: the team of their latest open case, else of any case, else who recorded them. */
async function managingTeam(pctx: PersonCtx, personId: string, recordedBy: string | null): Promise<string | null> {
  const [viaCase] = await pctx.tx.db
    .select({ name: teams.name })
    .from(cases)
    .innerJoin(teams, and(eq(teams.tenantId, cases.tenantId), eq(teams.id, cases.teamId)))
    .where(eq(cases.personId, personId))
    .orderBy(asc(sql`(${cases.state} = 'closed')`), desc(cases.startedOn))
    .limit(1);
  if (viaCase) return viaCase.name;
  if (!recordedBy) return null;
  const [team] = await pctx.tx.db.select({ name: teams.name }).from(teams).where(eq(teams.id, recordedBy));
  return team?.name ?? null;
}
