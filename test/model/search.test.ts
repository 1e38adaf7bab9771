import { expect } from '@open-wc/testing';
import { foldForSearch, matchesWords } from '../../src/model/search.js';

describe('search', () => {
  it('folds case and accents', () => {
    expect(foldForSearch('Évènement au CAFÉ, Zoë')).to.equal('evenement au cafe, zoe');
    expect(foldForSearch('Plain ASCII')).to.equal('plain ascii');
  });

  it('matches when every word appears, in any order', () => {
    const haystack = foldForSearch('Breakfast of the commons\nCafé du Port\nLes Communs');
    expect(matchesWords(haystack, 'port cafe')).to.equal(true);
    expect(matchesWords(haystack, '  commons  ')).to.equal(true);
    expect(matchesWords(haystack, 'cafe lunch')).to.equal(false);
  });
});
