import { customType } from 'drizzle-orm/pg-core';

/**
 * A calendar day as 'YYYY-MM-DD'. node-postgres parses `date` to local midnight, PGlite to UTC
 * midnight, and drizzle's string mode formats either in UTC — which shifts the day east of
 * Greenwich. Midnight UTC can only be PGlite's (or a UTC process); anything else is local.
 */
export function dayString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  if (value instanceof Date) {
    const utc = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    const y = utc ? value.getUTCFullYear() : value.getFullYear();
    const m = (utc ? value.getUTCMonth() : value.getMonth()) + 1;
    const d = utc ? value.getUTCDate() : value.getDate();
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return String(value).slice(0, 10);
}

/** Today in the municipality's time zone (German municipalities: Europe/Berlin). */
export function today(now = new Date(), timeZone = 'Europe/Berlin'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A `date` column read and written as 'YYYY-MM-DD' on both databases. */
export const day = customType<{ data: string; driverData: string | Date }>({
  dataType() {
    return 'date';
  },
  fromDriver(value) {
    return dayString(value)!;
  },
  toDriver(value) {
    return value;
  },
});
