import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, formatUtc, serializeCalendar } from './ical.ts';

describe('iCalendar writer (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and line breaks in TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character; unfolding restores the line', () => {
    const line = `SUMMARY:${'Ärztliche Beratung für Geflüchtete – Sprechstunde '.repeat(4)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, part] of parts.entries()) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('writes a calendar with UTC times, all-day dates, status and CRLF line ends', () => {
    const ics = serializeCalendar({
      prodId: '-//Lotse//Test//DE',
      name: 'Beirat, Sitzungen',
      now: new Date('2026-01-01T00:00:00Z'),
      events: [
        {
          uid: 'a@example.org',
          start: new Date('2026-05-13T15:00:00Z'),
          end: new Date('2026-05-13T17:00:00Z'),
          summary: 'Sitzung; öffentlich',
          description: 'TOP 1\nTOP 2',
          location: 'Rathaus, Saal 2',
          url: 'https://example.org/s?a=1,2',
          status: 'CANCELLED',
          sequence: 3,
        },
        { uid: 'b@example.org', start: new Date('2026-05-14T00:00:00Z'), allDay: true, summary: 'Tag der offenen Tür' },
      ],
    });
    const lines = ics.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Lotse//Test//DE',
        'X-WR-CALNAME:Beirat\\, Sitzungen',
        'DTSTAMP:20260101T000000Z',
        'DTSTART:20260513T150000Z',
        'DTEND:20260513T170000Z',
        'SUMMARY:Sitzung\\; öffentlich',
        'DESCRIPTION:TOP 1\\nTOP 2',
        'LOCATION:Rathaus\\, Saal 2',
        'URL:https://example.org/s?a=1,2',
        'STATUS:CANCELLED',
        'SEQUENCE:3',
        'DTSTART;VALUE=DATE:20260514',
        'DTEND;VALUE=DATE:20260515',
        'END:VCALENDAR',
      ]),
    );
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(ics).not.toMatch(/[^\r]\n/);
    expect(formatUtc(new Date('2026-12-31T23:59:59.900Z'))).toBe('20261231T235959Z');
  });
});
