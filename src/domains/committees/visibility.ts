/**
 * What the public may see of the committees — one definition, used by the navigator's public API,
 * the OParl API and the calendar feeds (SQL fragments over table aliases):
 * - committees, persons, memberships, legislative terms, locations: always;
 * - a meeting: once published;
 * - an agenda item: when it is public and its meeting is published;
 * - a paper: once published, unless it is (or, for a deleted paper, was at its deletion) consulted
 *   under a non-public agenda item (when such an item goes, meetingService unpublishes the paper, so
 *   that removing the item or deleting its meeting never makes it public);
 * - a consultation: when its paper and meeting are visible and its agenda item (if any) is public;
 * - a file: when the paper, meeting or agenda item it belongs to is visible.
 * The rules hold for deleted rows as they were at deletion: OParl reports a deleted object only if
 * the public could see it before (`deleted: true`), never one that was always internal.
 */

export const visibleMeeting = (m: string): string => `${m}.published_at IS NOT NULL`;

/** `a` an agenda item, `m` its meeting. */
export const visibleAgendaItem = (a: string, m: string): string => `(${a}.public AND ${m}.published_at IS NOT NULL)`;

export const visiblePaper = (p: string): string => `(${p}.published_at IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM committee_consultations vc
  JOIN committee_agenda_items va ON va.tenant_id = vc.tenant_id AND va.id = vc.agenda_item_id
  WHERE vc.tenant_id = ${p}.tenant_id AND vc.paper_id = ${p}.id AND NOT va.public
    AND (vc.deleted_at IS NULL OR vc.deleted_at >= ${p}.deleted_at)
    AND (va.deleted_at IS NULL OR va.deleted_at >= ${p}.deleted_at)))`;

/** `c` a consultation joined with its paper `p`, meeting `m` and (left) agenda item `a`. */
export const visibleConsultation = (c: string, p: string, m: string, a: string): string =>
  `(${visiblePaper(p)} AND ${visibleMeeting(m)} AND (${c}.agenda_item_id IS NULL OR ${a}.public))`;

/** The joins `visibleFile` needs: `fp` (paper), `fa` (agenda item), `fm` (the meeting, direct or via the item). */
export const fileParentJoins = (f: string): string => `
  LEFT JOIN committee_papers fp ON fp.tenant_id = ${f}.tenant_id AND fp.id = ${f}.paper_id
  LEFT JOIN committee_agenda_items fa ON fa.tenant_id = ${f}.tenant_id AND fa.id = ${f}.agenda_item_id
  LEFT JOIN committee_meetings fm ON fm.tenant_id = ${f}.tenant_id AND fm.id = coalesce(${f}.meeting_id, fa.meeting_id)`;

export const visibleFile = (f: string): string =>
  `((${f}.paper_id IS NOT NULL AND ${visiblePaper('fp')}) OR (${f}.meeting_id IS NOT NULL AND ${visibleMeeting('fm')}) OR (${f}.agenda_item_id IS NOT NULL AND ${visibleAgendaItem('fa', 'fm')}))`;
