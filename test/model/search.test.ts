import { expect } from '@open-wc/testing';
import { foldForSearch, matchesWords, searchWords } from '../../src/model/search.js';

describe('search', () => {
  it('folds case and accents', () => {
    expect(foldForSearch('Évènement au CAFÉ, Zoë')).to.equal('evenement au cafe, zoe');
    expect(foldForSearch('Plain ASCII')).to.equal('plain ascii');
  });

  it('splits a query into folded words', () => {
    expect(searchWords('  Port   CAFÉ ')).to.deep.equal(['port', 'cafe']);
    expect(searchWords('   ')).to.deep.equal([]);
  });

  it('matches when every word appears, in any order', () => {
    const haystack = foldForSearch('Breakfast of the commons\nCafé du Port\nLes Communs');
    expect(matchesWords(haystack, searchWords('port cafe'))).to.equal(true);
    expect(matchesWords(haystack, searchWords('  commons  '))).to.equal(true);
    expect(matchesWords(haystack, searchWords('cafe lunch'))).to.equal(false);
  });
});
