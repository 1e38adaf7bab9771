import { expect } from '@open-wc/testing';
import { badgeTarget } from '../../../src/elements/off-event-badge/target.js';

const target = (page: string) => badgeTarget('', page);

describe('badgeTarget', () => {
  it('leaves out the campaign tags and click ids of the page address by default', () => {
    expect(target('https://venue.example/g21/?utm_source=facebook&utm_medium=social&utm_campaign=g21')).to.equal('https://venue.example/g21/#off');
    expect(target('https://venue.example/g21/?fbclid=IwAR0x')).to.equal('https://venue.example/g21/#off');
    expect(target('https://venue.example/g21/?gclid=Cj0KCQ&msclkid=5a1b&mc_cid=81c2&mc_eid=a1b2c3')).to.equal('https://venue.example/g21/#off');
  });

  it('keeps every other parameter of the page address, as written and in its order', () => {
    expect(target('https://venue.example/?page_id=12&fbclid=IwAR0x')).to.equal('https://venue.example/?page_id=12#off');
    expect(target('https://venue.example/?utm_source=newsletter&p=123&lang=fr&gclid=Cj0#programme')).to.equal('https://venue.example/?p=123&lang=fr#off');
    expect(target('https://venue.example/?s=caf%C3%A9+off&utm_medium=email')).to.equal('https://venue.example/?s=caf%C3%A9+off#off');
    // Names that only look like them are kept.
    expect(target('https://venue.example/?utmost=1&my_utm_source=2&fbclid_page=3')).to.equal(
      'https://venue.example/?utmost=1&my_utm_source=2&fbclid_page=3#off',
    );
  });

  it('uses an explicit href as given, tags and all', () => {
    const page = 'https://venue.example/?p=123&fbclid=IwAR0x';
    expect(badgeTarget('https://example.org/g21?utm_source=poster', page)).to.equal('https://example.org/g21?utm_source=poster');
    expect(badgeTarget('/programme?utm_source=poster#off', page)).to.equal('https://venue.example/programme?utm_source=poster#off');
    // Only a fragment: this page, without the visitor's tags.
    expect(badgeTarget('#programme', page)).to.equal('https://venue.example/?p=123#programme');
  });
});
