// Small presenters shared by the committee services, the public pages and OParl.
import type { AdminCommitteeLocation } from '../../shared/contracts/committees.ts';
import type { committeeLocations } from './committees.table.ts';

type LocationRow = typeof committeeLocations.$inferSelect;

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** "Dr. Aylin Demir": title, given and family name. */
export const personName = (p: { title: string; givenName: string; familyName: string }): string => [p.title, p.givenName, p.familyName].filter(Boolean).join(' ');

export const presentLocation = (row: LocationRow): AdminCommitteeLocation => ({
  id: row.id,
  description: row.description,
  streetAddress: row.streetAddress,
  room: row.room,
  postalCode: row.postalCode,
  locality: row.locality,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
