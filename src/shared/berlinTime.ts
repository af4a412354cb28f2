// Browser-safe. Committees meet in German town halls: dates without a time zone mean Europe/Berlin. The EU rule
// (summer time from the last Sunday of March to the last Sunday of October, 01:00 UTC) is computed
// directly — cheaper than Intl for the many timestamps of an OParl page, and exact since 1996.

/** Whether Europe/Berlin observes summer time (UTC+2) at this instant. */
export function isBerlinSummerTime(at: Date): boolean {
  const year = at.getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0, 1));
    return last.getTime() - last.getUTCDay() * 86_400_000;
  };
  const t = at.getTime();
  return t >= lastSunday(2) && t < lastSunday(9);
}

/** "+01:00" or "+02:00". */
export function berlinOffset(at: Date): string {
  return isBerlinSummerTime(at) ? '+02:00' : '+01:00';
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** RFC 3339 date-time in Berlin local time with its offset: 2026-05-13T17:00:00+02:00. */
export function berlinDateTime(at: Date): string {
  const summer = isBerlinSummerTime(at);
  const local = new Date(at.getTime() + (summer ? 2 : 1) * 3_600_000);
  return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${summer ? '+02:00' : '+01:00'}`;
}

/** The Berlin calendar date of an instant: 2026-05-13. */
export function berlinDate(at: Date): string {
  return berlinDateTime(at).slice(0, 10);
}

/** A bare date (YYYY-MM-DD) is the start of that day in Berlin; anything else is parsed as given. */
export function boundary(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00${berlinOffset(new Date(`${value}T12:00:00Z`))}`) : new Date(value);
}

/** A `datetime-local` value (2026-05-13T17:00) for an instant, in Berlin time. */
export function berlinLocalInput(iso: string): string {
  return berlinDateTime(new Date(iso)).slice(0, 16);
}

/** A Berlin wall-clock time (2026-05-13T17:00) as an RFC 3339 date-time with its offset. */
export function berlinLocalToIso(local: string): string {
  const base = local.length === 16 ? `${local}:00` : local.slice(0, 19);
  const winter = new Date(`${base}+01:00`);
  if (Number.isNaN(winter.getTime())) return local;
  return `${base}${isBerlinSummerTime(winter) ? '+02:00' : '+01:00'}`;
}
