import { expect } from '@open-wc/testing';
import { tokenizeLinks } from '../../src/model/autolink.js';
import { recordToJson } from '../../src/model/json.js';
import { LICENSE_INFO, licenseFor } from '../../src/model/licenses.js';
import { LICENSES } from '../../src/model/records.js';

describe('tokenizeLinks', () => {
  it('splits text and http(s) URLs, keeping every character', () => {
    const text = 'Notes: https://example.org/a?b=1#c and http://x.test/path\nnext line';
    const tokens = tokenizeLinks(text);
    expect(tokens).to.deep.equal([
      { type: 'text', text: 'Notes: ' },
      { type: 'url', text: 'https://example.org/a?b=1#c', href: 'https://example.org/a?b=1#c' },
      { type: 'text', text: ' and ' },
      { type: 'url', text: 'http://x.test/path', href: 'http://x.test/path' },
      { type: 'text', text: '\nnext line' },
    ]);
    expect(tokens.map((token) => token.text).join('')).to.equal(text);
  });

  it('leaves trailing punctuation and unopened brackets out of the link', () => {
    const tokens = tokenizeLinks('See https://example.org/notes. Or (https://example.org/x), or https://en.wikipedia.org/wiki/Commons_(disambiguation)!');
    expect(tokens.filter((token) => token.type === 'url').map((token) => token.text)).to.deep.equal([
      'https://example.org/notes',
      'https://example.org/x',
      'https://en.wikipedia.org/wiki/Commons_(disambiguation)',
    ]);
  });

  it('never links other schemes or what does not parse', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'https://', 'ftp://example.org', '<a href="https:">x</a>']) {
      expect(tokenizeLinks(text).every((token) => token.type === 'text'), text).to.equal(true);
    }
  });
});

describe('licenseFor', () => {
  it('names every licence in French and English with its legal code', () => {
    expect(LICENSES.map((id) => licenseFor(id, 'en')?.url)).to.deep.equal([
      'https://creativecommons.org/publicdomain/zero/1.0/',
      'https://creativecommons.org/licenses/by/4.0/',
      'https://creativecommons.org/licenses/by-sa/4.0/',
    ]);
    expect(licenseFor('CC-BY-SA-4.0', 'fr')?.name).to.equal(LICENSE_INFO['CC-BY-SA-4.0'].name.fr);
    expect(licenseFor('CC-BY-SA-4.0', 'fr')?.name).to.not.equal(licenseFor('CC-BY-SA-4.0', 'en')?.name);
    expect(licenseFor('toString', 'en')).to.equal(undefined);
  });
});

describe('recordToJson', () => {
  it('pretty-prints a record that parses back to itself', () => {
    const record = { id: 's1', title: 'T', body: 'B', license: 'CC0-1.0', tags: ['a'], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' } as const;
    const json = recordToJson({ ...record, tags: [...record.tags] });
    expect(JSON.parse(json)).to.deep.equal(record);
    expect(json).to.include('\n  "title": "T"');
  });
});
