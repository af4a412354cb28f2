import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/roles.ts';
import { isOffice } from '../offers/offer.policy.ts';

/** Bulk import and export of offers is office work: partners edit their own offers one by one. */
export function authorizeOfferImportExport(actor: Actor, action: 'import' | 'export'): void {
  if (isOffice(actor)) return;
  throw new AppError('forbidden', action === 'import' ? 'Only the office imports offers' : 'Only the office exports offers');
}
