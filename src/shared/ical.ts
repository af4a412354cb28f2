/**
 * A small iCalendar (RFC 5545) writer for calendar feeds of meetings (committees, working groups).
 * Times are written in UTC ("…Z"), which every calendar shows in its own time zone; all-day events
 * use DATE values. Text is escaped (\\ ; , and line breaks) and lines are folded at 75 octets
 * without splitting a UTF-8 character. Lines end with CRLF. Browser-safe, no dependencies.
 */

export interface IcalEvent {
  /** Globally unique and stable, e.g. `<uuid>@lotse.example` — a changed event keeps its UID. */
  uid: string;
  start: Date;
  end?: Date | null;
  /** An all-day event: start (and end, exclusive) as dates, written as DATE values (UTC date parts). */
  allDay?: boolean;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status?: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
  created?: Date;
  lastModified?: Date;
  /** Revision number; raise it when the event changes (calendar clients update on a higher value). */
  sequence?: number;
  categories?: string[];
}

export interface IcalCalendar {
  /** PRODID, e.g. "-//Lotse//Gremien//DE". */
  prodId: string;
  /** Calendar name shown by clients (X-WR-CALNAME). */
  name?: string;
  description?: string;
  events: IcalEvent[];
  /** DTSTAMP of every event; defaults to now. */
  now?: Date;
}

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line into lines of at most 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  // Continuation lines carry a leading space, so they hold 74 octets of content.
  let limit = 75;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 20260513T150000Z */
export function formatUtc(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** 20260513 (the UTC date parts) */
export function formatDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}

/** The whole calendar as text/calendar (CRLF line ends, folded lines). */
export function serializeCalendar(calendar: IcalCalendar): string {
  const now = calendar.now ?? new Date();
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${escapeText(calendar.prodId)}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (calendar.name) lines.push(`X-WR-CALNAME:${escapeText(calendar.name)}`);
  if (calendar.description) lines.push(`X-WR-CALDESC:${escapeText(calendar.description)}`);
  for (const e of calendar.events) {
    lines.push('BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `DTSTAMP:${formatUtc(now)}`);
    if (e.allDay) {
      lines.push(`DTSTART;VALUE=DATE:${formatDate(e.start)}`);
      const end = e.end ?? new Date(e.start.getTime() + 86_400_000);
      lines.push(`DTEND;VALUE=DATE:${formatDate(end)}`);
    } else {
      lines.push(`DTSTART:${formatUtc(e.start)}`);
      if (e.end) lines.push(`DTEND:${formatUtc(e.end)}`);
    }
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    // A URI value is not TEXT: it is not escaped (RFC 5545 3.3.13).
    if (e.url) lines.push(`URL:${e.url}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
    if (e.created) lines.push(`CREATED:${formatUtc(e.created)}`);
    if (e.lastModified) lines.push(`LAST-MODIFIED:${formatUtc(e.lastModified)}`);
    if (e.sequence !== undefined) lines.push(`SEQUENCE:${Math.max(0, Math.floor(e.sequence))}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
