// A group's meetings as an iCalendar feed (RFC 5545, via the shared writer src/shared/ical.ts).
import { serializeCalendar } from '../../shared/ical.ts';
import type { GroupRow } from './groupService.ts';
import type { MeetingRow } from './meetingService.ts';

export function groupCalendar(group: GroupRow, meetings: MeetingRow[], options: { baseUrl: string; slug: string }): string {
  const host = new URL(options.baseUrl).host || 'lotse';
  return serializeCalendar({
    prodId: '-//Lotse//Netzwerke//DE',
    name: group.name,
    ...(group.purpose ? { description: group.purpose } : {}),
    events: meetings.map((m) => {
      const agenda = m.agenda.map((a, i) => `${i + 1}. ${a.title}`).join('\n');
      const description = [m.onlineUrl ? `Online: ${m.onlineUrl}` : '', agenda ? `Tagesordnung:\n${agenda}` : ''].filter(Boolean).join('\n\n');
      return {
        uid: `network-meeting-${m.id}@${host}`,
        start: m.startsAt,
        end: m.endsAt,
        summary: `${group.name}: ${m.title}`,
        ...(description ? { description } : {}),
        ...(m.location ? { location: m.location } : {}),
        url: `${options.baseUrl}/admin/${encodeURIComponent(options.slug)}/network/meetings/${m.id}`,
        status: m.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
        created: m.createdAt,
        lastModified: m.updatedAt,
        sequence: m.sequence,
        categories: [group.kind === 'network' ? 'Netzwerk' : 'Arbeitskreis'],
      };
    }),
  });
}
