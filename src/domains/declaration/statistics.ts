import type { Tx } from '../../db/database.ts';
import type { DeclarationStatistics } from '../../shared/contracts/declaration.ts';
import { countByState, emptyCounts } from './declarationService.ts';

/** At most this many months are reported (the most recent ones). */
const MAX_MONTHS = 120;

const monthFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit' });
/** "2025-03" in the municipality's time zone. */
export const monthOf = (d: Date) => monthFormat.format(d).slice(0, 7);

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Per month: signatures verified, verified signatures that ended (withdrawn or rejected later), and
 * the number of public signatories at the month's end; plus public signatories per sector.
 */
export async function declarationStatistics(tx: Tx, declarationId: string, now = new Date()): Promise<DeclarationStatistics> {
  const rows = await tx.query<{ state: string; sector: string; verified_at: Date; ended_at: Date | null }>(
    `SELECT state, sector, verified_at,
            CASE WHEN state = 'withdrawn' THEN withdrawn_at WHEN state = 'rejected' THEN rejected_at END AS ended_at
     FROM declaration_signatures WHERE declaration_id = $1 AND verified_at IS NOT NULL`,
    [declarationId],
  );
  const verified = new Map<string, number>();
  const ended = new Map<string, number>();
  const bySector = new Map<string, number>();
  let first: string | null = null;
  for (const r of rows) {
    const month = monthOf(new Date(r.verified_at));
    verified.set(month, (verified.get(month) ?? 0) + 1);
    if (!first || month < first) first = month;
    if (r.ended_at) {
      const endMonth = monthOf(new Date(r.ended_at));
      ended.set(endMonth, (ended.get(endMonth) ?? 0) + 1);
    }
    if (r.state === 'verified') bySector.set(r.sector, (bySector.get(r.sector) ?? 0) + 1);
  }
  const months: DeclarationStatistics['months'] = [];
  const last = monthOf(now);
  let cumulative = 0;
  for (let m = first; m && m <= last; m = nextMonth(m)) {
    const v = verified.get(m) ?? 0;
    const e = ended.get(m) ?? 0;
    cumulative += v - e;
    months.push({ month: m, verified: v, ended: e, cumulative });
  }
  const counts = (await countByState(tx, declarationId)).get(declarationId) ?? emptyCounts();
  return {
    months: months.slice(-MAX_MONTHS),
    bySector: [...bySector.entries()].map(([sector, count]) => ({ sector, count })).sort((a, b) => b.count - a.count || a.sector.localeCompare(b.sector)),
    counts,
  };
}
