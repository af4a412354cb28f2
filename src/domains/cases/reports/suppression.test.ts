import { describe, expect, it } from 'vitest';
import { suppressCells, suppressCounts } from './suppression.ts';

const map = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('small-cell suppression', () => {
  it('hides counts of 1 and 2, keeps 0 and 3+', () => {
    const hidden = suppressCounts(map({ a: 0, b: 1, c: 2, d: 3, e: 40 }), []);
    expect([...hidden]).toEqual([
      ['b', 'primary'],
      ['c', 'primary'],
    ]);
  });

  it('hides a second cell where a single hidden one could be worked out from the total', () => {
    // total 10 = 2 + 3 + 5: the 2 alone would be 10 − 3 − 5
    const hidden = suppressCounts(map({ t: 10, a: 2, b: 3, c: 5 }), [{ total: 't', parts: ['a', 'b', 'c'] }]);
    expect(Object.fromEntries(hidden)).toEqual({ a: 'primary', b: 'secondary' });
  });

  it('hides the total when no other part could cover for the hidden one', () => {
    const hidden = suppressCounts(map({ t: 2, a: 2, b: 0 }), [{ total: 't', parts: ['a', 'b'] }]);
    expect(Object.fromEntries(hidden)).toEqual({ a: 'primary', t: 'primary' });
    const single = suppressCounts(map({ t: 7, a: 1, b: 0 }), [{ total: 't', parts: ['a', 'b'] }]);
    expect(Object.fromEntries(single)).toEqual({ a: 'primary', t: 'secondary' });
  });

  it('follows hidden cells through crossing relations until every relation is safe', () => {
    // a 2×2 table with row and column totals: hiding r1c1 forces a cell in its row and in its
    // column, which in turn needs a partner in the other row/column
    const counts = map({ r1c1: 1, r1c2: 5, r1: 6, r2c1: 4, r2c2: 7, r2: 11, c1: 5, c2: 12, all: 17 });
    const relations = [
      { total: 'r1', parts: ['r1c1', 'r1c2'] },
      { total: 'r2', parts: ['r2c1', 'r2c2'] },
      { total: 'c1', parts: ['r1c1', 'r2c1'] },
      { total: 'c2', parts: ['r1c2', 'r2c2'] },
      { total: 'all', parts: ['r1', 'r2'] },
      { total: 'all', parts: ['c1', 'c2'] },
    ];
    const hidden = suppressCounts(counts, relations);
    expect(hidden.get('r1c1')).toBe('primary');
    for (const r of relations) {
      const n = [r.total, ...r.parts].filter((c) => hidden.has(c)).length;
      expect(n === 0 || n >= 2, `${r.total}: ${n}`).toBe(true);
    }
    expect(hidden.has('all')).toBe(false);
  });

  it('protects sums behind means with given primary cells', () => {
    // office sum 1200 = A 700 + B 500; B's count is hidden, so its sum is — and A's must be too
    const hidden = suppressCells(map({ all: 1200, a: 700, b: 500 }), [{ total: 'all', parts: ['a', 'b'] }], ['b']);
    expect(Object.fromEntries(hidden)).toEqual({ b: 'primary', a: 'secondary' });
  });
});
