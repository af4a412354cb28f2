/**
 * Small-cell suppression (statistical disclosure control) for the funder export of the outcome
 * figures. Counts of 1 or 2 could point at individuals in a small team or programme, so they are
 * hidden ("<3", primary suppression). A hidden count must not be recoverable by subtraction
 * either: wherever cells add up to a total (the outcomes of a field of action, the fields of
 * action, the closing reasons of closed cases, the programmes or teams of the whole), a relation
 * with exactly one hidden cell gets a second one hidden ("•", secondary suppression) — the
 * smallest non-zero part, else the total — until no relation has a single hidden cell left.
 * Zeros stay visible. This greedy procedure protects each relation; it does not search for the
 * minimal set of secondary suppressions. Means are protected through the sums behind them (mean ×
 * count): a mean is shown only where its sum could not be worked out from the others.
 */

export type Suppression = 'primary' | 'secondary';

export interface SumRelation {
  /** the cell holding the sum */
  total: string;
  /** the cells adding up to it (missing cells count as a visible 0) */
  parts: string[];
}

export function isSmall(value: number, below: number): boolean {
  return value > 0 && value < below;
}

/** Which of the count cells to hide, and why: counts of 1 … below-1, then the secondary ones. */
export function suppressCounts(counts: ReadonlyMap<string, number>, relations: readonly SumRelation[], below = 3): Map<string, Suppression> {
  return suppressCells(counts, relations, [...counts].filter(([, value]) => isSmall(value, below)).map(([key]) => key));
}

/**
 * Hides the `primary` cells, then — relation by relation, until nothing changes — a second cell
 * wherever exactly one cell of a relation is hidden. Also used for sums of days behind means
 * (a mean times its count is a sum, and sums add up like counts).
 */
export function suppressCells(values: ReadonlyMap<string, number>, relations: readonly SumRelation[], primary: Iterable<string>): Map<string, Suppression> {
  const hidden = new Map<string, Suppression>();
  for (const key of primary) hidden.set(key, 'primary');
  const value = (key: string) => values.get(key) ?? 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of relations) {
      const cells = [relation.total, ...relation.parts];
      const hiddenCells = cells.filter((c) => hidden.has(c));
      if (hiddenCells.length !== 1) continue;
      const candidates = relation.parts
        .filter((c) => !hidden.has(c) && value(c) > 0)
        .sort((a, b) => value(a) - value(b) || a.localeCompare(b));
      const pick = candidates[0] ?? (!hidden.has(relation.total) && value(relation.total) > 0 ? relation.total : undefined);
      if (pick === undefined) continue;
      hidden.set(pick, 'secondary');
      changed = true;
    }
  }
  return hidden;
}
