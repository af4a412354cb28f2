/**
 * Query words and the office's synonym groups (Deutschkurs ≈ Sprachkurs ≈ Integrationskurs):
 * a query word that matches a term of a group is widened with the group's other terms.
 */

export const MAX_QUERY_WORDS = 8;

/** Lower case, no diacritics, NFC: how words are compared with synonym terms. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC').toLowerCase();
}

/** The words of a free-text query (letters and digits in any script), at most MAX_QUERY_WORDS. */
export function queryWords(q: string): string[] {
  const words = q
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => w.length > 0 && w.length <= 60);
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

export interface ExpandedWord {
  /** The query word first, then its synonyms. */
  alternatives: string[];
}

/** True when a query word names a synonym term: equal, or the term plus a short inflection (Deutschkurse). */
function wordMatchesTerm(word: string, term: string): boolean {
  if (word === term) return true;
  return term.length >= 4 && word.startsWith(term) && word.length - term.length <= 2;
}

/**
 * Widens each query word with the other terms of every synonym group it matches.
 * Returns the words with their alternatives and the distinct terms that were added.
 */
export function expandWithSynonyms(words: string[], groups: readonly (readonly string[])[]): { words: ExpandedWord[]; expandedTerms: string[] } {
  const added = new Set<string>();
  const folded = groups.map((g) => g.map((term) => ({ term: term.trim(), folded: foldWord(term.trim()) })).filter((t) => t.term.length > 0));
  const result = words.map((word) => {
    const key = foldWord(word);
    const alternatives = [word];
    for (const group of folded) {
      if (!group.some((t) => wordMatchesTerm(key, t.folded))) continue;
      for (const t of group) {
        if (t.folded === key || alternatives.some((a) => foldWord(a) === t.folded)) continue;
        alternatives.push(t.term.toLowerCase());
        added.add(t.term.toLowerCase());
      }
    }
    return { alternatives: alternatives.slice(0, 12) };
  });
  return { words: result, expandedTerms: [...added] };
}
