/** The normalised text of the search index and the FTS5 queries that read it. */
import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TERMS, searchIndexText, searchTerms, termMatchesIndexed } from '../../../src/core/text/search-text.js';

describe('search-text', () => {
  it('indexes Han runs as bigrams ending with the last character, other words folded both ways', () => {
    expect(searchIndexText('佛山全体大会')).toBe('佛山 山全 全体 体大 大会 会');
    expect(searchIndexText('Köln Straße')).toBe('koeln koln strasse');
    expect(searchIndexText('ＡＢＣ１２')).toBe('abc12');
    expect(searchIndexText('Rüsselsheim am Main')).toBe('ruesselsheim russelsheim am main');
  });

  it('turns a query into one FTS5 expression per term, without FTS5 syntax getting through', () => {
    expect(searchTerms('Köln 佛山 全体大会 六')).toEqual([
      { text: 'köln', match: '"koeln"*' },
      { text: '佛山', match: '"佛山"' },
      { text: '全体大会', match: '"全体 体大 大会"' },
      { text: '六', match: '"六"*' },
    ]);
    expect(searchTerms('"a" OR b* NEAR(c)').map((t) => t.match)).toEqual(['"a"*', '"or"*', '"b"*', '"near"*', '"c"*']);
    expect(searchTerms('*** ()')).toEqual([]);
    expect(searchTerms('a b c d e f g h i j k')).toHaveLength(MAX_SEARCH_TERMS);
  });

  it('matches city names as the index matches texts', () => {
    const termMatchesName = (term: string, name: string) => termMatchesIndexed(term, searchIndexText(name));
    expect(termMatchesName('koln', 'Köln')).toBe(true);
    expect(termMatchesName('koeln', 'Köln')).toBe(true);
    expect(termMatchesName('佛', '佛山')).toBe(true);
    expect(termMatchesName('山', '佛山')).toBe(true);
    expect(termMatchesName('佛山', '佛山市')).toBe(true);
    expect(termMatchesName('山佛', '佛山')).toBe(false);
    expect(termMatchesName('cologne', 'Köln')).toBe(false);
  });
});
