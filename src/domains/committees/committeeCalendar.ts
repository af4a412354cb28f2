// iCalendar feeds of a committee's meetings (public: published meetings and public agenda items only).
import type { Tx } from '../../db/database.ts';
import { serializeCalendar } from '../../shared/ical.ts';
import { visibleMeeting } from './visibility.ts';

interface CalendarMeeting {
  id: string;
  name: string;
  state: string;
  startAt: Date;
  endAt: Date | null;
  published: boolean;
  createdAt: Date;
  updatedAt: Date;
  location: string | null;
}

/** Without a planned end, a meeting is shown as two hours long. */
const DEFAULT_LENGTH_MS = 2 * 3_600_000;

export interface CalendarOptions {
  committeeId: string;
  /** Public feed: published meetings and public agenda items only. */
  publicOnly: boolean;
  /** Host name for globally unique UIDs. */
  host: string;
  /** Base of the navigator's meeting pages, e.g. https://lotse.stadt.de/musterstadt/de/gremien (public feed). */
  webBase?: string;
}

/** The feed as text/calendar, or null when the committee does not exist. */
export async function committeeCalendar(tx: Tx, options: CalendarOptions): Promise<string | null> {
  const [committee] = await tx.query<{ name: string }>('SELECT name FROM committees WHERE id = $1 AND deleted_at IS NULL', [options.committeeId]);
  if (!committee) return null;
  const meetings = await tx.query<CalendarMeeting>(
    `SELECT m.id, m.name, m.state, m.start_at AS "startAt", m.end_at AS "endAt", m.published_at IS NOT NULL AS published,
       m.created_at AS "createdAt", m.updated_at AS "updatedAt",
       CASE WHEN l.id IS NULL THEN NULL ELSE concat_ws(', ', nullif(l.description, ''), nullif(l.room, ''), nullif(l.street_address, ''),
         nullif(concat_ws(' ', nullif(l.postal_code, ''), nullif(l.locality, '')), '')) END AS location
     FROM committee_meetings m LEFT JOIN committee_locations l ON l.tenant_id = m.tenant_id AND l.id = m.location_id
     WHERE m.committee_id = $1 AND m.deleted_at IS NULL ${options.publicOnly ? `AND ${visibleMeeting('m')}` : ''}
     ORDER BY m.start_at, m.id`,
    [options.committeeId],
  );
  const items = meetings.length
    ? await tx.query<{ meetingId: string; number: string; name: string }>(
        `SELECT meeting_id AS "meetingId", number, name FROM committee_agenda_items
         WHERE meeting_id = ANY($1::uuid[]) AND deleted_at IS NULL ${options.publicOnly ? 'AND public' : ''} ORDER BY position, id`,
        [meetings.map((m) => m.id)],
      )
    : [];
  return serializeCalendar({
    prodId: '-//Lotse//Gremien//DE',
    name: committee.name,
    events: meetings.map((m) => {
      const agenda = items.filter((i) => i.meetingId === m.id).map((i) => [i.number, i.name].filter(Boolean).join(' '));
      const start = new Date(m.startAt);
      const url = options.webBase ? `${options.webBase}/sitzungen/${m.id}` : undefined;
      return {
        uid: `${m.id}@${options.host}`,
        start,
        end: m.endAt ? new Date(m.endAt) : new Date(start.getTime() + DEFAULT_LENGTH_MS),
        summary: `${committee.name}: ${m.name}`,
        ...(agenda.length ? { description: `Tagesordnung:\n${agenda.join('\n')}${url ? `\n\n${url}` : ''}` } : url ? { description: url } : {}),
        ...(m.location ? { location: m.location } : {}),
        ...(url ? { url } : {}),
        status: m.state === 'cancelled' ? ('CANCELLED' as const) : m.published ? ('CONFIRMED' as const) : ('TENTATIVE' as const),
        created: new Date(m.createdAt),
        lastModified: new Date(m.updatedAt),
        // Grows with every change, so calendar clients replace their copy.
        sequence: Math.floor((new Date(m.updatedAt).getTime() - new Date(m.createdAt).getTime()) / 1000),
      };
    }),
  });
}
