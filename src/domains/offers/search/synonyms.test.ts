import { describe, expect, it } from 'vitest';
import { cleanQueryText } from './offerSearch.ts';
import { expandWithSynonyms, foldWord, MAX_QUERY_WORDS, queryWords } from './synonyms.ts';

describe('query words', () => {
  it('splits on anything but letters and digits, in any script, lower-cased and without repeats', () => {
    expect(queryWords('Deutschkurs, für  FRAUEN!')).toEqual(['deutschkurs', 'für', 'frauen']);
    expect(queryWords('курс німецької-мови')).toEqual(['курс', 'німецької', 'мови']);
    expect(queryWords('دورة اللغة الألمانية')).toEqual(['دورة', 'اللغة', 'الألمانية']);
    expect(queryWords('kurs kurs Kurs')).toEqual(['kurs']);
    expect(queryWords('"&|!:*<->')).toEqual([]);
    expect(queryWords('a b c d e f g h i j k')).toHaveLength(MAX_QUERY_WORDS);
  });

  it('removes control characters PostgreSQL text cannot hold', () => {
    expect(cleanQueryText('deutsch\u0000kurs\n')).toBe('deutsch kurs');
    expect(cleanQueryText(undefined)).toBe('');
  });

  it('folds case and diacritics for comparing with synonym terms', () => {
    expect(foldWord('Ärztin')).toBe('arztin');
    expect(foldWord('Й')).toBe('и');
  });
});

describe('synonym expansion', () => {
  const groups = [
    ['Deutschkurs', 'Sprachkurs', 'Integrationskurs'],
    ['Arzt', 'Ärztin'],
    ['Kita', 'Kindergarten'],
  ];

  it('widens a word that names a term with the other terms of its group', () => {
    const r = expandWithSynonyms(['sprachkurs', 'frauen'], groups);
    expect(r.words).toEqual([{ alternatives: ['sprachkurs', 'deutschkurs', 'integrationskurs'] }, { alternatives: ['frauen'] }]);
    expect(r.expandedTerms).toEqual(['deutschkurs', 'integrationskurs']);
  });

  it('matches inflected words and ignores diacritics', () => {
    expect(expandWithSynonyms(['deutschkurse'], groups).expandedTerms).toEqual(['deutschkurs', 'sprachkurs', 'integrationskurs']);
    expect(expandWithSynonyms(['arztin'], groups).expandedTerms).toEqual(['arzt']);
  });

  it('leaves other words alone and takes only short endings as inflection', () => {
    expect(expandWithSynonyms(['kitas'], groups).expandedTerms).toEqual(['kita', 'kindergarten']);
    expect(expandWithSynonyms(['kitaplatz'], groups).expandedTerms).toEqual([]);
    expect(expandWithSynonyms(['wohnung'], groups)).toEqual({ words: [{ alternatives: ['wohnung'] }], expandedTerms: [] });
    expect(expandWithSynonyms(['sprachkurs'], []).expandedTerms).toEqual([]);
  });
});
